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
    return parentExists(path, get(paths::parent(path)));
}

bool ShadowState::parentExists(std::string_view path, const Value* parentNode) const {
    std::string_view parentPath = paths::parent(path);
    if (parentPath.empty()) {
        return true;
    }
    if (parentNode != nullptr && parentNode->isObject()) {
        return true;
    }
    return removed_.count(std::string(parentPath)) == 0;
}

void ShadowState::setUndoPath(UndoEntry& undo, std::string_view path) {
    if (!inTransaction_) {
        return; // the entry is not kept
    }
    undo.pathBegin = static_cast<std::uint32_t>(undoPaths_.size());
    undo.pathSize = static_cast<std::uint32_t>(path.size());
    undoPaths_.append(path);
}

void ShadowState::recordRemoved(const Value& old, std::string_view path, UndoEntry* undo) {
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
        setUndoPath(undo, std::string_view());
        undo.before = std::move(root_);
        recordRemoved(*undo.before, std::string_view(), &undo);
        root_ = std::move(value);
        if (inTransaction_) {
            undo_.push_back(std::move(undo));
        }
        return;
    }
    // Walk segment by segment (no split vector); the steps buffer is reused.
    std::vector<Step>& steps = steps_;
    steps.clear();
    Value* node = &root_;
    bool recorded = false;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = path.find('.', start);
        const bool last = dot == std::string_view::npos;
        const std::string_view seg = path.substr(start, last ? std::string_view::npos : dot - start);
        const std::string_view upTo = path.substr(0, last ? path.size() : dot); // path of the child
        if (node->isNullish()) {
            if (!recorded) { // promote: undo restores the null/undefined
                setUndoPath(undo, start == 0 ? std::string_view() : path.substr(0, start - 1));
                undo.before = *node;
                recorded = true;
            }
            *node = Value::object(); // the parent's hash is fixed by the bottom-up pass
        }
        Value* next = nullptr;
        std::uint64_t slot = 0;
        if (node->isObject()) {
            KeyId key = KeyTable::global().intern(seg);
            slot = Value::memberSlot(key);
            next = node->member(key);
            if (next == nullptr) {
                if (!recorded) {
                    setUndoPath(undo, upTo);
                    recorded = true;
                }
                next = &node->setMember(key, last ? Value::undefined() : Value::object());
            }
        } else if (node->isArray()) {
            std::size_t index = 0;
            if (!parseIndex(seg, index) || index >= node->items().size()) {
                throw EngineError("path '" + std::string(path) + "': index '" + std::string(seg) + "' is out of range");
            }
            slot = Value::itemSlot(index);
            next = &node->itemAt(index);
        } else {
            throw EngineError("path '" + std::string(path) + "': segment '" + std::string(seg) +
                              "' goes through a primitive value");
        }
        steps.push_back({node, slot, next->hash()});
        node = next;
        if (last) {
            break;
        }
        start = dot + 1;
    }
    if (!recorded) {
        setUndoPath(undo, path);
        undo.before = std::move(*node); // replaced below anyway
        recordRemoved(*undo.before, path, &undo);
    } else {
        recordRemoved(*node, path, &undo);
    }
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

bool ShadowState::setIfDifferent(std::string_view path, const Value& value) {
    // One read-only walk; an existing leaf is compared and replaced in place.
    // Anything else (a missing key, a null to promote, an error) takes set().
    std::vector<Step>& steps = steps_;
    steps.clear();
    Value* node = &root_;
    std::size_t start = 0;
    while (!path.empty()) {
        const std::size_t dot = path.find('.', start);
        const std::string_view seg = path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        Value* next = nullptr;
        std::uint64_t slot = 0;
        if (node->isObject()) {
            if (auto key = KeyTable::global().find(seg)) {
                next = node->member(*key);
                slot = Value::memberSlot(*key);
            }
        } else if (node->isArray()) {
            std::size_t index = 0;
            if (parseIndex(seg, index) && index < node->items().size()) {
                next = &node->itemAt(index);
                slot = Value::itemSlot(index);
            }
        }
        if (next == nullptr) {
            set(path, value);
            return true;
        }
        steps.push_back({node, slot, next->hash()});
        node = next;
        if (dot == std::string_view::npos) {
            break;
        }
        start = dot + 1;
    }
    if (*node == value) {
        return false;
    }
    UndoEntry undo;
    setUndoPath(undo, path);
    undo.before = std::move(*node);
    recordRemoved(*undo.before, path, &undo);
    *node = value;
    for (std::size_t i = steps.size(); i-- > 0;) {
        Value* child = i + 1 < steps.size() ? steps[i + 1].node : node;
        steps[i].node->childHashChanged(steps[i].slot, steps[i].oldHash, child->hash());
    }
    if (inTransaction_) {
        undo_.push_back(std::move(undo));
    }
    return true;
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
    // Outside the transaction nothing is appended to undoPaths_, so the view stays valid.
    const std::string_view path = undoPath(entry);
    if (entry.before) {
        trackRemoved_ = false; // restoring is not a user overwrite
        set(path, std::move(*entry.before));
        trackRemoved_ = true;
    } else {
        eraseKey(path);
    }
    inTransaction_ = wasInTransaction;
}

void ShadowState::begin() {
    undo_.clear();
    undoPaths_.clear();
    inTransaction_ = true;
}

void ShadowState::rollbackTo(std::size_t position) {
    while (undo_.size() > position) {
        restore(undo_.back());
        undoPaths_.resize(undo_.back().pathBegin); // entries own the buffer's tail, in order
        undo_.pop_back();
    }
}

void ShadowState::commit() {
    undo_.clear();
    undoPaths_.clear();
    inTransaction_ = false;
}

} // namespace bi::state
