// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OutlineModel.h"
#include "core/Json.h"

#include <vector>

// The chunks pulled so far from an extraction: index, char and byte offsets,
// tokens, heading context and a preview. Grows one row per pulled chunk.
class ChunkListModel : public OutlineModel {
    Q_OBJECT
public:
    explicit ChunkListModel(QObject* parent = nullptr);
    void clearChunks();
    void appendChunk(const bi::json::Value& chunk);
    [[nodiscard]] const std::vector<bi::json::Value>& chunks() const { return chunks_; }

private:
    std::vector<bi::json::Value> chunks_;
};
