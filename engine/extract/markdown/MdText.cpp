// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/markdown/MdText.h"

#include <array>
#include <cstring>

#include "core/ByteFind.h"
#include "core/Utf8.h"
#include "extract/entities/NamedEntities.h"

namespace bi::extract::markdown::text {

namespace {

constexpr std::uint32_t kReplacement = 0xFFFD;
constexpr std::size_t kMaxDecimalDigits = 7;
constexpr std::size_t kMaxHexDigits = 6;
constexpr std::size_t kMaxEntityName = 32;

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isHexDigit(char c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isAlnum(char c) { return isAlpha(c) || isDigit(c); }

int hexValue(char c) {
    if (isDigit(c)) {
        return c - '0';
    }
    return (c | 0x20) - 'a' + 10;
}

struct Range {
    std::uint32_t first;
    std::uint32_t last;
};

// Main non-ASCII ranges of the P and S general categories (an approximation:
// the letters that sit inside some of these blocks are rare in practice).
constexpr std::array<Range, 34> kPunctuationRanges{{
    {0x00A1, 0x00A9}, {0x00AB, 0x00AC}, {0x00AE, 0x00B1}, {0x00B4, 0x00B4}, {0x00B6, 0x00B8},
    {0x00BB, 0x00BB}, {0x00BF, 0x00BF}, {0x00D7, 0x00D7}, {0x00F7, 0x00F7}, {0x02C2, 0x02C5},
    {0x02D2, 0x02DF}, {0x037E, 0x037E}, {0x0387, 0x0387}, {0x055A, 0x055F}, {0x0589, 0x058A},
    {0x05BE, 0x05BE}, {0x060C, 0x060D}, {0x061B, 0x061F}, {0x066A, 0x066D}, {0x06D4, 0x06D4},
    {0x0964, 0x0965}, {0x0E3F, 0x0E3F}, {0x2010, 0x2027}, {0x2030, 0x205E}, {0x207A, 0x207E},
    {0x20A0, 0x20C0}, {0x2100, 0x214F}, {0x2190, 0x2BFF}, {0x2E00, 0x2E7F}, {0x3001, 0x3030},
    {0xFE10, 0xFE6B}, {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFF3B, 0xFF65},
}};

void appendCaseFolded(std::uint32_t cp, std::string& out) {
    if (cp == 0x00DF || cp == 0x1E9E) { // sharp s folds to "ss"
        out += "ss";
        return;
    }
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
        (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) || (cp >= 0x410 && cp <= 0x42F)) {
        cp += 0x20;
    } else if (cp >= 0x400 && cp <= 0x40F) {
        cp += 0x50;
    } else if (cp == 0x3C2) {
        cp = 0x3C3; // final sigma
    } else if (((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177)) && cp % 2 == 0) {
        cp += 1;
    } else if (((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) && cp % 2 == 1) {
        cp += 1;
    } else if (cp == 0x178) {
        cp = 0xFF;
    }
    utf8::append(cp, out);
}

void appendPercentByte(unsigned char byte, std::string& out) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    out += '%';
    out += kHex[byte >> 4U];
    out += kHex[byte & 0xFU];
}

// The bytes a normalised URI keeps as they are, as a table: every byte of a
// link destination is tested.
struct UriSafeTable {
    bool kept[256] = {};
    constexpr UriSafeTable() {
        for (int c = 0; c < 256; ++c) {
            kept[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        for (char c : std::string_view(";/?:@&=+$,-_.!~*'()#")) {
            kept[static_cast<unsigned char>(c)] = true;
        }
    }
};
constexpr UriSafeTable kUriSafe;

bool keptInUri(char c) { return kUriSafe.kept[static_cast<unsigned char>(c)]; }

std::size_t matchNumericReference(std::string_view s, std::size_t pos, std::string& out) {
    std::size_t i = pos + 2; // after "&#"
    const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    i += hex ? 1 : 0;
    const std::size_t digitsStart = i;
    std::uint32_t value = 0;
    while (i < s.size() && (hex ? isHexDigit(s[i]) : isDigit(s[i])) &&
           i - digitsStart < (hex ? kMaxHexDigits : kMaxDecimalDigits)) {
        value = value * (hex ? 16U : 10U) + static_cast<std::uint32_t>(hexValue(s[i]));
        ++i;
    }
    if (i == digitsStart || i >= s.size() || s[i] != ';') {
        return 0;
    }
    utf8::append(value == 0 ? kReplacement : value, out);
    return i + 1 - pos;
}

} // namespace

bool isAsciiPunctuation(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

bool isSpaceOrTab(char c) { return c == ' ' || c == '\t'; }

std::uint32_t decodeAt(std::string_view s, std::size_t pos, std::size_t& length) {
    length = utf8::sequenceLength(s, pos);
    if (length == 0) {
        length = 1;
        return kReplacement;
    }
    auto byte = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(s[pos + i])); };
    switch (length) {
    case 1: return byte(0);
    case 2: return ((byte(0) & 0x1FU) << 6U) | (byte(1) & 0x3FU);
    case 3: return ((byte(0) & 0x0FU) << 12U) | ((byte(1) & 0x3FU) << 6U) | (byte(2) & 0x3FU);
    default:
        return ((byte(0) & 0x07U) << 18U) | ((byte(1) & 0x3FU) << 12U) | ((byte(2) & 0x3FU) << 6U) | (byte(3) & 0x3FU);
    }
}

std::uint32_t decodeBefore(std::string_view s, std::size_t pos) {
    std::size_t begin = pos - 1;
    while (begin > 0 && pos - begin < 4 && (static_cast<unsigned char>(s[begin]) & 0xC0U) == 0x80U) {
        --begin;
    }
    std::size_t length = 0;
    std::uint32_t cp = decodeAt(s, begin, length);
    return begin + length == pos ? cp : kReplacement;
}

bool isUnicodeWhitespace(std::uint32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\f' || cp == '\r' || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool isUnicodePunctuation(std::uint32_t cp) {
    if (cp < 0x80) {
        return isAsciiPunctuation(static_cast<char>(cp));
    }
    for (const Range& range : kPunctuationRanges) {
        if (cp >= range.first && cp <= range.last) {
            return true;
        }
    }
    return false;
}

std::size_t matchEntity(std::string_view s, std::size_t pos, std::string& out) {
    if (pos + 1 >= s.size()) {
        return 0;
    }
    if (s[pos + 1] == '#') {
        return matchNumericReference(s, pos, out);
    }
    std::size_t i = pos + 1;
    while (i < s.size() && isAlnum(s[i]) && i - pos <= kMaxEntityName) {
        ++i;
    }
    if (i == pos + 1 || !isAlpha(s[pos + 1]) || i >= s.size() || s[i] != ';') {
        return 0;
    }
    std::string_view replacement = entities::lookup(s.substr(pos + 1, i + 1 - (pos + 1)));
    if (replacement.empty()) {
        return 0;
    }
    out += replacement;
    return i + 1 - pos;
}

std::string unescape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    appendUnescaped(s, out);
    return out;
}

void appendUnescaped(std::string_view s, std::string& out) {
    // Two byte searches: find_first_of with a set would call memchr on the set per byte.
    if (!bytes::contains(s, '\\') && !bytes::contains(s, '&')) {
        out.append(s); // nothing to resolve: the common case
        return;
    }
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '\\' && i + 1 < s.size() && isAsciiPunctuation(s[i + 1])) {
            out += s[i + 1];
            i += 2;
        } else if (s[i] == '&') {
            std::size_t used = matchEntity(s, i, out);
            if (used == 0) {
                out += '&';
                used = 1;
            }
            i += used;
        } else {
            out += s[i++];
        }
    }
}

std::string normalizeLabel(std::string_view label) {
    std::string out;
    bool pendingSpace = false;
    for (std::size_t i = 0; i < label.size();) {
        char c = label[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            pendingSpace = !out.empty();
            ++i;
            continue;
        }
        if (pendingSpace) {
            out += ' ';
            pendingSpace = false;
        }
        std::size_t length = 0;
        std::uint32_t cp = decodeAt(label, i, length);
        appendCaseFolded(cp, out);
        i += length;
    }
    return out;
}

std::string normalizeUri(std::string_view uri) {
    std::string out;
    out.reserve(uri.size());
    appendNormalizedUri(uri, out);
    return out;
}

void appendNormalizedUri(std::string_view uri, std::string& out) {
    for (std::size_t i = 0; i < uri.size();) {
        char c = uri[i];
        if (keptInUri(c)) {
            const std::size_t start = i; // a run of kept bytes, appended at once
            while (++i < uri.size() && keptInUri(uri[i])) {
            }
            out.append(uri.substr(start, i - start));
        } else if (c == '%' && i + 2 < uri.size() && isHexDigit(uri[i + 1]) && isHexDigit(uri[i + 2])) {
            out.append(uri.substr(i, 3));
            i += 3;
        } else {
            std::size_t length = utf8::sequenceLength(uri, i);
            if (length == 0) {
                out += "%EF%BF%BD";
                ++i;
                continue;
            }
            for (std::size_t k = 0; k < length; ++k) {
                appendPercentByte(static_cast<unsigned char>(uri[i + k]), out);
            }
            i += length;
        }
    }
}

void appendEscaped(std::string_view s, std::string& out) {
    for (std::size_t i = 0; i < s.size();) {
        char c = s[i];
        switch (c) {
        case '&': out += "&amp;"; ++i; continue;
        case '<': out += "&lt;"; ++i; continue;
        case '>': out += "&gt;"; ++i; continue;
        case '"': out += "&quot;"; ++i; continue;
        default: break;
        }
        std::size_t start = i;
        while (i < s.size() && s[i] != '&' && s[i] != '<' && s[i] != '>' && s[i] != '"' && s[i] != '\0' &&
               static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
        }
        if (i > start) {
            out.append(s.substr(start, i - start));
            continue;
        }
        std::size_t length = utf8::sequenceLength(s, i);
        if (length == 0 || c == '\0') {
            utf8::append(kReplacement, out);
            ++i;
        } else {
            out.append(s.substr(i, length));
            i += length;
        }
    }
}

void appendRepaired(std::string_view s, std::string& out) {
    // Valid runs are appended whole; only a bad byte interrupts them. ASCII
    // without NUL is skipped eight bytes per test.
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t high = 0x8080808080808080ULL;
    std::size_t runStart = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (s.size() - i >= 8) {
            std::uint64_t w = 0;
            std::memcpy(&w, s.data() + i, 8);
            if ((w & high) == 0 && ((w - ones) & ~w & high) == 0) {
                i += 8;
                continue;
            }
        }
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t length = c == 0 ? 0 : c < 0x80 ? 1 : utf8::sequenceLength(s, i);
        if (length != 0) {
            i += length;
            continue;
        }
        out.append(s.data() + runStart, i - runStart);
        utf8::append(kReplacement, out);
        runStart = ++i;
    }
    out.append(s.data() + runStart, s.size() - runStart);
}

} // namespace bi::extract::markdown::text
