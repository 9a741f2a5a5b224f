// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/Scenario.h"

#include "core/EngineError.h"

namespace bi::pipeline {

namespace {

constexpr std::string_view kFormat = "boundary-inspector/scenario@1";

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

ChangeList parseBatch(const json::Value& batch, std::size_t index) {
    const std::string where = "batches[" + std::to_string(index) + "]";
    if (!batch.isArray()) {
        throw EngineError(where + ": a batch must be an array of [path, value] pairs");
    }
    ChangeList changes;
    for (std::size_t i = 0; i < batch.asArray().size(); ++i) {
        const auto& pair = batch.asArray()[i];
        const std::string at = where + "[" + std::to_string(i) + "]";
        if (!pair.isArray() || pair.asArray().size() < 2) {
            throw EngineError(at + ": a change must be [path, value]");
        }
        changes.push_back({pathFromJson(pair.asArray()[0], at), pair.asArray()[1]});
    }
    return changes;
}

} // namespace

Scenario parseScenario(std::string_view text) {
    json::Value doc;
    try {
        doc = json::parse(text);
    } catch (const json::ParseError& e) {
        throw EngineError("scenario JSON is malformed at " + e.describe());
    }
    if (!doc.isObject()) {
        throw EngineError("scenario: the top level must be an object");
    }
    const json::Value* format = doc.find("format");
    if (format == nullptr || !format->isString() || format->asString() != kFormat) {
        throw EngineError("scenario: \"format\" must be \"" + std::string(kFormat) + "\"");
    }
    Scenario s;
    if (const json::Value* name = doc.find("name"); name != nullptr && name->isString()) {
        s.name = name->asString();
    }
    const json::Value* state = doc.find("state");
    s.state = state != nullptr ? *state : json::Value::object();
    if (const json::Value* batches = doc.find("batches"); batches != nullptr) {
        if (!batches->isArray()) {
            throw EngineError("scenario: \"batches\" must be an array");
        }
        for (std::size_t i = 0; i < batches->asArray().size(); ++i) {
            s.batches.push_back(parseBatch(batches->asArray()[i], i));
        }
    }
    return s;
}

} // namespace bi::pipeline
