// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/markdown/InlineParser.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "core/ByteFind.h"
#include "extract/markdown/MdText.h"

namespace bi::extract::markdown {

namespace {

constexpr std::size_t kMaxLabelChars = 999;
constexpr std::size_t kMaxSchemeLength = 32;
constexpr std::size_t kMaxDomainLabel = 63;
// The spec lets implementations bound parenthesis nesting in destinations; the
// bound keeps many unclosed "(" linear.
constexpr int kMaxDestinationParens = 32;

// The bytes that may start something other than plain text, as a table:
// plain text is scanned byte by byte.
struct SpecialTable {
    bool special[256] = {};
    constexpr SpecialTable() {
        for (int c = 0; c < 256; ++c) {
            special[c] = InlineParser::mayBeginInline(static_cast<char>(c));
        }
    }
};
constexpr SpecialTable kSpecial;

bool isSpecial(char c) { return kSpecial.special[static_cast<unsigned char>(c)]; }

// The first offset from i in bytes[0, n) holding a byte that may begin an
// inline other than text, or n.
std::size_t plainEnd(const char* bytes, std::size_t i, std::size_t n) {
    while (n - i >= 2 && !isSpecial(bytes[i]) && !isSpecial(bytes[i + 1])) {
        i += 2;
    }
    while (i < n && !isSpecial(bytes[i])) {
        ++i;
    }
    return i;
}

// Length of the start of s that holds no byte that may begin an inline
// other than text.
std::size_t plainPrefix(std::string_view s) { return plainEnd(s.data(), 0, s.size()); }

bool isTrimmable(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && isTrimmable(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && isTrimmable(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isAlnum(char c) { return isAlpha(c) || (c >= '0' && c <= '9'); }

bool isEmailLocalChar(char c) {
    static constexpr std::string_view kExtra = ".!#$%&'*+/=?^_`{|}~-";
    return isAlnum(c) || kExtra.find(c) != std::string_view::npos;
}

// Length of "<scheme:rest>" at s[pos], or 0.
std::size_t uriAutolinkLength(std::string_view s, std::size_t pos) {
    std::size_t i = pos + 1;
    if (i >= s.size() || !isAlpha(s[i])) {
        return 0;
    }
    std::size_t schemeStart = i;
    while (i < s.size() && (isAlnum(s[i]) || s[i] == '.' || s[i] == '+' || s[i] == '-')) {
        ++i;
    }
    std::size_t schemeLength = i - schemeStart;
    if (schemeLength < 2 || schemeLength > kMaxSchemeLength || i >= s.size() || s[i] != ':') {
        return 0;
    }
    for (++i; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c == '>') {
            return i + 1 - pos;
        }
        if (c <= 0x20 || c == '<') {
            return 0;
        }
    }
    return 0;
}

// Length of "<local@domain>" at s[pos], or 0.
std::size_t emailAutolinkLength(std::string_view s, std::size_t pos) {
    std::size_t i = pos + 1;
    while (i < s.size() && isEmailLocalChar(s[i])) {
        ++i;
    }
    if (i == pos + 1 || i >= s.size() || s[i] != '@') {
        return 0;
    }
    ++i;
    for (;;) {
        std::size_t labelStart = i;
        while (i < s.size() && (isAlnum(s[i]) || s[i] == '-')) {
            ++i;
        }
        std::size_t labelLength = i - labelStart;
        if (labelLength == 0 || labelLength > kMaxDomainLabel || s[labelStart] == '-' || s[i - 1] == '-') {
            return 0;
        }
        if (i < s.size() && s[i] == '.') {
            ++i;
            continue;
        }
        return i < s.size() && s[i] == '>' ? i + 1 - pos : 0;
    }
}

} // namespace

InlineParser::InlineParser(MdTree& tree, ReferenceMap& references) : tree_(tree), references_(references) {}

void InlineParser::reset(std::string_view text, MdNode* block) {
    subject_ = text;
    pos_ = 0;
    block_ = block;
    delimiters_ = nullptr;
    brackets_ = nullptr;
    // Most subjects (table cells, short paragraphs) used none of these: the
    // checks skip deque and map walks that would find nothing to clear.
    if (!delimiterPool_.empty()) {
        delimiterPool_.clear();
    }
    if (!bracketPool_.empty()) {
        bracketPool_.clear();
    }
    if (backtickRunsScanned_) {
        backtickRunsScanned_ = false;
        for (auto& entry : backtickRuns_) {
            entry.second.clear(); // keeps the map's nodes and the vectors' storage
        }
    }
    htmlMemo_ = html::ScanMemo{};
    lastPlainText_ = nullptr;
}

void InlineParser::parse(std::string_view text, MdNode* block) {
    const std::string_view subject = trim(text);
    const std::size_t plain = plainPrefix(subject);
    if (plain == subject.size()) {
        // Nothing but text (most table cells and headings): the one text node
        // the full parse would make, without its setup.
        if (!subject.empty()) {
            block_ = block;
            appendTextNode(subject);
        }
        return;
    }
    reset(subject, block);
    if (plain > 0) {
        appendText(subject.substr(0, plain)); // what parsePlainText would find again
        pos_ = plain;
    }
    while (!atEnd()) {
        parseOne();
    }
    processEmphasis(nullptr);
}

bool InlineParser::isPlain(std::string_view text) {
    // parse() would also trim \r, \f and \v: a cell ending in one takes the full path.
    return plainPrefix(text) == text.size() && plainEdge(text);
}

bool InlineParser::appendIfPlain(std::string_view text, MdNode* block) {
    if (!isPlain(text)) {
        return false;
    }
    if (!text.empty()) {
        block_ = block;
        appendTextNode(text);
    }
    return true;
}

void InlineParser::parseOne() {
    switch (peek()) {
    case '\n': parseNewline(); break;
    case '\\': parseBackslash(); break;
    case '`': parseBackticks(); break;
    case '*':
    case '_': parseDelimiterRun(); break;
    case '[': parseOpenBracket(false); break;
    case '!':
        if (peek(1) == '[') {
            parseOpenBracket(true);
        } else {
            appendText("!");
            ++pos_;
        }
        break;
    case ']': parseCloseBracket(); break;
    case '<':
        if (!parseAutolink() && !parseRawHtml()) {
            appendText("<");
            ++pos_;
        }
        break;
    case '&': parseEntity(); break;
    default: parsePlainText(); break;
    }
}

MdNode* InlineParser::appendTextNode(std::string_view text) {
    MdNode* node = tree_.create(NodeType::Text);
    node->literal.assign(text); // keeps a recycled node's buffer
    MdTree::appendChild(block_, node);
    return node;
}

void InlineParser::appendText(std::string_view text) {
    // Plain text joins the text node before it (fewer nodes); delimiter runs
    // and brackets keep their own nodes because emphasis and links edit them.
    if (lastPlainText_ != nullptr && block_->lastChild == lastPlainText_) {
        lastPlainText_->literal.append(text);
        return;
    }
    lastPlainText_ = appendTextNode(text);
}

void InlineParser::parsePlainText() {
    const std::size_t start = pos_;
    // A local index over the raw bytes (plainEnd): the member pos_ would be
    // stored back on every byte.
    pos_ = plainEnd(subject_.data(), pos_ + 1, subject_.size());
    appendText(subject_.substr(start, pos_ - start));
}

void InlineParser::parseNewline() {
    ++pos_;
    MdNode* last = block_->lastChild;
    bool hard = false;
    if (last != nullptr && last->type == NodeType::Text && !last->literal.empty() && last->literal.back() == ' ') {
        std::string& literal = last->literal;
        hard = literal.size() >= 2 && literal[literal.size() - 2] == ' ';
        while (!literal.empty() && literal.back() == ' ') {
            literal.pop_back();
        }
    }
    MdTree::appendChild(block_, tree_.create(hard ? NodeType::LineBreak : NodeType::SoftBreak));
    while (peek() == ' ') {
        ++pos_;
    }
}

void InlineParser::parseBackslash() {
    ++pos_;
    if (peek() == '\n') {
        ++pos_;
        MdTree::appendChild(block_, tree_.create(NodeType::LineBreak));
    } else if (!atEnd() && text::isAsciiPunctuation(peek())) {
        appendText(subject_.substr(pos_, 1));
        ++pos_;
    } else {
        appendText("\\");
    }
}

std::size_t InlineParser::findClosingBackticks(std::size_t from, std::size_t length) {
    if (!backtickRunsScanned_) {
        backtickRunsScanned_ = true;
        // A byte search to each run: a subject holds few backticks among many bytes.
        for (std::size_t i = 0; i < subject_.size();) {
            i = bytes::find(subject_, '`', i);
            if (i == std::string_view::npos) {
                break;
            }
            std::size_t start = i;
            while (i < subject_.size() && subject_[i] == '`') {
                ++i;
            }
            backtickRuns_[i - start].push_back(start);
        }
    }
    auto runs = backtickRuns_.find(length);
    if (runs == backtickRuns_.end()) {
        return std::string_view::npos;
    }
    auto it = std::lower_bound(runs->second.begin(), runs->second.end(), from);
    return it == runs->second.end() ? std::string_view::npos : *it;
}

void InlineParser::parseBackticks() {
    std::size_t start = pos_;
    while (peek() == '`') {
        ++pos_;
    }
    std::size_t length = pos_ - start;
    std::size_t close = findClosingBackticks(pos_, length);
    if (close == std::string_view::npos) {
        appendText(subject_.substr(start, length));
        return;
    }
    // Built in the node's own literal: a recycled node keeps its buffer.
    MdNode* node = tree_.create(NodeType::Code);
    std::string& contents = node->literal;
    contents.assign(subject_.substr(pos_, close - pos_));
    std::replace(contents.begin(), contents.end(), '\n', ' ');
    if (contents.size() >= 2 && contents.front() == ' ' && contents.back() == ' ' &&
        contents.find_first_not_of(' ') != std::string::npos) {
        contents.pop_back();
        contents.erase(0, 1);
    }
    MdTree::appendChild(block_, node);
    pos_ = close + length;
}

void InlineParser::parseDelimiterRun() {
    const char ch = peek();
    const std::size_t start = pos_;
    while (peek() == ch) {
        ++pos_;
    }
    const std::size_t count = pos_ - start;
    std::uint32_t before = start == 0 ? '\n' : text::decodeBefore(subject_, start);
    std::size_t unused = 0;
    std::uint32_t after = atEnd() ? '\n' : text::decodeAt(subject_, pos_, unused);
    const bool afterSpace = text::isUnicodeWhitespace(after);
    const bool afterPunct = text::isUnicodePunctuation(after);
    const bool beforeSpace = text::isUnicodeWhitespace(before);
    const bool beforePunct = text::isUnicodePunctuation(before);
    const bool leftFlanking = !afterSpace && (!afterPunct || beforeSpace || beforePunct);
    const bool rightFlanking = !beforeSpace && (!beforePunct || afterSpace || afterPunct);
    bool canOpen = leftFlanking;
    bool canClose = rightFlanking;
    if (ch == '_') {
        canOpen = leftFlanking && (!rightFlanking || beforePunct);
        canClose = rightFlanking && (!leftFlanking || afterPunct);
    }
    MdNode* node = appendTextNode(subject_.substr(start, count));
    if (!canOpen && !canClose) {
        return;
    }
    Delimiter& delimiter = delimiterPool_.emplace_back();
    delimiter.ch = ch;
    delimiter.count = count;
    delimiter.originalCount = count;
    delimiter.node = node;
    delimiter.previous = delimiters_;
    delimiter.canOpen = canOpen;
    delimiter.canClose = canClose;
    if (delimiters_ != nullptr) {
        delimiters_->next = &delimiter;
    }
    delimiters_ = &delimiter;
}

void InlineParser::parseOpenBracket(bool image) {
    const std::size_t start = pos_;
    pos_ += image ? 2 : 1;
    MdNode* node = appendTextNode(image ? "![" : "[");
    if (brackets_ != nullptr) {
        brackets_->bracketAfter = true;
    }
    Bracket& bracket = bracketPool_.emplace_back();
    bracket.node = node;
    bracket.previous = brackets_;
    bracket.previousDelimiter = delimiters_;
    bracket.index = image ? start + 1 : start;
    bracket.image = image;
    brackets_ = &bracket;
}

void InlineParser::removeBracket() { brackets_ = brackets_->previous; }

void InlineParser::parseCloseBracket() {
    ++pos_;
    const std::size_t afterCloser = pos_;
    Bracket* opener = brackets_;
    if (opener == nullptr) {
        appendText("]");
        return;
    }
    if (!opener->active) {
        appendText("]");
        removeBracket();
        return;
    }
    LinkTarget& target = linkTarget_;
    target.destination.clear();
    target.title.clear();
    bool matched = peek() == '(' && parseInlineLinkTail(target);
    if (!matched) {
        matched = lookupReference(*opener, afterCloser, target);
    }
    if (matched) {
        makeLink(opener, target);
        return;
    }
    removeBracket();
    pos_ = afterCloser;
    appendText("]");
}

void InlineParser::makeLink(Bracket* opener, const LinkTarget& target) {
    const bool image = opener->image;
    MdNode* link = tree_.create(image ? NodeType::Image : NodeType::Link);
    block_->hasLinks = block_->hasLinks || !image;
    link->destination.assign(target.destination); // keeps a recycled node's buffer
    link->title.assign(target.title);
    for (MdNode* child = opener->node->next; child != nullptr;) {
        MdNode* following = child->next;
        MdTree::appendChild(link, child);
        child = following;
    }
    MdTree::appendChild(block_, link);
    processEmphasis(opener->previousDelimiter);
    removeBracket();
    MdTree::unlink(opener->node);
    if (image) {
        return;
    }
    // No links inside links: earlier '[' openers die. Openers below an already
    // inactive one were deactivated together with it, so the walk can stop there.
    for (Bracket* earlier = brackets_; earlier != nullptr; earlier = earlier->previous) {
        if (!earlier->image) {
            if (!earlier->active) {
                break;
            }
            earlier->active = false;
        }
    }
}

bool InlineParser::parseInlineLinkTail(LinkTarget& target) {
    const std::size_t save = pos_;
    ++pos_;
    skipSpacesAndOneNewline();
    if (!parseLinkDestination(target.destination)) {
        pos_ = save;
        return false;
    }
    const std::size_t afterDestination = pos_;
    skipSpacesAndOneNewline();
    if (pos_ > afterDestination && !parseLinkTitle(target.title)) {
        target.title.clear();
    }
    skipSpacesAndOneNewline();
    if (peek() == ')' && !atEnd()) {
        ++pos_;
        return true;
    }
    pos_ = save;
    target.destination.clear();
    target.title.clear();
    return false;
}

bool InlineParser::lookupReference(const Bracket& opener, std::size_t afterCloser, LinkTarget& target) {
    pos_ = afterCloser;
    const std::size_t labelLength = linkLabelLength();
    std::string_view label;
    if (labelLength > 2) {
        label = subject_.substr(pos_, labelLength);
    } else if (!opener.bracketAfter) {
        label = subject_.substr(opener.index, afterCloser - opener.index);
    }
    pos_ += labelLength;
    if (label.size() < 2 || label.size() > kMaxLabelChars * 4 + 2) {
        return false;
    }
    auto found = references_.find(text::normalizeLabel(label.substr(1, label.size() - 2)));
    if (found == references_.end()) {
        return false;
    }
    target.destination = found->second.destination;
    target.title = found->second.title;
    return true;
}

std::size_t InlineParser::linkLabelLength() const {
    if (peek() != '[') {
        return 0;
    }
    std::size_t chars = 0;
    for (std::size_t i = pos_ + 1; i < subject_.size() && chars <= kMaxLabelChars; ++i) {
        char c = subject_[i];
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
            ++chars;
        }
        if (c == '\\' && i + 1 < subject_.size()) {
            ++i;
        } else if (c == '[') {
            return 0;
        } else if (c == ']') {
            return chars <= kMaxLabelChars + 1 ? i + 1 - pos_ : 0;
        }
    }
    return 0;
}

void InlineParser::skipSpacesAndOneNewline() {
    while (text::isSpaceOrTab(peek())) {
        ++pos_;
    }
    if (peek() == '\n' && !atEnd()) {
        ++pos_;
        while (text::isSpaceOrTab(peek())) {
            ++pos_;
        }
    }
}

void InlineParser::setDestination(std::string_view raw, std::string& out) {
    unescaped_.clear();
    text::appendUnescaped(raw, unescaped_);
    out.clear();
    text::appendNormalizedUri(unescaped_, out);
}

bool InlineParser::parseLinkDestination(std::string& out) {
    if (peek() == '<') {
        for (std::size_t i = pos_ + 1; i < subject_.size(); ++i) {
            char c = subject_[i];
            if (c == '\\' && i + 1 < subject_.size() && subject_[i + 1] != '\n') {
                ++i;
            } else if (c == '>') {
                setDestination(subject_.substr(pos_ + 1, i - pos_ - 1), out);
                pos_ = i + 1;
                return true;
            } else if (c == '<' || c == '\n' || c == '\\') {
                return false;
            }
        }
        return false;
    }
    const std::size_t start = pos_;
    int openParens = 0;
    while (!atEnd()) {
        auto c = static_cast<unsigned char>(peek());
        if (c == '\\' && text::isAsciiPunctuation(peek(1))) {
            pos_ += 2;
        } else if (c == '(') {
            if (openParens == kMaxDestinationParens) {
                break;
            }
            ++pos_;
            ++openParens;
        } else if (c == ')') {
            if (openParens < 1) {
                break;
            }
            ++pos_;
            --openParens;
        } else if (c <= 0x20 || c == 0x7F) {
            break;
        } else {
            ++pos_;
        }
    }
    if ((pos_ == start && peek() != ')') || openParens != 0) {
        pos_ = start;
        return false;
    }
    setDestination(subject_.substr(start, pos_ - start), out);
    return true;
}

bool InlineParser::parseLinkTitle(std::string& out) {
    char open = peek();
    if (open != '"' && open != '\'' && open != '(') {
        return false;
    }
    const char close = open == '(' ? ')' : open;
    for (std::size_t i = pos_ + 1; i < subject_.size(); ++i) {
        char c = subject_[i];
        if (c == '\\' && i + 1 < subject_.size()) {
            ++i;
        } else if (c == close) {
            out.clear();
            text::appendUnescaped(subject_.substr(pos_ + 1, i - pos_ - 1), out);
            pos_ = i + 1;
            return true;
        } else if (open == '(' && c == '(') {
            return false;
        }
    }
    return false;
}

bool InlineParser::parseAutolink() {
    std::size_t length = emailAutolinkLength(subject_, pos_);
    const bool email = length != 0;
    if (!email) {
        length = uriAutolinkLength(subject_, pos_);
    }
    if (length == 0) {
        return false;
    }
    std::string_view address = subject_.substr(pos_ + 1, length - 2);
    MdNode* link = tree_.create(NodeType::Link);
    block_->hasLinks = true;
    std::string uri(email ? "mailto:" : "");
    uri.append(address);
    link->destination.clear();
    text::appendNormalizedUri(uri, link->destination);
    MdNode* label = tree_.create(NodeType::Text);
    label->literal.assign(address);
    MdTree::appendChild(link, label);
    MdTree::appendChild(block_, link);
    pos_ += length;
    return true;
}

bool InlineParser::parseRawHtml() {
    std::size_t length = html::inlineHtml(subject_, pos_, htmlMemo_);
    if (length == 0) {
        return false;
    }
    MdNode* node = tree_.create(NodeType::HtmlInline);
    node->literal.assign(subject_.substr(pos_, length));
    MdTree::appendChild(block_, node);
    pos_ += length;
    return true;
}

void InlineParser::parseEntity() {
    std::string decoded;
    std::size_t length = text::matchEntity(subject_, pos_, decoded);
    if (length == 0) {
        appendText("&");
        ++pos_;
        return;
    }
    appendText(decoded);
    pos_ += length;
}

void InlineParser::removeDelimiter(Delimiter* delimiter) {
    if (delimiter->previous != nullptr) {
        delimiter->previous->next = delimiter->next;
    }
    if (delimiter->next != nullptr) {
        delimiter->next->previous = delimiter->previous;
    } else {
        delimiters_ = delimiter->previous;
    }
}

void InlineParser::processEmphasis(Delimiter* stackBottom) {
    // Lower bounds for the opener search, per delimiter character, closer
    // "can open" and closer length mod 3: keeps many unmatched runs linear.
    std::array<std::array<Delimiter*, 6>, 2> openersBottom{};
    for (auto& row : openersBottom) {
        row.fill(stackBottom);
    }
    Delimiter* closer = delimiters_;
    while (closer != nullptr && closer->previous != stackBottom) {
        closer = closer->previous;
    }
    while (closer != nullptr) {
        if (!closer->canClose) {
            closer = closer->next;
            continue;
        }
        const std::size_t charIndex = closer->ch == '*' ? 0 : 1;
        const std::size_t bottomIndex = (closer->canOpen ? 3 : 0) + closer->originalCount % 3;
        Delimiter* opener = closer->previous;
        bool found = false;
        while (opener != nullptr && opener != stackBottom && opener != openersBottom[charIndex][bottomIndex]) {
            const bool oddMatch = (closer->canOpen || opener->canClose) && closer->originalCount % 3 != 0 &&
                                  (opener->originalCount + closer->originalCount) % 3 == 0;
            if (opener->ch == closer->ch && opener->canOpen && !oddMatch) {
                found = true;
                break;
            }
            opener = opener->previous;
        }
        Delimiter* oldCloser = closer;
        if (!found) {
            closer = closer->next;
            openersBottom[charIndex][bottomIndex] = oldCloser->previous;
            if (!oldCloser->canOpen) {
                removeDelimiter(oldCloser);
            }
            continue;
        }
        const std::size_t used = closer->count >= 2 && opener->count >= 2 ? 2 : 1;
        MdNode* openerNode = opener->node;
        MdNode* closerNode = closer->node;
        opener->count -= used;
        closer->count -= used;
        openerNode->literal.erase(openerNode->literal.size() - used);
        closerNode->literal.erase(closerNode->literal.size() - used);
        MdNode* emphasis = tree_.create(used == 1 ? NodeType::Emph : NodeType::Strong);
        for (MdNode* child = openerNode->next; child != nullptr && child != closerNode;) {
            MdNode* following = child->next;
            MdTree::appendChild(emphasis, child);
            child = following;
        }
        MdTree::insertAfter(openerNode, emphasis);
        if (opener->next != closer) {
            opener->next = closer;
            closer->previous = opener;
        }
        if (opener->count == 0) {
            MdTree::unlink(openerNode);
            removeDelimiter(opener);
        }
        if (closer->count == 0) {
            MdTree::unlink(closerNode);
            Delimiter* following = closer->next;
            removeDelimiter(closer);
            closer = following;
        }
    }
    while (delimiters_ != nullptr && delimiters_ != stackBottom) {
        removeDelimiter(delimiters_);
    }
}

std::size_t InlineParser::parseReference(std::string_view text) {
    reset(text, nullptr);
    const std::size_t labelLength = linkLabelLength();
    if (labelLength == 0 || peek(labelLength) != ':') {
        return 0;
    }
    std::string_view rawLabel = subject_.substr(1, labelLength - 2);
    pos_ = labelLength + 1;
    skipSpacesAndOneNewline();
    std::string destination;
    if (!parseLinkDestination(destination)) {
        return 0;
    }
    const std::size_t beforeTitle = pos_;
    skipSpacesAndOneNewline();
    std::string title;
    if (pos_ == beforeTitle || !parseLinkTitle(title)) {
        title.clear();
        pos_ = beforeTitle;
    }
    auto atLineEnd = [this]() {
        std::size_t i = pos_;
        while (i < subject_.size() && text::isSpaceOrTab(subject_[i])) {
            ++i;
        }
        if (i < subject_.size() && subject_[i] != '\n') {
            return false;
        }
        pos_ = i < subject_.size() ? i + 1 : i;
        return true;
    };
    if (!atLineEnd()) {
        if (title.empty()) {
            return 0;
        }
        title.clear();
        pos_ = beforeTitle;
        if (!atLineEnd()) {
            return 0;
        }
    }
    std::string key = text::normalizeLabel(rawLabel);
    if (key.empty()) {
        return 0;
    }
    references_.emplace(std::move(key), LinkReference{std::move(destination), std::move(title)});
    return pos_;
}

} // namespace bi::extract::markdown
