// SPDX-License-Identifier: GPL-3.0-or-later
// Declarative boolean conditions over the state: concerns (disabledWhen…),
// aggregation/computation excludeWhen, ValueLogic IF, listener `when`.
#pragma once

#include "core/Json.h"
#include "state/ShadowState.h"

#include <string>
#include <vector>

namespace bi::pipeline {

class BoolLogic {
public:
    enum class Op { IsEqual, Exists, IsEmpty, And, Or, Not, Gt, Lt, Gte, Lte, In, ContainsAny, ContainsAll };

    // Throws EngineError naming `where` for an unknown operator or a bad operand.
    static BoolLogic parse(const json::Value& tree, const std::string& where);

    [[nodiscard]] bool evaluate(const state::ShadowState& state) const;
    // Every state path the result depends on (a `.length` operand depends on its array).
    void collectDependencies(std::vector<std::string>& out) const;
    [[nodiscard]] const json::Value& definition() const { return definition_; }

private:
    Op op_ = Op::And;
    std::string path_;
    bool lengthOf_ = false; // path ended in ".length"
    state::Value operand_;
    std::vector<state::Value> list_;
    std::vector<BoolLogic> children_;
    json::Value definition_;
    // The shadow lookup of path_ last time (see ShadowState::get): a condition
    // reads the same path every run. Any value is safe, so copies may share it.
    mutable std::uint32_t hint_ = state::ShadowState::kNoHint;

    [[nodiscard]] const state::Value* resolve(const state::ShadowState& state, state::Value& scratch) const;
};

} // namespace bi::pipeline
