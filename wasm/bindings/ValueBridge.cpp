// SPDX-License-Identifier: GPL-3.0-or-later
#include "ValueBridge.h"

#include "core/EngineError.h"

#include <string>

namespace bi::wasm {

namespace {

constexpr int kMaxDepth = 512;

json::Value undefinedMarker() {
    json::Value marker = json::Value::object();
    marker.set("$undefined", true);
    return marker;
}

} // namespace

json::Value valueFromJs(const emscripten::val& v, int depth) {
    if (depth > kMaxDepth) {
        throw EngineError("direct codec: nesting deeper than 512");
    }
    if (v.isNull()) {
        return json::Value();
    }
    if (v.isUndefined()) {
        return undefinedMarker();
    }
    if (v.isTrue() || v.isFalse()) {
        return json::Value(v.isTrue());
    }
    if (v.isNumber()) {
        return json::Value(v.as<double>());
    }
    if (v.isString()) {
        return json::Value(v.as<std::string>());
    }
    if (v.isArray()) {
        const auto n = v["length"].as<unsigned>();
        json::Array items;
        items.reserve(n);
        for (unsigned i = 0; i < n; ++i) {
            items.push_back(valueFromJs(v[i], depth + 1));
        }
        return json::Value(std::move(items));
    }
    if (v.typeOf().as<std::string>() == "object") {
        const emscripten::val keys = emscripten::val::global("Object").call<emscripten::val>("keys", v);
        const auto n = keys["length"].as<unsigned>();
        json::Object members;
        members.reserve(n);
        for (unsigned i = 0; i < n; ++i) {
            const emscripten::val key = keys[i];
            members.emplace_back(key.as<std::string>(), valueFromJs(v[key], depth + 1));
        }
        return json::Value(std::move(members));
    }
    throw EngineError("direct codec: cannot pass a JS " + v.typeOf().as<std::string>());
}

emscripten::val valueToJs(const json::Value& v) {
    switch (v.type()) {
    case json::Type::Null: return emscripten::val::null();
    case json::Type::Bool: return emscripten::val(v.asBool());
    case json::Type::Number: return emscripten::val(v.asNumber());
    case json::Type::String: return emscripten::val(v.asString());
    case json::Type::ArrayValue: {
        emscripten::val out = emscripten::val::array();
        unsigned i = 0;
        for (const auto& item : v.asArray()) {
            out.set(i++, valueToJs(item));
        }
        return out;
    }
    case json::Type::ObjectValue: {
        emscripten::val out = emscripten::val::object();
        for (const auto& [key, member] : v.asObject()) {
            out.set(key, valueToJs(member));
        }
        return out;
    }
    }
    return emscripten::val::null();
}

} // namespace bi::wasm
