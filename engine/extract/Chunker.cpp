// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/Chunker.h"

#include "core/EngineError.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>

namespace bi::extract {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

// Characters (lead bytes) among the 8 bytes at p: continuation bytes are
// 10xxxxxx. Counting a word at a time keeps chunk sizing cheap.
std::size_t charsIn8(const char* p) {
    constexpr std::uint64_t high = 0x8080808080808080ULL;
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    const std::uint64_t continuation = w & ~(w << 1U) & high;
    return 8 - static_cast<std::size_t>(std::popcount(continuation));
}
constexpr std::size_t kWhitespaceStep = 256;

} // namespace

std::size_t countTokens(const char* begin, const char* end) {
    std::size_t count = 0;
    bool inWord = false;
    for (const char* p = begin; p != end; ++p) {
        const bool space = isSpace(*p);
        if (!space && !inWord) {
            ++count;
        }
        inWord = !space;
    }
    return count;
}

void Chunker::validate(const ChunkingOptions& options) {
    if (options.maxChars == 0) {
        throw EngineError("chunking: max_chars must be at least 1");
    }
    if (options.maxOverlap >= options.maxChars) {
        throw EngineError("chunking: overlap (" + std::to_string(options.maxOverlap) +
                          ") must be smaller than max_chars (" + std::to_string(options.maxChars) + ")");
    }
}

Chunker::Chunker(GrowingText& text, ChunkingOptions options, bool markdownHeadings)
    : text_(text), options_(options), headings_(text, markdownHeadings) {
    validate(options);
}

bool Chunker::skipWhitespace() {
    for (;;) {
        text_.reach(start_.byte + kWhitespaceStep);
        while (start_.byte < text_.end() && isSpace(text_.at(start_.byte))) {
            ++start_.byte;
            ++start_.chars;
        }
        if (start_.byte < text_.end()) {
            return true;
        }
        if (text_.complete()) {
            return false;
        }
    }
}

std::size_t Chunker::charsBetween(std::size_t from, std::size_t to) const {
    const std::string_view part = text_.slice(from, to);
    std::size_t chars = 0;
    std::size_t i = 0;
    for (; i + 8 <= part.size(); i += 8) {
        chars += charsIn8(part.data() + i);
    }
    return chars + static_cast<std::size_t>(
                       std::count_if(part.begin() + static_cast<std::ptrdiff_t>(i), part.end(),
                                     [](char c) { return !isContinuation(c); }));
}

// The byte after maxChars characters from start (or the text's end).
std::size_t Chunker::limitAfter(std::size_t start) const {
    const std::string_view rest = text_.slice(start, text_.end());
    std::size_t chars = 0;
    std::size_t pos = 0;
    // Whole words while they cannot reach the limit, then byte by byte.
    while (pos + 8 <= rest.size() && chars + 8 <= options_.maxChars) {
        chars += charsIn8(rest.data() + pos);
        pos += 8;
    }
    for (; pos < rest.size(); ++pos) {
        if (!isContinuation(rest[pos])) {
            if (chars == options_.maxChars) {
                break; // the lead byte of the first character that does not fit
            }
            ++chars;
        }
    }
    return start + pos;
}

std::size_t Chunker::bestBoundary(std::size_t start, std::size_t limit, std::size_t atLeast) const {
    enum Level { Heading, Paragraph, Line, Sentence, Word, Levels };
    std::size_t best[Levels] = {0, 0, 0, 0, 0};
    // The window plus the lookahead a heading or fence needs (reach() made it available).
    const std::string_view window =
        text_.slice(start, std::min(limit + HeadingTracker::kLookahead, text_.end()));
    const std::size_t last = limit - start;
    bool inFence = headings_.inFence();
    bool lineBlank = false; // the line holding start is not blank: start is not whitespace
    for (std::size_t b = 1; b <= last; ++b) {
        const char before = window[b - 1];
        if (before == '\n') {
            best[lineBlank ? Paragraph : Line] = b;
            if (headings_.enabled()) {
                int level = 0;
                char fence = 0;
                switch (HeadingTracker::classifyLine(window.substr(b, HeadingTracker::kLookahead), level, fence)) {
                case HeadingTracker::LineKind::Heading:
                    if (!inFence) {
                        best[Heading] = b;
                    }
                    break;
                case HeadingTracker::LineKind::Fence: inFence = !inFence; break;
                case HeadingTracker::LineKind::Plain: break;
                }
            }
            lineBlank = true;
        } else if (before == ' ' || before == '\t') {
            const char ender = b >= 2 ? window[b - 2] : '\0';
            best[ender == '.' || ender == '!' || ender == '?' ? Sentence : Word] = b;
        } else if (before != '\r') {
            lineBlank = false;
        }
    }
    for (std::size_t candidate : best) {
        if (candidate > 0 && start + candidate >= atLeast) {
            return start + candidate;
        }
    }
    return limit;
}

// Where the next chunk starts when the previous one spans [start, end).
std::size_t Chunker::overlapStart(std::size_t start, std::size_t end) const {
    std::size_t pos = end;
    for (std::size_t n = 0; n < options_.maxOverlap && pos > start; ++n) {
        --pos;
        while (pos > start && isContinuation(text_.at(pos))) {
            --pos;
        }
    }
    // Start at a word start: move forward past the rest of a cut word.
    while (pos < end && pos > start && !isSpace(text_.at(pos - 1))) {
        ++pos;
    }
    return pos;
}

// The first non-whitespace byte in [from, to), or to.
std::size_t Chunker::firstNonSpace(std::size_t from, std::size_t to) const {
    while (from < to && isSpace(text_.at(from))) {
        ++from;
    }
    return from;
}

bool Chunker::next(Chunk& chunk) {
    for (;;) {
        if (!skipWhitespace()) {
            return false;
        }
        const Position start = start_;
        text_.reach(start.byte + 4 * options_.maxChars + HeadingTracker::kLookahead);
        const std::size_t limit = limitAfter(start.byte);
        const bool lastPiece = text_.complete() && limit == text_.end();
        // An overlapping chunk must end past the previous one, or it would
        // only repeat a part of it; without new text in reach, drop the overlap.
        std::size_t atLeast = 0;
        if (start.byte < previousEnd_.byte) {
            const std::size_t fresh = firstNonSpace(previousEnd_.byte, limit);
            if (fresh == limit) {
                start_ = previousEnd_;
                continue;
            }
            atLeast = fresh + 1;
        }
        headings_.advanceTo(start.byte);
        const std::size_t cut = lastPiece ? limit : bestBoundary(start.byte, limit, atLeast);
        fill(chunk, start, cut);
        std::size_t next = cut;
        if (options_.maxOverlap > 0 && !lastPiece) {
            const std::size_t overlap = overlapStart(start.byte, previousEnd_.byte);
            if (overlap > start.byte && overlap < previousEnd_.byte) {
                next = overlap;
            }
        }
        start_ = Position{next, start.chars + charsBetween(start.byte, next)};
        text_.release(std::min(start_.byte, headings_.enabled() ? headings_.resumePosition() : start_.byte));
        return true;
    }
}

// Fills chunk with [start, cut) less trailing whitespace, and remembers its end.
void Chunker::fill(Chunk& chunk, Position start, std::size_t cut) {
    std::size_t end = cut;
    while (end > start.byte && isSpace(text_.at(end - 1))) {
        --end;
    }
    const std::string_view content = text_.slice(start.byte, end);
    chunk.content.assign(content.data(), content.size());
    ChunkMetadata& meta = chunk.metadata;
    meta.byteStart = start.byte;
    meta.byteEnd = end;
    meta.charStart = start.chars;
    meta.charEnd = start.chars + charsBetween(start.byte, end);
    meta.tokenCount = countTokens(content.data(), content.data() + content.size());
    meta.chunkIndex = index_++;
    meta.totalChunks = -1;
    meta.headingContext.assign(headings_.stack().begin(), headings_.stack().end());
    previousEnd_ = Position{end, meta.charEnd};
}

} // namespace bi::extract
