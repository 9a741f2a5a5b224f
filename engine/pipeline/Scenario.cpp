// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/Scenario.h"

#include "core/EngineError.h"

namespace bi::pipeline {

namespace {

constexpr std::string_view kFormat = "boundary-inspector/scenario@1";

const json::Array& arrayAt(const json::Value& v, const std::string& where) {
    if (!v.isArray()) {
        throw EngineError(where + ": expected an array");
    }
    return v.asArray();
}

std::string stringAt(const json::Value& v, const std::string& where) {
    if (!v.isString()) {
        throw EngineError(where + ": expected a string");
    }
    return v.asString();
}

std::optional<BoolLogic> optionalLogic(const json::Array& item, std::size_t index, const std::string& where) {
    if (item.size() <= index) {
        return std::nullopt;
    }
    return BoolLogic::parse(item[index], where + "[" + std::to_string(index) + "]");
}

std::vector<std::string> pathList(const json::Value& v, const std::string& where) {
    std::vector<std::string> out;
    if (v.isString()) {
        out.push_back(v.asString());
        return out;
    }
    const auto& list = arrayAt(v, where);
    for (std::size_t i = 0; i < list.size(); ++i) {
        out.push_back(pathFromJson(list[i], where + "[" + std::to_string(i) + "]"));
    }
    return out;
}

SideEffects parseSideEffects(const json::Value& v, const std::string& where) {
    if (!v.isObject()) {
        throw EngineError(where + ": expected an object");
    }
    SideEffects fx;
    for (const auto& [key, value] : v.asObject()) {
        const std::string at = where + "." + key;
        if (key == "anchorPath") {
            fx.anchorPath = pathFromJson(value, at);
            continue;
        }
        const auto& list = arrayAt(value, at);
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string it = at + "[" + std::to_string(i) + "]";
            const auto& item = arrayAt(list[i], it);
            if (key == "syncPaths" || key == "flipPaths") {
                if (item.size() < 2) {
                    throw EngineError(it + ": expected [pathA, pathB]");
                }
                std::string a = pathFromJson(item[0], it + "[0]");
                std::string b = pathFromJson(item[1], it + "[1]");
                if (key == "flipPaths") {
                    fx.flipPairs.emplace_back(a, b);
                    continue;
                }
                SyncPair pair{a, b, false};
                if (item.size() > 2) {
                    const json::Value* oneWay = item[2].find("oneWay");
                    if (oneWay == nullptr || !oneWay->isString() ||
                        (oneWay->asString() != "[0]->[1]" && oneWay->asString() != "[1]->[0]")) {
                        throw EngineError(it + "[2]: expected {\"oneWay\": \"[0]->[1]\" or \"[1]->[0]\"}");
                    }
                    pair.oneWay = true;
                    if (oneWay->asString() == "[1]->[0]") {
                        std::swap(pair.from, pair.to);
                    }
                }
                fx.syncPairs.push_back(pair);
            } else if (key == "aggregations") {
                if (item.size() < 2) {
                    throw EngineError(it + ": expected [target, source, excludeWhen?]");
                }
                fx.aggregations.push_back({pathFromJson(item[0], it + "[0]"),
                                           pathFromJson(item[1], it + "[1]"), optionalLogic(item, 2, it)});
            } else if (key == "computations") {
                if (item.size() < 3) {
                    throw EngineError(it + ": expected [op, target, source, excludeWhen?]");
                }
                fx.computations.push_back({stringAt(item[0], it + "[0]"), pathFromJson(item[1], it + "[1]"),
                                           pathFromJson(item[2], it + "[2]"), optionalLogic(item, 3, it)});
            } else if (key == "clearPaths") {
                if (item.size() < 2) {
                    throw EngineError(it + ": expected [[triggers], [targets], {expandMatch}?]");
                }
                ClearRule rule{pathList(item[0], it + "[0]"), pathList(item[1], it + "[1]"), false};
                if (item.size() > 2) {
                    const json::Value* expand = item[2].find("expandMatch");
                    rule.expandMatch = expand != nullptr && expand->isBool() && expand->asBool();
                }
                fx.clearRules.push_back(rule);
            } else {
                throw EngineError(at + ": unknown side effect");
            }
        }
    }
    return fx;
}

std::vector<ConcernSpec> parseConcerns(const json::Value& v) {
    if (!v.isObject()) {
        throw EngineError("concerns: expected an object {fieldPath: {concernName: config}}");
    }
    std::vector<ConcernSpec> out;
    for (const auto& [field, concerns] : v.asObject()) {
        if (!concerns.isObject()) {
            throw EngineError("concerns." + field + ": expected an object");
        }
        for (const auto& [name, config] : concerns.asObject()) {
            const std::string at = "concerns." + field + "." + name;
            ConcernSpec spec{field, name, std::nullopt, std::nullopt, {}};
            if (const json::Value* b = config.find("boolLogic")) {
                spec.boolLogic = BoolLogic::parse(*b, at + ".boolLogic");
            } else if (const json::Value* val = config.find("valueLogic")) {
                spec.valueLogic = ValueLogic::parse(*val, at + ".valueLogic");
            } else {
                throw EngineError(at + ": expected {\"boolLogic\": …} or {\"valueLogic\": …}");
            }
            if (const json::Value* anchor = config.find("anchorPath")) {
                spec.anchorPath = pathFromJson(*anchor, at + ".anchorPath");
            }
            out.push_back(std::move(spec));
        }
    }
    return out;
}

ScenarioListener parseListener(const json::Value& v, std::size_t index) {
    const std::string at = "listeners[" + std::to_string(index) + "]";
    if (!v.isObject()) {
        throw EngineError(at + ": expected an object");
    }
    ScenarioListener l;
    const json::Value* id = v.find("id");
    l.spec.id = id != nullptr ? stringAt(*id, at + ".id") : "L" + std::to_string(index);
    const json::Value* path = v.find("path");
    if (path == nullptr) {
        throw EngineError(at + ": missing \"path\"");
    }
    const bool multi = path->isArray() && !path->asArray().empty() && path->asArray()[0].isArray();
    if (multi) {
        l.spec.topics = pathList(*path, at + ".path");
    } else {
        l.spec.topics.push_back(pathFromJson(*path, at + ".path"));
    }
    const json::Value* scope = v.find("scope");
    if (scope == nullptr && multi) {
        throw EngineError(at + ": a listener with several paths needs an explicit \"scope\"");
    }
    l.spec.scope = scope != nullptr ? pathFromJson(*scope, at + ".scope") : l.spec.topics[0];
    if (const json::Value* anchor = v.find("anchorPath")) {
        l.spec.anchorPath = pathFromJson(*anchor, at + ".anchorPath");
    }
    if (const json::Value* produce = v.find("produce")) {
        const auto& list = arrayAt(*produce, at + ".produce");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string it = at + ".produce[" + std::to_string(i) + "]";
            const json::Value* p = list[i].find("path");
            if (p == nullptr) {
                throw EngineError(it + ": missing \"path\"");
            }
            ProduceRule rule;
            rule.path = pathFromJson(*p, it + ".path");
            if (const json::Value* value = list[i].find("value")) {
                rule.value = state::Value::fromJson(*value);
            }
            if (const json::Value* from = list[i].find("fromChange")) {
                rule.fromChange = pathFromJson(*from, it + ".fromChange");
            }
            if (!rule.value && !rule.fromChange) {
                throw EngineError(it + ": needs \"value\" or \"fromChange\"");
            }
            if (const json::Value* when = list[i].find("when")) {
                rule.when = BoolLogic::parse(*when, it + ".when");
            }
            l.produce.push_back(std::move(rule));
        }
    }
    return l;
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
    if (const json::Value* fx = doc.find("sideEffects")) {
        if (fx->isArray()) {
            for (std::size_t i = 0; i < fx->asArray().size(); ++i) {
                s.sideEffects.push_back(
                    parseSideEffects(fx->asArray()[i], "sideEffects[" + std::to_string(i) + "]"));
            }
        } else {
            s.sideEffects.push_back(parseSideEffects(*fx, "sideEffects"));
        }
    }
    if (const json::Value* concerns = doc.find("concerns")) {
        s.concerns = parseConcerns(*concerns);
    }
    if (const json::Value* listeners = doc.find("listeners")) {
        const auto& list = arrayAt(*listeners, "listeners");
        for (std::size_t i = 0; i < list.size(); ++i) {
            s.listeners.push_back(parseListener(list[i], i));
        }
    }
    if (const json::Value* options = doc.find("options")) {
        const json::Value* limit = options->find("maxListenerWrites");
        if (limit != nullptr) {
            if (!json::isWholeNumber(*limit, 1, kMaxListenerWritesLimit)) {
                throw EngineError("options.maxListenerWrites: expected a whole number from 1 to 1000000000");
            }
            s.maxListenerWrites = static_cast<std::size_t>(limit->asNumber());
        }
        if (const json::Value* invert = options->find("flipInvertsBooleans")) {
            if (!invert->isBool()) {
                throw EngineError("options.flipInvertsBooleans: expected true or false");
            }
            s.flipInvertsBooleans = invert->asBool();
        }
    }
    if (const json::Value* batches = doc.find("batches")) {
        const auto& list = arrayAt(*batches, "batches");
        for (std::size_t i = 0; i < list.size(); ++i) {
            s.batches.push_back(changesFromJson(list[i], "batches[" + std::to_string(i) + "]"));
        }
    }
    return s;
}

} // namespace bi::pipeline
