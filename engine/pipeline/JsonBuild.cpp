// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/JsonBuild.h"

namespace bi::pipeline {

void addMember(json::Object& object, std::string_view key, json::Value value) {
    object.emplace_back(std::string(key), std::move(value));
}

json::Value idList(const std::vector<std::uint32_t>& ids) {
    json::Array out;
    out.reserve(ids.size());
    for (auto id : ids) {
        out.emplace_back(static_cast<double>(id));
    }
    return json::Value(std::move(out));
}

} // namespace bi::pipeline
