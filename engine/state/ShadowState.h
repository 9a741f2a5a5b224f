// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's private copy of the host's state tree, addressed by dot paths
// ("orders.o1.total", array indices as decimal segments, "" = root).
//
// Runs are transactions: writes made after begin() are recorded in an undo
// log, so a failed run is rolled back in time proportional to what it wrote,
// never to the size of the state (no per-run copy of the tree).
#pragma once

#include "core/Json.h"
#include "state/PathNodeCache.h"
#include "state/Value.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace bi::state {

class ShadowState {
public:
    ShadowState() = default;
    explicit ShadowState(Value root) : root_(std::move(root)) {}
    explicit ShadowState(const json::Value& root) : root_(Value::fromJson(root)) {}

    [[nodiscard]] const Value& root() const { return root_; }

    // nullptr when the path does not exist.
    [[nodiscard]] const Value* get(std::string_view path) const;

    // A caller that asks for the same path again (the next run's stage, the
    // same list position) keeps a hint per path: the remembered lookup it
    // resolved to. Any value is a valid hint (kNoHint to start): it is checked
    // against the remembered path and generation (see PathNodeCache), then
    // updated, so a wrong or stale one only costs the usual lookup.
    static constexpr std::uint32_t kNoHint = PathNodeCache::kNone;
    [[nodiscard]] const Value* get(std::string_view path, std::uint32_t& hint) const;

    // Replaces the node at path, creating missing object keys on the way (a
    // null or undefined intermediate becomes an object). Throws EngineError
    // for a path through a primitive or an out-of-range array index.
    void set(std::string_view path, Value value);
    // set() unless the path already holds an equal value (then nothing is
    // written or logged); true when it wrote. Walks the path once when it exists.
    bool setIfDifferent(std::string_view path, const Value& value);
    // The same with a hint (see get).
    bool setIfDifferent(std::string_view path, const Value& value, std::uint32_t& hint);

    // The "removed paths" memory: false when path's parent is not an object
    // now and was removed earlier by overwriting an object that contained it
    // (sync and flip must not re-create a subtree the user just replaced).
    [[nodiscard]] bool parentExists(std::string_view path) const;
    // The same when the caller already holds get(parent of path).
    [[nodiscard]] bool parentExists(std::string_view path, const Value* parentNode) const;

    // Transactions. A mark is a position in the undo log.
    void begin();
    [[nodiscard]] std::size_t mark() const { return undo_.size(); }
    void rollbackTo(std::size_t mark);
    void rollback() { rollbackTo(0); inTransaction_ = false; }
    void commit();
    [[nodiscard]] bool inTransaction() const { return inTransaction_; }

private:
    struct UndoEntry {
        // Topmost node the write replaced or created: a slice of undoPaths_
        // (one buffer per run instead of a string per write).
        std::uint32_t pathBegin = 0;
        std::uint32_t pathSize = 0;
        std::optional<Value> before; // nullopt: the key did not exist
        std::vector<std::string> removedAdded;
    };

    // An ancestor of a written node, whose hash goes stale.
    struct Step {
        Value* node;
    };

    void recordRemoved(const Value& old, std::string_view path, UndoEntry* undo);
    void recordRemovedBelow(const Value& old, std::string& path, UndoEntry* undo);
    void setUndoPath(UndoEntry& undo, std::string_view path);
    [[nodiscard]] std::string_view undoPath(const UndoEntry& undo) const {
        return std::string_view(undoPaths_).substr(undo.pathBegin, undo.pathSize);
    }
    void restore(UndoEntry& entry);
    void eraseKey(std::string_view path);

    // Path → node lookups, remembered between runs (see PathNodeCache). A
    // const read only remembers addresses. Every write that may move or free
    // nodes (a key created or erased, a container replaced) invalidates them.
    // The node at path (nullptr when missing); lastEntry_ then names its entry
    // (kNone: the root, or a path not remembered). strictIndex: reject indices
    // with leading zeros, as get() always has (writes accept them, but such a
    // path is never remembered).
    Value* walk(std::string_view path, bool strictIndex) const;
    // walk() trying the hint first, which it then updates.
    Value* walkHinted(std::string_view path, bool strictIndex, std::uint32_t& hint) const;
    // setIfDifferent once node = walk(path) (lastEntry_ naming its entry).
    bool replaceIfDifferent(Value* node, std::string_view path, const Value& value);
    Value* resolve(std::string_view path, bool strictIndex, std::uint32_t& entry) const;
    // Into steps_: a path's ancestors, root first, walked from the root (for
    // a path not remembered).
    void collectSteps(std::string_view path);
    // After the node at a path changed: its ancestors' hashes go stale (see
    // Value::markHashStale). entry is the path's (kNone: steps_ holds its
    // ancestors).
    void markAncestorsStale(std::uint32_t entry);
    // Ancestors given root first, marked from the nearest up to the first one already stale.
    static void markStale(const std::vector<Step>& rootFirst);
    void dropWalkCache() const { cache_.invalidate(); }
    Value root_ = Value::object();
    std::unordered_set<std::string> removed_;
    std::string removedPath_; // recordRemoved's path buffer, reused
    std::vector<UndoEntry> undo_;
    std::string undoPaths_; // the undo entries' paths, back to back
    std::vector<Step> steps_; // set()'s path buffer, reused
    mutable PathNodeCache cache_;
    mutable std::uint32_t lastEntry_ = PathNodeCache::kNone;
    bool inTransaction_ = false;
    bool trackRemoved_ = true;
};

} // namespace bi::state
