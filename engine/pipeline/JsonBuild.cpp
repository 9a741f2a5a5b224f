// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/JsonBuild.h"

namespace bi::pipeline {

void addMember(json::Object& object, std::string_view key, json::Value value) {
    object.emplace_back(std::string(key), std::move(value));
}

} // namespace bi::pipeline
