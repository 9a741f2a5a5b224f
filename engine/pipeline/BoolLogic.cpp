// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/BoolLogic.h"

#include "core/EngineError.h"
#include "state/Paths.h"

#include <map>

namespace bi::pipeline {

namespace {

const std::map<std::string, BoolLogic::Op>& operatorTable() {
    static const std::map<std::string, BoolLogic::Op> table = {
        {"IS_EQUAL", BoolLogic::Op::IsEqual}, {"EXISTS", BoolLogic::Op::Exists},
        {"IS_EMPTY", BoolLogic::Op::IsEmpty}, {"AND", BoolLogic::Op::And},
        {"OR", BoolLogic::Op::Or},           {"NOT", BoolLogic::Op::Not},
        {"GT", BoolLogic::Op::Gt},           {"LT", BoolLogic::Op::Lt},
        {"GTE", BoolLogic::Op::Gte},         {"LTE", BoolLogic::Op::Lte},
        {"IN", BoolLogic::Op::In},           {"CONTAINS_ANY", BoolLogic::Op::ContainsAny},
        {"CONTAINS_ALL", BoolLogic::Op::ContainsAll}};
    return table;
}

const json::Value& pairPart(const json::Value& operand, std::size_t i, const std::string& where) {
    if (!operand.isArray() || operand.asArray().size() != 2 || !operand.asArray()[0].isString()) {
        throw EngineError(where + ": expected [path, value]");
    }
    return operand.asArray()[i];
}

bool isEmptyValue(const state::Value* v) {
    if (v == nullptr || v->isNullish()) {
        return true;
    }
    if (v->isString()) {
        return v->asString().empty();
    }
    if (v->isArray()) {
        return v->items().empty();
    }
    return v->isObject() && v->members().empty();
}

bool inList(const state::Value& v, const std::vector<state::Value>& list) {
    for (const auto& item : list) {
        if (item == v) {
            return true;
        }
    }
    return false;
}

} // namespace

BoolLogic BoolLogic::parse(const json::Value& tree, const std::string& where) {
    BoolLogic node;
    node.definition_ = tree;
    if (tree.isArray()) { // [path, value] shorthand for IS_EQUAL
        node.op_ = Op::IsEqual;
        node.path_ = pairPart(tree, 0, where).asString();
        node.operand_ = state::Value::fromJson(pairPart(tree, 1, where));
        return node;
    }
    if (!tree.isObject() || tree.asObject().size() != 1) {
        throw EngineError(where + ": a BoolLogic node must be an object with one operator or a [path, value] pair");
    }
    const auto& [name, operand] = tree.asObject()[0];
    auto it = operatorTable().find(name);
    if (it == operatorTable().end()) {
        throw EngineError(where + ": unknown operator '" + name + "'");
    }
    node.op_ = it->second;
    const std::string at = where + "." + name;
    switch (node.op_) {
    case Op::And:
    case Op::Or:
        if (!operand.isArray()) {
            throw EngineError(at + ": expected an array of conditions");
        }
        for (std::size_t i = 0; i < operand.asArray().size(); ++i) {
            node.children_.push_back(parse(operand.asArray()[i], at + "[" + std::to_string(i) + "]"));
        }
        break;
    case Op::Not: node.children_.push_back(parse(operand, at)); break;
    case Op::Exists:
    case Op::IsEmpty:
        if (!operand.isString()) {
            throw EngineError(at + ": expected a path string");
        }
        node.path_ = operand.asString();
        break;
    case Op::IsEqual:
        node.path_ = pairPart(operand, 0, at).asString();
        node.operand_ = state::Value::fromJson(pairPart(operand, 1, at));
        break;
    case Op::Gt:
    case Op::Lt:
    case Op::Gte:
    case Op::Lte:
        node.path_ = pairPart(operand, 0, at).asString();
        if (!pairPart(operand, 1, at).isNumber()) {
            throw EngineError(at + ": the operand must be a number");
        }
        node.operand_ = state::Value(pairPart(operand, 1, at).asNumber());
        break;
    case Op::In:
    case Op::ContainsAny:
    case Op::ContainsAll:
        node.path_ = pairPart(operand, 0, at).asString();
        if (!pairPart(operand, 1, at).isArray()) {
            throw EngineError(at + ": expected [path, [values]]");
        }
        for (const auto& v : pairPart(operand, 1, at).asArray()) {
            node.list_.push_back(state::Value::fromJson(v));
        }
        break;
    }
    const std::string_view suffix = ".length";
    node.lengthOf_ = node.path_.size() > suffix.size() &&
                     node.path_.compare(node.path_.size() - suffix.size(), suffix.size(), suffix) == 0;
    return node;
}

const state::Value* BoolLogic::resolve(const state::ShadowState& state, state::Value& scratch) const {
    if (lengthOf_) {
        const state::Value* parent = state.get(state::paths::parent(path_));
        if (parent != nullptr && parent->isArray()) {
            scratch = state::Value(static_cast<double>(parent->items().size()));
            return &scratch;
        }
    }
    return state.get(path_, hint_);
}

bool BoolLogic::evaluate(const state::ShadowState& state) const {
    state::Value scratch;
    switch (op_) {
    case Op::And:
        for (const auto& c : children_) {
            if (!c.evaluate(state)) {
                return false;
            }
        }
        return true;
    case Op::Or:
        for (const auto& c : children_) {
            if (c.evaluate(state)) {
                return true;
            }
        }
        return false;
    case Op::Not: return !children_[0].evaluate(state);
    default: break;
    }
    const state::Value* v = resolve(state, scratch);
    switch (op_) {
    case Op::IsEqual: return v == nullptr ? operand_.isNull() : *v == operand_ || (v->isNumber() && operand_.isNumber() && v->asNumber() == operand_.asNumber());
    case Op::Exists: return v != nullptr && !v->isNullish();
    case Op::IsEmpty: return isEmptyValue(v);
    case Op::Gt: return v != nullptr && v->isNumber() && v->asNumber() > operand_.asNumber();
    case Op::Lt: return v != nullptr && v->isNumber() && v->asNumber() < operand_.asNumber();
    case Op::Gte: return v != nullptr && v->isNumber() && v->asNumber() >= operand_.asNumber();
    case Op::Lte: return v != nullptr && v->isNumber() && v->asNumber() <= operand_.asNumber();
    case Op::In: return v != nullptr && inList(*v, list_);
    case Op::ContainsAny:
        if (v == nullptr || !v->isArray()) {
            return false;
        }
        for (const auto& e : v->items()) {
            if (inList(e, list_)) {
                return true;
            }
        }
        return false;
    case Op::ContainsAll:
        if (v == nullptr || !v->isArray()) {
            return false;
        }
        for (const auto& item : list_) {
            if (!inList(item, v->items())) {
                return false;
            }
        }
        return true;
    default: return false;
    }
}

void BoolLogic::collectDependencies(std::vector<std::string>& out) const {
    for (const auto& c : children_) {
        c.collectDependencies(out);
    }
    if (op_ != Op::And && op_ != Op::Or && op_ != Op::Not) {
        out.push_back(lengthOf_ ? std::string(state::paths::parent(path_)) : path_);
    }
}

} // namespace bi::pipeline
