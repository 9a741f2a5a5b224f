// SPDX-License-Identifier: GPL-3.0-or-later
#include "DocumentExtractor.h"
#include "JsonFields.h"
#include "TextChunkSource.h"

#if __has_include("api/ExtractCommands.h") && __has_include("extract/ExtractionStream.h")
#include "EngineChunkSource.h"
#include "api/ExtractCommands.h"
#define BI_HAVE_ENGINE_EXTRACTION 1
#endif

#include <QFileInfo>
#include <QRegularExpression>
#include <QTextDocumentFragment>

using bi::json::Value;

namespace {
[[maybe_unused]] QString htmlToText(const QString& html) {
    // QTextDocumentFragment knows HTML entities and block structure; it is the
    // fallback only, the engine's extractor is the reference.
    return QTextDocumentFragment::fromHtml(html).toPlainText();
}

[[maybe_unused]] QString htmlTitle(const QString& html) {
    static const QRegularExpression title(QStringLiteral("<title[^>]*>(.*?)</title>"),
                                          QRegularExpression::CaseInsensitiveOption |
                                              QRegularExpression::DotMatchesEverythingOption);
    const auto m = title.match(html);
    return m.hasMatch() ? htmlToText(m.captured(1)).trimmed() : QString();
}
} // namespace

QString DocumentExtractor::mimeForFileName(const QString& fileName) {
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm")) {
        return QStringLiteral("text/html");
    }
    if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown")) {
        return QStringLiteral("text/markdown");
    }
    if (suffix == QLatin1String("csv")) {
        return QStringLiteral("text/csv");
    }
    if (suffix == QLatin1String("xml")) {
        return QStringLiteral("application/xml");
    }
    return QStringLiteral("text/plain");
}

bool DocumentExtractor::isDocumentFile(const QString& fileName) {
    static const QStringList suffixes = {QStringLiteral("html"), QStringLiteral("htm"), QStringLiteral("md"),
                                         QStringLiteral("markdown"), QStringLiteral("txt"), QStringLiteral("csv"),
                                         QStringLiteral("xml")};
    return suffixes.contains(QFileInfo(fileName).suffix().toLower());
}

namespace {
Value fallbackExtract(const QByteArray& bytes, const QString& mime, const DocumentExtractor::Options& options) {
    const QString source = QString::fromUtf8(bytes);
    const bool html = mime == QLatin1String("text/html");
    const QString content = html ? htmlToText(source) : source;
    Value result = Value::object();
    result.set("content", content.toStdString());
    result.set("mime_type", mime.toStdString());
    Value meta = Value::object();
    if (html && !htmlTitle(source).isEmpty()) {
        meta.set("title", htmlTitle(source).toStdString());
    }
    meta.set("byte_length", static_cast<double>(bytes.size()));
    meta.set("extractor", "inspector fallback");
    result.set("metadata", std::move(meta));
    result.set("tables", Value::array());
    Value chunks = Value::array();
    auto s = std::make_unique<TextChunkSource>(content, options.maxChars, options.overlap,
                                               mime == QLatin1String("text/markdown"));
    Value chunk;
    while (s->next(chunk)) {
        chunks.push(std::move(chunk));
    }
    result.set("chunks", std::move(chunks));
    return result;
}

std::unique_ptr<ChunkSource> fallbackStream(const QByteArray& bytes, const QString& mime,
                                           const DocumentExtractor::Options& options) {
    const Value result = fallbackExtract(bytes, mime, options);
    return std::make_unique<TextChunkSource>(bi::models::stringField(result, "content"), options.maxChars,
                                             options.overlap, mime == QLatin1String("text/markdown"));
}
} // namespace

#ifdef BI_HAVE_ENGINE_EXTRACTION
QString DocumentExtractor::backendName() { return QStringLiteral("the engine"); }

// Formats the engine does not handle yet fall back to the inspector's own
// reading, so that a document always shows something.
Value DocumentExtractor::extract(const QByteArray& bytes, const QString& mime, const Options& options) {
    bi::api::ExtractInput input;
    input.bytes = std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    input.fileName = options.fileName.toStdString();
    bi::api::ExtractCommandOptions engineOptions;
    engineOptions.maxChars = static_cast<std::size_t>(std::max(0, options.maxChars));
    engineOptions.overlap = static_cast<std::size_t>(std::max(0, options.overlap));
    try {
        return bi::json::parse(bi::api::extractDocument(input, engineOptions).json);
    } catch (const std::exception& e) {
        Value result = fallbackExtract(bytes, mime, options);
        result.find("metadata")->set("engine_error", std::string(e.what()));
        return result;
    }
}

std::unique_ptr<ChunkSource> DocumentExtractor::stream(const QByteArray& bytes, const QString& mime,
                                                       const Options& options) {
    try {
        // The stream itself throws on a format the engine cannot read: no extraction just to find out.
        return std::make_unique<EngineChunkSource>(bytes.toStdString(), std::string(), options.fileName.toStdString(),
                                                   options.maxChars, options.overlap);
    } catch (const std::exception&) {
        return fallbackStream(bytes, mime, options);
    }
}
#else
QString DocumentExtractor::backendName() { return QStringLiteral("inspector fallback"); }

Value DocumentExtractor::extract(const QByteArray& bytes, const QString& mime, const Options& options) {
    return fallbackExtract(bytes, mime, options);
}

std::unique_ptr<ChunkSource> DocumentExtractor::stream(const QByteArray& bytes, const QString& mime,
                                                       const Options& options) {
    return fallbackStream(bytes, mime, options);
}
#endif
