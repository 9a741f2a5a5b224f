// SPDX-License-Identifier: GPL-3.0-or-later
// HTML to Markdown (or plain text), with metadata and tables, produced on
// demand: pump() tokenizes only as far as needed for the bytes asked for, so
// the first part of a large document costs work proportional to that part.
//
// Between the tokenizer and the output sits a light tree builder: a stack of
// open elements with the standard's implied end tags (p, li, dt/dd, table
// rows and cells, headings), scoped end tags, and raw-text and foreign
// (SVG/MathML) content. It survives unclosed and misnested markup but does
// not build a DOM (no adoption agency, no foster parenting: text a browser
// would move before a table is written before it, which is the same thing).
#pragma once

#include "core/Json.h"
#include "core/WasmOutline.h"
#include "extract/Table.h"
#include "extract/html/BlockWriter.h"
#include "extract/html/HtmlMetadata.h"
#include "extract/html/HtmlTag.h"
#include "extract/html/HtmlTokenizer.h"
#include "extract/html/InlineText.h"
#include "extract/html/TableBuilder.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bi::extract::html {

struct HtmlOptions {
    bool plainText = false;
    // The input has not been through text::decodeText: the converter repairs
    // invalid UTF-8 as it goes, with the same result (streaming then never
    // reads ahead of what it converts).
    bool unvalidatedUtf8 = false;
};

class HtmlConverter {
public:
    HtmlConverter(std::string_view input, HtmlOptions options); // never copies input
    // Starts over on another document, keeping every buffer (batch extraction
    // reuses one converter, so later documents allocate next to nothing).
    // (Once per document, it and swapResults: out of line in the standard wasm
    // module, to keep Extractor::extractHtml small for V8.)
    BI_WASM_OUTLINE void restart(std::string_view input, HtmlOptions options);
    // Reads the document from a source that grows as it is read instead of
    // the input given (ExtractionStream's UTF-16 decoding); before any pump().
    void setSource(text::GrowingInput& source) { tokenizer_.setSource(source); }
    // Exchanges the finished document's metadata and tables with the given
    // ones, whose storage the next document's metadata reuses.
    BI_WASM_OUTLINE void swapResults(json::Value& metadata, std::vector<Table>& tables);

    // Appends converted content to `out` until at least `minBytes` more bytes
    // were produced or the input is exhausted. Returns false once everything
    // has been produced.
    bool pump(std::string& out, std::size_t minBytes);
    [[nodiscard]] bool finished() const { return finished_; }
    // Complete once finished().
    [[nodiscard]] const json::Value& metadata() const { return metadataJson_; }
    [[nodiscard]] const std::vector<Table>& tables() const { return tables_; }
    // Input bytes tokenized so far (streaming keeps this far below the size).
    [[nodiscard]] std::size_t bytesConsumed() const { return tokenizer_.bytesConsumed(); }

private:
    // What opening an element did, so that closing it undoes exactly that.
    enum class Effect : std::uint8_t {
        None, Block, Heading, Quote, List, ListItem, Pre, Inline, Code, Link, Table, Row, Cell,
        Caption, Skip, Title, Svg, Math, Space,
    };
    struct OpenElement {
        HtmlTag tag = HtmlTag::Other;
        Effect effect = Effect::None;
        bool markup = false; // Inline/Code/Link: markers were opened in the inline text
        std::string name;    // for HtmlTag::Other only
    };
    struct ListState {
        bool ordered = false;
        long next = 1;
        bool nested = false; // inside a list item
        bool firstItem = true;
    };

    // Tags and the rare paths are kept out of pump's loop in wasm (core/WasmOutline.h).
    void onText(std::string_view text);
    BI_WASM_OUTLINE void onStartTag(const HtmlToken& token);
    BI_WASM_OUTLINE void onEndTag(const HtmlToken& token);
    BI_WASM_OUTLINE void finish();

    void switchTokenizerState(HtmlTag tag);
    BI_WASM_OUTLINE bool onForeignStartTag(const HtmlToken& token, HtmlTag tag);
    BI_WASM_OUTLINE bool onHeadOrVoidElement(const HtmlToken& token, HtmlTag tag);
    void closeImpliedElements(HtmlTag tag);
    Effect openElement(const HtmlToken& token, HtmlTag tag, bool& markup);
    BI_WASM_OUTLINE Effect openBlockElement(const HtmlToken& token, HtmlTag tag);
    Effect openTableElement(HtmlTag tag);
    BI_WASM_OUTLINE Effect openInlineElement(const HtmlToken& token, HtmlTag tag, bool& markup);
    BI_WASM_OUTLINE Effect openListItem();
    void push(HtmlTag tag, Effect effect, bool markup, std::string_view name);
    void closeTop();
    void closeEffect(const OpenElement& element);
    BI_WASM_OUTLINE void closeHeading(HtmlTag tag);
    void popTo(std::size_t index);
    // Index of the open element an end tag (or implied end) refers to, or npos.
    [[nodiscard]] std::size_t findOpen(HtmlTag tag, std::string_view name) const;
    [[nodiscard]] bool stopsSearch(HtmlTag open, HtmlTag wanted) const;

    void flushParagraph();
    void lineBreak();
    BI_WASM_OUTLINE void image(const HtmlToken& token);
    BI_WASM_OUTLINE void writeCodeBlock();
    void finishTable();
    [[nodiscard]] bool inCell() const { return cellDepth_ > 0; }

    HtmlOptions options_;
    HtmlTokenizer tokenizer_;
    BlockWriter writer_;
    InlineText inline_;
    TableBuilder table_;
    HtmlMetadata metadata_;
    json::Value metadataJson_ = json::Value::object();
    std::vector<Table> tables_;
    // Tables of an earlier document (handed back through swapResults and
    // restart), rewritten by the next tables instead of allocated afresh.
    std::vector<Table> spareTables_;
    std::vector<OpenElement> stack_;
    // Open elements per tag, so that the common case (no such element open)
    // needs no walk down a deep stack.
    std::array<std::uint32_t, 256> openCounts_{};
    std::vector<ListState> lists_;

    bool finished_ = false;
    bool inHead_ = false;
    int skipDepth_ = 0;
    int foreignDepth_ = 0;
    int codeDepth_ = 0;
    int tableDepth_ = 0;
    int cellDepth_ = 0;
    int headingLevel_ = 0;
    std::string headingText_;
    std::string cellText_; // plain text of the open table cell
    std::string blockText_; // reused while writing a heading
    bool titleCapture_ = false;
    bool titleSeen_ = false;
    std::string titleText_;
    bool linkOpen_ = false;
    std::string linkHref_;
    std::string linkText_;
    std::string linkCloser_; // "](destination)" being opened
    int preDepth_ = 0;
    bool preSkipNewline_ = false;
    std::string preText_;
    std::string preLanguage_;
};

// Converts a whole document.
std::string convertAll(std::string_view input, HtmlOptions options);

} // namespace bi::extract::html
