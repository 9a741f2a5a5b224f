// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's private copy of the host's state tree, addressed by dot paths
// ("orders.o1.total", array indices as decimal segments, "" = root).
#pragma once

#include "core/Json.h"

#include <string_view>

namespace bi::state {

class ShadowState {
public:
    ShadowState() = default;
    explicit ShadowState(json::Value root) : root_(std::move(root)) {}

    [[nodiscard]] const json::Value& root() const { return root_; }

    // nullptr when the path does not exist.
    [[nodiscard]] const json::Value* get(std::string_view path) const;

    // Replaces the node at path, creating missing object keys on the way.
    // Throws EngineError for a path through a primitive or an out-of-range index.
    void set(std::string_view path, json::Value value);

private:
    json::Value root_ = json::Value::object();
};

} // namespace bi::state
