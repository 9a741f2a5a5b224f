// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/html/HtmlTokenizer.h"

#include "core/ScanVariants.h"
#include "core/Utf8.h"
#include "extract/entities/NamedEntities.h"

#include <array>
#include <bit>
#if defined(__SSE2__)
#include <emmintrin.h> // scanRun's 16-byte test (x86-64 always has SSE2)
#endif

namespace bi::extract::html {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
constexpr std::string_view kLowerLetters = "abcdefghijklmnopqrstuvwxyz";

bool isUpper(int c) { return c >= 'A' && c <= 'Z'; }
bool isAlpha(int c) { return isUpper(c) || (c >= 'a' && c <= 'z'); }
bool isDigit(int c) { return c >= '0' && c <= '9'; }
bool isAlnum(int c) { return isAlpha(c) || isDigit(c); }
bool isHexDigit(int c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool isSpace(int c) { return c == '\t' || c == '\n' || c == '\f' || c == ' '; }
char toLower(char c) { return isUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// Bytes of one invalid sequence: the maximal subpart of a well-formed sequence
// that starts there (at least 1), so that it becomes one U+FFFD as in browsers.
std::size_t invalidLength(std::string_view text, std::size_t pos) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    std::size_t need = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        need = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        need = 2;
        lo = lead == 0xE0 ? 0xA0 : 0x80;
        hi = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        need = 3;
        lo = lead == 0xF0 ? 0x90 : 0x80;
        hi = lead == 0xF4 ? 0x8F : 0xBF;
    }
    std::size_t length = 1;
    for (std::size_t k = 0; k < need && pos + length < text.size(); ++k) {
        const unsigned char b = byte(pos + length);
        if (b < lo || b > hi) {
            break;
        }
        lo = 0x80;
        hi = 0xBF;
        ++length;
    }
    return length;
}

using StopTable = std::array<bool, 256>;

} // namespace

// A state's stops as a table (one test per byte) and, when there are at most
// four ASCII ones (the text, comment and quoted-value states: the long runs),
// as those bytes too, for a 16-byte test. Non-ASCII bytes are always stops:
// the run checks the UTF-8 sequence only there.
struct StopSet {
    StopTable table{};
    // Each ASCII stop repeated across 16 bytes (ready to compare with), the
    // first one again when there are fewer than four.
    alignas(16) std::array<std::array<char, 16>, 4> lanes{};
    bool vector = false;
};

namespace {

// Non-ASCII bytes are marked too: scanRun's tight loop then stops at one
// table test per byte, and checks the UTF-8 sequence only there.
constexpr StopSet makeStops(std::string_view stops) {
    StopSet set;
    for (char c : stops) {
        set.table[static_cast<unsigned char>(c)] = true;
    }
    for (std::size_t b = 0x80; b < set.table.size(); ++b) {
        set.table[b] = true;
    }
    set.vector = !stops.empty() && stops.size() <= set.lanes.size();
    for (std::size_t i = 0; set.vector && i < set.lanes.size(); ++i) {
        for (char& lane : set.lanes[i]) {
            lane = stops[i < stops.size() ? i : 0];
        }
    }
    return set;
}

constexpr StopSet kDataStops = makeStops("<&\r");
constexpr StopSet kRcdataStops = makeStops(std::string_view{"<&\r\0", 4});
constexpr StopSet kRawtextStops = makeStops(std::string_view{"<\r\0", 3});
constexpr StopSet kPlaintextStops = makeStops(std::string_view{"\r\0", 2});
constexpr StopSet kScriptEscapedStops = makeStops(std::string_view{"-<\r\0", 4});
constexpr StopSet kCommentStops = makeStops(std::string_view{"-<\r\0", 4});
constexpr StopSet kBogusCommentStops = makeStops(std::string_view{">\r\0", 3});
constexpr StopSet kDoubleQuotedStops = makeStops(std::string_view{"\"&\r\0", 4});
constexpr StopSet kSingleQuotedStops = makeStops(std::string_view{"'&\r\0", 4});
constexpr StopSet kCdataStops = makeStops("]\r");
constexpr std::string_view kUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr StopSet makeNameStops(std::string_view extra) {
    StopSet set = makeStops(extra);
    for (char c : kUpper) {
        set.table[static_cast<unsigned char>(c)] = true;
    }
    set.table[0] = true;
    set.vector = false; // upper case letters are stops too
    return set;
}
// Runs that a name or value state appends unchanged.
constexpr StopSet kTagNameStops = makeNameStops("\t\n\f\r />");
constexpr StopSet kAttributeNameStops = makeNameStops("\t\n\f\r />=\"'<");
constexpr StopSet kUnquotedValueStops = makeStops(std::string_view{"\t\n\f\r >&\"'<=`\0", 13});

// The standard's table for numeric references to C1 controls (Windows-1252).
constexpr std::array<std::uint16_t, 32> kC1Replacements = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

// The references found on nearly every page, answered without searching the
// full table; anything else goes to the table's longest-prefix search.
entities::Match commonReference(std::string_view window) {
    struct Common {
        std::string_view name;
        std::string_view replacement;
    };
    static constexpr Common kCommon[] = {
        {"amp;", "&"}, {"lt;", "<"}, {"gt;", ">"}, {"quot;", "\""}, {"nbsp;", "\xC2\xA0"},
    };
    for (const Common& c : kCommon) {
        if (window == c.name) {
            return {c.name.size(), c.replacement};
        }
    }
    return entities::longestMatch(window);
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (toLower(a[i]) != toLower(b[i])) {
            return false;
        }
    }
    return true;
}

} // namespace

HtmlTokenizer::HtmlTokenizer(std::string_view input) : input_(input) {}

void HtmlTokenizer::restart(std::string_view input) {
    // Reset through a fresh tokenizer (no state forgotten), buffers moved aside and back.
    std::string scratch = std::move(scratch_);
    std::string lastStartTag = std::move(lastStartTag_);
    std::vector<PendingAttribute> attributes = std::move(attributes_);
    std::vector<HtmlAttribute> tokenAttributes = std::move(token_.attributes);
    *this = HtmlTokenizer(input);
    scratch_ = std::move(scratch);
    scratch_.clear();
    lastStartTag_ = std::move(lastStartTag);
    lastStartTag_.clear();
    attributes_ = std::move(attributes);
    attributes_.clear();
    token_.attributes = std::move(tokenAttributes);
    token_.attributes.clear();
}

void HtmlTokenizer::setLastStartTag(std::string_view name) {
    lastStartTag_.assign(name);
    hasLastStartTag_ = true;
}

const HtmlToken& HtmlTokenizer::next() {
    scratch_.clear();
    emitted_ = false;
    if (!final_) {
        return nextFromSource();
    }
    while (!emitted_) {
        step();
    }
    return token_;
}

void HtmlTokenizer::setSource(text::GrowingInput& source) {
    source_ = &source;
    input_ = source.grow(final_);
}

// Out of line: only a growing input comes here, and the wasm module's pump
// stays smaller without it.
[[gnu::noinline]] const HtmlToken& HtmlTokenizer::nextFromSource() {
    const Resume point = resumePoint();
    for (;;) {
        while (!emitted_) {
            step();
        }
        if (!starved_) {
            return token_;
        }
        resumeFrom(point);
        input_ = source_->grow(final_);
    }
}

// Out of line and cold: the reads call it only at the end of the view.
[[gnu::cold, gnu::noinline]] void HtmlTokenizer::starve() {
    if (!final_) {
        starved_ = true;
        emitted_ = true;
    }
}

HtmlTokenizer::Resume HtmlTokenizer::resumePoint() const {
    return {.pos = pos_,
            .parseErrors = parseErrors_,
            .tagStart = tagStart_,
            .nameStart = nameStart_,
            .attributeCount = attributes_.size(),
            .lastAttribute = attributes_.empty() ? PendingAttribute{} : attributes_.back(),
            .chars = chars_,
            .name = name_,
            .publicId = publicId_,
            .systemId = systemId_,
            .state = state_,
            .returnState = returnState_,
            .tagType = tagType_,
            .hasName = hasName_,
            .hasPublicId = hasPublicId_,
            .hasSystemId = hasSystemId_,
            .forceQuirks = forceQuirks_,
            .selfClosing = selfClosing_};
}

void HtmlTokenizer::resumeFrom(const Resume& point) {
    pos_ = point.pos;
    parseErrors_ = point.parseErrors;
    tagStart_ = point.tagStart;
    nameStart_ = point.nameStart;
    // A tag is begun and emitted within one token, so attributes before the
    // point are only ever the last tag's (kept for completeness, not read).
    // lastStartTag_ needs no restoring: a starved read never yields '>', so a
    // starved step emits no tag.
    if (attributes_.size() >= point.attributeCount) {
        attributes_.resize(point.attributeCount);
        if (!attributes_.empty()) {
            attributes_.back() = point.lastAttribute;
        }
    }
    chars_ = point.chars;
    name_ = point.name;
    publicId_ = point.publicId;
    systemId_ = point.systemId;
    state_ = point.state;
    returnState_ = point.returnState;
    tagType_ = point.tagType;
    hasName_ = point.hasName;
    hasPublicId_ = point.hasPublicId;
    hasSystemId_ = point.hasSystemId;
    forceQuirks_ = point.forceQuirks;
    selfClosing_ = point.selfClosing;
    scratch_.clear(); // empty at the point: next() had just cleared it
    emitted_ = false;
    starved_ = false;
}

// ------------------------------------------------------------ input helpers

// peek() beyond its inline ASCII case under clang (the end, CR, non-ASCII
// bytes); all of it under g++. Out of line under g++, as it chose before the
// near-end path existed: inlined into every state it made the tokenizer slower
// (callgrind Ir, and so was an inline ASCII case). Clang keeps its own choice.
#if defined(__GNUC__) && !defined(__clang__)
[[gnu::noinline]]
#endif
HtmlTokenizer::Ch HtmlTokenizer::peekOther() {
    if (pos_ >= input_.size()) {
        return peekNearEnd();
    }
    const auto byte = static_cast<unsigned char>(input_[pos_]);
    if (byte < 0x80) {
        if (byte == '\r') {
            if (pos_ + 1 >= input_.size()) {
                return peekNearEnd();
            }
            return {'\n', input_[pos_ + 1] == '\n' ? 2U : 1U};
        }
        return {byte, 1};
    }
    const std::size_t length = utf8::sequenceLength(input_, pos_);
    if (length > 0) {
        return {kOther, length};
    }
    if (pos_ + 4 > input_.size()) {
        return peekNearEnd();
    }
    return {kInvalid, replaceEachInvalidByte_ ? 1 : invalidLength(input_, pos_)};
}

// What peek() reads where the end of the view is close enough to matter: the
// end itself, a CR that an LF may follow, a sequence that may be cut short.
// A tail call from peek(), out of line, so that peek's hot path needs no frame.
[[gnu::cold, gnu::noinline]] HtmlTokenizer::Ch HtmlTokenizer::peekNearEnd() {
    starve();
    if (pos_ >= input_.size()) {
        return {kEof, 0};
    }
    if (input_[pos_] == '\r') {
        return {'\n', 1};
    }
    return {kInvalid, replaceEachInvalidByte_ ? 1 : invalidLength(input_, pos_)};
}

bool HtmlTokenizer::lookingAt(std::string_view literal, bool caseInsensitive) {
    if (pos_ + literal.size() > input_.size()) {
        starve();
    }
    std::string_view here = input_.substr(pos_, literal.size());
    return caseInsensitive ? equalsIgnoringCase(here, literal) : here == literal;
}

namespace {

// The first stop at or after i (or n) among bytes[0, n), ignoring what
// follows a non-ASCII byte (the caller checks its sequence). Simd: the SSE2
// test first (core/ScanVariants.h: the portable loop stays reachable for the tests).
// Always inlined: with the tests' entry point as a second caller, g++ kept it
// out of line, a call per run in the tokenizer's hottest loop.
template <bool Simd>
[[gnu::always_inline]] inline std::size_t firstStop(const unsigned char* bytes, std::size_t i, std::size_t n,
                                                    const StopSet& set) {
    const bool* const stops = set.table.data();
    if (i < n && stops[bytes[i]]) {
        return i; // an empty run (a tag right after a tag, a reference)
    }
#if defined(__SSE2__)
    if (Simd && set.vector) {
        // Sixteen bytes per test: a stop byte compares equal, a non-ASCII
        // one has its high bit set already.
        auto lane = [&set](std::size_t k) {
            return _mm_load_si128(reinterpret_cast<const __m128i*>(set.lanes[k].data()));
        };
        const __m128i b0 = lane(0);
        const __m128i b1 = lane(1);
        const __m128i b2 = lane(2);
        const __m128i b3 = lane(3);
        for (; n - i >= 16; i += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
            const __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, b0), _mm_cmpeq_epi8(v, b1)),
                                              _mm_or_si128(_mm_cmpeq_epi8(v, b2), _mm_cmpeq_epi8(v, b3)));
            const auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(hits, v)));
            if (mask != 0) {
                return i + static_cast<std::size_t>(std::countr_zero(mask));
            }
        }
    }
#endif
    // Four table tests per bound check.
    while (n - i >= 4 && !stops[bytes[i]] && !stops[bytes[i + 1]] && !stops[bytes[i + 2]] && !stops[bytes[i + 3]]) {
        i += 4;
    }
    while (i < n && !stops[bytes[i]]) {
        ++i;
    }
    return i;
}

} // namespace

std::size_t HtmlTokenizer::scanRun(const StopSet& set) const {
    const auto* const bytes = reinterpret_cast<const unsigned char*>(input_.data());
    const std::size_t n = input_.size();
    std::size_t i = pos_;
    for (;;) {
        i = firstStop<scan_variants::kSimd>(bytes, i, n, set);
        // At the end of a growing view the run may go on: the peek() that
        // follows every run, there, waits for more (kept out of this loop).
        if (i == n || bytes[i] < 0x80) {
            return i; // the end or a real stop
        }
        const std::size_t length = utf8::sequenceLength(input_, i);
        if (length == 0) {
            return i; // (a sequence cut by the end of a growing view: peek() waits there)
        }
        i += length;
    }
}

} // namespace bi::extract::html

std::size_t bi::scan_variants::firstHtmlStop(std::string_view text, std::size_t from, std::string_view stops,
                                             bool simd) {
    using namespace bi::extract::html;
    const StopSet set = makeStops(stops);
    const auto* const bytes = reinterpret_cast<const unsigned char*>(text.data());
    return simd ? firstStop<kSimd>(bytes, from, text.size(), set)
                : firstStop<false>(bytes, from, text.size(), set);
}

namespace bi::extract::html {

void HtmlTokenizer::appendChar(TokenText& text, Ch ch) {
    if (ch.code == kEof) {
        return;
    }
    if (ch.code == kInvalid) {
        text.append(kReplacement, TokenText::Source::Static, scratch_);
    } else if (ch.code == '\n' && input_[pos_] == '\r') {
        text.append("\n", TokenText::Source::Static, scratch_);
    } else {
        text.append(input_.substr(pos_, ch.length), TokenText::Source::Input, scratch_);
    }
}

void HtmlTokenizer::appendLower(TokenText& text, Ch ch) {
    if (isUpper(ch.code)) {
        text.append(kLowerLetters.substr(static_cast<std::size_t>(ch.code - 'A'), 1),
                    TokenText::Source::Static, scratch_);
    } else if (ch.code == 0) {
        error();
        appendReplacement(text);
    } else {
        appendChar(text, ch);
    }
}

void HtmlTokenizer::appendReplacement(TokenText& text) {
    text.append(kReplacement, TokenText::Source::Static, scratch_);
}

void HtmlTokenizer::appendInput(TokenText& text, std::size_t from, std::size_t to) {
    text.append(input_.substr(from, to - from), TokenText::Source::Input, scratch_);
}

void HtmlTokenizer::appendPiece(TokenText& text, std::string_view s) {
    TokenText::Source source = TokenText::Source::Static;
    if (s.data() >= input_.data() && s.data() < input_.data() + input_.size()) {
        source = TokenText::Source::Input;
    } else if (s.data() == numericBuffer_) {
        source = TokenText::Source::Volatile;
    }
    text.append(s, source, scratch_);
}

// ------------------------------------------------------------ emission

void HtmlTokenizer::emitCharacters() {
    token_.type = HtmlTokenType::Character;
    token_.data = chars_.view(scratch_);
    token_.attributes.clear();
    chars_.reset();
    emitted_ = true;
}

void HtmlTokenizer::emitTag() {
    token_.type = tagType_;
    token_.data = name_.view(scratch_);
    token_.selfClosing = selfClosing_;
    token_.attributes.clear();
    if (tagType_ == HtmlTokenType::StartTag) {
        for (const PendingAttribute& a : attributes_) {
            if (!a.dropped) {
                token_.attributes.push_back({a.name.view(scratch_), a.value.view(scratch_)});
            }
        }
        setLastStartTag(token_.data);
    }
    emitted_ = true;
}

void HtmlTokenizer::emitComment() {
    token_.type = HtmlTokenType::Comment;
    token_.data = name_.view(scratch_);
    token_.attributes.clear();
    emitted_ = true;
}

void HtmlTokenizer::emitDoctype() {
    token_.type = HtmlTokenType::Doctype;
    token_.data = name_.view(scratch_);
    token_.attributes.clear();
    token_.hasName = hasName_;
    token_.hasPublicId = hasPublicId_;
    token_.hasSystemId = hasSystemId_;
    token_.publicId = publicId_.view(scratch_);
    token_.systemId = systemId_.view(scratch_);
    token_.forceQuirks = forceQuirks_;
    emitted_ = true;
}

void HtmlTokenizer::emitEndOfFile() {
    token_.type = HtmlTokenType::EndOfFile;
    token_.data = {};
    token_.attributes.clear();
    emitted_ = true;
}

void HtmlTokenizer::endOfFileAfter(void (HtmlTokenizer::*emitter)()) {
    error();
    (this->*emitter)();
    state_ = State::EndOfFile;
}

// ------------------------------------------------------------ dispatch

void HtmlTokenizer::step() {
    if (state_ <= State::Plaintext) {
        stepText(state_);
    } else if (state_ <= State::TagName) {
        stepTagStates();
    } else if (state_ <= State::ScriptDataDoubleEscapeEnd) {
        stepScriptStates();
    } else if (state_ <= State::SelfClosingStartTag) {
        stepAttributeStates();
    } else if (state_ <= State::CommentEndBang) {
        stepCommentStates();
    } else if (state_ <= State::BogusDoctype) {
        stepDoctypeStates();
    } else {
        stepOtherStates();
    }
}

// ------------------------------------------------------------ text states

void HtmlTokenizer::stepText(State state) {
    const StopSet* stops = &kDataStops;
    State lessThan = State::TagOpen;
    switch (state) {
    case State::Rcdata: stops = &kRcdataStops; lessThan = State::RcdataLessThan; break;
    case State::Rawtext: stops = &kRawtextStops; lessThan = State::RawtextLessThan; break;
    case State::ScriptData: stops = &kRawtextStops; lessThan = State::ScriptDataLessThan; break;
    case State::Plaintext: stops = &kPlaintextStops; break;
    default: break;
    }
    const std::size_t end = scanRun(*stops);
    appendInput(chars_, pos_, end);
    pos_ = end;
    const Ch ch = peek();
    if (ch.code == kEof) {
        chars_.empty() ? emitEndOfFile() : emitCharacters();
    } else if (ch.code == '<') {
        textLessThan(lessThan);
    } else if (ch.code == '&') {
        advance(ch);
        returnState_ = state;
        state_ = State::CharacterReference;
        if (!chars_.empty()) {
            emitCharacters();
        }
    } else if (!chars_.empty()) {
        emitCharacters(); // CR, NUL or bad bytes follow: start a new run after them
    } else if (ch.code == '\n' && ch.length == 2) {
        ++pos_; // CRLF: drop the CR, the LF begins the next run
    } else {
        if (ch.code != '\n') {
            error();
        }
        appendPiece(chars_, ch.code == '\n' ? std::string_view("\n") : kReplacement);
        advance(ch);
        emitCharacters();
    }
}

void HtmlTokenizer::textLessThan(State lessThanState) {
    tagStart_ = pos_;
    ++pos_;
    state_ = lessThanState;
    if (!chars_.empty()) {
        emitCharacters();
    }
}

// ------------------------------------------------------------ tags

void HtmlTokenizer::startTag(HtmlTokenType type) {
    tagType_ = type;
    name_.reset();
    attributes_.clear();
    selfClosing_ = false;
}

bool HtmlTokenizer::appropriateEndTag() const {
    return hasLastStartTag_ && name_.view(scratch_) == lastStartTag_;
}

void HtmlTokenizer::stepTagStates() {
    const Ch ch = peek();
    switch (state_) {
    case State::TagOpen:
        if (ch.code == '!') {
            advance(ch);
            state_ = State::MarkupDeclarationOpen;
        } else if (ch.code == '/') {
            advance(ch);
            state_ = State::EndTagOpen;
        } else if (isAlpha(ch.code)) {
            startTag(HtmlTokenType::StartTag);
            state_ = State::TagName;
            stepTagName(ch); // at once: the name follows, no need to dispatch again
        } else if (ch.code == '?') {
            error();
            name_.reset();
            state_ = State::BogusComment;
        } else {
            error();
            appendInput(chars_, tagStart_, tagStart_ + 1);
            state_ = ch.code == kEof ? State::EndOfFile : State::Data;
        }
        break;
    case State::EndTagOpen:
        if (isAlpha(ch.code)) {
            startTag(HtmlTokenType::EndTag);
            state_ = State::TagName;
            stepTagName(ch);
        } else if (ch.code == '>') {
            error();
            advance(ch);
            state_ = State::Data;
        } else if (ch.code == kEof) {
            error();
            appendInput(chars_, tagStart_, tagStart_ + 2);
            state_ = State::EndOfFile;
        } else {
            error();
            name_.reset();
            state_ = State::BogusComment;
        }
        break;
    default: stepTagName(ch); break;
    }
}

void HtmlTokenizer::stepTagName(Ch ch) {
    // The name's plain run, then what follows it in the same step: most
    // names end at '>' or a space.
    if (const std::size_t end = scanRun(kTagNameStops); end > pos_) {
        appendInput(name_, pos_, end);
        pos_ = end;
        ch = peek();
    }
    if (isSpace(ch.code)) {
        advance(ch);
        state_ = State::BeforeAttributeName;
    } else if (ch.code == '/') {
        advance(ch);
        state_ = State::SelfClosingStartTag;
    } else if (ch.code == '>') {
        advance(ch);
        state_ = State::Data;
        emitTag();
    } else if (ch.code == kEof) {
        error();
        state_ = State::EndOfFile;
    } else {
        appendLower(name_, ch);
        advance(ch);
    }
}

void HtmlTokenizer::rawEndTagName(State textState) {
    const Ch ch = peek();
    if (isAlpha(ch.code)) {
        appendLower(name_, ch);
        advance(ch);
        return;
    }
    if (appropriateEndTag() && (isSpace(ch.code) || ch.code == '/' || ch.code == '>')) {
        advance(ch);
        if (ch.code == '>') {
            state_ = State::Data;
            emitTag();
        } else {
            state_ = ch.code == '/' ? State::SelfClosingStartTag : State::BeforeAttributeName;
        }
        return;
    }
    appendInput(chars_, tagStart_, pos_);
    state_ = textState;
}

void HtmlTokenizer::stepRawEndTag(State textState, State lessThan, State endTagOpen,
                                  State endTagName) {
    const Ch ch = peek();
    if (state_ == lessThan) {
        if (ch.code == '/') {
            advance(ch);
            state_ = endTagOpen;
        } else {
            appendInput(chars_, tagStart_, tagStart_ + 1);
            state_ = textState;
        }
    } else if (state_ == endTagOpen) {
        if (isAlpha(ch.code)) {
            startTag(HtmlTokenType::EndTag);
            state_ = endTagName;
        } else {
            appendInput(chars_, tagStart_, tagStart_ + 2);
            state_ = textState;
        }
    } else {
        rawEndTagName(textState);
    }
}

// ------------------------------------------------------------ attributes

void HtmlTokenizer::startAttribute() {
    attributes_.emplace_back();
}

void HtmlTokenizer::finishAttributeName() {
    PendingAttribute& current = attributes_.back();
    const std::string_view name = current.name.view(scratch_);
    for (std::size_t i = 0; i + 1 < attributes_.size(); ++i) {
        if (!attributes_[i].dropped && attributes_[i].name.view(scratch_) == name) {
            error();
            current.dropped = true;
            return;
        }
    }
}

void HtmlTokenizer::stepAttributeStates() {
    const Ch ch = peek();
    switch (state_) {
    case State::BeforeAttributeName:
        if (isSpace(ch.code)) {
            advance(ch);
        } else if (ch.code == '/' || ch.code == '>' || ch.code == kEof) {
            state_ = State::AfterAttributeName;
        } else {
            if (ch.code == '=') {
                error();
                startAttribute();
                appendChar(attributes_.back().name, ch);
                advance(ch);
            } else {
                startAttribute();
            }
            state_ = State::AttributeName;
        }
        break;
    case State::AttributeName:
        if (const std::size_t end = scanRun(kAttributeNameStops); end > pos_) {
            appendInput(attributes_.back().name, pos_, end);
            pos_ = end;
        } else if (isSpace(ch.code) || ch.code == '/' || ch.code == '>' || ch.code == kEof) {
            finishAttributeName();
            state_ = State::AfterAttributeName;
        } else if (ch.code == '=') {
            finishAttributeName();
            advance(ch);
            state_ = State::BeforeAttributeValue;
        } else {
            if (ch.code == '"' || ch.code == '\'' || ch.code == '<') {
                error();
            }
            appendLower(attributes_.back().name, ch);
            advance(ch);
        }
        break;
    case State::AfterAttributeName:
        if (isSpace(ch.code)) {
            advance(ch);
        } else if (ch.code == '/') {
            advance(ch);
            state_ = State::SelfClosingStartTag;
        } else if (ch.code == '=') {
            advance(ch);
            state_ = State::BeforeAttributeValue;
        } else if (ch.code == '>') {
            advance(ch);
            state_ = State::Data;
            emitTag();
        } else if (ch.code == kEof) {
            endOfFileAfter(&HtmlTokenizer::emitEndOfFile);
        } else {
            startAttribute();
            state_ = State::AttributeName;
        }
        break;
    case State::BeforeAttributeValue:
        if (isSpace(ch.code)) {
            advance(ch);
        } else if (ch.code == '"' || ch.code == '\'') {
            advance(ch);
            state_ = ch.code == '"' ? State::AttributeValueDoubleQuoted
                                    : State::AttributeValueSingleQuoted;
        } else if (ch.code == '>') {
            error();
            advance(ch);
            state_ = State::Data;
            emitTag();
        } else {
            state_ = State::AttributeValueUnquoted;
        }
        break;
    default:
        stepOtherStates();
        break;
    }
}

// ------------------------------------------------------------ character references

std::string_view HtmlTokenizer::characterReference(bool inAttribute) {
    const std::string_view ampersand = input_.substr(pos_ - 1, 1);
    if (pos_ >= input_.size()) {
        starve();
        return ampersand;
    }
    const char c = input_[pos_];
    if (c == '#') {
        return numericReference();
    }
    if (!isAlnum(c)) {
        return ampersand;
    }
    // Names are letters and digits with an optional final ';': offering only
    // that window makes the usual "&amp;" a single exact lookup.
    std::size_t window = 0;
    while (pos_ + window < input_.size() && window < 40 && isAlnum(input_[pos_ + window])) {
        ++window;
    }
    if (pos_ + window >= input_.size()) {
        starve(); // the name (or its ';') may go on
    } else if (input_[pos_ + window] == ';') {
        ++window;
    }
    const std::string_view rest = input_.substr(pos_);
    const entities::Match match = commonReference(rest.substr(0, window));
    if (match.length == 0) {
        return ampersand; // ambiguous ampersand: the name is ordinary text
    }
    const bool semicolon = match.endsWithSemicolon(rest);
    if (inAttribute && !semicolon && match.length < rest.size() &&
        (rest[match.length] == '=' || isAlnum(rest[match.length]))) {
        return ampersand; // historical: "&amp=" and "&ampx" stay literal in attributes
    }
    if (!semicolon) {
        error();
    }
    pos_ += match.length;
    return match.replacement;
}

std::string_view HtmlTokenizer::numericReference() {
    const std::string_view ampersand = input_.substr(pos_ - 1, 1);
    std::size_t p = pos_ + 1;
    const bool hex = p < input_.size() && (input_[p] == 'x' || input_[p] == 'X');
    if (hex) {
        ++p;
    }
    const std::size_t digitsStart = p;
    std::uint32_t value = 0;
    for (; p < input_.size() && (hex ? isHexDigit(input_[p]) : isDigit(input_[p])); ++p) {
        const char d = input_[p];
        const std::uint32_t digit = isDigit(d) ? static_cast<std::uint32_t>(d - '0')
                                               : static_cast<std::uint32_t>(toLower(d) - 'a' + 10);
        value = value * (hex ? 16U : 10U) + digit;
        if (value > 0x10FFFF) {
            value = 0x110000; // saturate: the result is U+FFFD whatever follows
        }
    }
    if (p >= input_.size()) {
        starve(); // an 'x', a digit or the ';' may follow
    }
    if (p == digitsStart) {
        error();
        return ampersand; // "&#" and "&#x" stay literal
    }
    if (p < input_.size() && input_[p] == ';') {
        ++p;
    } else {
        error();
    }
    pos_ = p;
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        error();
        value = 0xFFFD;
    } else if (value >= 0x80 && value <= 0x9F) {
        error();
        value = kC1Replacements[value - 0x80];
    }
    return {numericBuffer_, utf8::encode(value, numericBuffer_)};
}

// ------------------------------------------------------------ everything else

void HtmlTokenizer::stepOtherStates() {
    const Ch ch = peek();
    switch (state_) {
    case State::AttributeValueDoubleQuoted:
    case State::AttributeValueSingleQuoted: {
        const bool dq = state_ == State::AttributeValueDoubleQuoted;
        TokenText& value = attributes_.back().value;
        const std::size_t end = scanRun(dq ? kDoubleQuotedStops : kSingleQuotedStops);
        if (end > pos_) {
            appendInput(value, pos_, end);
            pos_ = end;
            break;
        }
        if (ch.code == (dq ? '"' : '\'')) {
            advance(ch);
            state_ = State::AfterAttributeValueQuoted;
        } else if (ch.code == '&') {
            advance(ch);
            appendPiece(value, characterReference(true));
        } else if (ch.code == kEof) {
            endOfFileAfter(&HtmlTokenizer::emitEndOfFile);
        } else {
            if (ch.code == 0) {
                error();
                appendReplacement(value);
            } else {
                appendChar(value, ch);
            }
            advance(ch);
        }
        break;
    }
    case State::AttributeValueUnquoted: {
        TokenText& value = attributes_.back().value;
        if (const std::size_t end = scanRun(kUnquotedValueStops); end > pos_) {
            appendInput(value, pos_, end);
            pos_ = end;
        } else if (isSpace(ch.code)) {
            advance(ch);
            state_ = State::BeforeAttributeName;
        } else if (ch.code == '&') {
            advance(ch);
            appendPiece(value, characterReference(true));
        } else if (ch.code == '>') {
            advance(ch);
            state_ = State::Data;
            emitTag();
        } else if (ch.code == kEof) {
            endOfFileAfter(&HtmlTokenizer::emitEndOfFile);
        } else {
            if (ch.code == 0) {
                error();
                appendReplacement(value);
            } else {
                appendChar(value, ch);
            }
            advance(ch);
        }
        break;
    }
    case State::AfterAttributeValueQuoted:
    case State::SelfClosingStartTag:
        if (ch.code == '>') {
            selfClosing_ = state_ == State::SelfClosingStartTag;
            advance(ch);
            state_ = State::Data;
            emitTag();
        } else if (isSpace(ch.code) && state_ == State::AfterAttributeValueQuoted) {
            advance(ch);
            state_ = State::BeforeAttributeName;
        } else if (ch.code == '/' && state_ == State::AfterAttributeValueQuoted) {
            advance(ch);
            state_ = State::SelfClosingStartTag;
        } else if (ch.code == kEof) {
            endOfFileAfter(&HtmlTokenizer::emitEndOfFile);
        } else {
            error();
            state_ = State::BeforeAttributeName;
        }
        break;
    case State::CdataSection: {
        const std::size_t end = scanRun(kCdataStops);
        if (end > pos_) {
            appendInput(chars_, pos_, end);
            pos_ = end;
        } else if (ch.code == ']') {
            advance(ch);
            state_ = State::CdataSectionBracket;
        } else if (ch.code == kEof) {
            error();
            state_ = State::EndOfFile; // emits the pending characters first
        } else {
            appendChar(chars_, ch);
            advance(ch);
        }
        break;
    }
    case State::CdataSectionBracket:
        if (ch.code == ']') {
            advance(ch);
            state_ = State::CdataSectionEnd;
        } else {
            appendPiece(chars_, "]");
            state_ = State::CdataSection;
        }
        break;
    case State::CdataSectionEnd:
        if (ch.code == ']') {
            appendPiece(chars_, "]");
            advance(ch);
        } else if (ch.code == '>') {
            advance(ch);
            state_ = State::Data;
        } else {
            appendPiece(chars_, "]]");
            state_ = State::CdataSection;
        }
        break;
    case State::CharacterReference:
        appendPiece(chars_, characterReference(false));
        state_ = returnState_;
        emitCharacters();
        break;
    default: // EndOfFile
        chars_.empty() ? emitEndOfFile() : emitCharacters();
        break;
    }
}

// ------------------------------------------------------------ script data

void HtmlTokenizer::stepScriptStates() {
    const Ch ch = peek();
    switch (state_) {
    case State::RcdataLessThan:
    case State::RcdataEndTagOpen:
    case State::RcdataEndTagName:
        stepRawEndTag(State::Rcdata, State::RcdataLessThan, State::RcdataEndTagOpen,
                      State::RcdataEndTagName);
        break;
    case State::RawtextLessThan:
    case State::RawtextEndTagOpen:
    case State::RawtextEndTagName:
        stepRawEndTag(State::Rawtext, State::RawtextLessThan, State::RawtextEndTagOpen,
                      State::RawtextEndTagName);
        break;
    case State::ScriptDataLessThan:
        if (ch.code == '!') {
            advance(ch);
            appendInput(chars_, tagStart_, pos_);
            state_ = State::ScriptDataEscapeStart;
            break;
        }
        [[fallthrough]];
    case State::ScriptDataEndTagOpen:
    case State::ScriptDataEndTagName:
        stepRawEndTag(State::ScriptData, State::ScriptDataLessThan, State::ScriptDataEndTagOpen,
                      State::ScriptDataEndTagName);
        break;
    case State::ScriptDataEscapeStart:
    case State::ScriptDataEscapeStartDash:
        if (ch.code == '-') {
            appendChar(chars_, ch);
            advance(ch);
            state_ = state_ == State::ScriptDataEscapeStart ? State::ScriptDataEscapeStartDash
                                                            : State::ScriptDataEscapedDashDash;
        } else {
            state_ = State::ScriptData;
        }
        break;
    case State::ScriptDataEscaped:
    case State::ScriptDataEscapedDash:
    case State::ScriptDataEscapedDashDash:
        scriptEscaped(State::ScriptDataEscaped, State::ScriptDataEscapedDash,
                      State::ScriptDataEscapedDashDash, State::ScriptDataEscapedLessThan, false);
        break;
    case State::ScriptDataEscapedLessThan:
        if (ch.code == '/') {
            advance(ch);
            state_ = State::ScriptDataEscapedEndTagOpen;
        } else {
            appendInput(chars_, tagStart_, tagStart_ + 1);
            nameStart_ = pos_;
            state_ = isAlpha(ch.code) ? State::ScriptDataDoubleEscapeStart : State::ScriptDataEscaped;
        }
        break;
    case State::ScriptDataEscapedEndTagOpen:
    case State::ScriptDataEscapedEndTagName:
        stepRawEndTag(State::ScriptDataEscaped, State::ScriptDataEscapedLessThan,
                      State::ScriptDataEscapedEndTagOpen, State::ScriptDataEscapedEndTagName);
        break;
    case State::ScriptDataDoubleEscapeStart:
        doubleEscapeBoundary(State::ScriptDataDoubleEscaped, State::ScriptDataEscaped);
        break;
    case State::ScriptDataDoubleEscapedLessThan:
        if (ch.code == '/') {
            appendChar(chars_, ch);
            advance(ch);
            nameStart_ = pos_;
            state_ = State::ScriptDataDoubleEscapeEnd;
        } else {
            state_ = State::ScriptDataDoubleEscaped;
        }
        break;
    case State::ScriptDataDoubleEscapeEnd:
        doubleEscapeBoundary(State::ScriptDataEscaped, State::ScriptDataDoubleEscaped);
        break;
    default: // double escaped text, dash, dash-dash
        scriptEscaped(State::ScriptDataDoubleEscaped, State::ScriptDataDoubleEscapedDash,
                      State::ScriptDataDoubleEscapedDashDash,
                      State::ScriptDataDoubleEscapedLessThan, true);
        break;
    }
}

void HtmlTokenizer::scriptEscaped(State text, State dash, State dashDash, State lessThan,
                                  bool doubleEscaped) {
    if (state_ == text) {
        const std::size_t end = scanRun(kScriptEscapedStops);
        if (end > pos_) {
            appendInput(chars_, pos_, end);
            pos_ = end;
            return;
        }
    }
    const Ch ch = peek();
    if (ch.code == '-') {
        appendChar(chars_, ch);
        advance(ch);
        state_ = state_ == text ? dash : dashDash;
    } else if (ch.code == '<') {
        if (doubleEscaped) {
            appendChar(chars_, ch);
            advance(ch);
            state_ = lessThan;
        } else {
            textLessThan(lessThan); // an end tag may follow: flush the text first
        }
    } else if (ch.code == '>' && state_ == dashDash) {
        appendChar(chars_, ch);
        advance(ch);
        state_ = State::ScriptData;
    } else if (ch.code == kEof) {
        error();
        state_ = State::EndOfFile;
    } else {
        if (ch.code == 0) {
            error();
            appendReplacement(chars_);
        } else {
            appendChar(chars_, ch);
        }
        advance(ch);
        state_ = text;
    }
}

void HtmlTokenizer::doubleEscapeBoundary(State ifScript, State otherwise) {
    const Ch ch = peek();
    if (isSpace(ch.code) || ch.code == '/' || ch.code == '>') {
        const bool script = equalsIgnoringCase(input_.substr(nameStart_, pos_ - nameStart_), "script");
        appendChar(chars_, ch);
        advance(ch);
        state_ = script ? ifScript : otherwise;
    } else if (isAlpha(ch.code)) {
        appendChar(chars_, ch);
        advance(ch);
    } else {
        state_ = otherwise;
    }
}

// ------------------------------------------------------------ comments

void HtmlTokenizer::stepCommentStates() {
    const Ch ch = peek();
    switch (state_) {
    case State::BogusComment: {
        const std::size_t end = scanRun(kBogusCommentStops);
        if (end > pos_) {
            appendInput(name_, pos_, end);
            pos_ = end;
        } else if (ch.code == '>') {
            advance(ch);
            state_ = State::Data;
            emitComment();
        } else if (ch.code == kEof) {
            emitComment();
            state_ = State::EndOfFile;
        } else {
            ch.code == 0 ? appendReplacement(name_) : appendChar(name_, ch);
            advance(ch);
        }
        break;
    }
    case State::MarkupDeclarationOpen:
        if (lookingAt("--", false)) {
            pos_ += 2;
            name_.reset();
            state_ = State::CommentStart;
        } else if (lookingAt("doctype", true)) {
            pos_ += 7;
            newDoctype();
            state_ = State::Doctype;
        } else if (lookingAt("[CDATA[", false)) {
            pos_ += 7;
            name_.reset();
            if (allowCdata_) {
                state_ = State::CdataSection;
            } else {
                error();
                appendInput(name_, pos_ - 7, pos_);
                state_ = State::BogusComment;
            }
        } else {
            error();
            name_.reset();
            state_ = State::BogusComment;
        }
        break;
    case State::CommentStart:
    case State::CommentStartDash:
        if (ch.code == '-') {
            advance(ch);
            state_ = state_ == State::CommentStart ? State::CommentStartDash : State::CommentEnd;
        } else if (ch.code == '>') {
            error();
            advance(ch);
            state_ = State::Data;
            emitComment();
        } else if (ch.code == kEof && state_ == State::CommentStartDash) {
            endOfFileAfter(&HtmlTokenizer::emitComment);
        } else {
            if (state_ == State::CommentStartDash) {
                appendPiece(name_, "-");
            }
            state_ = State::Comment;
        }
        break;
    case State::Comment:
        commentText();
        break;
    case State::CommentLessThan:
        if (ch.code == '!' || ch.code == '<') {
            appendChar(name_, ch);
            advance(ch);
            state_ = ch.code == '!' ? State::CommentLessThanBang : State::CommentLessThan;
        } else {
            state_ = State::Comment;
        }
        break;
    case State::CommentLessThanBang:
    case State::CommentLessThanBangDash:
        if (ch.code == '-') {
            advance(ch);
            state_ = state_ == State::CommentLessThanBang ? State::CommentLessThanBangDash
                                                          : State::CommentLessThanBangDashDash;
        } else {
            state_ = state_ == State::CommentLessThanBang ? State::Comment : State::CommentEndDash;
        }
        break;
    case State::CommentLessThanBangDashDash:
        if (ch.code != '>' && ch.code != kEof) {
            error(); // nested comment
        }
        state_ = State::CommentEnd;
        break;
    default:
        stepCommentEnd(ch);
        break;
    }
}

void HtmlTokenizer::commentText() {
    const std::size_t end = scanRun(kCommentStops);
    if (end > pos_) {
        appendInput(name_, pos_, end);
        pos_ = end;
        return;
    }
    const Ch ch = peek();
    if (ch.code == '<') {
        appendChar(name_, ch);
        advance(ch);
        state_ = State::CommentLessThan;
    } else if (ch.code == '-') {
        advance(ch);
        state_ = State::CommentEndDash;
    } else if (ch.code == kEof) {
        endOfFileAfter(&HtmlTokenizer::emitComment);
    } else {
        if (ch.code == 0) {
            error();
            appendReplacement(name_);
        } else {
            appendChar(name_, ch);
        }
        advance(ch);
    }
}

void HtmlTokenizer::stepCommentEnd(Ch ch) {
    if (ch.code == kEof) {
        endOfFileAfter(&HtmlTokenizer::emitComment);
        return;
    }
    switch (state_) {
    case State::CommentEndDash:
        if (ch.code == '-') {
            advance(ch);
            state_ = State::CommentEnd;
        } else {
            appendPiece(name_, "-");
            state_ = State::Comment;
        }
        break;
    case State::CommentEnd:
        if (ch.code == '>') {
            advance(ch);
            state_ = State::Data;
            emitComment();
        } else if (ch.code == '!') {
            advance(ch);
            state_ = State::CommentEndBang;
        } else if (ch.code == '-') {
            appendPiece(name_, "-");
            advance(ch);
        } else {
            error();
            appendPiece(name_, "--");
            state_ = State::Comment;
        }
        break;
    default: // CommentEndBang
        if (ch.code == '>') {
            error();
            advance(ch);
            state_ = State::Data;
            emitComment();
            break;
        }
        appendPiece(name_, "--!");
        if (ch.code == '-') {
            advance(ch);
            state_ = State::CommentEndDash;
        } else {
            state_ = State::Comment;
        }
        break;
    }
}

// ------------------------------------------------------------ DOCTYPE

void HtmlTokenizer::newDoctype() {
    name_.reset();
    publicId_.reset();
    systemId_.reset();
    hasName_ = false;
    hasPublicId_ = false;
    hasSystemId_ = false;
    forceQuirks_ = false;
}

void HtmlTokenizer::doctypeEndOfFile() {
    forceQuirks_ = true;
    endOfFileAfter(&HtmlTokenizer::emitDoctype);
}

void HtmlTokenizer::beginDoctypeId(bool system, Ch quote) {
    (system ? hasSystemId_ : hasPublicId_) = true;
    (system ? systemId_ : publicId_).reset();
    advance(quote);
    if (system) {
        state_ = quote.code == '"' ? State::DoctypeSystemIdDoubleQuoted
                                   : State::DoctypeSystemIdSingleQuoted;
    } else {
        state_ = quote.code == '"' ? State::DoctypePublicIdDoubleQuoted
                                   : State::DoctypePublicIdSingleQuoted;
    }
}

void HtmlTokenizer::doctypeQuoted(TokenText& target, char quote, State after) {
    const Ch ch = peek();
    if (ch.code == quote) {
        advance(ch);
        state_ = after;
    } else if (ch.code == '>') {
        error();
        forceQuirks_ = true;
        advance(ch);
        state_ = State::Data;
        emitDoctype();
    } else if (ch.code == kEof) {
        doctypeEndOfFile();
    } else {
        ch.code == 0 ? appendReplacement(target) : appendChar(target, ch);
        advance(ch);
    }
}

// The states after a PUBLIC or SYSTEM keyword or before an identifier.
void HtmlTokenizer::doctypeKeywordOrIdStart(Ch ch) {
    const bool afterKeyword = state_ == State::AfterDoctypePublicKeyword ||
                              state_ == State::AfterDoctypeSystemKeyword;
    const bool system = state_ == State::AfterDoctypeSystemKeyword ||
                        state_ == State::BeforeDoctypeSystemId;
    if (isSpace(ch.code)) {
        advance(ch);
        if (afterKeyword) {
            state_ = system ? State::BeforeDoctypeSystemId : State::BeforeDoctypePublicId;
        }
    } else if (ch.code == '"' || ch.code == '\'') {
        if (afterKeyword) {
            error();
        }
        beginDoctypeId(system, ch);
    } else if (ch.code == '>') {
        error();
        forceQuirks_ = true;
        advance(ch);
        state_ = State::Data;
        emitDoctype();
    } else if (ch.code == kEof) {
        doctypeEndOfFile();
    } else {
        error();
        forceQuirks_ = true;
        state_ = State::BogusDoctype;
    }
}

void HtmlTokenizer::stepDoctypeStates() {
    const Ch ch = peek();
    const bool emitsOnGreaterThan =
        state_ == State::DoctypeName || state_ == State::AfterDoctypeName ||
        state_ == State::AfterDoctypePublicId || state_ == State::BetweenDoctypePublicAndSystemIds ||
        state_ == State::AfterDoctypeSystemId || state_ == State::BogusDoctype;
    if (ch.code == '>' && emitsOnGreaterThan) {
        advance(ch);
        state_ = State::Data;
        emitDoctype();
        return;
    }
    if (ch.code == kEof && state_ != State::Doctype) {
        state_ == State::BogusDoctype ? (emitDoctype(), void(state_ = State::EndOfFile))
                                      : doctypeEndOfFile();
        return;
    }
    switch (state_) {
    case State::Doctype:
        if (ch.code == kEof) {
            doctypeEndOfFile();
        } else {
            if (isSpace(ch.code)) {
                advance(ch);
            } else if (ch.code != '>') {
                error();
            }
            state_ = State::BeforeDoctypeName;
        }
        break;
    case State::BeforeDoctypeName:
        if (isSpace(ch.code)) {
            advance(ch);
        } else if (ch.code == '>') {
            error();
            forceQuirks_ = true;
            advance(ch);
            state_ = State::Data;
            emitDoctype();
        } else {
            hasName_ = true;
            appendLower(name_, ch);
            advance(ch);
            state_ = State::DoctypeName;
        }
        break;
    case State::DoctypeName:
        if (isSpace(ch.code)) {
            advance(ch);
            state_ = State::AfterDoctypeName;
        } else {
            appendLower(name_, ch);
            advance(ch);
        }
        break;
    case State::AfterDoctypeName:
        if (isSpace(ch.code)) {
            advance(ch);
        } else if (lookingAt("public", true) || lookingAt("system", true)) {
            state_ = lookingAt("public", true) ? State::AfterDoctypePublicKeyword
                                               : State::AfterDoctypeSystemKeyword;
            pos_ += 6;
        } else {
            error();
            forceQuirks_ = true;
            state_ = State::BogusDoctype;
        }
        break;
    case State::AfterDoctypePublicKeyword:
    case State::BeforeDoctypePublicId:
    case State::AfterDoctypeSystemKeyword:
    case State::BeforeDoctypeSystemId:
        doctypeKeywordOrIdStart(ch);
        break;
    case State::DoctypePublicIdDoubleQuoted:
        doctypeQuoted(publicId_, '"', State::AfterDoctypePublicId);
        break;
    case State::DoctypePublicIdSingleQuoted:
        doctypeQuoted(publicId_, '\'', State::AfterDoctypePublicId);
        break;
    case State::DoctypeSystemIdDoubleQuoted:
        doctypeQuoted(systemId_, '"', State::AfterDoctypeSystemId);
        break;
    case State::DoctypeSystemIdSingleQuoted:
        doctypeQuoted(systemId_, '\'', State::AfterDoctypeSystemId);
        break;
    case State::AfterDoctypePublicId:
    case State::BetweenDoctypePublicAndSystemIds:
        if (isSpace(ch.code)) {
            advance(ch);
            state_ = State::BetweenDoctypePublicAndSystemIds;
        } else if (ch.code == '"' || ch.code == '\'') {
            if (state_ == State::AfterDoctypePublicId) {
                error();
            }
            beginDoctypeId(true, ch);
        } else {
            error();
            forceQuirks_ = true;
            state_ = State::BogusDoctype;
        }
        break;
    case State::AfterDoctypeSystemId:
        if (isSpace(ch.code)) {
            advance(ch);
        } else {
            error();
            state_ = State::BogusDoctype;
        }
        break;
    default: // BogusDoctype
        advance(ch);
        break;
    }
}

} // namespace bi::extract::html
