// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChunkSource.h"

#include <QString>
#include <QStringList>

// The inspector's own chunker, used while the engine has no extraction
// stream: splits text at paragraph boundaries into chunks of at most
// maxChars code points (overlapping by `overlap`), and for Markdown tracks
// the headings above each chunk.
class TextChunkSource : public ChunkSource {
public:
    TextChunkSource(QString content, int maxChars, int overlap, bool markdown);
    bool next(bi::json::Value& chunk) override;
    [[nodiscard]] int totalChunks() const { return static_cast<int>(bounds_.size()); }

private:
    struct Bound {
        qsizetype start = 0; // UTF-16 offsets into content_
        qsizetype end = 0;
    };
    void split(int maxChars, int overlap);
    [[nodiscard]] bi::json::Value headingsBefore(qsizetype at) const;

    QString content_;
    bool markdown_;
    QList<Bound> bounds_;
    int next_ = 0;
};
