// SPDX-License-Identifier: GPL-3.0-or-later
// Test helpers for UTF-16 documents and the html5lib tokenizer inputs.
#pragma once

#include "core/Json.h"
#include "core/Utf8.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace bi::test {

inline void appendUtf16Unit(std::uint32_t unit, bool littleEndian, std::string& out) {
    const char lo = static_cast<char>(unit & 0xFFU);
    const char hi = static_cast<char>(unit >> 8U);
    out += littleEndian ? lo : hi;
    out += littleEndian ? hi : lo;
}

// The code point of the UTF-8 sequence at text[i] (well formed), i moved past it.
inline std::uint32_t readUtf8(std::string_view text, std::size_t& i) {
    const std::size_t length = utf8::sequenceLength(text, i);
    if (length == 0) {
        ++i;
        return 0xFFFD;
    }
    auto b = [&](std::size_t k) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(text[i + k]));
    };
    std::uint32_t cp = 0;
    switch (length) {
    case 1:
        cp = b(0);
        break;
    case 2:
        cp = (b(0) & 0x1FU) << 6U | (b(1) & 0x3FU);
        break;
    case 3:
        cp = (b(0) & 0x0FU) << 12U | (b(1) & 0x3FU) << 6U | (b(2) & 0x3FU);
        break;
    default:
        cp = (b(0) & 0x07U) << 18U | (b(1) & 0x3FU) << 12U | (b(2) & 0x3FU) << 6U | (b(3) & 0x3FU);
        break;
    }
    i += length;
    return cp;
}

// UTF-8 text as UTF-16 with a byte order mark (invalid bytes become U+FFFD).
inline std::string toUtf16(std::string_view utf8Text, bool littleEndian) {
    std::string out = littleEndian ? "\xFF\xFE" : "\xFE\xFF";
    std::size_t i = 0;
    while (i < utf8Text.size()) {
        const std::uint32_t cp = readUtf8(utf8Text, i);
        if (cp >= 0x10000) {
            appendUtf16Unit(0xD800 + ((cp - 0x10000) >> 10U), littleEndian, out);
            appendUtf16Unit(0xDC00 + ((cp - 0x10000) & 0x3FFU), littleEndian, out);
        } else {
            appendUtf16Unit(cp, littleEndian, out);
        }
    }
    return out;
}

inline std::string readTestFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// One html5lib tokenizer test's input and how it starts.
struct Html5libCase {
    std::string input;
    std::vector<std::string> initialStates; // "Data state", "RCDATA state", ...
    std::string lastStartTag;               // empty: none
};

// "\uXXXX" escapes of a doubleEscaped test as UTF-8 (a lone surrogate as U+FFFD).
inline std::string unescapeHtml5lib(std::string_view s) {
    auto hex = [&](std::size_t at, std::uint32_t& value) {
        if (at + 6 > s.size() || s[at] != '\\' || s[at + 1] != 'u') {
            return false;
        }
        value = 0;
        for (std::size_t k = at + 2; k < at + 6; ++k) {
            const char c = s[k];
            const int d = c >= '0' && c <= '9'   ? c - '0'
                          : c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : -1;
            if (d < 0) {
                return false;
            }
            value = value * 16 + static_cast<std::uint32_t>(d);
        }
        return true;
    };
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        std::uint32_t cp = 0;
        if (!hex(i, cp)) {
            out += s[i++];
            continue;
        }
        i += 6;
        std::uint32_t low = 0;
        if (cp >= 0xD800 && cp <= 0xDBFF && hex(i, low) && low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10U) + (low - 0xDC00);
            i += 6;
        }
        utf8::append(cp, out);
    }
    return out;
}

// Every input of tests/third_party/html5lib-tests/tokenizer/*.test.
inline std::vector<Html5libCase> html5libCases() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(BI_TEST_DATA_DIR) +
                                                                 "/third_party/html5lib-tests/tokenizer")) {
        if (entry.path().extension() == ".test") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<Html5libCase> cases;
    for (const auto& file : files) {
        const json::Value doc = json::parse(readTestFile(file));
        const json::Value* tests = doc.find("tests");
        if (tests == nullptr) {
            continue;
        }
        for (const json::Value& test : tests->asArray()) {
            Html5libCase c;
            c.input = test.find("input")->asString();
            if (const json::Value* d = test.find("doubleEscaped"); d != nullptr && d->asBool()) {
                c.input = unescapeHtml5lib(c.input);
            }
            if (const json::Value* states = test.find("initialStates")) {
                for (const json::Value& s : states->asArray()) {
                    c.initialStates.push_back(s.asString());
                }
            } else {
                c.initialStates.emplace_back("Data state");
            }
            if (const json::Value* last = test.find("lastStartTag"); last != nullptr && last->isString()) {
                c.lastStartTag = last->asString();
            }
            cases.push_back(std::move(c));
        }
    }
    return cases;
}

} // namespace bi::test
