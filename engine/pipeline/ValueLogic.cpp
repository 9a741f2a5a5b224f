// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/ValueLogic.h"

#include "core/EngineError.h"

#include <cmath>

namespace bi::pipeline {

namespace {

// The CASES key a value selects: strings as-is, numbers in JSON form, booleans as words.
bool caseKey(const state::Value* v, std::string& key) {
    if (v == nullptr) {
        return false;
    }
    if (v->isString()) {
        key = v->asString();
        return true;
    }
    if (v->isNumber()) {
        key = json::formatNumber(v->asNumber());
        return true;
    }
    if (v->isBool()) {
        key = v->asBool() ? "true" : "false";
        return true;
    }
    return false;
}

} // namespace

bool ValueLogic::isNode(const json::Value& v) {
    return v.isObject() && (v.find("IF") != nullptr || v.find("MATCH") != nullptr);
}

ValueLogic ValueLogic::parse(const json::Value& tree, const std::string& where) {
    ValueLogic node;
    node.definition_ = tree;
    if (!isNode(tree)) {
        node.literal_ = state::Value::fromJson(tree);
        return node;
    }
    if (const json::Value* cond = tree.find("IF")) {
        node.form_ = Form::If;
        const json::Value* thenV = tree.find("THEN");
        if (thenV == nullptr) {
            throw EngineError(where + ": IF needs THEN");
        }
        node.condition_.push_back(BoolLogic::parse(*cond, where + ".IF"));
        ValueLogic thenNode;
        thenNode.literal_ = state::Value::fromJson(*thenV);
        thenNode.definition_ = *thenV;
        node.branches_.push_back(std::move(thenNode));
        const json::Value* elseV = tree.find("ELSE");
        node.branches_.push_back(parse(elseV != nullptr ? *elseV : json::Value(), where + ".ELSE"));
        return node;
    }
    node.form_ = Form::Match;
    const json::Value* path = tree.find("MATCH");
    if (!path->isString()) {
        throw EngineError(where + ".MATCH: expected a path string");
    }
    node.matchPath_ = path->asString();
    if (const json::Value* cases = tree.find("CASES")) {
        if (!cases->isObject()) {
            throw EngineError(where + ".CASES: expected an object");
        }
        for (const auto& [key, value] : cases->asObject()) {
            node.cases_.emplace_back(key, state::Value::fromJson(value));
        }
    }
    if (const json::Value* def = tree.find("DEFAULT")) {
        node.default_ = state::Value::fromJson(*def);
    }
    return node;
}

state::Value ValueLogic::evaluate(const state::ShadowState& state) const {
    switch (form_) {
    case Form::Literal: return literal_;
    case Form::If: return branches_[condition_[0].evaluate(state) ? 0 : 1].evaluate(state);
    case Form::Match: {
        std::string key;
        if (caseKey(state.get(matchPath_), key)) {
            for (const auto& [k, v] : cases_) {
                if (k == key) {
                    return v;
                }
            }
        }
        return default_;
    }
    }
    return state::Value();
}

void ValueLogic::collectDependencies(std::vector<std::string>& out) const {
    for (const auto& c : condition_) {
        c.collectDependencies(out);
    }
    for (const auto& b : branches_) {
        b.collectDependencies(out);
    }
    if (form_ == Form::Match) {
        out.push_back(matchPath_);
    }
}

} // namespace bi::pipeline
