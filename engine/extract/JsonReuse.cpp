// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/JsonReuse.h"

namespace bi::extract::reuse {

json::Object& object(json::Value& v) {
    if (!v.isObject()) {
        v = json::Value::object();
    }
    return v.asObject();
}

json::Array& array(json::Value& v) {
    if (!v.isArray()) {
        v = json::Value::array();
    }
    return v.asArray();
}

json::Value& member(json::Object& object, std::size_t index, std::string_view key) {
    if (index == object.size()) {
        object.emplace_back(std::string(key), json::Value());
    } else if (object[index].first != key) {
        object[index].first.assign(key);
    }
    return object[index].second;
}

json::Value& element(json::Array& array, std::size_t index) {
    if (index == array.size()) {
        array.emplace_back();
    }
    return array[index];
}

void truncate(json::Object& object, std::size_t size) {
    if (object.size() > size) {
        object.erase(object.begin() + static_cast<std::ptrdiff_t>(size), object.end());
    }
}

void truncate(json::Array& array, std::size_t size) {
    if (array.size() > size) {
        array.erase(array.begin() + static_cast<std::ptrdiff_t>(size), array.end());
    }
}

std::string& string(json::Value& v) {
    if (!v.isString()) {
        v = json::Value(std::string());
    }
    std::string& s = v.asString();
    s.clear();
    return s;
}

void assign(json::Value& v, std::string_view s) { string(v).assign(s); }

} // namespace bi::extract::reuse
