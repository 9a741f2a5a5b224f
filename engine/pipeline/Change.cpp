// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/Change.h"

#include "core/EngineError.h"
#include "pipeline/JsonBuild.h"

namespace bi::pipeline {

json::Value toJson(const Change& change) {
    json::Object item;
    addMember(item, "path", json::Value(change.path));
    addMember(item, "value", change.value.toJson());
    return json::Value(std::move(item));
}

json::Value toJson(const ChangeList& changes) {
    json::Array out;
    out.reserve(changes.size());
    for (const auto& c : changes) {
        out.push_back(toJson(c));
    }
    return json::Value(std::move(out));
}

std::string pathFromJson(const json::Value& v, const std::string& where) {
    if (v.isNull()) {
        return {};
    }
    if (v.isString()) {
        return v.asString();
    }
    if (v.isArray()) {
        std::string path;
        for (const auto& seg : v.asArray()) {
            if (!seg.isString()) {
                throw EngineError(where + ": path segments must be strings");
            }
            if (!path.empty()) {
                path += '.';
            }
            path += seg.asString();
        }
        return path;
    }
    throw EngineError(where + ": a path must be a string, an array of strings or null");
}

ChangeList changesFromJson(const json::Value& list, const std::string& where) {
    if (!list.isArray()) {
        throw EngineError(where + ": expected an array of changes");
    }
    ChangeList out;
    out.reserve(list.asArray().size());
    for (std::size_t i = 0; i < list.asArray().size(); ++i) {
        const auto& item = list.asArray()[i];
        const std::string at = where + "[" + std::to_string(i) + "]";
        if (item.isArray() && item.asArray().size() >= 2) {
            out.push_back({pathFromJson(item.asArray()[0], at), state::Value::fromJson(item.asArray()[1])});
        } else if (item.isObject() && item.find("path") != nullptr) {
            const json::Value* value = item.find("value");
            out.push_back({pathFromJson(*item.find("path"), at + ".path"),
                           value != nullptr ? state::Value::fromJson(*value) : state::Value()});
        } else {
            throw EngineError(at + ": a change must be [path, value] or {\"path\",\"value\"}");
        }
    }
    return out;
}

} // namespace bi::pipeline
