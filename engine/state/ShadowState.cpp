// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/ShadowState.h"

#include "core/EngineError.h"
#include "state/Paths.h"

#include <algorithm>
#include <cstring>
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

// node's child at seg (nullptr when missing). leadingZero: found
// through an index like "01", which only writes accept (strictIndex rejects it).
Value* childAt(Value* node, std::string_view seg, bool strictIndex, bool& leadingZero) {
    if (node->isObject()) {
        if (auto key = KeyTable::global().find(seg)) {
            return node->member(*key);
        }
    } else if (node->isArray()) {
        std::size_t index = 0;
        leadingZero = seg.size() > 1 && seg[0] == '0';
        if (parseIndex(seg, index) && index < node->items().size() && !(strictIndex && leadingZero)) {
            return &node->itemAt(index);
        }
    }
    return nullptr;
}

} // namespace

// Whole paths are looked up in the cache; a miss resolves the parent path
// the same way (so siblings share it) and then the last segment.
Value* ShadowState::resolve(std::string_view path, bool strictIndex, std::uint32_t& entry) const {
    constexpr std::uint32_t kNone = PathNodeCache::kNone;
    const auto hash = static_cast<std::uint32_t>(paths::PathHash{}(path));
    const std::uint32_t found = cache_.find(path, hash);
    if (found != kNone && cache_.current(found)) {
        entry = found;
        return cache_.at(found).node;
    }
    entry = kNone;
    const std::size_t dot = paths::lastDot(path);
    Value* parent = const_cast<Value*>(&root_); // const reads only read through it
    std::uint32_t parentEntry = kNone;
    std::string_view seg = path;
    if (dot != std::string_view::npos) {
        parent = resolve(path.substr(0, dot), strictIndex, parentEntry);
        if (parent == nullptr) {
            return nullptr;
        }
        seg = path.substr(dot + 1);
    }
    bool leadingZero = false;
    Value* node = childAt(parent, seg, strictIndex, leadingZero);
    // Remembered only below a remembered parent (the chain a write follows),
    // and only through canonical indices (get() rejects the others).
    if (node != nullptr && !leadingZero && (dot == std::string_view::npos || parentEntry != kNone)) {
        entry = cache_.put(found, path, hash, node, parentEntry);
    }
    return node;
}

Value* ShadowState::walk(std::string_view path, bool strictIndex) const {
    lastEntry_ = PathNodeCache::kNone;
    if (path.empty()) {
        return const_cast<Value*>(&root_); // the root is never an entry (setIfDifferent may replace it)
    }
    if (cache_.owner() != &root_) { // a copy, or a moved state: the entries point into another tree
        cache_.clear();
        cache_.setOwner(&root_);
    }
    return resolve(path, strictIndex, lastEntry_);
}

void ShadowState::collectSteps(std::string_view path) {
    std::vector<Step>& steps = steps_;
    steps.clear();
    if (path.empty()) {
        return;
    }
    // Not remembered (an index with a leading zero, a cache just cleared):
    // walk from the root, as the walk that found node did.
    Value* parent = &root_;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = path.find('.', start);
        const std::size_t end = dot == std::string_view::npos ? path.size() : dot;
        bool leadingZero = false;
        Value* next = childAt(parent, path.substr(start, end - start), false, leadingZero);
        steps.push_back({parent});
        parent = next;
        if (dot == std::string_view::npos) {
            break;
        }
        start = dot + 1;
    }
}

// Bottom-up, each ancestor is marked stale up to the first one already marked
// (a stale node's ancestors are stale). A remembered path's ancestors come
// from the entries' parent links (still valid after an invalidate: only what
// lay below the written node died), the others from collectSteps.
void ShadowState::markAncestorsStale(std::uint32_t entry) {
    if (entry == PathNodeCache::kNone) {
        markStale(steps_);
        return;
    }
    for (std::uint32_t id = entry;;) {
        const std::uint32_t parentEntry = cache_.at(id).parent;
        Value* parent = parentEntry == PathNodeCache::kNone ? &root_ : cache_.at(parentEntry).node;
        if (parent->hashStale()) {
            return;
        }
        parent->markHashStale();
        if (parentEntry == PathNodeCache::kNone) {
            return;
        }
        id = parentEntry;
    }
}

void ShadowState::markStale(const std::vector<Step>& rootFirst) {
    for (auto it = rootFirst.rbegin(); it != rootFirst.rend() && !it->node->hashStale(); ++it) {
        it->node->markHashStale();
    }
}

const Value* ShadowState::get(std::string_view path) const {
    return walk(path, true);
}

const Value* ShadowState::get(std::string_view path, std::uint32_t& hint) const {
    return walkHinted(path, true, hint);
}

// An entry exists only for a canonical path (no index with leading zeros), so
// a hit is what walk() would find under either index rule.
Value* ShadowState::walkHinted(std::string_view path, bool strictIndex, std::uint32_t& hint) const {
    if (!path.empty() && cache_.owner() == &root_ && cache_.holds(hint, path)) {
        lastEntry_ = hint;
        return cache_.at(hint).node;
    }
    Value* node = walk(path, strictIndex);
    hint = lastEntry_;
    return node;
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
    std::string& buffer = removedPath_;
    buffer.assign(path);
    recordRemovedBelow(old, buffer, undo);
}

// `path` is a buffer holding old's path: each member's path is appended to it and
// cut off again, and a path already recorded (a run that replaces the same subtree
// as the run before) is only looked up. Building a string per path and inserting it
// was a quarter of the compute of a batch replacing 1,000 nested objects.
void ShadowState::recordRemovedBelow(const Value& old, std::string& path, UndoEntry* undo) {
    const std::size_t length = path.size();
    for (const auto& m : old.members()) {
        const std::string_view name = KeyTable::global().name(m.key);
        if (length != 0 && !name.empty()) { // as paths::join
            path += '.';
        }
        path += name;
        if (removed_.find(path) == removed_.end()) {
            removed_.insert(path);
            if (undo != nullptr) {
                undo->removedAdded.push_back(path);
            }
        }
        if (m.value.isObject()) {
            recordRemovedBelow(m.value, path, undo);
        }
        path.resize(length);
    }
}

void ShadowState::set(std::string_view path, Value value) {
    dropWalkCache(); // creating keys or replacing a subtree may move nodes
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
            *node = Value::object(); // the parent's hash is marked stale below
        }
        Value* next = nullptr;
        if (node->isObject()) {
            KeyId key = KeyTable::global().intern(seg);
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
                throw EngineError("path '" + std::string(path) + "': index '" + std::string(seg) +
                                  "' is out of range");
            }
            next = &node->itemAt(index);
        } else {
            throw EngineError("path '" + std::string(path) + "': segment '" + std::string(seg) +
                              "' goes through a primitive value");
        }
        steps.push_back({node});
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
    markStale(steps); // the ancestors' hashes, recomputed when read
    if (inTransaction_) {
        undo_.push_back(std::move(undo));
    }
}

bool ShadowState::setIfDifferent(std::string_view path, const Value& value) {
    return replaceIfDifferent(walk(path, false), path, value);
}

bool ShadowState::setIfDifferent(std::string_view path, const Value& value, std::uint32_t& hint) {
    return replaceIfDifferent(walkHinted(path, false, hint), path, value);
}

bool ShadowState::replaceIfDifferent(Value* node, std::string_view path, const Value& value) {
    // One read-only walk (resumed from the cache); an existing leaf is compared
    // and replaced in place. Anything else (a missing key, a null to promote,
    // an error) takes set().
    if (node == nullptr) {
        set(path, value);
        return true;
    }
    if (*node == value) {
        return false;
    }
    const std::uint32_t entry = lastEntry_;
    if (entry == PathNodeCache::kNone) {
        collectSteps(path); // not remembered: the ancestors, walked
    }
    if (node->isObject() || node->isArray()) {
        dropWalkCache(); // the remembered nodes below the one replaced go with it
    }
    if (!inTransaction_) {
        recordRemoved(*node, path, nullptr);
        *node = value;
        markAncestorsStale(entry);
        return true;
    }
    // The entry is built in the log (no temporary moved in): the path first,
    // so an entry never exists without its `before`, which the rollback of a
    // later failure then restores.
    const auto pathBegin = static_cast<std::uint32_t>(undoPaths_.size());
    undoPaths_.append(path);
    UndoEntry& undo = undo_.emplace_back();
    undo.pathBegin = pathBegin;
    undo.pathSize = static_cast<std::uint32_t>(path.size());
    undo.before.emplace(std::move(*node));
    recordRemoved(*undo.before, path, &undo);
    *node = value;
    markAncestorsStale(entry);
    return true;
}

void ShadowState::eraseKey(std::string_view path) {
    dropWalkCache();
    const auto segs = paths::split(path);
    std::vector<Step> steps;
    Value* node = &root_;
    for (std::size_t i = 0; i + 1 < segs.size(); ++i) {
        Value* next = nullptr;
        if (node->isObject()) {
            next = node->member(KeyTable::global().intern(segs[i]));
        } else {
            std::size_t index = 0;
            parseIndex(segs[i], index);
            next = &node->itemAt(index);
        }
        steps.push_back({node});
        node = next;
    }
    node->eraseMember(KeyTable::global().intern(segs.back())); // keeps node's own hash exact (or stale)
    markStale(steps);
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
