// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/ShadowState.h"

#include "core/EngineError.h"
#include "state/Paths.h"

#include <string>

namespace bi::state {

namespace {

bool parseIndex(std::string_view segment, std::size_t& index) {
    if (segment.empty() || segment.size() > 9) {
        return false;
    }
    index = 0;
    for (char c : segment) {
        if (c < '0' || c > '9') {
            return false;
        }
        index = index * 10 + static_cast<std::size_t>(c - '0');
    }
    return true;
}

std::string prefixOf(const std::vector<std::string_view>& segs, std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0) {
            out += '.';
        }
        out.append(segs[i]);
    }
    return out;
}

struct Step {
    Value* node;
    std::uint64_t slot;
    std::uint64_t oldHash;
};

} // namespace

const Value* ShadowState::get(std::string_view path) const {
    const Value* node = &root_;
    if (path.empty()) {
        return node;
    }
    std::size_t start = 0;
    while (node != nullptr) {
        std::size_t dot = path.find('.', start);
        if (dot == std::string_view::npos) {
            return node->child(path.substr(start));
        }
        node = node->child(path.substr(start, dot - start));
        start = dot + 1;
    }
    return nullptr;
}

bool ShadowState::parentExists(std::string_view path) const {
    std::string_view parentPath = paths::parent(path);
    if (parentPath.empty()) {
        return true;
    }
    const Value* p = get(parentPath);
    if (p != nullptr && p->isObject()) {
        return true;
    }
    return removed_.count(std::string(parentPath)) == 0;
}

void ShadowState::recordRemoved(const Value& old, const std::string& path, UndoEntry* undo) {
    if (!old.isObject() || !trackRemoved_) {
        return;
    }
    for (const auto& m : old.members()) {
        std::string child = paths::join(path, KeyTable::global().name(m.key));
        if (removed_.insert(child).second && undo != nullptr) {
            undo->removedAdded.push_back(child);
        }
        recordRemoved(m.value, child, undo);
    }
}

void ShadowState::set(std::string_view path, Value value) {
    UndoEntry undo;
    if (path.empty()) {
        undo.before = std::move(root_);
        recordRemoved(*undo.before, std::string(), &undo);
        root_ = std::move(value);
        if (inTransaction_) {
            undo_.push_back(std::move(undo));
        }
        return;
    }
    const auto segs = paths::split(path);
    std::vector<Step> steps;
    steps.reserve(segs.size());
    Value* node = &root_;
    bool recorded = false;
    for (std::size_t i = 0; i < segs.size(); ++i) {
        const bool last = i + 1 == segs.size();
        if (node->isNullish()) {
            if (!recorded) { // promote: undo restores the null/undefined
                undo.path = prefixOf(segs, i);
                undo.before = *node;
                recorded = true;
            }
            *node = Value::object(); // the parent's hash is fixed by the bottom-up pass
        }
        Value* next = nullptr;
        std::uint64_t slot = 0;
        if (node->isObject()) {
            KeyId key = KeyTable::global().intern(segs[i]);
            slot = Value::memberSlot(key);
            next = node->member(key);
            if (next == nullptr) {
                if (!recorded) {
                    undo.path = prefixOf(segs, i + 1);
                    recorded = true;
                }
                next = &node->setMember(key, last ? Value::undefined() : Value::object());
            }
        } else if (node->isArray()) {
            std::size_t index = 0;
            if (!parseIndex(segs[i], index) || index >= node->items().size()) {
                throw EngineError("path '" + std::string(path) + "': index '" + std::string(segs[i]) +
                                  "' is out of range");
            }
            slot = Value::itemSlot(index);
            next = &node->itemAt(index);
        } else {
            throw EngineError("path '" + std::string(path) + "': segment '" + std::string(segs[i]) +
                              "' goes through a primitive value");
        }
        steps.push_back({node, slot, next->hash()});
        node = next;
    }
    if (!recorded) {
        undo.path = std::string(path);
        undo.before = *node;
    }
    recordRemoved(*node, std::string(path), &undo);
    *node = std::move(value);
    // Fix the cached hashes bottom-up: each parent learns its child's new hash.
    for (std::size_t i = steps.size(); i-- > 0;) {
        Value* child = i + 1 < steps.size() ? steps[i + 1].node : node;
        std::uint64_t before = steps[i].oldHash;
        steps[i].node->childHashChanged(steps[i].slot, before, child->hash());
    }
    if (inTransaction_) {
        undo_.push_back(std::move(undo));
    }
}

void ShadowState::eraseKey(std::string_view path) {
    const auto segs = paths::split(path);
    std::vector<Step> steps;
    Value* node = &root_;
    for (std::size_t i = 0; i + 1 < segs.size(); ++i) {
        Value* next = nullptr;
        std::uint64_t slot = 0;
        if (node->isObject()) {
            KeyId key = KeyTable::global().intern(segs[i]);
            slot = Value::memberSlot(key);
            next = node->member(key);
        } else {
            std::size_t index = 0;
            parseIndex(segs[i], index);
            slot = Value::itemSlot(index);
            next = &node->itemAt(index);
        }
        steps.push_back({node, slot, next->hash()});
        node = next;
    }
    node->eraseMember(KeyTable::global().intern(segs.back()));
    for (std::size_t i = steps.size(); i-- > 0;) {
        Value* child = i + 1 < steps.size() ? steps[i + 1].node : node;
        steps[i].node->childHashChanged(steps[i].slot, steps[i].oldHash, child->hash());
    }
}

void ShadowState::restore(UndoEntry& entry) {
    for (const auto& p : entry.removedAdded) {
        removed_.erase(p);
    }
    const bool wasInTransaction = inTransaction_;
    inTransaction_ = false;
    if (entry.before) {
        trackRemoved_ = false; // restoring is not a user overwrite
        set(entry.path, std::move(*entry.before));
        trackRemoved_ = true;
    } else {
        eraseKey(entry.path);
    }
    inTransaction_ = wasInTransaction;
}

void ShadowState::begin() {
    undo_.clear();
    inTransaction_ = true;
}

void ShadowState::rollbackTo(std::size_t position) {
    while (undo_.size() > position) {
        restore(undo_.back());
        undo_.pop_back();
    }
}

void ShadowState::commit() {
    undo_.clear();
    inTransaction_ = false;
}

} // namespace bi::state
