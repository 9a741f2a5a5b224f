// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChunkSource.h"
#include "core/Json.h"

#include <QByteArray>
#include <QString>

#include <memory>

// Turns a document into the kreuzberg-shaped extraction result the document
// view shows ({"content","mime_type","metadata","tables","chunks"}) and opens
// a chunk stream over it. Thread-safe (no shared state): runs in workers.
class DocumentExtractor {
public:
    struct Options {
        int maxChars = 400;
        int overlap = 0;
        QString fileName; // helps the engine detect the format
    };

    static QString mimeForFileName(const QString& fileName);
    static bool isDocumentFile(const QString& fileName);
    // Throws std::exception (EngineError) on a document the engine rejects.
    static bi::json::Value extract(const QByteArray& bytes, const QString& mime, const Options& options);
    // A stream over the document: the engine's ExtractionStream, one chunk per pull.
    static std::unique_ptr<ChunkSource> stream(const QByteArray& bytes, const QString& mime, const Options& options);
    // Where the text shown as "extracted" came from ("engine" or "inspector fallback").
    static QString backendName();
};
