// SPDX-License-Identifier: GPL-3.0-or-later
// Declarative computed values: {IF, THEN, ELSE} chains and {MATCH, CASES, DEFAULT}.
#pragma once

#include "pipeline/BoolLogic.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace bi::pipeline {

class ValueLogic {
public:
    static ValueLogic parse(const json::Value& tree, const std::string& where);

    [[nodiscard]] state::Value evaluate(const state::ShadowState& state) const;
    void collectDependencies(std::vector<std::string>& out) const;
    [[nodiscard]] const json::Value& definition() const { return definition_; }

private:
    enum class Form { Literal, If, Match };
    Form form_ = Form::Literal;
    state::Value literal_;
    std::vector<BoolLogic> condition_; // one element for IF
    std::vector<ValueLogic> branches_; // IF: THEN, ELSE
    std::string matchPath_;
    std::vector<std::pair<std::string, state::Value>> cases_;
    state::Value default_;
    json::Value definition_;

    static bool isNode(const json::Value& v);
};

} // namespace bi::pipeline
