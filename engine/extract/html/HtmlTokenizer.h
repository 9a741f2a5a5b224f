// SPDX-License-Identifier: GPL-3.0-or-later
// An HTML5 tokenizer: the state machine of the WHATWG standard ("13.2.5
// Tokenization") over UTF-8 bytes. It is pull-based: next() runs the machine
// just far enough to produce one token, so a consumer can stop early and the
// work done is proportional to the tokens taken. The input is never copied:
// token text is a view into the input unless it had to be rewritten.
//
// The input stream preprocessing is done on the fly: CR and CRLF become LF,
// invalid UTF-8 becomes U+FFFD (one per maximal subpart, as the Encoding
// standard's decoder does). Parse errors are counted, not described.
//
// The tree builder decides some tokenizer states (RCDATA after <title>, ...);
// a consumer that acts as one calls setState() right after the start tag.
#pragma once

#include "core/WasmOutline.h"
#include "extract/html/HtmlToken.h"
#include "extract/html/TokenText.h"
#include "extract/text/GrowingInput.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bi::extract::html {

// The bytes that end a run in one state (HtmlTokenizer.cpp).
struct StopSet;

class HtmlTokenizer {
public:
    enum class State : std::uint8_t {
        Data, Rcdata, Rawtext, ScriptData, Plaintext, TagOpen, EndTagOpen, TagName,
        RcdataLessThan, RcdataEndTagOpen, RcdataEndTagName,
        RawtextLessThan, RawtextEndTagOpen, RawtextEndTagName,
        ScriptDataLessThan, ScriptDataEndTagOpen, ScriptDataEndTagName,
        ScriptDataEscapeStart, ScriptDataEscapeStartDash, ScriptDataEscaped,
        ScriptDataEscapedDash, ScriptDataEscapedDashDash, ScriptDataEscapedLessThan,
        ScriptDataEscapedEndTagOpen, ScriptDataEscapedEndTagName,
        ScriptDataDoubleEscapeStart, ScriptDataDoubleEscaped, ScriptDataDoubleEscapedDash,
        ScriptDataDoubleEscapedDashDash, ScriptDataDoubleEscapedLessThan, ScriptDataDoubleEscapeEnd,
        BeforeAttributeName, AttributeName, AfterAttributeName, BeforeAttributeValue,
        AttributeValueDoubleQuoted, AttributeValueSingleQuoted, AttributeValueUnquoted,
        AfterAttributeValueQuoted, SelfClosingStartTag, BogusComment, MarkupDeclarationOpen,
        CommentStart, CommentStartDash, Comment, CommentLessThan, CommentLessThanBang,
        CommentLessThanBangDash, CommentLessThanBangDashDash, CommentEndDash, CommentEnd,
        CommentEndBang, Doctype, BeforeDoctypeName, DoctypeName, AfterDoctypeName,
        AfterDoctypePublicKeyword, BeforeDoctypePublicId, DoctypePublicIdDoubleQuoted,
        DoctypePublicIdSingleQuoted, AfterDoctypePublicId, BetweenDoctypePublicAndSystemIds,
        AfterDoctypeSystemKeyword, BeforeDoctypeSystemId, DoctypeSystemIdDoubleQuoted,
        DoctypeSystemIdSingleQuoted, AfterDoctypeSystemId, BogusDoctype,
        CdataSection, CdataSectionBracket, CdataSectionEnd,
        CharacterReference, // a reference in Data or RCDATA; attributes decode inline
        EndOfFile,
    };

    explicit HtmlTokenizer(std::string_view input);
    // Starts over on `input`, keeping this tokenizer's buffers.
    void restart(std::string_view input);
    // Reads a document that grows as it is read instead (call before the
    // first next()): a token that reaches the end of what is there is redone
    // once the source has more, so the tokens are exactly those of the whole
    // document, and a source that grows geometrically keeps the work linear.
    void setSource(text::GrowingInput& source);

    // The next token; EndOfFile once the input is exhausted (and again after).
    const HtmlToken& next();

    // Switches the state before the next token (tree-builder hooks and tests).
    void setState(State state) { cur_.state = state; }
    [[nodiscard]] State state() const { return cur_.state; }
    // "The tag name of the last start tag emitted", for appropriate end tags.
    void setLastStartTag(std::string_view name);
    // True while the adjusted current node is in foreign content (SVG, MathML):
    // then <![CDATA[ opens a CDATA section instead of a bogus comment.
    void setAllowCdata(bool allow) { allowCdata_ = allow; }
    // Each byte that does not start a well-formed UTF-8 sequence becomes one
    // U+FFFD, exactly as text::decodeText repairs it (by default a maximal
    // invalid subpart becomes one, as in browsers). Lets a caller tokenize
    // bytes it has not validated and get what the repaired text would give.
    void setReplaceEachInvalidByte(bool each) { replaceEachInvalidByte_ = each; }

    [[nodiscard]] std::size_t bytesConsumed() const { return cur_.pos; }
    [[nodiscard]] std::size_t parseErrors() const { return cur_.parseErrors; }

private:
    // One input character after preprocessing. code: -1 end of input, 0-127
    // ASCII (CR folded to LF), kOther a valid non-ASCII character, kInvalid bad bytes.
    struct Ch {
        int code;
        std::size_t length;
    };
    static constexpr int kEof = -1;
    static constexpr int kOther = 0x100;
    static constexpr int kInvalid = 0x101;

    struct PendingAttribute {
        TokenText name;
        TokenText value;
        bool dropped = false;
    };

    // What a step changes, apart from the attribute list, the scratch buffer and
    // the emitted token: where the tokenizer stands and the fields of the token
    // under way. A token that reaches the end of a growing input is redone from a
    // copy of it (Resume), so a field the steps write belongs here, or the redone
    // token would start from where the starved one stopped.
    struct TokenState {
        std::size_t pos = 0;
        std::size_t parseErrors = 0;
        std::size_t tagStart = 0;  // the '<' that began the current tag or "</" sequence
        std::size_t nameStart = 0; // start of a possible "script" in double-escape checks
        TokenText chars;
        TokenText name; // tag name, comment data, DOCTYPE name
        TokenText publicId;
        TokenText systemId;
        State state = State::Data;
        State returnState = State::Data;
        HtmlTokenType tagType = HtmlTokenType::StartTag;
        bool hasName = false;
        bool hasPublicId = false;
        bool hasSystemId = false;
        bool forceQuirks = false;
        bool selfClosing = false;
    };

    // Where the tokenizer stands between tokens: what redoing a token restores.
    struct Resume {
        TokenState at;
        std::size_t attributeCount;
        PendingAttribute lastAttribute;
    };

    const HtmlToken& nextFromSource();
    [[nodiscard]] Resume resumePoint() const;
    void resumeFrom(const Resume& point);
    // A read reached the end of a view that is not the whole document: the
    // token is redone with more input (ends the current step's token at once).
    // The reads near the end of the view (peek, lookingAt, the reference
    // look-aheads) call it where the whole document could read differently;
    // a run (scanRun) that reaches the end is always followed by a peek there.
    void starve();
    // Under clang (wasm) the common case (an ASCII byte other than CR, not at
    // the end) is inline: out of line, peek() was a call per character. g++
    // keeps the whole of it out of line (inlined, its code was slower in Ir).
    [[nodiscard]] Ch peek() {
#if defined(__clang__)
        if (cur_.pos < input_.size()) {
            const auto byte = static_cast<unsigned char>(input_[cur_.pos]);
            if (byte < 0x80 && byte != '\r') {
                return {byte, 1};
            }
        }
#endif
        return peekOther();
    }
    [[nodiscard]] Ch peekOther();
    [[nodiscard]] Ch peekNearEnd();
    [[nodiscard]] bool lookingAt(std::string_view literal, bool caseInsensitive);
    void advance(Ch ch) { cur_.pos += ch.length; }
    void error() { ++cur_.parseErrors; }
    // Appends the character at the current position (before advancing).
    void appendChar(TokenText& text, Ch ch);
    void appendLower(TokenText& text, Ch ch);
    void appendReplacement(TokenText& text);
    void appendInput(TokenText& text, std::size_t from, std::size_t to);
    // Appends text from the input, static storage or numericBuffer_ (told apart by address).
    void appendPiece(TokenText& text, std::string_view s);
    // End of the run from the position of bytes that are not stops (a valid UTF-8
    // sequence is never one).
    std::size_t scanRun(const StopSet& stops) const;

    void step();
    void stepText(State state);
    void stepTagStates();
    void stepTagName(Ch ch);
    void stepRawEndTag(State textState, State lessThan, State endTagOpen, State endTagName);
    // The rarer state groups stay out of next() in wasm (core/WasmOutline.h).
    BI_WASM_OUTLINE void stepScriptStates();
    void stepAttributeStates();
    BI_WASM_OUTLINE void stepCommentStates();
    BI_WASM_OUTLINE void stepDoctypeStates();
    BI_WASM_OUTLINE void stepOtherStates();

    // Text states.
    void textLessThan(State lessThanState);
    // Tags.
    void startTag(HtmlTokenType type);
    void startAttribute();
    void finishAttributeName();
    [[nodiscard]] bool appropriateEndTag() const;
    void emitTag();
    void emitCharacters();
    void emitComment();
    void emitDoctype();
    void emitEndOfFile();
    void endOfFileAfter(void (HtmlTokenizer::*emitter)());
    void rawEndTagName(State textState);
    // Character references (13.2.5.72-80), decoded directly from the input.
    std::string_view characterReference(bool inAttribute);
    std::string_view numericReference();
    // Script data escaped / double escaped text, dash and dash-dash states.
    void scriptEscaped(State text, State dash, State dashDash, State lessThan, bool doubleEscaped);
    void doubleEscapeBoundary(State ifScript, State otherwise);
    // Comments.
    void commentText();
    void stepCommentEnd(Ch ch);
    // DOCTYPE.
    void newDoctype();
    void doctypeEndOfFile();
    void doctypeKeywordOrIdStart(Ch ch);
    void doctypeQuoted(TokenText& target, char quote, State after);
    void beginDoctypeId(bool system, Ch quote);

    std::string_view input_;
    text::GrowingInput* source_ = nullptr;
    bool final_ = true; // input_ is the whole document
    bool starved_ = false;
    TokenState cur_;
    bool allowCdata_ = false;
    bool replaceEachInvalidByte_ = false;
    bool emitted_ = false;
    std::string lastStartTag_;
    bool hasLastStartTag_ = false;

    std::string scratch_;
    std::vector<PendingAttribute> attributes_;
    char numericBuffer_[4] = {};
    HtmlToken token_;
};

} // namespace bi::extract::html
