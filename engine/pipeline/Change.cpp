// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/Change.h"

namespace bi::pipeline {

json::Value toJson(const ChangeList& changes) {
    json::Value out = json::Value::array();
    for (const auto& c : changes) {
        json::Value item = json::Value::object();
        item.set("path", c.path);
        item.set("value", c.value);
        out.push(std::move(item));
    }
    return out;
}

} // namespace bi::pipeline
