// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChunkListModel.h"
#include "JsonFields.h"

using bi::json::Value;
using namespace bi::models;

ChunkListModel::ChunkListModel(QObject* parent)
    : OutlineModel({tr("#"), tr("Chars"), tr("Bytes"), tr("Tokens"), tr("Heading"), tr("Text")}, parent) {}

void ChunkListModel::clearChunks() {
    chunks_.clear();
    clear();
}

namespace {
QString headingContext(const Value& meta) {
    const Value* h = meta.find("heading_context");
    if (h == nullptr || h->isNull()) {
        return {};
    }
    if (h->isArray()) {
        QStringList parts;
        for (const auto& item : h->asArray()) {
            parts << (item.isObject() ? stringField(item, "text") : plainText(item));
        }
        return parts.join(QStringLiteral(" › "));
    }
    return plainText(*h);
}
} // namespace

void ChunkListModel::appendChunk(const Value& chunk) {
    chunks_.push_back(chunk);
    const Value* metaPtr = chunk.find("metadata");
    const Value meta = metaPtr != nullptr ? *metaPtr : Value::object();
    auto row = std::make_unique<Row>();
    const int index = static_cast<int>(numberField(meta, "chunk_index", static_cast<double>(chunks_.size() - 1)));
    QString text = stringField(chunk, "content").simplified();
    if (text.size() > 60) {
        text = text.left(59) + QChar(0x2026);
    }
    row->cells = {QString::number(index),
                  QStringLiteral("%1–%2").arg(numberField(meta, "char_start")).arg(numberField(meta, "char_end")),
                  QStringLiteral("%1–%2").arg(numberField(meta, "byte_start")).arg(numberField(meta, "byte_end")),
                  QString::number(numberField(meta, "token_count")), headingContext(meta), text};
    row->key = QString::number(chunks_.size() - 1);
    appendRow(std::move(row));
}
