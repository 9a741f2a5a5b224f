// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/markdown/BlockParser.h"

#include <vector>

#include "core/ByteFind.h"
#include "extract/markdown/HtmlSyntax.h"
#include "extract/markdown/MdText.h"
#include "extract/markdown/TableSyntax.h"

namespace bi::extract::markdown {

namespace {

constexpr std::size_t kCodeIndent = 4;
constexpr std::size_t kMaxListMarkerDigits = 9;
constexpr std::size_t kMaxSpacesAfterMarker = 5;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool maybeSpecial(char c) {
    switch (c) {
    case '#': case '`': case '~': case '*': case '+': case '_': case '=': case '<': case '>': case '-':
    case '|': case ':':
        return true;
    default:
        return isDigit(c);
    }
}

bool canContain(NodeType parent, NodeType child) {
    switch (parent) {
    case NodeType::Document:
    case NodeType::BlockQuote:
    case NodeType::Item: return child != NodeType::Item;
    case NodeType::List: return child == NodeType::Item;
    default: return false;
    }
}

bool acceptsLines(NodeType type) {
    return type == NodeType::Paragraph || type == NodeType::CodeBlock || type == NodeType::HtmlBlock ||
           type == NodeType::Table;
}

bool onlySpacesAndTabs(std::string_view s) {
    for (char c : s) {
        if (c != ' ' && c != '\t') {
            return false;
        }
    }
    return true;
}

bool isBlankText(std::string_view s) {
    for (char c : s) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') {
            return false;
        }
    }
    return true;
}

std::string_view trimSpaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) {
        s.remove_suffix(1);
    }
    return s;
}

// Removes trailing lines holding only spaces (the "(\n *)+$" of the reference).
std::size_t endBeforeBlankTail(const std::string& s) {
    std::size_t end = s.size();
    for (;;) {
        std::size_t j = end;
        while (j > 0 && s[j - 1] == ' ') {
            --j;
        }
        if (j > 0 && s[j - 1] == '\n') {
            end = j - 1;
            continue;
        }
        return end;
    }
}

// Heading text of an ATX line after its opening sequence: without the optional
// closing sequence of '#'.
std::string_view atxContent(std::string_view s) {
    std::string_view trimmed = s;
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t')) {
        trimmed.remove_suffix(1);
    }
    std::size_t hashes = 0;
    while (hashes < trimmed.size() && trimmed[trimmed.size() - 1 - hashes] == '#') {
        ++hashes;
    }
    if (hashes == 0) {
        return s;
    }
    std::string_view before = trimmed.substr(0, trimmed.size() - hashes);
    if (onlySpacesAndTabs(before)) {
        return {};
    }
    if (before.back() != ' ' && before.back() != '\t') {
        return s;
    }
    while (!before.empty() && (before.back() == ' ' || before.back() == '\t')) {
        before.remove_suffix(1);
    }
    return before;
}

bool isThematicBreak(std::string_view s) {
    if (s.empty() || (s[0] != '*' && s[0] != '-' && s[0] != '_')) {
        return false;
    }
    std::size_t marks = 0;
    for (char c : s) {
        if (c == s[0]) {
            ++marks;
        } else if (c != ' ' && c != '\t') {
            return false;
        }
    }
    return marks >= 3;
}

// 1 for '=' underlines, 2 for '-', 0 when the line is not a setext underline.
int setextLevel(std::string_view s) {
    if (s.empty() || (s[0] != '=' && s[0] != '-')) {
        return 0;
    }
    std::size_t i = 0;
    while (i < s.size() && s[i] == s[0]) {
        ++i;
    }
    return onlySpacesAndTabs(s.substr(i)) ? (s[0] == '=' ? 1 : 2) : 0;
}

} // namespace

namespace {

// End of the line starting at `start`: its '\n' or '\r' or the input's end
// (a byte search: lines are long runs without either). `mayHoldCr` false: the
// input has no '\r' at all, and only '\n' is looked for.
std::size_t lineEnd(std::string_view input, std::size_t start, bool mayHoldCr) {
    const char* const begin = input.data() + start;
    const std::size_t length = bytes::indexOf(begin, input.size() - start, '\n');
    return start + (mayHoldCr ? bytes::indexOf(begin, length, '\r') : length);
}

} // namespace

BlockParser::BlockParser(MdTree& tree, MarkdownOptions options)
    : tree_(tree), options_(options), inlines_(tree, references_) {}

void BlockParser::parse(std::string_view input, std::size_t from) {
    tip_ = tree_.root();
    tip_->sourceOffset = from;
    std::size_t start = from;
    // One scan for '\r' (most documents have none) spares a second one per line.
    const bool mayHoldCr = bytes::find(input, '\r', from) != std::string_view::npos;
    while (start < input.size()) {
        const std::size_t end = lineEnd(input, start, mayHoldCr);
        incorporateLine(input.substr(start, end - start), start);
        start = end;
        if (start < input.size()) {
            start += mayHoldCr && input.compare(start, 2, "\r\n") == 0 ? 2 : 1;
        }
    }
    while (tip_ != nullptr) {
        finalize(tip_);
    }
    processInlines();
}

void BlockParser::findNextNonspace() {
    // Reuse the last scan while the offset has not passed it: deep containers
    // would otherwise rescan the same indentation once per level.
    if (nonspaceScanValid_ && nonspaceScanFrom_ <= offset_ && nextNonspace_ >= offset_ &&
        (nextNonspace_ > offset_ || !partiallyConsumedTab_)) {
        indent_ = nextNonspaceColumn_ - column_;
        indented_ = indent_ >= kCodeIndent;
        return;
    }
    nonspaceScanValid_ = true;
    nonspaceScanFrom_ = offset_;
    std::size_t i = offset_;
    std::size_t columns = column_;
    while (i < line_.size()) {
        if (line_[i] == ' ') {
            ++columns;
        } else if (line_[i] == '\t') {
            columns += 4 - columns % 4;
        } else {
            break;
        }
        ++i;
    }
    blank_ = i == line_.size();
    nextNonspace_ = i;
    nextNonspaceColumn_ = columns;
    indent_ = nextNonspaceColumn_ - column_;
    indented_ = indent_ >= kCodeIndent;
}

void BlockParser::advanceNextNonspace() {
    offset_ = nextNonspace_;
    column_ = nextNonspaceColumn_;
    partiallyConsumedTab_ = false;
}

void BlockParser::advanceOffset(std::size_t count, bool columns) {
    while (count > 0 && offset_ < line_.size()) {
        if (line_[offset_] == '\t') {
            std::size_t toTab = 4 - column_ % 4;
            if (columns) {
                partiallyConsumedTab_ = toTab > count;
                std::size_t advance = toTab > count ? count : toTab;
                column_ += advance;
                offset_ += partiallyConsumedTab_ ? 0 : 1;
                count -= advance;
            } else {
                partiallyConsumedTab_ = false;
                column_ += toTab;
                ++offset_;
                --count;
            }
        } else {
            partiallyConsumedTab_ = false;
            ++offset_;
            ++column_;
            --count;
        }
    }
}

void BlockParser::addLine() {
    if (tip_->type == NodeType::Table && isBlankText(line_.substr(offset_))) {
        return;
    }
    if (partiallyConsumedTab_) {
        ++offset_;
        tip_->literal.append(4 - column_ % 4, ' ');
    }
    tip_->literal.append(line_.substr(std::min(offset_, line_.size())));
    tip_->literal += '\n';
}

MdNode* BlockParser::addChild(NodeType type, std::size_t offset) {
    while (!canContain(tip_->type, type)) {
        finalize(tip_);
    }
    MdNode* block = tree_.create(type);
    block->startLine = lineNumber_;
    block->sourceOffset = lineStart_ + offset;
    MdTree::appendChild(tip_, block);
    tip_ = block;
    return block;
}

void BlockParser::closeUnmatchedBlocks() {
    if (allClosed_) {
        return;
    }
    while (oldTip_ != lastMatched_) {
        MdNode* parent = oldTip_->parent;
        finalize(oldTip_);
        oldTip_ = parent;
    }
    allClosed_ = true;
}

void BlockParser::incorporateLine(std::string_view line, std::size_t lineStart) {
    line_ = line;
    lineStart_ = lineStart;
    ++lineNumber_;
    offset_ = 0;
    column_ = 0;
    blank_ = false;
    partiallyConsumedTab_ = false;
    nonspaceScanValid_ = false;
    oldTip_ = tip_;
    bool lineDone = false;
    MdNode* container = matchOpenContainers(lineDone);
    if (lineDone) {
        return;
    }
    allClosed_ = container == oldTip_;
    lastMatched_ = container;
    container = openNewBlocks(container);
    if (!allClosed_ && !blank_ && tip_->type == NodeType::Paragraph) {
        addLine(); // lazy continuation
        return;
    }
    closeUnmatchedBlocks();
    markBlankLines(container);
    addLineText(container);
}

MdNode* BlockParser::matchOpenContainers(bool& lineDone) {
    MdNode* container = tree_.root();
    while (container->lastChild != nullptr && container->lastChild->open) {
        container = container->lastChild;
        findNextNonspace();
        Continuation result = continueBlock(container);
        if (result == Continuation::LineDone) {
            lineDone = true;
            return container;
        }
        if (result == Continuation::Failed) {
            return container->parent;
        }
    }
    return container;
}

MdNode* BlockParser::openNewBlocks(MdNode* container) {
    bool matchedLeaf = acceptsLines(container->type) && container->type != NodeType::Paragraph &&
                       container->type != NodeType::Table;
    while (!matchedLeaf) {
        findNextNonspace();
        if (!indented_ && !maybeSpecial(charAt(nextNonspace_))) {
            advanceNextNonspace();
            break;
        }
        Start started = tryStarts(container);
        if (started == Start::None) {
            advanceNextNonspace();
            break;
        }
        container = tip_;
        matchedLeaf = started == Start::Leaf;
    }
    return container;
}

BlockParser::Start BlockParser::tryStarts(MdNode* container) {
    // Only the starts that can match the line's first character are tried,
    // in the spec's order: the first that matches wins, and a setext heading
    // start that fails may already have closed blocks. An indented line can
    // only start indented code (the other starts need an indent below 4).
    if (indented_) {
        return startIndentedCode(container);
    }
    const char c = charAt(nextNonspace_);
    switch (c) {
    case '>': return startBlockQuote(container);
    case '#': return startAtxHeading(container);
    case '`':
    case '~': return startFencedCode(container);
    case '<': return startHtmlBlock(container);
    case '|':
    case ':': return startTable(container);
    case '=': return startSetextHeading(container);
    case '-':
        return firstStart(container, {&BlockParser::startTable, &BlockParser::startSetextHeading,
                                      &BlockParser::startThematicBreak, &BlockParser::startListItem});
    case '*': return firstStart(container, {&BlockParser::startThematicBreak, &BlockParser::startListItem});
    case '_': return startThematicBreak(container);
    case '+': return startListItem(container);
    default: return isDigit(c) ? startListItem(container) : Start::None;
    }
}

BlockParser::Start BlockParser::firstStart(MdNode* container, std::initializer_list<StartFunction> starts) {
    for (StartFunction start : starts) {
        if (const Start result = (this->*start)(container); result != Start::None) {
            return result;
        }
    }
    return Start::None;
}

void BlockParser::markBlankLines(MdNode* container) {
    // Blank lines decide whether lists are loose. They do not count in block
    // quotes, in fenced code, or right after an empty list item's marker.
    if (blank_ && container->lastChild != nullptr) {
        container->lastChild->lastLineBlank = true;
    }
    const NodeType type = container->type;
    container->lastLineBlank =
        blank_ && !(type == NodeType::BlockQuote || type == NodeType::Heading || type == NodeType::ThematicBreak ||
                    (type == NodeType::CodeBlock && container->fenced) ||
                    (type == NodeType::Item && container->firstChild == nullptr && container->startLine == lineNumber_));
    for (MdNode* ancestor = container->parent; ancestor != nullptr; ancestor = ancestor->parent) {
        ancestor->lastLineBlank = false;
    }
}

void BlockParser::addLineText(MdNode* container) {
    if (acceptsLines(container->type)) {
        addLine();
        if (container->type == NodeType::HtmlBlock && container->htmlBlockType >= 1 &&
            container->htmlBlockType <= 5 && html::blockEnds(container->htmlBlockType, line_.substr(std::min(offset_, line_.size())))) {
            finalize(container);
        }
    } else if (offset_ < line_.size() && !blank_) {
        addChild(NodeType::Paragraph, offset_);
        advanceNextNonspace();
        addLine();
    }
}

BlockParser::Continuation BlockParser::continueBlock(MdNode* container) {
    switch (container->type) {
    case NodeType::BlockQuote:
        if (!indented_ && charAt(nextNonspace_) == '>') {
            advanceNextNonspace();
            advanceOffset(1, false);
            if (text::isSpaceOrTab(charAt(offset_))) {
                advanceOffset(1, true);
            }
            return Continuation::Matched;
        }
        return Continuation::Failed;
    case NodeType::Item:
        if (blank_) {
            if (container->firstChild == nullptr) {
                return Continuation::Failed;
            }
            advanceNextNonspace();
            return Continuation::Matched;
        }
        if (indent_ >= container->markerOffset + container->padding) {
            advanceOffset(container->markerOffset + container->padding, true);
            return Continuation::Matched;
        }
        return Continuation::Failed;
    case NodeType::CodeBlock: return continueCodeBlock(container);
    case NodeType::HtmlBlock:
        return blank_ && (container->htmlBlockType == 6 || container->htmlBlockType == 7) ? Continuation::Failed
                                                                                            : Continuation::Matched;
    case NodeType::Paragraph:
    case NodeType::Table: return blank_ ? Continuation::Failed : Continuation::Matched;
    case NodeType::Heading:
    case NodeType::ThematicBreak: return Continuation::Failed;
    default: return Continuation::Matched; // document, list
    }
}

BlockParser::Continuation BlockParser::continueCodeBlock(MdNode* container) {
    if (!container->fenced) {
        if (indent_ >= kCodeIndent) {
            advanceOffset(kCodeIndent, true);
        } else if (blank_) {
            advanceNextNonspace();
        } else {
            return Continuation::Failed;
        }
        return Continuation::Matched;
    }
    if (indent_ <= 3 && charAt(nextNonspace_) == container->fenceChar) {
        std::size_t i = nextNonspace_;
        while (i < line_.size() && line_[i] == container->fenceChar) {
            ++i;
        }
        if (i - nextNonspace_ >= container->fenceLength && onlySpacesAndTabs(line_.substr(i))) {
            finalize(container);
            return Continuation::LineDone;
        }
    }
    for (std::size_t i = container->fenceOffset; i > 0 && text::isSpaceOrTab(charAt(offset_)); --i) {
        advanceOffset(1, true);
    }
    return Continuation::Matched;
}

BlockParser::Start BlockParser::startBlockQuote(MdNode* /*container*/) {
    if (indented_ || charAt(nextNonspace_) != '>') {
        return Start::None;
    }
    advanceNextNonspace();
    advanceOffset(1, false);
    if (text::isSpaceOrTab(charAt(offset_))) {
        advanceOffset(1, true);
    }
    closeUnmatchedBlocks();
    addChild(NodeType::BlockQuote, nextNonspace_);
    return Start::Container;
}

BlockParser::Start BlockParser::startAtxHeading(MdNode* /*container*/) {
    if (indented_ || charAt(nextNonspace_) != '#') {
        return Start::None;
    }
    std::string_view s = rest();
    std::size_t level = 0;
    while (level < s.size() && s[level] == '#') {
        ++level;
    }
    if (level > 6 || (level < s.size() && !text::isSpaceOrTab(s[level]))) {
        return Start::None;
    }
    advanceNextNonspace();
    std::size_t matched = level;
    while (matched < s.size() && text::isSpaceOrTab(s[matched])) {
        ++matched;
    }
    advanceOffset(matched, false);
    closeUnmatchedBlocks();
    MdNode* heading = addChild(NodeType::Heading, nextNonspace_);
    heading->level = static_cast<int>(level);
    heading->literal.assign(atxContent(line_.substr(std::min(offset_, line_.size()))));
    advanceOffset(line_.size() - offset_, false);
    return Start::Leaf;
}

BlockParser::Start BlockParser::startFencedCode(MdNode* /*container*/) {
    const char fence = charAt(nextNonspace_);
    if (indented_ || (fence != '`' && fence != '~')) {
        return Start::None;
    }
    std::string_view s = rest();
    std::size_t length = 0;
    while (length < s.size() && s[length] == fence) {
        ++length;
    }
    if (length < 3 || (fence == '`' && s.find('`', length) != std::string_view::npos)) {
        return Start::None;
    }
    closeUnmatchedBlocks();
    MdNode* code = addChild(NodeType::CodeBlock, nextNonspace_);
    code->fenced = true;
    code->fenceChar = fence;
    code->fenceLength = length;
    code->fenceOffset = indent_;
    advanceNextNonspace();
    advanceOffset(length, false);
    return Start::Leaf;
}

BlockParser::Start BlockParser::startHtmlBlock(MdNode* container) {
    if (indented_ || charAt(nextNonspace_) != '<') {
        return Start::None;
    }
    const bool lazyParagraph = !allClosed_ && !blank_ && tip_->type == NodeType::Paragraph;
    int type = html::blockStartType(rest(), container->type != NodeType::Paragraph && !lazyParagraph);
    if (type == 0) {
        return Start::None;
    }
    closeUnmatchedBlocks();
    MdNode* block = addChild(NodeType::HtmlBlock, offset_);
    block->htmlBlockType = type;
    return Start::Leaf;
}

BlockParser::Start BlockParser::startTable(MdNode* container) {
    std::vector<CellAlign>& aligns = aligns_;
    if (!options_.gfmTables || indented_ || container->type != NodeType::Paragraph ||
        !tables::parseDelimiterRow(rest(), aligns)) {
        return Start::None;
    }
    std::string& content = container->literal;
    std::size_t lastLineStart = content.rfind('\n', content.size() >= 2 ? content.size() - 2 : 0);
    lastLineStart = lastLineStart == std::string::npos || content.size() < 2 ? 0 : lastLineStart + 1;
    std::string& header = headerLine_;
    header.assign(content, lastLineStart, content.size() - lastLineStart - 1);
    if (tables::countCells(header) != aligns.size()) {
        return Start::None;
    }
    closeUnmatchedBlocks();
    std::size_t offset = nextNonspace_;
    content.resize(lastLineStart);
    if (content.empty()) {
        tip_ = container->parent;
        MdTree::unlink(container);
    }
    MdNode* table = addChild(NodeType::Table, offset);
    if (content.empty()) {
        table->sourceOffset = container->sourceOffset;
    }
    table->aligns.assign(aligns.begin(), aligns.end());
    table->tableHeaderLine.assign(header);
    table->tableDelimiterLine.assign(rest());
    advanceOffset(line_.size() - offset_, false);
    return Start::Leaf;
}

BlockParser::Start BlockParser::startSetextHeading(MdNode* container) {
    const int level = setextLevel(rest());
    if (indented_ || container->type != NodeType::Paragraph || level == 0) {
        return Start::None;
    }
    closeUnmatchedBlocks();
    std::size_t consumed = consumeReferenceDefinitions(container->literal);
    container->literal.erase(0, consumed);
    if (container->literal.empty()) {
        return Start::None;
    }
    MdNode* heading = tree_.create(NodeType::Heading);
    heading->level = level;
    heading->literal.swap(container->literal); // the container is dropped
    heading->sourceOffset = container->sourceOffset;
    heading->startLine = container->startLine;
    MdTree::insertAfter(container, heading);
    MdTree::unlink(container);
    tip_ = heading;
    advanceOffset(line_.size() - offset_, false);
    return Start::Leaf;
}

BlockParser::Start BlockParser::startThematicBreak(MdNode* /*container*/) {
    if (indented_ || !isThematicBreak(rest())) {
        return Start::None;
    }
    closeUnmatchedBlocks();
    addChild(NodeType::ThematicBreak, nextNonspace_);
    advanceOffset(line_.size() - offset_, false);
    return Start::Leaf;
}

bool BlockParser::parseListMarker(MdNode* container, MdNodeScalars& marker) {
    if (indent_ >= kCodeIndent) {
        return false;
    }
    std::string_view s = rest();
    std::size_t markerLength = 0;
    marker.markerOffset = indent_;
    if (!s.empty() && (s[0] == '*' || s[0] == '+' || s[0] == '-')) {
        marker.bulletChar = s[0];
        markerLength = 1;
    } else {
        std::size_t digits = 0;
        while (digits < s.size() && digits <= kMaxListMarkerDigits && isDigit(s[digits])) {
            ++digits;
        }
        if (digits == 0 || digits > kMaxListMarkerDigits || digits >= s.size() || (s[digits] != '.' && s[digits] != ')')) {
            return false;
        }
        int start = 0;
        for (std::size_t i = 0; i < digits; ++i) {
            start = start * 10 + (s[i] - '0');
        }
        if (container->type == NodeType::Paragraph && start != 1) {
            return false;
        }
        marker.ordered = true;
        marker.start = start;
        marker.delimiter = s[digits];
        markerLength = digits + 1;
    }
    const char after = markerLength < s.size() ? s[markerLength] : '\0';
    if (after != '\0' && !text::isSpaceOrTab(after)) {
        return false;
    }
    if (container->type == NodeType::Paragraph && onlySpacesAndTabs(s.substr(markerLength))) {
        return false;
    }
    advanceNextNonspace();
    advanceOffset(markerLength, true);
    const std::size_t spacesStartColumn = column_;
    const std::size_t spacesStartOffset = offset_;
    do {
        advanceOffset(1, true);
    } while (column_ - spacesStartColumn < kMaxSpacesAfterMarker && text::isSpaceOrTab(charAt(offset_)));
    const bool blankItem = offset_ >= line_.size();
    const std::size_t spacesAfterMarker = column_ - spacesStartColumn;
    if (spacesAfterMarker >= kMaxSpacesAfterMarker || spacesAfterMarker < 1 || blankItem) {
        marker.padding = markerLength + 1;
        column_ = spacesStartColumn;
        offset_ = spacesStartOffset;
        partiallyConsumedTab_ = false;
        if (text::isSpaceOrTab(charAt(offset_))) {
            advanceOffset(1, true);
        }
    } else {
        marker.padding = markerLength + spacesAfterMarker;
    }
    return true;
}

BlockParser::Start BlockParser::startListItem(MdNode* container) {
    MdNodeScalars marker; // only the list fields: no strings to build and free per line
    if ((indented_ && container->type != NodeType::List) || !parseListMarker(container, marker)) {
        return Start::None;
    }
    closeUnmatchedBlocks();
    const bool sameList = tip_->type == NodeType::List && tip_->ordered == marker.ordered &&
                          tip_->delimiter == marker.delimiter && tip_->bulletChar == marker.bulletChar;
    if (!sameList) {
        MdNode* list = addChild(NodeType::List, nextNonspace_);
        list->ordered = marker.ordered;
        list->start = marker.start;
        list->delimiter = marker.delimiter;
        list->bulletChar = marker.bulletChar;
    }
    MdNode* item = addChild(NodeType::Item, nextNonspace_);
    item->ordered = marker.ordered;
    item->bulletChar = marker.bulletChar;
    item->delimiter = marker.delimiter;
    item->markerOffset = marker.markerOffset;
    item->padding = marker.padding;
    return Start::Container;
}

BlockParser::Start BlockParser::startIndentedCode(MdNode* /*container*/) {
    if (!indented_ || tip_->type == NodeType::Paragraph || blank_) {
        return Start::None;
    }
    advanceOffset(kCodeIndent, true);
    closeUnmatchedBlocks();
    addChild(NodeType::CodeBlock, offset_);
    return Start::Leaf;
}

void BlockParser::finalize(MdNode* block) {
    MdNode* above = block->parent;
    block->open = false;
    switch (block->type) {
    case NodeType::Paragraph: finalizeParagraph(block); break;
    case NodeType::CodeBlock: finalizeCodeBlock(block); break;
    case NodeType::HtmlBlock: block->literal.resize(endBeforeBlankTail(block->literal)); break;
    case NodeType::List: finalizeList(block); break;
    case NodeType::Table: finalizeTable(block); break;
    default: break;
    }
    tip_ = above;
}

std::size_t BlockParser::consumeReferenceDefinitions(const std::string& content) {
    std::size_t consumed = 0;
    while (consumed < content.size() && content[consumed] == '[') {
        std::size_t used = inlines_.parseReference(std::string_view(content).substr(consumed));
        if (used == 0) {
            break;
        }
        consumed += used;
    }
    return consumed;
}

void BlockParser::finalizeParagraph(MdNode* block) {
    std::size_t consumed = consumeReferenceDefinitions(block->literal);
    if (consumed == 0) {
        return;
    }
    block->literal.erase(0, consumed);
    if (isBlankText(block->literal)) {
        MdTree::unlink(block);
    }
}

void BlockParser::finalizeCodeBlock(MdNode* block) {
    std::string& content = block->literal;
    if (!block->fenced) {
        content.resize(endBeforeBlankTail(content));
        content += '\n';
        return;
    }
    const std::size_t newline = bytes::indexOf(content.data(), content.size(), '\n');
    block->info.clear();
    text::appendUnescaped(trimSpaces(std::string_view(content).substr(0, newline)), block->info);
    content.erase(0, std::min(newline + 1, content.size()));
}

void BlockParser::finalizeList(MdNode* block) {
    auto endsWithBlankLine = [](const MdNode* node) {
        for (; node != nullptr;) {
            if (node->lastLineBlank) {
                return true;
            }
            node = node->type == NodeType::List || node->type == NodeType::Item ? node->lastChild : nullptr;
        }
        return false;
    };
    for (const MdNode* item = block->firstChild; item != nullptr && block->tight; item = item->next) {
        if (item->lastLineBlank && item->next != nullptr) {
            block->tight = false;
            break;
        }
        for (const MdNode* child = item->firstChild; child != nullptr; child = child->next) {
            if ((item->next != nullptr || child->next != nullptr) && endsWithBlankLine(child)) {
                block->tight = false;
                break;
            }
        }
    }
}

void BlockParser::finalizeTable(MdNode* block) {
    const std::size_t columns = block->aligns.size();
    // For analysis, a table of plain cells (most) gets no row or cell nodes:
    // the analyzer reads the views to its cells.
    if (BI_MD_PLAIN_TABLES && forAnalysis_ && collectPlainCells(block)) {
        block->plainTable = true;
        return;
    }
    bool header = true;
    auto addRow = [&](std::string_view line) {
        MdNode* row = tree_.create(NodeType::TableRow);
        row->headerRow = header;
        header = false;
        MdTree::appendChild(block, row);
        tables::forEachColumn(line, columns, [&](std::string_view raw) {
            MdNode* cell = tree_.create(NodeType::TableCell);
            MdTree::appendChild(row, cell);
            // Plain cells get their text node now (or, for analysis, keep a
            // view of it); the others keep their text for processInlines.
            if (forAnalysis_ && InlineParser::isPlain(raw)) {
                cell->plainCell = true;
                cell->plainText = raw;
            } else if (!inlines_.appendIfPlain(raw, cell)) {
                tables::appendCellText(raw, cell->literal);
            }
        });
    };
    tables::forEachRow(block, addRow);
}

namespace {

// The bytes that end the scan of a plain cell: its '|', or a byte that may
// begin an inline, which makes the row not plain ('\\' is one: a plain row
// has no escaped '|', so every '|' separates cells).
struct PlainRowStops {
    bool stop[256] = {};
    constexpr PlainRowStops() {
        for (int c = 0; c < 256; ++c) {
            stop[c] = c == '|' || InlineParser::mayBeginInline(static_cast<char>(c));
        }
    }
};
constexpr PlainRowStops kPlainRowStops;

// Appends the `columns` raw cells of a row (those of tables::forEachColumn)
// to `cells` when they are all plain (InlineParser::isPlain), in one pass over
// the row; false at the first byte that may begin an inline, or a cell edge
// that parse() would trim.
bool appendPlainRow(std::string_view line, std::size_t columns, std::vector<std::string_view>& cells) {
    const std::string_view row = tables::rowInterior(line);
    std::size_t made = 0;
    std::size_t cellStart = 0;
    for (std::size_t i = 0;; ++i) {
        while (i < row.size() && !kPlainRowStops.stop[static_cast<unsigned char>(row[i])]) {
            ++i;
        }
        if (i < row.size() && row[i] != '|') {
            return false;
        }
        if (made < columns) {
            const std::string_view raw = tables::trimCell(row.substr(cellStart, i - cellStart));
            if (!InlineParser::plainEdge(raw)) {
                return false;
            }
            cells.push_back(raw);
            ++made;
        }
        if (i == row.size()) {
            break;
        }
        cellStart = i + 1;
    }
    for (; made < columns; ++made) {
        cells.emplace_back();
    }
    return true;
}

} // namespace

bool BlockParser::collectPlainCells(MdNode* table) {
    std::vector<std::string_view>& cells = table->tableCells;
    const std::size_t columns = table->aligns.size();
    bool plain = true;
    tables::forEachRow(table,
                       [&](std::string_view line) { plain = plain && appendPlainRow(line, columns, cells); });
    if (!plain) {
        cells.clear();
    }
    return plain;
}

namespace {

// Links start at '[' (inline, reference; images too) or '<' (autolinks).
bool mayHoldLink(std::string_view text) {
    return bytes::contains(text, '[') || bytes::contains(text, '<');
}

} // namespace

void BlockParser::processInlines() {
    // Leaves have no block children, so after parsing one the walk skips the
    // inlines it just got. Their raw text keeps its buffer: the tree is reused
    // by the next document.
    MdNode* const root = tree_.root();
    MdNode* node = root;
    while (node != nullptr) {
        if (node->type != NodeType::Paragraph && node->type != NodeType::Heading &&
            node->type != NodeType::TableCell) {
            node = const_cast<MdNode*>(MdTree::nextInOrder(node, root));
            continue;
        }
        if (!node->literal.empty()) { // empty: nothing to parse (plain table cells have their text already)
            if (!forAnalysis_ || node->type != NodeType::Paragraph || mayHoldLink(node->literal)) {
                inlines_.parse(node->literal, node);
            }
            node->literal.clear();
        }
        while (node != root && node->next == nullptr) {
            node = node->parent;
        }
        node = node == root ? nullptr : node->next;
    }
}

} // namespace bi::extract::markdown
