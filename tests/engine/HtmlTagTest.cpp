// SPDX-License-Identifier: GPL-3.0-or-later
#ifdef BI_VARIANT_STANDARD
#include "extract/html/HtmlTag.h"

#include <gtest/gtest.h>

namespace {

using bi::extract::html::HtmlTag;
using bi::extract::html::tagFromName;

TEST(HtmlTag, FindsEveryLetterRangeOfTheTable) {
    EXPECT_EQ(tagFromName("a"), HtmlTag::A);
    EXPECT_EQ(tagFromName("address"), HtmlTag::Address);
    EXPECT_EQ(tagFromName("button"), HtmlTag::Button);
    EXPECT_EQ(tagFromName("h6"), HtmlTag::H6);
    EXPECT_EQ(tagFromName("select"), HtmlTag::Select);
    EXPECT_EQ(tagFromName("td"), HtmlTag::Td);
    EXPECT_EQ(tagFromName("xmp"), HtmlTag::Xmp);
    EXPECT_EQ(tagFromName("wbr"), HtmlTag::Wbr);
}

TEST(HtmlTag, UnknownNamesAreOther) {
    EXPECT_EQ(tagFromName(""), HtmlTag::Other);
    EXPECT_EQ(tagFromName("DIV"), HtmlTag::Other); // the tokenizer lowercases names
    EXPECT_EQ(tagFromName("my-widget"), HtmlTag::Other);
    EXPECT_EQ(tagFromName("h7"), HtmlTag::Other);
    EXPECT_EQ(tagFromName("\xC3\xA9"), HtmlTag::Other);
}

} // namespace
#endif
