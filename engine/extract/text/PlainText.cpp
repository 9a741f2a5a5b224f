// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/text/PlainText.h"

#include "extract/Chunk.h"

#include <algorithm>

namespace bi::extract::text {

void describePlainText(std::string_view content, SourceEncoding encoding, json::Value& metadata) {
    const auto newlines = static_cast<std::size_t>(std::count(content.begin(), content.end(), '\n'));
    const std::size_t lines = content.empty() ? 0 : newlines + (content.back() == '\n' ? 0 : 1);
    const auto chars = static_cast<std::size_t>(std::count_if(
        content.begin(), content.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
    metadata.set("encoding", encodingName(encoding));
    metadata.set("line_count", lines);
    metadata.set("word_count", countTokens(content.data(), content.data() + content.size()));
    metadata.set("character_count", chars);
}

} // namespace bi::extract::text
