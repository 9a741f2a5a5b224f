// SPDX-License-Identifier: GPL-3.0-or-later
// UTF-16 bytes decoded to UTF-8 as a reader asks for more (GrowingInput), in
// blocks that double in size: decoding work and touched memory stay
// proportional to what was read, and the result is exactly text::decodeText's
// (the same per-unit code, text/Utf16.h).
//
// The buffer is allocated once for the worst case (3 UTF-8 bytes per UTF-16
// unit) and never moves, so views into it stay valid; its pages are only
// touched as they are written. It holds the decoded prefix: by the end, the
// document's UTF-8 size.
#pragma once

#include "extract/text/GrowingInput.h"

#include <cstddef>
#include <memory>
#include <string_view>

namespace bi::extract::text {

class Utf16Source : public GrowingInput {
public:
    // The first block: 16 Ki units (32 KB of input), each next one as large
    // as everything before it.
    static constexpr std::size_t kFirstBlockUnits = 16 * 1024;

    // bytes: the UTF-16 code units after the byte order mark; they must
    // outlive the source. fixedBlockUnits > 0 decodes that many units per
    // grow() instead of doubling (tests use 1 to reach every boundary).
    Utf16Source(std::string_view bytes, bool littleEndian, std::size_t fixedBlockUnits = 0);

    std::string_view grow(bool& final) override;

    // Input bytes decoded so far (of bytes, the byte order mark not counted).
    [[nodiscard]] std::size_t bytesDecoded() const { return pos_; }

private:
    std::string_view bytes_;
    bool littleEndian_;
    std::size_t fixedBlockUnits_;
    std::unique_ptr<char[]> buffer_;
    std::size_t size_ = 0;
    std::size_t pos_ = 0;
};

} // namespace bi::extract::text
