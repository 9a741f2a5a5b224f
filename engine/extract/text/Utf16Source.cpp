// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/text/Utf16Source.h"

#include "core/Utf8.h"
#include "extract/text/Utf16.h"

#include <algorithm>

namespace bi::extract::text {

Utf16Source::Utf16Source(std::string_view bytes, bool littleEndian, std::size_t fixedBlockUnits)
    : bytes_(bytes), littleEndian_(littleEndian), fixedBlockUnits_(fixedBlockUnits),
      // Worst case: 3 bytes per unit (a pair is 4 bytes for 2 units), 3 for a
      // dangling odd byte. Not initialized: untouched until written.
      buffer_(new char[3 * (bytes.size() / 2) + 3]) {}

std::string_view Utf16Source::grow(bool& final) {
    const std::size_t units = fixedBlockUnits_ > 0 ? fixedBlockUnits_ : std::max(kFirstBlockUnits, pos_ / 2);
    const std::size_t end = bytes_.size() - pos_ > 2 * units ? pos_ + 2 * units : bytes_.size();
    char* const out = buffer_.get();
    while (pos_ + 1 < end) {
        size_ += utf8::encode(utf16::nextCodePoint(bytes_, pos_, littleEndian_), out + size_);
    }
    if (pos_ + 1 == bytes_.size()) {
        size_ += utf8::encode(utf16::kReplacement, out + size_); // a dangling odd byte
        ++pos_;
    }
    final = pos_ >= bytes_.size();
    return {out, size_};
}

} // namespace bi::extract::text
