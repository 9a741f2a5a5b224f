// SPDX-License-Identifier: GPL-3.0-or-later
// json::writeString skips escape-free runs eight bytes at a time and writes
// escapes through a pointer in 4 KB segments. Whatever the positions of the
// characters to escape (within a block, across blocks and segments), the
// output must be exactly the byte-by-byte escaping JSON requires.
#include "core/Json.h"
#include "JsonEscapeModel.h"

#include <gtest/gtest.h>

#include <string>

namespace {

std::string reference(std::string_view s) { return bi::test::jsonEscapeModel(s); }

std::string written(std::string_view s, const std::string& before = {}) {
    std::string out = before;
    bi::json::writeString(s, out);
    return out;
}

} // namespace

TEST(JsonWriteString, EscapesEveryControlCharacterQuoteAndBackslash) {
    std::string all;
    for (int c = 0; c < 0x80; ++c) {
        all += static_cast<char>(c);
    }
    all += "\xC3\xA9\xE2\x82\xAC\xFF"; // non-ASCII bytes pass through as they are
    EXPECT_EQ(written(all), reference(all));
    EXPECT_EQ(written(""), "\"\"");
    EXPECT_EQ(written("plain", "prefix:"), "prefix:\"plain\"");
    for (std::size_t length = 0; length < 80; ++length) { // across the short-string limit
        const std::string clean(length, 'x');
        ASSERT_EQ(written(clean), reference(clean)) << "length " << length;
    }
}

TEST(JsonWriteString, EscapesAtEveryPositionAndLength) {
    // One or two escapes at each position of strings around the 8- and
    // 16-byte blocks, the short-string limit (62) and the 1 KB segments.
    const char specials[] = {'"', '\\', '\n', '\x01', '\x1f', '\t'};
    for (std::size_t length :
         {1U, 7U, 8U, 9U, 15U, 16U, 17U, 31U, 32U, 33U, 62U, 63U, 1023U, 1024U, 1025U, 4095U, 4096U, 4097U, 8200U}) {
        for (std::size_t pos = 0; pos < length; pos += (length > 100 ? 509 : 1)) {
            for (char special : specials) {
                std::string s(length, 'a');
                s[pos] = special;
                s[length - 1 - pos / 2] = special;
                ASSERT_EQ(written(s), reference(s)) << "length " << length << ", position " << pos;
            }
        }
    }
}

TEST(JsonWriteString, DenseAndSparseEscapesInLongText) {
    unsigned state = 7;
    std::string s;
    for (int i = 0; i < 50000; ++i) {
        state = state * 1103515245U + 12345U;
        const unsigned r = (state >> 16U) % 100;
        s += r < 3 ? '\n' : r < 4 ? '"' : r < 5 ? static_cast<char>(r % 0x20) : static_cast<char>('a' + r % 26);
    }
    EXPECT_EQ(written(s), reference(s));
    const std::string allEscapes(10000, '\x02'); // six output bytes per input byte
    EXPECT_EQ(written(allEscapes), reference(allEscapes));
}
