// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/structured/JsonText.h"

#include "core/EngineError.h"

#include <algorithm>

namespace bi::extract::structured {

namespace {

void newline(int depth, std::string& out) {
    out += '\n';
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
}

void writePretty(const json::Value& value, int depth, std::string& out) {
    if (value.isArray() && !value.asArray().empty()) {
        out += '[';
        bool first = true;
        for (const auto& item : value.asArray()) {
            out += first ? "" : ",";
            first = false;
            newline(depth + 1, out);
            writePretty(item, depth + 1, out);
        }
        newline(depth, out);
        out += ']';
    } else if (value.isObject() && !value.asObject().empty()) {
        out += '{';
        bool first = true;
        for (const auto& [key, member] : value.asObject()) {
            out += first ? "" : ",";
            first = false;
            newline(depth + 1, out);
            json::writeString(key, out);
            out += ": ";
            writePretty(member, depth + 1, out);
        }
        newline(depth, out);
        out += '}';
    } else {
        json::write(value, out);
    }
}

std::size_t depthOf(const json::Value& value) {
    std::size_t deepest = 0;
    if (value.isArray()) {
        for (const auto& item : value.asArray()) {
            deepest = std::max(deepest, depthOf(item));
        }
        return deepest + 1;
    }
    if (value.isObject()) {
        for (const auto& member : value.asObject()) {
            deepest = std::max(deepest, depthOf(member.second));
        }
        return deepest + 1;
    }
    return 0;
}

const char* typeName(const json::Value& value) {
    switch (value.type()) {
    case json::Type::Null: return "null";
    case json::Type::Bool: return "boolean";
    case json::Type::Number: return "number";
    case json::Type::String: return "string";
    case json::Type::ArrayValue: return "array";
    case json::Type::ObjectValue: return "object";
    }
    return "null";
}

} // namespace

void extractJson(std::string_view text, ExtractionResult& result) {
    json::Value value;
    try {
        value = json::parse(text);
    } catch (const json::ParseError& e) {
        throw EngineError("JSON: " + e.describe());
    }
    std::string& content = result.ownContent();
    writePretty(value, 0, content);
    content += '\n';
    result.metadata.set("top_level_type", typeName(value));
    if (value.isObject()) {
        result.metadata.set("key_count", value.asObject().size());
        json::Value keys = json::Value::array();
        for (const auto& member : value.asObject()) {
            keys.push(member.first);
        }
        result.metadata.set("keys", std::move(keys));
    } else if (value.isArray()) {
        result.metadata.set("item_count", value.asArray().size());
    }
    result.metadata.set("max_depth", depthOf(value));
}

} // namespace bi::extract::structured
