// SPDX-License-Identifier: GPL-3.0-or-later
#include "TextChunkSource.h"

#include <QRegularExpression>

using bi::json::Value;

namespace {
qsizetype codePoints(const QString& s, qsizetype from, qsizetype to) {
    qsizetype n = 0;
    for (qsizetype i = from; i < to; ++i) {
        if (!s[i].isLowSurrogate()) {
            ++n;
        }
    }
    return n;
}

qsizetype utf8Bytes(const QString& s, qsizetype to) { return s.left(to).toUtf8().size(); }
} // namespace

TextChunkSource::TextChunkSource(QString content, int maxChars, int overlap, bool markdown)
    : content_(std::move(content)), markdown_(markdown) {
    split(std::max(16, maxChars), std::clamp(overlap, 0, maxChars / 2));
}

void TextChunkSource::split(int maxChars, int overlap) {
    qsizetype start = 0;
    const qsizetype n = content_.size();
    while (start < n) {
        qsizetype end = std::min(n, start + maxChars);
        if (end < n) {
            // Prefer a paragraph break, then a line break, then a space, in the second half.
            const qsizetype half = start + maxChars / 2;
            for (const QString& sep : {QStringLiteral("\n\n"), QStringLiteral("\n"), QStringLiteral(" ")}) {
                const qsizetype at = content_.lastIndexOf(sep, end - 1);
                if (at >= half) {
                    end = at + sep.size();
                    break;
                }
            }
        }
        if (end < n && content_[end - 1].isHighSurrogate()) {
            ++end;
        }
        bounds_.push_back({start, end});
        if (end >= n) {
            break;
        }
        start = std::max(start + 1, end - overlap);
    }
}

Value TextChunkSource::headingsBefore(qsizetype at) const {
    Value headings = Value::array();
    if (!markdown_) {
        return headings;
    }
    static const QRegularExpression heading(QStringLiteral("^(#{1,6})[ \\t]+(.+)$"),
                                            QRegularExpression::MultilineOption);
    std::vector<std::pair<int, QString>> stack;
    auto it = heading.globalMatch(content_.left(at + 1));
    while (it.hasNext()) {
        const auto m = it.next();
        const int level = static_cast<int>(m.capturedLength(1));
        while (!stack.empty() && stack.back().first >= level) {
            stack.pop_back();
        }
        stack.emplace_back(level, m.captured(2).trimmed());
    }
    for (const auto& [level, text] : stack) {
        Value h = Value::object();
        h.set("level", level);
        h.set("text", text.toStdString());
        headings.push(std::move(h));
    }
    return headings;
}

bool TextChunkSource::next(Value& chunk) {
    if (next_ >= bounds_.size()) {
        return false;
    }
    const Bound b = bounds_[next_];
    Value meta = Value::object();
    meta.set("byte_start", static_cast<double>(utf8Bytes(content_, b.start)));
    meta.set("byte_end", static_cast<double>(utf8Bytes(content_, b.end)));
    meta.set("char_start", static_cast<double>(codePoints(content_, 0, b.start)));
    meta.set("char_end", static_cast<double>(codePoints(content_, 0, b.end)));
    const QString text = content_.mid(b.start, b.end - b.start);
    meta.set("token_count", static_cast<double>(text.split(QRegularExpression(QStringLiteral("\\s+")),
                                                           Qt::SkipEmptyParts).size()));
    meta.set("chunk_index", next_);
    meta.set("total_chunks", static_cast<int>(bounds_.size()));
    meta.set("heading_context", headingsBefore(b.start));
    chunk = Value::object();
    chunk.set("content", text.toStdString());
    chunk.set("metadata", std::move(meta));
    ++next_;
    return true;
}
