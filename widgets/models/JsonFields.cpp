// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonFields.h"

#include "JsonPaths.h"

namespace bi::models {

QString stringField(const json::Value& object, const char* key, const QString& fallback) {
    const json::Value* v = object.find(key);
    if (v == nullptr || v->isNull()) {
        return fallback;
    }
    return plainText(*v);
}

double numberField(const json::Value& object, const char* key, double fallback) {
    const json::Value* v = object.find(key);
    return v != nullptr && v->isNumber() ? v->asNumber() : fallback;
}

int wholeField(const json::Value& object, const char* key, int fallback) {
    const json::Value* v = object.find(key);
    return v != nullptr && json::isWholeNumber(*v, 0, json::kMaxInt32) ? static_cast<int>(v->asNumber())
                                                                       : fallback;
}

int countField(const json::Value& object, const char* key) {
    const json::Value* v = object.find(key);
    if (v != nullptr && v->isArray()) {
        return static_cast<int>(v->asArray().size());
    }
    return wholeField(object, key, 0);
}

const json::Value* arrayField(const json::Value& object, const char* key) {
    const json::Value* v = object.find(key);
    return v != nullptr && v->isArray() ? v : nullptr;
}

QString plainText(const json::Value& value) {
    if (value.isString()) {
        return toQString(value.asString());
    }
    return toQString(json::write(value));
}

} // namespace bi::models
