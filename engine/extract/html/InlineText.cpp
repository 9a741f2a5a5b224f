// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/html/InlineText.h"

#include "core/ScanVariants.h"

#include <algorithm>
#include <bit>
#if defined(__SSE2__)
#include <emmintrin.h> // runEnd's 16-byte test (x86-64 always has SSE2)
#endif

namespace bi::extract::html {

namespace {

// The bytes that end a word: collapsible whitespace and NUL, as a table so
// that the word scan (most of the text) costs one load per byte.
struct WordBreakTable {
    bool breaks[256] = {};
    constexpr WordBreakTable() {
        for (char c : {' ', '\t', '\n', '\r', '\f', '\0'}) {
            breaks[static_cast<unsigned char>(c)] = true;
        }
    }
};
constexpr WordBreakTable kWordBreak;

bool isWordChar(char c) { return !kWordBreak.breaks[static_cast<unsigned char>(c)]; }

// End of the word starting at `from`.
std::size_t wordEnd(std::string_view text, std::size_t from) {
    std::size_t end = from;
    while (text.size() - end >= 4 && isWordChar(text[end]) && isWordChar(text[end + 1]) &&
           isWordChar(text[end + 2]) && isWordChar(text[end + 3])) {
        end += 4;
    }
    while (end < text.size() && isWordChar(text[end])) {
        ++end;
    }
    return end;
}

// End of the run of words starting at `from` (a word byte) that are
// separated by one plain space each: the first break byte that is not a
// space followed by a word byte. One plain space between two words is what
// the pending space would write anyway, so the run is appended as it is.
// Simd: the SSE2 test first (core/ScanVariants.h: the portable loop stays
// reachable for the tests). Always inlined, as with one caller.
template <bool Simd>
[[gnu::always_inline]] inline std::size_t runEnd(std::string_view text, std::size_t from) {
    std::size_t end = from;
#if defined(__SSE2__)
    // Fifteen positions per 16-byte load: the sixteenth byte only tells
    // whether the fifteenth, a space, is followed by a word byte.
    const auto* const bytes = reinterpret_cast<const unsigned char*>(text.data());
    const __m128i space = _mm_set1_epi8(' ');
    while (Simd && text.size() - end >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + end));
        const __m128i spaces = _mm_cmpeq_epi8(v, space);
        auto eq = [&v](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
        const __m128i others =
            _mm_or_si128(_mm_or_si128(eq('\t'), eq('\n')), _mm_or_si128(_mm_or_si128(eq('\r'), eq('\f')), eq('\0')));
        const auto s = static_cast<unsigned>(_mm_movemask_epi8(spaces));
        const auto o = static_cast<unsigned>(_mm_movemask_epi8(others));
        const unsigned breaks = s | o;
        const unsigned stop = (o | (s & (breaks >> 1U))) & 0x7FFFU;
        if (stop != 0) {
            return end + static_cast<std::size_t>(std::countr_zero(stop));
        }
        end += 15;
    }
#endif
    end = wordEnd(text, end);
    while (end + 1 < text.size() && text[end] == ' ' && isWordChar(text[end + 1])) {
        end = wordEnd(text, end + 1);
    }
    return end;
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

} // namespace

void InlineText::beforeContent() {
    if (pendingSpace_) {
        text_ += ' ';
        pendingSpace_ = false;
    }
    for (std::size_t i = 0; i < openCount_; ++i) {
        OpenElement& e = open_[i];
        if (!e.written) {
            e.openerAt = text_.size();
            text_ += e.opener;
            e.written = true;
        }
    }
}

void InlineText::appendText(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (!isWordChar(text[i])) { // collapsible whitespace or NUL
            if (text[i] != '\0' && !text_.empty() && text_.back() != '\n') {
                pendingSpace_ = true;
            }
            ++i;
            continue;
        }
        const std::size_t end = runEnd<scan_variants::kSimd>(text, i); // one append per run of words
        beforeContent();
        text_.append(text.substr(i, end - i));
        i = end;
    }
}

void InlineText::appendAtom(std::string_view atom) {
    if (atom.empty()) {
        return;
    }
    beforeContent();
    text_.append(atom);
}

void InlineText::open(std::string_view opener, std::string_view closer, bool codeSpan) {
    if (openCount_ == open_.size()) {
        open_.emplace_back();
    }
    OpenElement& e = open_[openCount_++];
    e.opener.assign(opener); // a closed slot's buffers are reused
    e.closer.assign(closer);
    e.codeSpan = codeSpan;
    e.written = false;
    e.openerAt = 0;
}

bool InlineText::isOpen(std::string_view opener) const {
    return std::any_of(open_.begin(), open_.begin() + static_cast<std::ptrdiff_t>(openCount_),
                       [&](const OpenElement& e) { return e.opener == opener; });
}

bool InlineText::close() {
    if (openCount_ == 0) {
        return false;
    }
    OpenElement& e = open_[--openCount_]; // stays in place until the next open()
    if (!e.written) {
        return false;
    }
    if (e.codeSpan) {
        closeCodeSpan(e);
    } else {
        text_ += e.closer;
    }
    return true;
}

// A code span's fence must be longer than any backtick run inside it.
void InlineText::closeCodeSpan(OpenElement& e) {
    const std::size_t contentAt = e.openerAt + e.opener.size();
    const std::size_t run = longestBacktickRun(std::string_view(text_).substr(contentAt));
    if (run == 0) {
        text_ += e.closer;
        return;
    }
    const std::string fence(run + 1, '`');
    text_.replace(e.openerAt, e.opener.size(), fence + " ");
    text_ += " " + fence;
}

void InlineText::space() {
    if (!text_.empty() && text_.back() != '\n') {
        pendingSpace_ = true;
    }
}

void InlineText::lineBreak(std::string_view hardBreak) {
    if (text_.empty()) {
        return;
    }
    pendingSpace_ = false;
    text_ += hardBreak;
}

const std::string& InlineText::take() {
    while (!text_.empty() && (text_.back() == ' ' || text_.back() == '\n')) {
        text_.pop_back();
    }
    for (std::size_t i = openCount_; i-- > 0;) {
        OpenElement& e = open_[i];
        if (e.written) {
            e.codeSpan ? closeCodeSpan(e) : void(text_ += e.closer);
            e.written = false;
        }
    }
    // Swapped, not copied: the two buffers take turns, both keeping their
    // capacity for the next blocks.
    taken_.swap(text_);
    text_.clear();
    pendingSpace_ = false;
    return taken_;
}

} // namespace bi::extract::html

std::size_t bi::scan_variants::wordRunEnd(std::string_view text, std::size_t from, bool simd) {
    using namespace bi::extract::html;
    return simd ? runEnd<kSimd>(text, from) : runEnd<false>(text, from);
}
