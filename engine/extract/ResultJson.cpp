// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/ResultJson.h"

namespace bi::extract {

namespace {

void appendKey(const char* key, std::string& out) {
    out += '"';
    out += key;
    out += "\":";
}

void appendNumber(const char* key, double value, std::string& out) {
    appendKey(key, out);
    json::writeNumber(value, out);
    out += ',';
}

void appendChunkMetadata(const ChunkMetadata& meta, std::string& out) {
    out += '{';
    appendNumber("byte_start", static_cast<double>(meta.byteStart), out);
    appendNumber("byte_end", static_cast<double>(meta.byteEnd), out);
    appendNumber("char_start", static_cast<double>(meta.charStart), out);
    appendNumber("char_end", static_cast<double>(meta.charEnd), out);
    appendNumber("token_count", static_cast<double>(meta.tokenCount), out);
    appendNumber("chunk_index", static_cast<double>(meta.chunkIndex), out);
    appendKey("total_chunks", out);
    if (meta.totalChunks < 0) {
        out += "null";
    } else {
        json::writeNumber(static_cast<double>(meta.totalChunks), out);
    }
    out += ',';
    appendKey("heading_context", out);
    out += '[';
    for (std::size_t i = 0; i < meta.headingContext.size(); ++i) {
        out += i == 0 ? "{" : ",{";
        appendNumber("level", meta.headingContext[i].level, out);
        appendKey("text", out);
        json::writeString(meta.headingContext[i].text, out);
        out += '}';
    }
    out += "]}";
}

} // namespace

void appendChunkJson(const Chunk& chunk, std::string& out) {
    out += '{';
    appendKey("content", out);
    json::writeString(chunk.content, out);
    out += ',';
    appendKey("metadata", out);
    appendChunkMetadata(chunk.metadata, out);
    out += '}';
}

void appendTableJson(const Table& table, std::string& out) {
    out += '{';
    appendKey("cells", out);
    out += '[';
    // Each separator goes in with the bracket or string before it (one
    // append instead of two: tables are mostly short cells).
    const char* rowOpen = "[";
    for (const std::vector<std::string>& row : table.cells) {
        out.append(rowOpen);
        rowOpen = "],[";
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c > 0) {
                out += ',';
            }
            json::writeString(row[c], out);
        }
    }
    out += table.cells.empty() ? "]," : "]],";
    appendKey("markdown", out);
    json::writeString(table.markdown, out);
    out += '}';
}

void appendResultJson(const ExtractionResult& result, std::string& out) {
    out += '{';
    appendKey("content", out);
    json::writeString(result.content(), out);
    out += ',';
    appendKey("mime_type", out);
    json::writeString(result.mimeType, out);
    out += ',';
    appendKey("metadata", out);
    json::write(result.metadata, out);
    out += ',';
    appendKey("tables", out);
    out += '[';
    for (std::size_t i = 0; i < result.tables.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        appendTableJson(result.tables[i], out);
    }
    out += "],";
    appendKey("chunks", out);
    out += '[';
    for (std::size_t i = 0; i < result.chunkCount; ++i) {
        if (i > 0) {
            out += ',';
        }
        appendChunkJson(result.chunks[i], out);
    }
    out += "]}";
}

} // namespace bi::extract
