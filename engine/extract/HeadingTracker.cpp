// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/HeadingTracker.h"

#include <algorithm>

#include "core/ByteFind.h"

namespace bi::extract {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t'; }

} // namespace

HeadingTracker::LineKind HeadingTracker::classifyLine(std::string_view line, int& level, char& fenceChar) {
    const std::size_t end = line.size();
    std::size_t pos = 0;
    while (pos < 3 && pos < end && line[pos] == ' ') {
        ++pos;
    }
    if (pos + 2 < end && (line[pos] == '`' || line[pos] == '~') && line[pos + 1] == line[pos] &&
        line[pos + 2] == line[pos]) {
        fenceChar = line[pos];
        return LineKind::Fence;
    }
    int hashes = 0;
    while (pos < end && line[pos] == '#' && hashes <= 6) {
        ++hashes;
        ++pos;
    }
    if (hashes < 1 || hashes > 6) {
        return LineKind::Plain;
    }
    if (pos == end || isBlank(line[pos]) || line[pos] == '\n' || line[pos] == '\r') {
        level = hashes;
        return LineKind::Heading;
    }
    return LineKind::Plain;
}

void HeadingTracker::advanceTo(std::size_t pos) {
    if (!enabled_) {
        return;
    }
    while (next_ <= pos) {
        if (atLineStart_) {
            atLineStart_ = false;
            processLine(next_);
            continue;
        }
        text_.reach(pos + 1);
        const std::size_t stop = std::min(pos + 1, text_.end());
        if (next_ >= stop) {
            next_ = pos + 1;
            break;
        }
        const std::string_view part = text_.slice(next_, stop);
        const std::size_t newline = bytes::find(part, '\n');
        if (newline == std::string_view::npos) {
            next_ = stop;
            if (stop < pos + 1) {
                break; // the text ends before pos
            }
        } else {
            next_ += newline + 1;
            atLineStart_ = true;
        }
    }
}

void HeadingTracker::processLine(std::size_t lineStart) {
    text_.reach(lineStart + kLookahead);
    int level = 0;
    char fence = 0;
    const LineKind kind = classifyLine(text_.slice(lineStart, std::min(lineStart + kLookahead, text_.end())), level, fence);
    if (kind == LineKind::Fence) {
        if (fenceChar_ == 0) {
            fenceChar_ = fence;
        } else if (fence == fenceChar_) {
            fenceChar_ = 0;
        }
    } else if (kind == LineKind::Heading && fenceChar_ == 0) {
        readHeading(lineStart, level);
    }
}

void HeadingTracker::readHeading(std::size_t lineStart, int level) {
    // The whole line is needed for the heading's text.
    std::size_t lineEnd = lineStart;
    for (;;) {
        const std::string_view rest = text_.slice(lineEnd, text_.end());
        const std::size_t newline = bytes::find(rest, '\n');
        if (newline != std::string_view::npos) {
            lineEnd += newline;
            break;
        }
        lineEnd = text_.end();
        if (text_.complete()) {
            break;
        }
        text_.reach(text_.end() + kLookahead);
    }
    std::string_view line = text_.slice(lineStart, lineEnd);
    line.remove_prefix(line.find('#'));
    line.remove_prefix(static_cast<std::size_t>(level));
    auto trim = [&] {
        while (!line.empty() && (isBlank(line.front()))) {
            line.remove_prefix(1);
        }
        while (!line.empty() && (isBlank(line.back()) || line.back() == '\r')) {
            line.remove_suffix(1);
        }
    };
    trim();
    // An optional closing sequence of '#' preceded by a space is not text.
    std::size_t closing = line.size();
    while (closing > 0 && line[closing - 1] == '#') {
        --closing;
    }
    if (closing == 0 || isBlank(line[closing - 1])) {
        line = line.substr(0, closing);
        trim();
    }
    while (!stack_.empty() && stack_.back().level >= level) {
        stack_.pop_back();
    }
    stack_.push_back(HeadingRef{level, std::string(line)});
    next_ = lineEnd;
}

} // namespace bi::extract
