// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/text/TextDecoder.h"

#include <gtest/gtest.h>

using bi::extract::text::decodeText;
using bi::extract::text::SourceEncoding;

TEST(TextDecoder, ValidUtf8IsAViewOfTheInput) {
    const std::string input = "caf\xC3\xA9 \xE2\x82\xAC";
    std::string storage;
    const auto decoded = decodeText(input, storage);
    EXPECT_EQ(decoded.text, input);
    EXPECT_EQ(decoded.text.data(), input.data());
    EXPECT_EQ(decoded.encoding, SourceEncoding::Utf8);
}

TEST(TextDecoder, Utf8ByteOrderMarkIsSkippedWithoutCopy) {
    const std::string input = "\xEF\xBB\xBFhello";
    std::string storage;
    const auto decoded = decodeText(input, storage);
    EXPECT_EQ(decoded.text, "hello");
    EXPECT_EQ(decoded.text.data(), input.data() + 3);
}

TEST(TextDecoder, Utf16LittleEndianWithSurrogatePair) {
    // BOM, "A", U+00E9, U+1F600 (D83D DE00)
    const std::string input("\xFF\xFE" "A\0" "\xE9\0" "\x3D\xD8\x00\xDE", 10);
    std::string storage;
    const auto decoded = decodeText(input, storage);
    EXPECT_EQ(decoded.text, "A\xC3\xA9\xF0\x9F\x98\x80");
    EXPECT_EQ(decoded.encoding, SourceEncoding::Utf16Le);
}

TEST(TextDecoder, Utf16BigEndianUnpairedSurrogateAndOddByteAreReplaced) {
    const std::string input("\xFE\xFF" "\0B" "\xD8\x01" "\0C" "\x7F", 9);
    std::string storage;
    const auto decoded = decodeText(input, storage);
    EXPECT_EQ(decoded.text, "B\xEF\xBF\xBD" "C\xEF\xBF\xBD");
    EXPECT_EQ(decoded.encoding, SourceEncoding::Utf16Be);
}

TEST(TextDecoder, Latin1BytesBecomeReplacementCharacters) {
    std::string storage;
    const auto decoded = decodeText("caf\xE9 cr\xE8me", storage);
    EXPECT_EQ(decoded.text, "caf\xEF\xBF\xBD cr\xEF\xBF\xBDme");
    EXPECT_EQ(decoded.encoding, SourceEncoding::Utf8Repaired);
}

TEST(TextDecoder, TruncatedSequenceAtTheEndAndNulBytes) {
    const std::string input("a\0b\xE2\x82", 5);
    std::string storage;
    const auto decoded = decodeText(input, storage);
    EXPECT_EQ(decoded.text, std::string("a\0b\xEF\xBF\xBD\xEF\xBF\xBD", 9));
}

TEST(TextDecoder, EmptyInput) {
    std::string storage;
    EXPECT_EQ(decodeText("", storage).text, "");
}
