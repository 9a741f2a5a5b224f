// SPDX-License-Identifier: GPL-3.0-or-later
// One streamed extraction held in wasm memory between host calls: the input
// bytes (a copy, or the host's own buffer adopted without copying), the
// engine's ExtractionStream pulling one chunk per next(), and what is needed
// at the end to assemble the whole result.
#pragma once

#include "extract/ExtractOptions.h"
#include "extract/ExtractionStream.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace bi::wasm {

class ExtractStreamSession {
public:
    // Owns a copy of the input.
    ExtractStreamSession(std::string copy, const extract::ExtractOptions& options);
    // Adopts a malloc'd buffer in wasm memory (freed by the destructor).
    ExtractStreamSession(char* adopted, std::size_t size, const extract::ExtractOptions& options);
    ~ExtractStreamSession();
    ExtractStreamSession(const ExtractStreamSession&) = delete;
    ExtractStreamSession& operator=(const ExtractStreamSession&) = delete;

    // Writes the next chunk's JSON (total_chunks null) into `out`; false when done.
    bool next(std::string& out);
    // After next() returned false. withContent: the whole result without
    // chunks (`..."chunks":[]}`), which costs one more extraction pass for
    // formats whose content the stream does not keep (HTML); otherwise a
    // summary {"mime_type","metadata","tables","total_chunks"} from the stream.
    void end(bool withContent, std::string& out);
    [[nodiscard]] std::string_view input() const { return input_; }

private:
    void open();

    std::string copy_;
    char* adopted_ = nullptr;
    std::string_view input_;
    extract::ExtractOptions options_;
    // Null without chunking: then there are no chunks and end() extracts whole.
    std::unique_ptr<extract::ExtractionStream> stream_;
    std::size_t chunks_ = 0;
};

} // namespace bi::wasm
