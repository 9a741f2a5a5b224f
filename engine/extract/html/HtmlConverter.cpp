// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/html/HtmlConverter.h"

#include <algorithm>
#include <charconv>
#include <utility>

namespace bi::extract::html {

namespace {

// Open elements kept at most; bounds every walk down the stack (Chromium's
// parser uses the same limit).
constexpr std::size_t kMaxDepth = 512;

bool isAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool isAllWhitespace(std::string_view text) {
    return std::all_of(text.begin(), text.end(), isAsciiSpace);
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// True when the whitespace-separated token list holds `word` (ASCII case-insensitive).
bool hasToken(std::string_view list, std::string_view word) {
    std::size_t i = 0;
    while (i < list.size()) {
        while (i < list.size() && isAsciiSpace(list[i])) {
            ++i;
        }
        std::size_t end = i;
        while (end < list.size() && !isAsciiSpace(list[end])) {
            ++end;
        }
        const std::string_view token = list.substr(i, end - i);
        if (token.size() == word.size() &&
            std::equal(token.begin(), token.end(), word.begin(),
                       [](char a, char b) { return lower(a) == lower(b); })) {
            return true;
        }
        i = end;
    }
    return false;
}

// "language-x" or "lang-x" in a class list.
std::string languageFromClass(std::string_view classes) {
    std::size_t i = 0;
    while (i < classes.size()) {
        while (i < classes.size() && isAsciiSpace(classes[i])) {
            ++i;
        }
        std::size_t end = i;
        while (end < classes.size() && !isAsciiSpace(classes[end])) {
            ++end;
        }
        const std::string_view token = classes.substr(i, end - i);
        for (std::string_view prefix : {std::string_view("language-"), std::string_view("lang-")}) {
            if (token.size() > prefix.size() && token.substr(0, prefix.size()) == prefix) {
                return std::string(token.substr(prefix.size()));
            }
        }
        i = end;
    }
    return {};
}

// A link destination as CommonMark accepts it.
void appendDestination(std::string_view url, std::string& out) {
    // A plain loop: find_first_of with a set calls memchr on the set per byte.
    const bool needsBrackets = std::any_of(url.begin(), url.end(), [](char c) {
        return c == ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c == '\t' || c == '\n';
    });
    if (!needsBrackets) {
        out.append(url);
        return;
    }
    out += '<';
    for (char c : url) {
        if (c == '<' || c == '>') {
            out += '\\';
        }
        out += c == '\n' ? ' ' : c;
    }
    out += '>';
}

std::string destination(std::string_view url) {
    std::string out;
    appendDestination(url, out);
    return out;
}

long parseStart(std::string_view text) {
    long value = 0;
    bool negative = false;
    std::size_t i = 0;
    while (i < text.size() && isAsciiSpace(text[i])) {
        ++i;
    }
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
        negative = text[i] == '-';
        ++i;
    }
    const std::size_t digits = i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9' && value < 1000000000L; ++i) {
        value = value * 10 + (text[i] - '0');
    }
    if (i == digits) {
        return 1;
    }
    return negative ? -value : value;
}

std::size_t longestBacktickRun(std::string_view s) {
    std::size_t longest = 0;
    std::size_t run = 0;
    for (char c : s) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return longest;
}

// HTML elements that end foreign (SVG/MathML) content when they start inside it.
bool breaksOutOfForeignContent(HtmlTag tag) {
    switch (tag) {
    case HtmlTag::B: case HtmlTag::Blockquote: case HtmlTag::Body: case HtmlTag::Br:
    case HtmlTag::Center: case HtmlTag::Code: case HtmlTag::Dd: case HtmlTag::Div:
    case HtmlTag::Dl: case HtmlTag::Dt: case HtmlTag::Em: case HtmlTag::Embed: case HtmlTag::H1:
    case HtmlTag::H2: case HtmlTag::H3: case HtmlTag::H4: case HtmlTag::H5: case HtmlTag::H6:
    case HtmlTag::Head: case HtmlTag::Hr: case HtmlTag::I: case HtmlTag::Img: case HtmlTag::Li:
    case HtmlTag::Listing: case HtmlTag::Menu: case HtmlTag::Meta: case HtmlTag::Ol:
    case HtmlTag::P: case HtmlTag::Pre: case HtmlTag::S: case HtmlTag::Strike:
    case HtmlTag::Strong: case HtmlTag::Table: case HtmlTag::Tt: case HtmlTag::Ul:
        return true;
    default:
        return false;
    }
}

bool isListTag(HtmlTag tag) {
    return tag == HtmlTag::Ul || tag == HtmlTag::Ol || tag == HtmlTag::Menu || tag == HtmlTag::Dir;
}

bool isTableStructure(HtmlTag tag) {
    switch (tag) {
    case HtmlTag::Table: case HtmlTag::Tbody: case HtmlTag::Thead: case HtmlTag::Tfoot:
    case HtmlTag::Tr: case HtmlTag::Td: case HtmlTag::Th: case HtmlTag::Caption:
        return true;
    default:
        return false;
    }
}

bool isHeadElement(HtmlTag tag) {
    switch (tag) {
    case HtmlTag::Title: case HtmlTag::Meta: case HtmlTag::Link: case HtmlTag::Base:
    case HtmlTag::Style: case HtmlTag::Script: case HtmlTag::Noscript: case HtmlTag::Template:
    case HtmlTag::Head: case HtmlTag::Html:
        return true;
    default:
        return false;
    }
}

} // namespace

HtmlConverter::HtmlConverter(std::string_view input, HtmlOptions options)
    : options_(options), tokenizer_(input) {
    tokenizer_.setReplaceEachInvalidByte(options.unvalidatedUtf8);
}

void HtmlConverter::restart(std::string_view input, HtmlOptions options) {
    // Reset through a fresh converter (no state forgotten), then hand the
    // buffers back: a fresh converter itself allocates nothing.
    HtmlConverter fresh(input, options);
    fresh.tokenizer_ = std::move(tokenizer_);
    fresh.tokenizer_.restart(input);
    fresh.tokenizer_.setReplaceEachInvalidByte(options.unvalidatedUtf8);
    fresh.writer_ = std::move(writer_);
    fresh.writer_.reset();
    fresh.inline_ = std::move(inline_);
    fresh.inline_.reset();
    fresh.table_ = std::move(table_);
    fresh.table_.reset();
    fresh.metadata_.keepBuffersOf(metadata_);
    fresh.metadataJson_ = std::move(metadataJson_);
    auto keep = [](auto& mine, auto& old) {
        mine = std::move(old);
        mine.clear();
    };
    fresh.spareTables_ = std::move(spareTables_);
    for (Table& table : tables_) {
        fresh.spareTables_.push_back(std::move(table)); // rewritten by this document's tables
    }
    keep(fresh.tables_, tables_);
    keep(fresh.stack_, stack_);
    keep(fresh.lists_, lists_);
    for (auto [mine, old] : {std::pair{&fresh.headingText_, &headingText_}, std::pair{&fresh.cellText_, &cellText_},
                             std::pair{&fresh.blockText_, &blockText_}, std::pair{&fresh.titleText_, &titleText_},
                             std::pair{&fresh.linkHref_, &linkHref_}, std::pair{&fresh.linkText_, &linkText_},
                             std::pair{&fresh.linkCloser_, &linkCloser_},
                             std::pair{&fresh.preText_, &preText_}, std::pair{&fresh.preLanguage_, &preLanguage_}}) {
        keep(*mine, *old);
    }
    *this = std::move(fresh);
}

void HtmlConverter::swapResults(json::Value& metadata, std::vector<Table>& tables) {
    std::swap(metadata, metadataJson_);
    std::swap(tables, tables_);
}

bool HtmlConverter::pump(std::string& out, std::size_t minBytes) {
    if (finished_) {
        return false;
    }
    writer_.setOutput(&out);
    const std::size_t start = out.size();
    const std::size_t wanted = std::max<std::size_t>(minBytes, 1);
    while (!finished_ && out.size() - start < wanted) {
        const HtmlToken& token = tokenizer_.next();
        switch (token.type) {
        case HtmlTokenType::Character: onText(token.data); break;
        case HtmlTokenType::StartTag: onStartTag(token); break;
        case HtmlTokenType::EndTag: onEndTag(token); break;
        case HtmlTokenType::EndOfFile: finish(); break;
        default: break; // comments and DOCTYPE produce nothing
        }
    }
    writer_.setOutput(nullptr);
    return !finished_;
}

void HtmlConverter::finish() {
    popTo(0);
    flushParagraph();
    metadata_.writeJson(metadataJson_);
    finished_ = true;
}

// ------------------------------------------------------------ text

void HtmlConverter::onText(std::string_view text) {
    if (titleCapture_) {
        titleText_ += text;
        return;
    }
    if (skipDepth_ > 0) {
        return;
    }
    if (inHead_) {
        if (isAllWhitespace(text)) {
            return;
        }
        inHead_ = false; // text ends the head, as in the standard
    }
    if (preDepth_ > 0) {
        if (preSkipNewline_ && !text.empty() && text.front() == '\n') {
            text.remove_prefix(1); // the newline right after <pre> is not content
        }
        preSkipNewline_ = false;
        preText_ += text;
        return;
    }
    inline_.appendText(text);
    if (linkOpen_) {
        linkText_ += text;
    }
    if (headingLevel_ > 0) {
        headingText_ += text;
    }
    if (inCell()) {
        cellText_ += text;
    }
}

void HtmlConverter::lineBreak() {
    if (skipDepth_ > 0) {
        return;
    }
    if (preDepth_ > 0) {
        preText_ += '\n';
    } else if (inCell() || headingLevel_ > 0) {
        inline_.space();
        (inCell() ? cellText_ : headingText_) += ' ';
    } else {
        inline_.lineBreak(options_.plainText ? "\n" : "  \n");
    }
}

void HtmlConverter::image(const HtmlToken& token) {
    if (skipDepth_ > 0) {
        return;
    }
    const std::string alt = collapseWhitespace(token.attribute("alt").value_or(""));
    if (preDepth_ > 0) {
        preText_ += alt;
        return;
    }
    if (options_.plainText) {
        inline_.appendAtom(alt);
    } else {
        inline_.appendAtom("![" + alt + "](" +
                           destination(token.attribute("src").value_or("")) + ")");
    }
    if (linkOpen_) {
        linkText_ += alt;
    }
    if (headingLevel_ > 0) {
        headingText_ += alt;
    }
    if (inCell()) {
        cellText_ += ' ';
        cellText_ += alt;
        cellText_ += ' ';
    }
}

void HtmlConverter::flushParagraph() {
    if (inCell() || headingLevel_ > 0) {
        inline_.space();
        (inCell() ? cellText_ : headingText_) += ' ';
        return;
    }
    writer_.writeBlock(inline_.take());
}

// ------------------------------------------------------------ start tags

void HtmlConverter::switchTokenizerState(HtmlTag tag) {
    switch (tag) {
    case HtmlTag::Title: case HtmlTag::Textarea:
        tokenizer_.setState(HtmlTokenizer::State::Rcdata);
        break;
    case HtmlTag::Style: case HtmlTag::Xmp: case HtmlTag::Iframe: case HtmlTag::Noembed:
    case HtmlTag::Noframes: case HtmlTag::Noscript:
        tokenizer_.setState(HtmlTokenizer::State::Rawtext);
        break;
    case HtmlTag::Script:
        tokenizer_.setState(HtmlTokenizer::State::ScriptData);
        break;
    case HtmlTag::Plaintext:
        tokenizer_.setState(HtmlTokenizer::State::Plaintext);
        break;
    default:
        break;
    }
}

void HtmlConverter::onStartTag(const HtmlToken& token) {
    const HtmlTag tag = tagFromName(token.data);
    if (foreignDepth_ > 0 && onForeignStartTag(token, tag)) {
        return;
    }
    switchTokenizerState(tag);
    if (skipDepth_ > 0) {
        if (!isVoidElement(tag) && tag != HtmlTag::Html && tag != HtmlTag::Body && tag != HtmlTag::Head) {
            push(tag, Effect::None, false, token.data);
        }
        return;
    }
    if (inHead_ && !isHeadElement(tag)) {
        inHead_ = false;
    }
    closeImpliedElements(tag);
    if (onHeadOrVoidElement(token, tag)) {
        return;
    }
    bool markup = false;
    const Effect effect = openElement(token, tag, markup);
    push(tag, effect, markup, token.data);
}

// Inside SVG or MathML: elements nest by name; some HTML elements end it.
bool HtmlConverter::onForeignStartTag(const HtmlToken& token, HtmlTag tag) {
    if (breaksOutOfForeignContent(tag)) {
        while (foreignDepth_ > 0 && !stack_.empty()) {
            closeTop();
        }
        return false;
    }
    if (tag == HtmlTag::Svg || tag == HtmlTag::Math) {
        return false;
    }
    if (!token.selfClosing) {
        push(HtmlTag::Other, Effect::None, false, token.data);
    }
    return true;
}

// Elements that are handled at once and never pushed.
bool HtmlConverter::onHeadOrVoidElement(const HtmlToken& token, HtmlTag tag) {
    switch (tag) {
    // The document's frame is implied anyway; a stray <html> or <body> inside
    // the body must not become an element that bounds end-tag searches.
    case HtmlTag::Html:
        metadata_.setLanguage(token.attribute("lang").value_or(""));
        return true;
    case HtmlTag::Head:
        inHead_ = true;
        return true;
    case HtmlTag::Body:
        inHead_ = false;
        return true;
    case HtmlTag::Meta:
        metadata_.addMeta(token.attribute("name").value_or(""),
                          token.attribute("property").value_or(""),
                          token.attribute("content").value_or(""));
        return true;
    case HtmlTag::Link:
        if (hasToken(token.attribute("rel").value_or(""), "canonical")) {
            metadata_.setCanonicalUrl(token.attribute("href").value_or(""));
        }
        return true;
    case HtmlTag::Br:
        lineBreak();
        return true;
    case HtmlTag::Img:
        image(token);
        return true;
    case HtmlTag::Hr:
        flushParagraph();
        if (!options_.plainText && !inCell() && headingLevel_ == 0) {
            writer_.writeBlock("---");
        }
        return true;
    default:
        return isVoidElement(tag);
    }
}

void HtmlConverter::closeImpliedElements(HtmlTag tag) {
    if (closesParagraph(tag)) {
        if (const std::size_t p = findOpen(HtmlTag::P, {}); p != std::string_view::npos) {
            popTo(p);
        }
    }
    std::size_t index = std::string_view::npos;
    if (tag == HtmlTag::Li || tag == HtmlTag::A) {
        index = findOpen(tag, {});
    } else if (tag == HtmlTag::Dd || tag == HtmlTag::Dt) {
        index = findOpen(HtmlTag::Dd, {});
        const std::size_t dt = findOpen(HtmlTag::Dt, {});
        if (dt != std::string_view::npos && (index == std::string_view::npos || dt > index)) {
            index = dt;
        }
    } else if (headingLevel(tag) > 0 && !stack_.empty() && headingLevel(stack_.back().tag) > 0) {
        index = stack_.size() - 1;
    } else if (tag == HtmlTag::Tr || tag == HtmlTag::Tbody || tag == HtmlTag::Thead ||
               tag == HtmlTag::Tfoot) {
        index = findOpen(HtmlTag::Tr, {});
        for (HtmlTag section : {HtmlTag::Tbody, HtmlTag::Thead, HtmlTag::Tfoot}) {
            if (tag != HtmlTag::Tr) {
                index = std::min(index, findOpen(section, {}));
            }
        }
    }
    if (tag == HtmlTag::Td || tag == HtmlTag::Th || tag == HtmlTag::Tr) {
        const std::size_t cell = std::min(findOpen(HtmlTag::Td, {}), findOpen(HtmlTag::Th, {}));
        index = std::min(index, cell);
    }
    if (index != std::string_view::npos) {
        popTo(index);
    }
}

HtmlConverter::Effect HtmlConverter::openElement(const HtmlToken& token, HtmlTag tag, bool& markup) {
    switch (tag) {
    case HtmlTag::Title:
        ++skipDepth_;
        titleCapture_ = !titleSeen_;
        titleText_.clear();
        return Effect::Title;
    case HtmlTag::Script: case HtmlTag::Style: case HtmlTag::Template: case HtmlTag::Noscript:
    case HtmlTag::Iframe: case HtmlTag::Noembed: case HtmlTag::Noframes:
        ++skipDepth_;
        return Effect::Skip;
    case HtmlTag::Svg:
        ++skipDepth_;
        ++foreignDepth_;
        tokenizer_.setAllowCdata(true);
        return Effect::Svg;
    case HtmlTag::Math:
        ++foreignDepth_;
        tokenizer_.setAllowCdata(true);
        return Effect::Math;
    default:
        break;
    }
    if (token.attribute("hidden")) {
        ++skipDepth_;
        return Effect::Skip;
    }
    if (isTableStructure(tag)) {
        return openTableElement(tag);
    }
    if (isBlockElement(tag)) {
        return openBlockElement(token, tag);
    }
    return openInlineElement(token, tag, markup);
}

HtmlConverter::Effect HtmlConverter::openBlockElement(const HtmlToken& token, HtmlTag tag) {
    flushParagraph();
    if (inCell() && tag != HtmlTag::Pre && headingLevel(tag) == 0) {
        return Effect::Block;
    }
    if (const int level = headingLevel(tag); level > 0) {
        if (headingLevel_ > 0) {
            return Effect::Block;
        }
        headingLevel_ = level;
        headingText_.clear();
        return Effect::Heading;
    }
    switch (tag) {
    case HtmlTag::Blockquote:
        writer_.setSeparator(BlockWriter::Separator::BlankLine);
        writer_.pushContainer(options_.plainText ? "" : "> ", options_.plainText ? "" : "> ");
        return Effect::Quote;
    case HtmlTag::Ul: case HtmlTag::Ol: case HtmlTag::Menu: case HtmlTag::Dir: {
        const bool nested = std::any_of(stack_.begin(), stack_.end(),
                                        [](const OpenElement& e) { return e.effect == Effect::ListItem; });
        lists_.push_back({tag == HtmlTag::Ol,
                          tag == HtmlTag::Ol ? parseStart(token.attribute("start").value_or("1")) : 1,
                          nested, true});
        return Effect::List;
    }
    case HtmlTag::Li:
        return openListItem();
    case HtmlTag::Pre: case HtmlTag::Listing:
        if (inCell()) {
            return Effect::Block;
        }
        if (preDepth_++ == 0) {
            preText_.clear();
            preLanguage_ = languageFromClass(token.attribute("class").value_or(""));
        }
        preSkipNewline_ = true;
        return Effect::Pre;
    default:
        return Effect::Block;
    }
}

HtmlConverter::Effect HtmlConverter::openListItem() {
    if (lists_.empty()) {
        lists_.push_back({false, 1, false, true}); // a stray <li> acts as in a <ul>
    }
    ListState& list = lists_.back();
    // "- " or "12. ", and as many spaces under it, without building strings.
    char number[32];
    std::string_view marker = "- ";
    if (list.ordered) {
        char* end = std::to_chars(number, number + sizeof number - 2, list.next++).ptr;
        *end++ = '.';
        *end++ = ' ';
        marker = std::string_view(number, static_cast<std::size_t>(end - number));
    }
    static constexpr std::string_view kSpaces = "                                ";
    using Separator = BlockWriter::Separator;
    writer_.setSeparator(list.firstItem && !list.nested ? Separator::BlankLine : Separator::Newline);
    list.firstItem = false;
    writer_.pushContainer(marker, kSpaces.substr(0, marker.size()));
    return Effect::ListItem;
}

HtmlConverter::Effect HtmlConverter::openTableElement(HtmlTag tag) {
    if (tag == HtmlTag::Table) {
        flushParagraph();
        ++tableDepth_;
        return Effect::Table;
    }
    if (tableDepth_ != 1) {
        if (tag == HtmlTag::Td || tag == HtmlTag::Th || tag == HtmlTag::Tr || tag == HtmlTag::Caption) {
            flushParagraph();
            return Effect::Block;
        }
        return Effect::None;
    }
    switch (tag) {
    case HtmlTag::Tr:
        table_.startRow();
        return Effect::Row;
    case HtmlTag::Td: case HtmlTag::Th:
        flushParagraph(); // text before the first cell goes before the table
        ++cellDepth_;
        cellText_.clear();
        return Effect::Cell;
    case HtmlTag::Caption:
        flushParagraph();
        return Effect::Caption;
    default:
        return Effect::None;
    }
}

HtmlConverter::Effect HtmlConverter::openInlineElement(const HtmlToken& token, HtmlTag tag,
                                                       bool& markup) {
    // Markup nested deeper than any real text (and cost linear in the nesting) is dropped.
    constexpr std::size_t kMaxInlineMarkup = 32;
    const bool markdown = !options_.plainText && codeDepth_ == 0 &&
                          inline_.openCount() < kMaxInlineMarkup;
    switch (tag) {
    case HtmlTag::A: {
        const auto href = token.attribute("href");
        if (!href || linkOpen_) {
            return Effect::None;
        }
        linkOpen_ = true;
        linkHref_.assign(*href);
        linkText_.clear();
        if (markdown) {
            linkCloser_.assign("](");
            appendDestination(*href, linkCloser_);
            linkCloser_ += ')';
            inline_.open("[", linkCloser_);
            markup = true;
        }
        return Effect::Link;
    }
    case HtmlTag::Code: case HtmlTag::Kbd: case HtmlTag::Samp: case HtmlTag::Tt:
        if (preDepth_ > 0) {
            if (preLanguage_.empty()) {
                preLanguage_ = languageFromClass(token.attribute("class").value_or(""));
            }
            return Effect::None;
        }
        ++codeDepth_;
        if (markdown) {
            inline_.open("`", "`", true);
            markup = true;
        }
        return Effect::Code;
    case HtmlTag::B: case HtmlTag::Strong: case HtmlTag::I: case HtmlTag::Em: case HtmlTag::S:
    case HtmlTag::Del: case HtmlTag::Strike: {
        if (!markdown || preDepth_ > 0) {
            return Effect::None;
        }
        const char* marker = (tag == HtmlTag::B || tag == HtmlTag::Strong) ? "**"
                             : (tag == HtmlTag::I || tag == HtmlTag::Em)   ? "*"
                                                                           : "~~";
        if (inline_.isOpen(marker)) {
            return Effect::None; // <b> inside <b> adds nothing
        }
        inline_.open(marker, marker);
        markup = true;
        return Effect::Inline;
    }
    case HtmlTag::Button: case HtmlTag::Option: case HtmlTag::Select:
        inline_.space(); // form controls are boxes of their own: their words do not run on
        if (inCell()) {
            cellText_ += ' ';
        }
        return Effect::Space;
    default:
        return Effect::None;
    }
}

void HtmlConverter::push(HtmlTag tag, Effect effect, bool markup, std::string_view name) {
    if (stack_.size() >= kMaxDepth) {
        closeTop(); // as browsers do: past this depth an element becomes a sibling
    }
    OpenElement& e = stack_.emplace_back();
    e.tag = tag;
    e.effect = effect;
    e.markup = markup;
    ++openCounts_[static_cast<std::size_t>(tag)];
    if (tag == HtmlTag::Other) {
        e.name.assign(name);
    }
}

// ------------------------------------------------------------ end tags

bool HtmlConverter::stopsSearch(HtmlTag open, HtmlTag wanted) const {
    if (open == HtmlTag::Html) {
        return true;
    }
    if (isTableStructure(wanted)) {
        return open == HtmlTag::Table && wanted != HtmlTag::Table;
    }
    if (wanted == HtmlTag::Li && isListTag(open)) {
        return true;
    }
    if ((wanted == HtmlTag::Dd || wanted == HtmlTag::Dt) && open == HtmlTag::Dl) {
        return true;
    }
    return isScopeBoundary(open) && open != wanted;
}

std::size_t HtmlConverter::findOpen(HtmlTag tag, std::string_view name) const {
    if (headingLevel(tag) == 0 && openCounts_[static_cast<std::size_t>(tag)] == 0) {
        return std::string_view::npos;
    }
    for (std::size_t i = stack_.size(); i-- > 0;) {
        const OpenElement& e = stack_[i];
        const bool match = tag == HtmlTag::Other ? e.tag == HtmlTag::Other && e.name == name
                           : headingLevel(tag) > 0 ? headingLevel(e.tag) > 0
                                                   : e.tag == tag;
        if (match) {
            return i;
        }
        if (stopsSearch(e.tag, tag)) {
            return std::string_view::npos;
        }
    }
    return std::string_view::npos;
}

void HtmlConverter::onEndTag(const HtmlToken& token) {
    const HtmlTag tag = tagFromName(token.data);
    if (tag == HtmlTag::Br) {
        lineBreak(); // </br> is read as <br>
        return;
    }
    if (tag == HtmlTag::Body || tag == HtmlTag::Html) {
        return; // content after them still belongs to the body
    }
    if (tag == HtmlTag::Head) {
        inHead_ = false;
    }
    const std::size_t index = findOpen(tag, token.data);
    if (index != std::string_view::npos) {
        popTo(index);
    } else if (tag == HtmlTag::P && skipDepth_ == 0) {
        flushParagraph(); // a stray </p> still makes an (empty) paragraph
    }
}

void HtmlConverter::popTo(std::size_t index) {
    while (stack_.size() > index) {
        closeTop();
    }
}

void HtmlConverter::closeTop() {
    const OpenElement element = std::move(stack_.back());
    stack_.pop_back();
    --openCounts_[static_cast<std::size_t>(element.tag)];
    closeEffect(element);
}

void HtmlConverter::closeHeading(HtmlTag tag) {
    const int level = headingLevel(tag);
    headingLevel_ = 0;
    metadata_.addHeading(level, headingText_);
    if (inCell()) {
        inline_.space();
        cellText_ += ' ';
        return;
    }
    const std::string& text = inline_.take();
    blockText_.clear();
    if (!text.empty() && !options_.plainText) {
        blockText_.append(static_cast<std::size_t>(level), '#');
        blockText_ += ' ';
    }
    blockText_ += text;
    std::replace(blockText_.begin(), blockText_.end(), '\n', ' ');
    writer_.writeBlock(blockText_);
}

void HtmlConverter::closeEffect(const OpenElement& element) {
    switch (element.effect) {
    case Effect::None:
        break;
    case Effect::Block: case Effect::Caption:
        flushParagraph();
        break;
    case Effect::Heading:
        closeHeading(element.tag);
        break;
    case Effect::Quote:
        flushParagraph();
        writer_.popContainer();
        writer_.setSeparator(BlockWriter::Separator::BlankLine);
        break;
    case Effect::List:
        flushParagraph();
        lists_.pop_back();
        writer_.setSeparator(BlockWriter::Separator::BlankLine);
        break;
    case Effect::ListItem:
        flushParagraph();
        writer_.popContainer();
        break;
    case Effect::Pre:
        if (--preDepth_ == 0) {
            writeCodeBlock();
        }
        break;
    case Effect::Inline:
        inline_.close();
        break;
    case Effect::Code:
        --codeDepth_;
        if (element.markup) {
            inline_.close();
        }
        break;
    case Effect::Link:
        if (element.markup) {
            inline_.close();
        }
        linkOpen_ = false;
        metadata_.addLink(linkHref_, linkText_);
        break;
    case Effect::Table:
        if (--tableDepth_ == 0) {
            finishTable();
        }
        break;
    case Effect::Row:
        table_.endRow();
        break;
    case Effect::Cell:
        --cellDepth_;
        table_.addCell(inline_.take(), collapseWhitespace(cellText_));
        break;
    case Effect::Skip:
        --skipDepth_;
        break;
    case Effect::Space:
        inline_.space();
        if (inCell()) {
            cellText_ += ' ';
        }
        break;
    case Effect::Title:
        --skipDepth_;
        if (titleCapture_) {
            titleCapture_ = false;
            titleSeen_ = true;
            metadata_.setTitle(titleText_);
        }
        break;
    case Effect::Svg: case Effect::Math:
        skipDepth_ -= element.effect == Effect::Svg ? 1 : 0;
        --foreignDepth_;
        tokenizer_.setAllowCdata(foreignDepth_ > 0);
        break;
    }
}

// ------------------------------------------------------------ blocks written whole

void HtmlConverter::writeCodeBlock() {
    std::string code = std::move(preText_);
    preText_.clear();
    while (!code.empty() && code.back() == '\n') {
        code.pop_back();
    }
    if (code.empty()) {
        return;
    }
    if (inline_.empty() == false) {
        flushParagraph();
    }
    if (options_.plainText) {
        writer_.writeBlock(code);
        return;
    }
    const std::string fence(std::max<std::size_t>(3, longestBacktickRun(code) + 1), '`');
    writer_.writeBlock(fence + preLanguage_ + "\n" + code + "\n" + fence);
}

void HtmlConverter::finishTable() {
    flushParagraph();
    Table table;
    if (!spareTables_.empty()) {
        table = std::move(spareTables_.back());
        spareTables_.pop_back();
    }
    table_.finish(table);
    if (table.cells.empty()) {
        spareTables_.push_back(std::move(table));
        return;
    }
    writer_.writeBlock(options_.plainText ? TableBuilder::plainText(table) : table.markdown);
    tables_.push_back(std::move(table));
}

std::string convertAll(std::string_view input, HtmlOptions options) {
    HtmlConverter converter(input, options);
    std::string out;
    while (converter.pump(out, std::string::npos)) {
    }
    return out;
}

} // namespace bi::extract::html
