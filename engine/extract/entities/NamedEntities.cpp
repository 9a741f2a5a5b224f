// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/entities/NamedEntities.h"

#include <cstdint>

namespace bi::extract::entities {

namespace {

// kCode (front-coded names with their replacements inline), the groups of names
// sharing their first two bytes (kLetterGroups per first letter, kGroupSecondByte,
// kGroupStart into kCode) and the header bits, from gen-entities.mjs.
#include "NamedEntitiesTable.inc"

std::size_t utf8SequenceLength(unsigned char lead) {
    return lead < 0xC0U ? 1 : lead < 0xE0U ? 2 : lead < 0xF0U ? 3 : 4;
}

// The replacement stored at `p` (one or two code points); advances `p` past it.
std::string_view readReplacement(const unsigned char*& p, unsigned header) {
    const unsigned char* const start = p;
    p += utf8SequenceLength(*p);
    if ((header & kTwoCodePoints) != 0) {
        p += utf8SequenceLength(*p);
    }
    return {reinterpret_cast<const char*>(start), static_cast<std::size_t>(p - start)};
}

void skipSuffix(const unsigned char*& p) {
    while ((*p++ & kLastByte) == 0) {
    }
}

// Where the names starting with text's first two bytes lie in kCode; empty if none.
void findGroup(std::string_view text, const unsigned char*& begin, const unsigned char*& end) {
    begin = end = kCode;
    const unsigned first = text.size() < 2 ? 0U : static_cast<unsigned char>(text[0]);
    if (first < kFirstLetter || first > kLastLetter) {
        return;
    }
    const auto second = static_cast<unsigned char>(text[1]);
    for (std::size_t g = kLetterGroups[first - kFirstLetter]; g < kLetterGroups[first - kFirstLetter + 1]; ++g) {
        if (kGroupSecondByte[g] == second) {
            begin = kCode + kGroupStart[g];
            end = kCode + kGroupStart[g + 1];
            return;
        }
    }
}

enum class Order { Before, Prefix, After };

// Compares the name's remaining bytes at `p` with text from `pos`: Prefix when the
// name is a prefix of the text, Before or After when it sorts before or after it.
// Leaves `pos` after the bytes both agree on and `p` after the name (unless After).
Order compareSuffix(const unsigned char*& p, std::string_view text, std::size_t& pos) {
    for (;; ++p, ++pos) {
        const unsigned c = *p & 0x7FU;
        if (pos >= text.size() || c > static_cast<unsigned char>(text[pos])) {
            return Order::After;
        }
        if (c < static_cast<unsigned char>(text[pos])) {
            skipSuffix(p);
            return Order::Before;
        }
        if ((*p & kLastByte) != 0) {
            ++p;
            ++pos;
            return Order::Prefix;
        }
    }
}

} // namespace

std::string_view lookup(std::string_view name) {
    // A valid reference is its own longest prefix; an invalid one has a shorter one.
    const Match m = longestMatch(name);
    return m.length == name.size() ? m.replacement : std::string_view();
}

// One pass over the names starting with the text's first two bytes (every name has
// two or more), in sorted order. `matched` is how many bytes the previous name agrees
// with the text on; a name sharing more than that with the previous one fails where
// it did, and one sharing less sorts after the text, as does every name after it.
// The group's first name shares at most its first letter with the name before it,
// which the text starts with too.
Match longestMatch(std::string_view text) {
    const unsigned char* p = nullptr;
    const unsigned char* end = nullptr;
    findGroup(text, p, end);
    Match best;
    std::size_t matched = p < end ? (*p & kSharedMask) : 0;
    while (p < end) {
        const unsigned header = *p++;
        const std::size_t shared = header & kSharedMask;
        if (shared < matched) {
            break;
        }
        if (shared > matched) {
            skipSuffix(p);
            readReplacement(p, header);
            continue;
        }
        std::size_t pos = shared;
        const Order order = compareSuffix(p, text, pos);
        if (order == Order::After) {
            return best; // this name, and every one after it, sorts after the text
        }
        matched = pos;
        const std::string_view replacement = readReplacement(p, header);
        if (order == Order::Before) {
            continue;
        }
        // Later matches are longer names, so the last one found is the longest.
        if (pos < text.size() && text[pos] == ';') {
            best = {pos + 1, replacement};
        } else if ((header & kLegacy) != 0) {
            best = {pos, replacement};
        }
    }
    return best;
}

std::size_t count() { return kNameCount; }

} // namespace bi::extract::entities
