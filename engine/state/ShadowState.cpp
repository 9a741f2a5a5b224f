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

// Length of the common prefix of a and b, eight bytes at a time.
std::size_t commonPrefix(std::string_view a, std::string_view b) {
    const std::size_t n = std::min(a.size(), b.size());
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t x;
        std::uint64_t y;
        std::memcpy(&x, a.data() + i, 8);
        std::memcpy(&y, b.data() + i, 8);
        if (x != y) {
            break;
        }
    }
    while (i < n && a[i] == b[i]) {
        ++i;
    }
    return i;
}

// node's child at seg (nullptr when missing) and its slot. leadingZero: found
// through an index like "01", which only writes accept (strictIndex rejects it).
Value* childAt(Value* node, std::string_view seg, bool strictIndex, std::uint64_t& slot, bool& leadingZero) {
    if (node->isObject()) {
        if (auto key = KeyTable::global().find(seg)) {
            slot = Value::memberSlot(*key);
            return node->member(*key);
        }
    } else if (node->isArray()) {
        std::size_t index = 0;
        leadingZero = seg.size() > 1 && seg[0] == '0';
        if (parseIndex(seg, index) && index < node->items().size() && !(strictIndex && leadingZero)) {
            slot = Value::itemSlot(index);
            return &node->itemAt(index);
        }
    }
    return nullptr;
}

} // namespace

std::size_t ShadowState::sharedSegments(const WalkCache& way, std::string_view path) const {
    if (way.owner != &root_) {
        return 0;
    }
    const std::size_t common = commonPrefix(path, way.path);
    const auto& entries = way.entries;
    // The segments ending within the common prefix (ends increase: a binary search).
    auto k = static_cast<std::size_t>(
        std::upper_bound(entries.begin(), entries.end(), common,
                         [](std::size_t c, const WalkEntry& e) { return c < e.end; }) -
        entries.begin());
    // One ending exactly there is shared only if path has a segment boundary
    // there too ("a.b" shares nothing deep with "a.bc"); earlier ones end at a
    // '.' both paths have.
    if (k > 0 && entries[k - 1].end == common && common != path.size() && path[common] != '.') {
        --k;
    }
    return k;
}

// The way sharing segments with path; with none shared, the least recently
// used. The first way sharing any is taken: a path goes to the way holding
// its first segment, so no two valid ways start alike.
ShadowState::WalkCache& ShadowState::wayFor(std::string_view path, std::size_t& shared) const {
    WalkCache* best = &ways_[0];
    shared = 0;
    for (auto& way : ways_) {
        shared = sharedSegments(way, path);
        if (shared > 0) {
            best = &way;
            break;
        }
        if (way.lastUse < best->lastUse) {
            best = &way;
        }
    }
    best->lastUse = ++walk_.clock;
    return *best;
}

void ShadowState::forgetBelow(std::string_view path) const {
    for (auto& way : ways_) {
        if (way.owner != &root_ || !paths::isBelow(way.path, path)) {
            continue;
        }
        auto& entries = way.entries;
        while (!entries.empty() && entries.back().end > path.size()) {
            entries.pop_back();
        }
    }
}

Value* ShadowState::walk(std::string_view path, bool strictIndex) const {
    Value* node = const_cast<Value*>(&root_); // const reads only read through it
    walk_.way = nullptr;
    if (path.empty()) {
        return node; // the root is never an entry (setIfDifferent may replace it)
    }
    if (path.find('.') == std::string_view::npos) {
        // A single lookup costs less than consulting and refilling a way.
        bool leadingZero = false;
        return childAt(node, path, strictIndex, walk_.oneSegmentSlot, leadingZero);
    }
    std::size_t shared = 0;
    WalkCache& way = wayFor(path, shared);
    walk_.way = &way;
    auto& entries = way.entries;
    entries.resize(shared);
    way.owner = &root_;
    way.path.assign(path);
    std::size_t start = 0;
    if (!entries.empty()) {
        node = entries.back().node;
        if (entries.back().end == path.size()) {
            return node;
        }
        start = entries.back().end + 1;
    }
    while (true) {
        const std::size_t dot = path.find('.', start);
        const std::size_t end = dot == std::string_view::npos ? path.size() : dot;
        std::uint64_t slot = 0;
        bool leadingZero = false;
        Value* next = childAt(node, path.substr(start, end - start), strictIndex, slot, leadingZero);
        if (next == nullptr) {
            return nullptr;
        }
        if (leadingZero) {
            way.owner = nullptr; // only canonical indices are remembered (get() rejects the others)
        }
        entries.push_back({next, slot, end});
        node = next;
        if (dot == std::string_view::npos) {
            return node;
        }
        start = dot + 1;
    }
}

const Value* ShadowState::get(std::string_view path) const { return walk(path, true); }

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
    // One read-only walk (resumed from the cache); an existing leaf is compared
    // and replaced in place. Anything else (a missing key, a null to promote,
    // an error) takes set().
    Value* node = walk(path, false);
    if (node == nullptr) {
        set(path, value);
        return true;
    }
    if (*node == value) {
        return false;
    }
    // The walk's nodes with their hashes before the write, for the bottom-up fix.
    std::vector<Step>& steps = steps_;
    steps.clear();
    if (walk_.way != nullptr) {
        Value* parent = &root_;
        for (const auto& e : walk_.way->entries) {
            steps.push_back({parent, e.slot, e.node->hash()});
            parent = e.node;
        }
    } else if (!path.empty()) { // one segment
        steps.push_back({&root_, walk_.oneSegmentSlot, node->hash()});
    }
    forgetBelow(path); // the remembered nodes below the one replaced go with it
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
    dropWalkCache();
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
