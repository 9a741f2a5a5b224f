// SPDX-License-Identifier: GPL-3.0-or-later
// CommonMark inline parsing of one leaf block's text into inline nodes, with
// the spec's delimiter-stack algorithm for emphasis and the bracket stack for
// links and images. Also parses link reference definitions for the block parser.
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/WasmOutline.h"
#include "extract/markdown/HtmlSyntax.h"
#include "extract/markdown/LinkReference.h"
#include "extract/markdown/MdTree.h"

namespace bi::extract::markdown {

class InlineParser {
public:
    InlineParser(MdTree& tree, ReferenceMap& references);

    // Replaces nothing in `block`: appends the inlines parsed from `text`.
    void parse(std::string_view text, MdNode* block);
    // When `text` (already trimmed of spaces and tabs) is nothing but plain
    // text, appends to `block` the one text node parse() would make and
    // returns true; otherwise appends nothing and returns false. Table cells
    // take this path as they are split, sparing a copy and a parse each.
    bool appendIfPlain(std::string_view text, MdNode* block);
    // Whether appendIfPlain would take `text` as one text node (or none, empty).
    [[nodiscard]] static bool isPlain(std::string_view text);
    // Whether byte `c` may begin an inline other than text: plain text holds
    // none, and isPlain(text) is that plus plainEdge(text).
    [[nodiscard]] static constexpr bool mayBeginInline(char c) {
        switch (c) {
        case '\n': case '\\': case '`': case '*': case '_':
        case '[': case ']': case '!': case '<': case '&': return true;
        default: return false;
        }
    }
    // Whether `text`, free of those bytes, ends in none that parse() would trim.
    [[nodiscard]] static bool plainEdge(std::string_view text) {
        auto trimmedByParse = [](char c) { return c == '\r' || c == '\f' || c == '\v'; };
        return text.empty() || (!trimmedByParse(text.front()) && !trimmedByParse(text.back()));
    }
    // Parses one reference definition at the start of `text`; records it (the
    // first definition of a label wins) and returns the bytes used, or 0.
    std::size_t parseReference(std::string_view text);

private:
    struct Delimiter {
        char ch = 0;
        std::size_t count = 0;
        std::size_t originalCount = 0;
        MdNode* node = nullptr;
        Delimiter* previous = nullptr;
        Delimiter* next = nullptr;
        bool canOpen = false;
        bool canClose = false;
    };
    struct Bracket {
        MdNode* node = nullptr;
        Bracket* previous = nullptr;
        Delimiter* previousDelimiter = nullptr;
        std::size_t index = 0;
        bool image = false;
        bool active = true;
        bool bracketAfter = false;
    };
    struct LinkTarget {
        std::string destination;
        std::string title;
    };

    void reset(std::string_view text, MdNode* block);
    void parseOne();
    void appendText(std::string_view text);
    MdNode* appendTextNode(std::string_view text);
    void parseNewline();
    // Per construct rather than per byte: out of line in the standard wasm
    // module (core/WasmOutline.h) to keep parseOne small for V8.
    BI_WASM_OUTLINE void parseBackslash();
    BI_WASM_OUTLINE void parseBackticks();
    void parseDelimiterRun();
    void parseOpenBracket(bool image);
    BI_WASM_OUTLINE void parseCloseBracket();
    BI_WASM_OUTLINE bool parseAutolink();
    BI_WASM_OUTLINE bool parseRawHtml();
    BI_WASM_OUTLINE void parseEntity();
    void parsePlainText();

    bool parseInlineLinkTail(LinkTarget& target);
    bool lookupReference(const Bracket& opener, std::size_t afterCloser, LinkTarget& target);
    std::size_t linkLabelLength() const;
    bool parseLinkDestination(std::string& out);
    bool parseLinkTitle(std::string& out);
    void skipSpacesAndOneNewline();
    std::size_t findClosingBackticks(std::size_t from, std::size_t length);

    void processEmphasis(Delimiter* stackBottom);
    void removeDelimiter(Delimiter* delimiter);
    void removeBracket();
    void makeLink(Bracket* opener, const LinkTarget& target);
    void setDestination(std::string_view raw, std::string& out);

    [[nodiscard]] char peek(std::size_t ahead = 0) const {
        return pos_ + ahead < subject_.size() ? subject_[pos_ + ahead] : '\0';
    }
    [[nodiscard]] bool atEnd(std::size_t ahead = 0) const { return pos_ + ahead >= subject_.size(); }

    MdTree& tree_;
    ReferenceMap& references_;
    std::string_view subject_;
    std::size_t pos_ = 0;
    MdNode* block_ = nullptr;
    Delimiter* delimiters_ = nullptr;
    Bracket* brackets_ = nullptr;
    std::deque<Delimiter> delimiterPool_;
    std::deque<Bracket> bracketPool_;
    bool backtickRunsScanned_ = false;
    std::map<std::size_t, std::vector<std::size_t>> backtickRuns_; // length -> starts
    html::ScanMemo htmlMemo_;
    MdNode* lastPlainText_ = nullptr;
    LinkTarget linkTarget_;  // reused by every link
    std::string unescaped_; // scratch of setDestination
};

} // namespace bi::extract::markdown
