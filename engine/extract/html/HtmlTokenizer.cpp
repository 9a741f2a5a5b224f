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
    return {.at = cur_,
            .attributeCount = attributes_.size(),
            .lastAttribute = attributes_.empty() ? PendingAttribute{} : attributes_.back()};
}

void HtmlTokenizer::resumeFrom(const Resume& point) {
    cur_ = point.at;
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
    if (cur_.pos >= input_.size()) {
        return peekNearEnd();
    }
    const auto byte = static_cast<unsigned char>(input_[cur_.pos]);
    if (byte < 0x80) {
        if (byte == '\r') {
            if (cur_.pos + 1 >= input_.size()) {
                return peekNearEnd();
            }
            return {'\n', input_[cur_.pos + 1] == '\n' ? 2U : 1U};
        }
        return {byte, 1};
    }
    const std::size_t length = utf8::sequenceLength(input_, cur_.pos);
    if (length > 0) {
        return {kOther, length};
    }
    if (cur_.pos + 4 > input_.size()) {
        return peekNearEnd();
    }
    return {kInvalid, replaceEachInvalidByte_ ? 1 : invalidLength(input_, cur_.pos)};
}

// What peek() reads where the end of the view is close enough to matter: the
// end itself, a CR that an LF may follow, a sequence that may be cut short.
// A tail call from peek(), out of line, so that peek's hot path needs no frame.
[[gnu::cold, gnu::noinline]] HtmlTokenizer::Ch HtmlTokenizer::peekNearEnd() {
    starve();
    if (cur_.pos >= input_.size()) {
        return {kEof, 0};
    }
    if (input_[cur_.pos] == '\r') {
        return {'\n', 1};
    }
    return {kInvalid, replaceEachInvalidByte_ ? 1 : invalidLength(input_, cur_.pos)};
}

bool HtmlTokenizer::lookingAt(std::string_view literal, bool caseInsensitive) {
    if (cur_.pos + literal.size() > input_.size()) {
        starve();
    }
    std::string_view here = input_.substr(cur_.pos, literal.size());
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
    std::size_t i = cur_.pos;
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
    } else if (ch.code == '\n' && input_[cur_.pos] == '\r') {
        text.append("\n", TokenText::Source::Static, scratch_);
    } else {
        text.append(input_.substr(cur_.pos, ch.length), TokenText::Source::Input, scratch_);
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
    token_.data = cur_.chars.view(scratch_);
    token_.attributes.clear();
    cur_.chars.reset();
    emitted_ = true;
}

void HtmlTokenizer::emitTag() {
    token_.type = cur_.tagType;
    token_.data = cur_.name.view(scratch_);
    token_.selfClosing = cur_.selfClosing;
    token_.attributes.clear();
    if (cur_.tagType == HtmlTokenType::StartTag) {
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
    token_.data = cur_.name.view(scratch_);
    token_.attributes.clear();
    emitted_ = true;
}

void HtmlTokenizer::emitDoctype() {
    token_.type = HtmlTokenType::Doctype;
    token_.data = cur_.name.view(scratch_);
    token_.attributes.clear();
    token_.hasName = cur_.hasName;
    token_.hasPublicId = cur_.hasPublicId;
    token_.hasSystemId = cur_.hasSystemId;
    token_.publicId = cur_.publicId.view(scratch_);
    token_.systemId = cur_.systemId.view(scratch_);
    token_.forceQuirks = cur_.forceQuirks;
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
    cur_.state = State::EndOfFile;
}

// ------------------------------------------------------------ dispatch

void HtmlTokenizer::step() {
    if (cur_.state <= State::Plaintext) {
        stepText(cur_.state);
    } else if (cur_.state <= State::TagName) {
        stepTagStates();
    } else if (cur_.state <= State::ScriptDataDoubleEscapeEnd) {
        stepScriptStates();
    } else if (cur_.state <= State::SelfClosingStartTag) {
        stepAttributeStates();
    } else if (cur_.state <= State::CommentEndBang) {
        stepCommentStates();
    } else if (cur_.state <= State::BogusDoctype) {
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
    appendInput(cur_.chars, cur_.pos, end);
    cur_.pos = end;
    const Ch ch = peek();
    if (ch.code == kEof) {
        cur_.chars.empty() ? emitEndOfFile() : emitCharacters();
    } else if (ch.code == '<') {
        textLessThan(lessThan);
    } else if (ch.code == '&') {
        advance(ch);
        cur_.returnState = state;
        cur_.state = State::CharacterReference;
        if (!cur_.chars.empty()) {
            emitCharacters();
        }
    } else if (!cur_.chars.empty()) {
        emitCharacters(); // CR, NUL or bad bytes follow: start a new run after them
    } else if (ch.code == '\n' && ch.length == 2) {
        ++cur_.pos; // CRLF: drop the CR, the LF begins the next run
    } else {
        if (ch.code != '\n') {
            error();
        }
        appendPiece(cur_.chars, ch.code == '\n' ? std::string_view("\n") : kReplacement);
        advance(ch);
        emitCharacters();
    }
}

void HtmlTokenizer::textLessThan(State lessThanState) {
    cur_.tagStart = cur_.pos;
    ++cur_.pos;
    cur_.state = lessThanState;
    if (!cur_.chars.empty()) {
        emitCharacters();
    }
}

// ------------------------------------------------------------ tags

void HtmlTokenizer::startTag(HtmlTokenType type) {
    cur_.tagType = type;
    cur_.name.reset();
    attributes_.clear();
    cur_.selfClosing = false;
}

bool HtmlTokenizer::appropriateEndTag() const {
    return hasLastStartTag_ && cur_.name.view(scratch_) == lastStartTag_;
}

void HtmlTokenizer::stepTagStates() {
    const Ch ch = peek();
    switch (cur_.state) {
    case State::TagOpen:
        if (ch.code == '!') {
            advance(ch);
            cur_.state = State::MarkupDeclarationOpen;
        } else if (ch.code == '/') {
            advance(ch);
            cur_.state = State::EndTagOpen;
        } else if (isAlpha(ch.code)) {
            startTag(HtmlTokenType::StartTag);
            cur_.state = State::TagName;
            stepTagName(ch); // at once: the name follows, no need to dispatch again
        } else if (ch.code == '?') {
            error();
            cur_.name.reset();
            cur_.state = State::BogusComment;
        } else {
            error();
            appendInput(cur_.chars, cur_.tagStart, cur_.tagStart + 1);
            cur_.state = ch.code == kEof ? State::EndOfFile : State::Data;
        }
        break;
    case State::EndTagOpen:
        if (isAlpha(ch.code)) {
            startTag(HtmlTokenType::EndTag);
            cur_.state = State::TagName;
            stepTagName(ch);
        } else if (ch.code == '>') {
            error();
            advance(ch);
            cur_.state = State::Data;
        } else if (ch.code == kEof) {
            error();
            appendInput(cur_.chars, cur_.tagStart, cur_.tagStart + 2);
            cur_.state = State::EndOfFile;
        } else {
            error();
            cur_.name.reset();
            cur_.state = State::BogusComment;
        }
        break;
    default: stepTagName(ch); break;
    }
}

void HtmlTokenizer::stepTagName(Ch ch) {
    // The name's plain run, then what follows it in the same step: most
    // names end at '>' or a space.
    if (const std::size_t end = scanRun(kTagNameStops); end > cur_.pos) {
        appendInput(cur_.name, cur_.pos, end);
        cur_.pos = end;
        ch = peek();
    }
    if (isSpace(ch.code)) {
        advance(ch);
        cur_.state = State::BeforeAttributeName;
    } else if (ch.code == '/') {
        advance(ch);
        cur_.state = State::SelfClosingStartTag;
    } else if (ch.code == '>') {
        advance(ch);
        cur_.state = State::Data;
        emitTag();
    } else if (ch.code == kEof) {
        error();
        cur_.state = State::EndOfFile;
    } else {
        appendLower(cur_.name, ch);
        advance(ch);
    }
}

void HtmlTokenizer::rawEndTagName(State textState) {
    const Ch ch = peek();
    if (isAlpha(ch.code)) {
        appendLower(cur_.name, ch);
        advance(ch);
        return;
    }
    if (appropriateEndTag() && (isSpace(ch.code) || ch.code == '/' || ch.code == '>')) {
        advance(ch);
        if (ch.code == '>') {
            cur_.state = State::Data;
            emitTag();
        } else {
            cur_.state = ch.code == '/' ? State::SelfClosingStartTag : State::BeforeAttributeName;
        }
        return;
    }
    appendInput(cur_.chars, cur_.tagStart, cur_.pos);
    cur_.state = textState;
}

void HtmlTokenizer::stepRawEndTag(State textState, State lessThan, State endTagOpen,
                                  State endTagName) {
    const Ch ch = peek();
    if (cur_.state == lessThan) {
        if (ch.code == '/') {
            advance(ch);
            cur_.state = endTagOpen;
        } else {
            appendInput(cur_.chars, cur_.tagStart, cur_.tagStart + 1);
            cur_.state = textState;
        }
    } else if (cur_.state == endTagOpen) {
        if (isAlpha(ch.code)) {
            startTag(HtmlTokenType::EndTag);
            cur_.state = endTagName;
        } else {
            appendInput(cur_.chars, cur_.tagStart, cur_.tagStart + 2);
            cur_.state = textState;
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
    switch (cur_.state) {
    case State::BeforeAttributeName:
        if (isSpace(ch.code)) {
            advance(ch);
        } else if (ch.code == '/' || ch.code == '>' || ch.code == kEof) {
            cur_.state = State::AfterAttributeName;
        } else {
            if (ch.code == '=') {
                error();
                startAttribute();
                appendChar(attributes_.back().name, ch);
                advance(ch);
            } else {
                startAttribute();
            }
            cur_.state = State::AttributeName;
        }
        break;
    case State::AttributeName:
        if (const std::size_t end = scanRun(kAttributeNameStops); end > cur_.pos) {
            appendInput(attributes_.back().name, cur_.pos, end);
            cur_.pos = end;
        } else if (isSpace(ch.code) || ch.code == '/' || ch.code == '>' || ch.code == kEof) {
            finishAttributeName();
            cur_.state = State::AfterAttributeName;
        } else if (ch.code == '=') {
            finishAttributeName();
            advance(ch);
            cur_.state = State::BeforeAttributeValue;
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
            cur_.state = State::SelfClosingStartTag;
        } else if (ch.code == '=') {
            advance(ch);
            cur_.state = State::BeforeAttributeValue;
        } else if (ch.code == '>') {
            advance(ch);
            cur_.state = State::Data;
            emitTag();
        } else if (ch.code == kEof) {
            endOfFileAfter(&HtmlTokenizer::emitEndOfFile);
        } else {
            startAttribute();
            cur_.state = State::AttributeName;
        }
        break;
    case State::BeforeAttributeValue:
        if (isSpace(ch.code)) {
            advance(ch);
        } else if (ch.code == '"' || ch.code == '\'') {
            advance(ch);
            cur_.state =
                ch.code == '"' ? State::AttributeValueDoubleQuoted : State::AttributeValueSingleQuoted;
        } else if (ch.code == '>') {
            error();
            advance(ch);
            cur_.state = State::Data;
            emitTag();
        } else {
            cur_.state = State::AttributeValueUnquoted;
        }
        break;
    default:
        stepOtherStates();
        break;
    }
}

// ------------------------------------------------------------ character references

std::string_view HtmlTokenizer::characterReference(bool inAttribute) {
    const std::string_view ampersand = input_.substr(cur_.pos - 1, 1);
    if (cur_.pos >= input_.size()) {
        starve();
        return ampersand;
    }
    const char c = input_[cur_.pos];
    if (c == '#') {
        return numericReference();
    }
    if (!isAlnum(c)) {
        return ampersand;
    }
    // Names are letters and digits with an optional final ';': offering only
    // that window makes the usual "&amp;" a single exact lookup.
    std::size_t window = 0;
    while (cur_.pos + window < input_.size() && window < 40 && isAlnum(input_[cur_.pos + window])) {
        ++window;
    }
    if (cur_.pos + window >= input_.size()) {
        starve(); // the name (or its ';') may go on
    } else if (input_[cur_.pos + window] == ';') {
        ++window;
    }
    const std::string_view rest = input_.substr(cur_.pos);
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
    cur_.pos += match.length;
    return match.replacement;
}

std::string_view HtmlTokenizer::numericReference() {
    const std::string_view ampersand = input_.substr(cur_.pos - 1, 1);
    std::size_t p = cur_.pos + 1;
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
    cur_.pos = p;
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
    switch (cur_.state) {
    case State::AttributeValueDoubleQuoted:
    case State::AttributeValueSingleQuoted: {
        const bool dq = cur_.state == State::AttributeValueDoubleQuoted;
        TokenText& value = attributes_.back().value;
        const std::size_t end = scanRun(dq ? kDoubleQuotedStops : kSingleQuotedStops);
        if (end > cur_.pos) {
            appendInput(value, cur_.pos, end);
            cur_.pos = end;
            break;
        }
        if (ch.code == (dq ? '"' : '\'')) {
            advance(ch);
            cur_.state = State::AfterAttributeValueQuoted;
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
        if (const std::size_t end = scanRun(kUnquotedValueStops); end > cur_.pos) {
            appendInput(value, cur_.pos, end);
            cur_.pos = end;
        } else if (isSpace(ch.code)) {
            advance(ch);
            cur_.state = State::BeforeAttributeName;
        } else if (ch.code == '&') {
            advance(ch);
            appendPiece(value, characterReference(true));
        } else if (ch.code == '>') {
            advance(ch);
            cur_.state = State::Data;
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
            cur_.selfClosing = cur_.state == State::SelfClosingStartTag;
            advance(ch);
            cur_.state = State::Data;
            emitTag();
        } else if (isSpace(ch.code) && cur_.state == State::AfterAttributeValueQuoted) {
            advance(ch);
            cur_.state = State::BeforeAttributeName;
        } else if (ch.code == '/' && cur_.state == State::AfterAttributeValueQuoted) {
            advance(ch);
            cur_.state = State::SelfClosingStartTag;
        } else if (ch.code == kEof) {
            endOfFileAfter(&HtmlTokenizer::emitEndOfFile);
        } else {
            error();
            cur_.state = State::BeforeAttributeName;
        }
        break;
    case State::CdataSection: {
        const std::size_t end = scanRun(kCdataStops);
        if (end > cur_.pos) {
            appendInput(cur_.chars, cur_.pos, end);
            cur_.pos = end;
        } else if (ch.code == ']') {
            advance(ch);
            cur_.state = State::CdataSectionBracket;
        } else if (ch.code == kEof) {
            error();
            cur_.state = State::EndOfFile; // emits the pending characters first
        } else {
            appendChar(cur_.chars, ch);
            advance(ch);
        }
        break;
    }
    case State::CdataSectionBracket:
        if (ch.code == ']') {
            advance(ch);
            cur_.state = State::CdataSectionEnd;
        } else {
            appendPiece(cur_.chars, "]");
            cur_.state = State::CdataSection;
        }
        break;
    case State::CdataSectionEnd:
        if (ch.code == ']') {
            appendPiece(cur_.chars, "]");
            advance(ch);
        } else if (ch.code == '>') {
            advance(ch);
            cur_.state = State::Data;
        } else {
            appendPiece(cur_.chars, "]]");
            cur_.state = State::CdataSection;
        }
        break;
    case State::CharacterReference:
        appendPiece(cur_.chars, characterReference(false));
        cur_.state = cur_.returnState;
        emitCharacters();
        break;
    default: // EndOfFile
        cur_.chars.empty() ? emitEndOfFile() : emitCharacters();
        break;
    }
}

// ------------------------------------------------------------ script data

void HtmlTokenizer::stepScriptStates() {
    const Ch ch = peek();
    switch (cur_.state) {
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
            appendInput(cur_.chars, cur_.tagStart, cur_.pos);
            cur_.state = State::ScriptDataEscapeStart;
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
            appendChar(cur_.chars, ch);
            advance(ch);
            cur_.state = cur_.state == State::ScriptDataEscapeStart ? State::ScriptDataEscapeStartDash
                                                                    : State::ScriptDataEscapedDashDash;
        } else {
            cur_.state = State::ScriptData;
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
            cur_.state = State::ScriptDataEscapedEndTagOpen;
        } else {
            appendInput(cur_.chars, cur_.tagStart, cur_.tagStart + 1);
            cur_.nameStart = cur_.pos;
            cur_.state = isAlpha(ch.code) ? State::ScriptDataDoubleEscapeStart : State::ScriptDataEscaped;
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
            appendChar(cur_.chars, ch);
            advance(ch);
            cur_.nameStart = cur_.pos;
            cur_.state = State::ScriptDataDoubleEscapeEnd;
        } else {
            cur_.state = State::ScriptDataDoubleEscaped;
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
    if (cur_.state == text) {
        const std::size_t end = scanRun(kScriptEscapedStops);
        if (end > cur_.pos) {
            appendInput(cur_.chars, cur_.pos, end);
            cur_.pos = end;
            return;
        }
    }
    const Ch ch = peek();
    if (ch.code == '-') {
        appendChar(cur_.chars, ch);
        advance(ch);
        cur_.state = cur_.state == text ? dash : dashDash;
    } else if (ch.code == '<') {
        if (doubleEscaped) {
            appendChar(cur_.chars, ch);
            advance(ch);
            cur_.state = lessThan;
        } else {
            textLessThan(lessThan); // an end tag may follow: flush the text first
        }
    } else if (ch.code == '>' && cur_.state == dashDash) {
        appendChar(cur_.chars, ch);
        advance(ch);
        cur_.state = State::ScriptData;
    } else if (ch.code == kEof) {
        error();
        cur_.state = State::EndOfFile;
    } else {
        if (ch.code == 0) {
            error();
            appendReplacement(cur_.chars);
        } else {
            appendChar(cur_.chars, ch);
        }
        advance(ch);
        cur_.state = text;
    }
}

void HtmlTokenizer::doubleEscapeBoundary(State ifScript, State otherwise) {
    const Ch ch = peek();
    if (isSpace(ch.code) || ch.code == '/' || ch.code == '>') {
        const bool script =
            equalsIgnoringCase(input_.substr(cur_.nameStart, cur_.pos - cur_.nameStart), "script");
        appendChar(cur_.chars, ch);
        advance(ch);
        cur_.state = script ? ifScript : otherwise;
    } else if (isAlpha(ch.code)) {
        appendChar(cur_.chars, ch);
        advance(ch);
    } else {
        cur_.state = otherwise;
    }
}

// ------------------------------------------------------------ comments

void HtmlTokenizer::stepCommentStates() {
    const Ch ch = peek();
    switch (cur_.state) {
    case State::BogusComment: {
        const std::size_t end = scanRun(kBogusCommentStops);
        if (end > cur_.pos) {
            appendInput(cur_.name, cur_.pos, end);
            cur_.pos = end;
        } else if (ch.code == '>') {
            advance(ch);
            cur_.state = State::Data;
            emitComment();
        } else if (ch.code == kEof) {
            emitComment();
            cur_.state = State::EndOfFile;
        } else {
            ch.code == 0 ? appendReplacement(cur_.name) : appendChar(cur_.name, ch);
            advance(ch);
        }
        break;
    }
    case State::MarkupDeclarationOpen:
        if (lookingAt("--", false)) {
            cur_.pos += 2;
            cur_.name.reset();
            cur_.state = State::CommentStart;
        } else if (lookingAt("doctype", true)) {
            cur_.pos += 7;
            newDoctype();
            cur_.state = State::Doctype;
        } else if (lookingAt("[CDATA[", false)) {
            cur_.pos += 7;
            cur_.name.reset();
            if (allowCdata_) {
                cur_.state = State::CdataSection;
            } else {
                error();
                appendInput(cur_.name, cur_.pos - 7, cur_.pos);
                cur_.state = State::BogusComment;
            }
        } else {
            error();
            cur_.name.reset();
            cur_.state = State::BogusComment;
        }
        break;
    case State::CommentStart:
    case State::CommentStartDash:
        if (ch.code == '-') {
            advance(ch);
            cur_.state = cur_.state == State::CommentStart ? State::CommentStartDash : State::CommentEnd;
        } else if (ch.code == '>') {
            error();
            advance(ch);
            cur_.state = State::Data;
            emitComment();
        } else if (ch.code == kEof && cur_.state == State::CommentStartDash) {
            endOfFileAfter(&HtmlTokenizer::emitComment);
        } else {
            if (cur_.state == State::CommentStartDash) {
                appendPiece(cur_.name, "-");
            }
            cur_.state = State::Comment;
        }
        break;
    case State::Comment:
        commentText();
        break;
    case State::CommentLessThan:
        if (ch.code == '!' || ch.code == '<') {
            appendChar(cur_.name, ch);
            advance(ch);
            cur_.state = ch.code == '!' ? State::CommentLessThanBang : State::CommentLessThan;
        } else {
            cur_.state = State::Comment;
        }
        break;
    case State::CommentLessThanBang:
    case State::CommentLessThanBangDash:
        if (ch.code == '-') {
            advance(ch);
            cur_.state = cur_.state == State::CommentLessThanBang ? State::CommentLessThanBangDash
                                                                  : State::CommentLessThanBangDashDash;
        } else {
            cur_.state = cur_.state == State::CommentLessThanBang ? State::Comment : State::CommentEndDash;
        }
        break;
    case State::CommentLessThanBangDashDash:
        if (ch.code != '>' && ch.code != kEof) {
            error(); // nested comment
        }
        cur_.state = State::CommentEnd;
        break;
    default:
        stepCommentEnd(ch);
        break;
    }
}

void HtmlTokenizer::commentText() {
    const std::size_t end = scanRun(kCommentStops);
    if (end > cur_.pos) {
        appendInput(cur_.name, cur_.pos, end);
        cur_.pos = end;
        return;
    }
    const Ch ch = peek();
    if (ch.code == '<') {
        appendChar(cur_.name, ch);
        advance(ch);
        cur_.state = State::CommentLessThan;
    } else if (ch.code == '-') {
        advance(ch);
        cur_.state = State::CommentEndDash;
    } else if (ch.code == kEof) {
        endOfFileAfter(&HtmlTokenizer::emitComment);
    } else {
        if (ch.code == 0) {
            error();
            appendReplacement(cur_.name);
        } else {
            appendChar(cur_.name, ch);
        }
        advance(ch);
    }
}

void HtmlTokenizer::stepCommentEnd(Ch ch) {
    if (ch.code == kEof) {
        endOfFileAfter(&HtmlTokenizer::emitComment);
        return;
    }
    switch (cur_.state) {
    case State::CommentEndDash:
        if (ch.code == '-') {
            advance(ch);
            cur_.state = State::CommentEnd;
        } else {
            appendPiece(cur_.name, "-");
            cur_.state = State::Comment;
        }
        break;
    case State::CommentEnd:
        if (ch.code == '>') {
            advance(ch);
            cur_.state = State::Data;
            emitComment();
        } else if (ch.code == '!') {
            advance(ch);
            cur_.state = State::CommentEndBang;
        } else if (ch.code == '-') {
            appendPiece(cur_.name, "-");
            advance(ch);
        } else {
            error();
            appendPiece(cur_.name, "--");
            cur_.state = State::Comment;
        }
        break;
    default: // CommentEndBang
        if (ch.code == '>') {
            error();
            advance(ch);
            cur_.state = State::Data;
            emitComment();
            break;
        }
        appendPiece(cur_.name, "--!");
        if (ch.code == '-') {
            advance(ch);
            cur_.state = State::CommentEndDash;
        } else {
            cur_.state = State::Comment;
        }
        break;
    }
}

// ------------------------------------------------------------ DOCTYPE

void HtmlTokenizer::newDoctype() {
    cur_.name.reset();
    cur_.publicId.reset();
    cur_.systemId.reset();
    cur_.hasName = false;
    cur_.hasPublicId = false;
    cur_.hasSystemId = false;
    cur_.forceQuirks = false;
}

void HtmlTokenizer::doctypeEndOfFile() {
    cur_.forceQuirks = true;
    endOfFileAfter(&HtmlTokenizer::emitDoctype);
}

void HtmlTokenizer::beginDoctypeId(bool system, Ch quote) {
    (system ? cur_.hasSystemId : cur_.hasPublicId) = true;
    (system ? cur_.systemId : cur_.publicId).reset();
    advance(quote);
    if (system) {
        cur_.state =
            quote.code == '"' ? State::DoctypeSystemIdDoubleQuoted : State::DoctypeSystemIdSingleQuoted;
    } else {
        cur_.state =
            quote.code == '"' ? State::DoctypePublicIdDoubleQuoted : State::DoctypePublicIdSingleQuoted;
    }
}

void HtmlTokenizer::doctypeQuoted(TokenText& target, char quote, State after) {
    const Ch ch = peek();
    if (ch.code == quote) {
        advance(ch);
        cur_.state = after;
    } else if (ch.code == '>') {
        error();
        cur_.forceQuirks = true;
        advance(ch);
        cur_.state = State::Data;
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
    const bool afterKeyword =
        cur_.state == State::AfterDoctypePublicKeyword || cur_.state == State::AfterDoctypeSystemKeyword;
    const bool system =
        cur_.state == State::AfterDoctypeSystemKeyword || cur_.state == State::BeforeDoctypeSystemId;
    if (isSpace(ch.code)) {
        advance(ch);
        if (afterKeyword) {
            cur_.state = system ? State::BeforeDoctypeSystemId : State::BeforeDoctypePublicId;
        }
    } else if (ch.code == '"' || ch.code == '\'') {
        if (afterKeyword) {
            error();
        }
        beginDoctypeId(system, ch);
    } else if (ch.code == '>') {
        error();
        cur_.forceQuirks = true;
        advance(ch);
        cur_.state = State::Data;
        emitDoctype();
    } else if (ch.code == kEof) {
        doctypeEndOfFile();
    } else {
        error();
        cur_.forceQuirks = true;
        cur_.state = State::BogusDoctype;
    }
}

void HtmlTokenizer::stepDoctypeStates() {
    const Ch ch = peek();
    const bool emitsOnGreaterThan =
        cur_.state == State::DoctypeName || cur_.state == State::AfterDoctypeName ||
        cur_.state == State::AfterDoctypePublicId || cur_.state == State::BetweenDoctypePublicAndSystemIds ||
        cur_.state == State::AfterDoctypeSystemId || cur_.state == State::BogusDoctype;
    if (ch.code == '>' && emitsOnGreaterThan) {
        advance(ch);
        cur_.state = State::Data;
        emitDoctype();
        return;
    }
    if (ch.code == kEof && cur_.state != State::Doctype) {
        cur_.state == State::BogusDoctype ? (emitDoctype(), void(cur_.state = State::EndOfFile))
                                          : doctypeEndOfFile();
        return;
    }
    switch (cur_.state) {
    case State::Doctype:
        if (ch.code == kEof) {
            doctypeEndOfFile();
        } else {
            if (isSpace(ch.code)) {
                advance(ch);
            } else if (ch.code != '>') {
                error();
            }
            cur_.state = State::BeforeDoctypeName;
        }
        break;
    case State::BeforeDoctypeName:
        if (isSpace(ch.code)) {
            advance(ch);
        } else if (ch.code == '>') {
            error();
            cur_.forceQuirks = true;
            advance(ch);
            cur_.state = State::Data;
            emitDoctype();
        } else {
            cur_.hasName = true;
            appendLower(cur_.name, ch);
            advance(ch);
            cur_.state = State::DoctypeName;
        }
        break;
    case State::DoctypeName:
        if (isSpace(ch.code)) {
            advance(ch);
            cur_.state = State::AfterDoctypeName;
        } else {
            appendLower(cur_.name, ch);
            advance(ch);
        }
        break;
    case State::AfterDoctypeName:
        if (isSpace(ch.code)) {
            advance(ch);
        } else if (lookingAt("public", true) || lookingAt("system", true)) {
            cur_.state = lookingAt("public", true) ? State::AfterDoctypePublicKeyword
                                                   : State::AfterDoctypeSystemKeyword;
            cur_.pos += 6;
        } else {
            error();
            cur_.forceQuirks = true;
            cur_.state = State::BogusDoctype;
        }
        break;
    case State::AfterDoctypePublicKeyword:
    case State::BeforeDoctypePublicId:
    case State::AfterDoctypeSystemKeyword:
    case State::BeforeDoctypeSystemId:
        doctypeKeywordOrIdStart(ch);
        break;
    case State::DoctypePublicIdDoubleQuoted:
        doctypeQuoted(cur_.publicId, '"', State::AfterDoctypePublicId);
        break;
    case State::DoctypePublicIdSingleQuoted:
        doctypeQuoted(cur_.publicId, '\'', State::AfterDoctypePublicId);
        break;
    case State::DoctypeSystemIdDoubleQuoted:
        doctypeQuoted(cur_.systemId, '"', State::AfterDoctypeSystemId);
        break;
    case State::DoctypeSystemIdSingleQuoted:
        doctypeQuoted(cur_.systemId, '\'', State::AfterDoctypeSystemId);
        break;
    case State::AfterDoctypePublicId:
    case State::BetweenDoctypePublicAndSystemIds:
        if (isSpace(ch.code)) {
            advance(ch);
            cur_.state = State::BetweenDoctypePublicAndSystemIds;
        } else if (ch.code == '"' || ch.code == '\'') {
            if (cur_.state == State::AfterDoctypePublicId) {
                error();
            }
            beginDoctypeId(true, ch);
        } else {
            error();
            cur_.forceQuirks = true;
            cur_.state = State::BogusDoctype;
        }
        break;
    case State::AfterDoctypeSystemId:
        if (isSpace(ch.code)) {
            advance(ch);
        } else {
            error();
            cur_.state = State::BogusDoctype;
        }
        break;
    default: // BogusDoctype
        advance(ch);
        break;
    }
}

} // namespace bi::extract::html
