// SPDX-License-Identifier: GPL-3.0-or-later
// The state pipeline: one instance per store. It owns the shadow state and
// every registration, runs the declarative stages of a batch, and plans the
// listener calls the host must make. Crossing-level calls (what a wasm host
// calls) are listed in PipelineApi.h.
#pragma once

#include "pipeline/ExecutionPlan.h"
#include "pipeline/PathGraph.h"
#include "pipeline/PathHints.h"
#include "pipeline/PathIdMemo.h"
#include "pipeline/PathIdTable.h"
#include "pipeline/PathIndex.h"
#include "pipeline/PathListMemo.h"
#include "pipeline/Registrations.h"
#include "pipeline/StageTrace.h"
#include "state/ShadowState.h"

#include <optional>
#include <unordered_map>

namespace bi::pipeline {

struct PipelineOptions {
    std::size_t maxListenerWrites = 1000; // per dispatch
    bool flipInvertsBooleans = false;     // v3 behaviour instead of value rotation
    bool trace = false;
};

struct PrepareResult {
    ChangeList changes;         // state changes of the run, in pipeline order
    ChangeList concernChanges;  // `_concerns.` changes
    ExecutionPlan plan;
};

// One level of the legacy multi-call flow, with each dispatch's input materialized.
struct LegacyLevel {
    struct Entry {
        Dispatch dispatch;
        ChangeList input; // relativized: run changes, then output forwarded from deeper levels
    };
    std::size_t level = 0;
    std::vector<std::vector<Entry>> groups; // later dispatches of the level see earlier output (host-forwarded)
    [[nodiscard]] bool empty() const { return groups.empty(); }
    [[nodiscard]] json::Value toJson() const;
};

struct GroupTrace {
    std::size_t group = 0;
    std::vector<std::uint32_t> dispatches;
    ChangeList diff;
    json::Value stateAfter;
};

struct FinalizeResult {
    ChangeList finalChanges; // phase-1 state, listener state, phase-1 concerns, listener concerns
    std::vector<GroupTrace> groups; // only when tracing
};

class Pipeline {
public:
    explicit Pipeline(const json::Value& initialState, PipelineOptions options = {});

    // Registrations (outside a run). They return the initial changes they wrote.
    ChangeList registerSideEffects(const SideEffects& effects);
    ChangeList registerConcerns(const std::vector<ConcernSpec>& concerns);
    void registerListener(const ListenerSpec& listener);

    // Phase 1: every declarative stage, the shadow updated, the plan built.
    // Opens a run that finalize() closes or abort() rolls back. The result
    // lives in the pipeline until the next prepare() (no copy per run).
    const PrepareResult& prepare(const ChangeList& batch);
    // Applies listener output (absolute paths; diffed) and closes the run.
    // The result lives in the pipeline until the next prepare().
    const FinalizeResult& finalize(const std::vector<DispatchOutput>& outputs);
    void abort();
    [[nodiscard]] bool runOpen() const { return runOpen_; }
    // After finalize: swaps the closed run's results with the caller's objects,
    // whose buffers the next run then reuses (a host keeping records, no copy).
    // The pipeline's own copies (currentPlan(), runChanges()) are then stale.
    void exchangeResults(PrepareResult& prepared, FinalizeResult& finalized);

    // Legacy flow: the deepest level only; then the next level after each.
    LegacyLevel createDispatchPlan();
    LegacyLevel routeProducedChanges(std::size_t level, const std::vector<DispatchOutput>& produced);

    // Applies one dispatch's output now (used by stepping); returns the diff.
    ChangeList applyDispatchOutput(const DispatchOutput& output);
    [[nodiscard]] std::size_t undoMark() const { return shadow_.mark(); }
    // Back to a mark taken after prepare() and before any listener output.
    void rollbackTo(std::size_t mark) {
        shadow_.rollbackTo(mark);
        run_.listenerStateCount = 0;
        run_.listenerConcernCount = 0;
    }

    [[nodiscard]] const state::ShadowState& shadow() const { return shadow_; }
    [[nodiscard]] const PipelineOptions& options() const { return options_; }
    [[nodiscard]] const std::vector<StageTrace>& stageTraces() const { return run_.stages; }
    [[nodiscard]] const ExecutionPlan& currentPlan() const { return run_.result.plan; }
    [[nodiscard]] const ChangeList& runChanges() const { return run_.result.changes; }
    [[nodiscard]] json::Value registrationsSnapshot() const;
    void setTrace(bool on) { options_.trace = on; }

private:
    struct Aggregation {
        std::string target;
        std::vector<std::pair<std::string, std::optional<BoolLogic>>> sources;
        std::string anchor;
    };
    struct Computation {
        std::string op;
        std::string target;
        std::vector<std::pair<std::string, std::optional<BoolLogic>>> sources;
        std::string anchor;
    };
    struct Logic {
        std::string path; // "_concerns." + field + "." + name, joined once at registration
        std::optional<BoolLogic> boolLogic;
        std::optional<ValueLogic> valueLogic;
        std::string anchor;
    };
    struct DirectedTarget {
        std::string path;
        std::string anchor; // of the registration that added the pair
    };
    // What one-way sync finds for a path (see syncDirected), remembered per
    // path id: pointers into directed_, whose memo is cleared when it changes.
    struct DirectedReach {
        const std::vector<DirectedTarget>* exact = nullptr;
        const std::vector<DirectedTarget>* nearest = nullptr; // of the nearest directed ancestor
        std::size_t nearestLength = 0;                        // that ancestor's length
        std::vector<std::pair<const std::string*, const std::vector<DirectedTarget>*>> below; // sources below
    };
    // Kept between runs and cleared, so a run reuses the buffers of the last.
    struct RunState {
        PrepareResult result; // changes, concern changes, plan
        FinalizeResult finalized;
        // Listener output as applied (diffed): the first count entries of each
        // list count; the rest keep earlier runs' buffers for the next writes.
        ChangeList listenerState;
        ChangeList listenerConcerns;
        std::size_t listenerStateCount = 0;
        std::size_t listenerConcernCount = 0;
        std::size_t concernCount = 0; // the same for result.concernChanges until prepare ends
        std::vector<StageTrace> stages;
        // Flip's "before" image, by flip node index: a slot per node, so taking
        // it allocates no key string (a run captures for every write).
        struct PreRunSlot {
            bool taken = false;
            std::optional<state::Value> value; // nullopt: the node did not exist
        };
        std::vector<PreRunSlot> preRun;
        std::vector<std::size_t> preRunTaken; // the slots to reset at the next clear()
        bool preRunComplete = false;          // every slot taken at the start: writes need not capture
        std::unordered_map<std::string, bool> anchorsAtStart;
        std::vector<ChangeList> forwarded; // legacy: absolute output waiting per dispatch
        // The path id of result.changes[i] (see runPathIds): the first
        // pathIdCount count, the rest are earlier runs' ids, tried first.
        std::vector<std::uint32_t> pathIds;
        std::size_t pathIdCount = 0;
        std::size_t nextGroup = 0;         // legacy: first group not yet handed out
        void clear();
    };

    // Stages.
    // The first stages edit the run's change list in place.
    void filterNoOps(const ChangeList& batch, ChangeList& out);
    void aggregationWrite(ChangeList& changes);
    void dropComputedTargets(ChangeList& changes);
    void applyGenuine(ChangeList& changes);
    ChangeList clearPaths(const ChangeList& genuine);
    ChangeList syncStage(const ChangeList& input);
    ChangeList flipStage(const ChangeList& input);
    ChangeList aggregationRead(const ChangeList& all);
    ChangeList computationStage(const ChangeList& all, std::size_t count);
    void logicStage(const ChangeList& stateChanges, bool valueLogic);
    void buildPlan(const ChangeList& changes, ExecutionPlan& plan);
    std::size_t groupListeners(const std::vector<std::vector<std::uint32_t>>& inputs);
    const PathListMemo::Ids& listenersReached(std::uint32_t pathId, std::string_view path);
    const std::vector<std::uint32_t>& runPathIds();
    void clearPathIdMemos();
    void applyOutput(const DispatchOutput& output, ChangeList* diff);
    void traceOutputs(const std::vector<DispatchOutput>& outputs, std::vector<GroupTrace>& groups);

    // Helpers.
    void write(const std::string& path, const state::Value& value, std::uint32_t* hint = nullptr);
    bool emitGuarded(std::string path, const state::Value& value, ChangeList& out, StageTrace* trace);
    void capturePreRun(std::string_view path);
    void takePreRun(std::uint32_t index);
    [[nodiscard]] bool anchorPresent(const std::string& anchor) const;
    [[nodiscard]] bool excluded(const std::optional<BoolLogic>& cond) const;
    [[nodiscard]] state::Value aggregateValue(const Aggregation& agg) const;
    [[nodiscard]] state::Value computeValue(const Computation& comp) const;
    StageTrace* beginStage(const char* name);
    void endStage(StageTrace* trace, double started);
    void syncOne(const Change& c, std::uint32_t pathId, ChangeList& out, StageTrace* t);
    void syncDirected(const Change& c, std::uint32_t pathId, ChangeList& out, StageTrace* t);
    const DirectedReach& directedReach(std::uint32_t pathId, std::string_view path);
    void emitDirected(const DirectedTarget& target, std::string_view suffix, const state::Value& value, ChangeList& out,
                      StageTrace* t);
    void flipOne(const Change& c, ChangeList& out, StageTrace* t);
    std::vector<std::string> clearTargetsFor(const ClearRule& rule, const std::string& path) const;
    void indexLogic(std::size_t id);
    void checkAggregationPair(const AggregationPair& pair) const;
    LegacyLevel materializeNextLevel();
    void requireRun(const char* call) const;

    state::ShadowState shadow_;
    PipelineOptions options_;
    PathGraph sync_;
    PathGraph flip_;
    PathIndex<std::vector<DirectedTarget>> directed_; // one-way sync: source → targets
    std::vector<std::pair<std::string, std::string>> directedPairs_;
    std::vector<Aggregation> aggregations_;
    PathIndex<std::size_t> aggregationTargets_;
    PathIndex<std::vector<std::size_t>> aggregationTriggers_;
    // triggered() answers, cleared when aggregationTriggers_ changes
    PathIdMemo<PathListMemo::Ids> aggregationTriggerMemo_;
    std::vector<Computation> computations_;
    PathIndex<std::size_t> computationTargets_;
    PathIndex<std::vector<std::size_t>> computationTriggers_;
    PathIdMemo<PathListMemo::Ids> computationTriggerMemo_; // the same for computationTriggers_
    std::vector<ClearRule> clearRules_;
    std::vector<Logic> logics_;
    PathIndex<std::vector<std::size_t>> logicDeps_;
    PathIdMemo<PathListMemo::Ids> logicDepMemo_; // triggered() answers, cleared when logicDeps_ changes
    std::vector<ListenerSpec> listeners_;
    std::vector<std::size_t> listenerOrder_;
    std::vector<std::size_t> listenerLevel_; // effective depth, by listener index
    std::vector<std::vector<std::uint32_t>> planInputs_; // buildPlan's scratch, reused
    std::vector<std::vector<std::size_t>> planMembers_;  // groupListeners' result: listeners per group
    std::vector<std::size_t> planGroupLevels_;           // groupListeners' result: level per group
    std::vector<std::size_t> planActive_;                // the listeners that result was grouped from
    std::vector<std::size_t> planActiveScratch_;
    bool planGroupingValid_ = false;                     // false after a registration
    PathIndex<std::vector<std::size_t>> topics_;
    PathIdMemo<PathListMemo::Ids> topicMemo_; // listenersReached, cleared when a listener registers
    PathIdMemo<DirectedReach> directedMemo_;  // directedReach, cleared when directed_ changes
    // The ids every memo above is keyed by (the run's changes carry theirs in
    // run_.pathIds); cleared with the memos when it grows past kMaxPathIds.
    PathIdTable pathIds_;
    static constexpr std::size_t kMaxPathIds = std::size_t{1} << 16;
    // Shadow lookup hints by position: the batch (no-op filter), the genuine
    // changes (apply), flip nodes (pre-run image), logics, each dispatch's output.
    PathHints inputHints_;
    PathHints applyHints_;
    PathHints preRunHints_;
    PathHints logicHints_;
    std::vector<PathHints> outputHints_;
    // emitGuarded's, by position in the stage's output (2n: the parent, 2n+1:
    // the target): the stage running sets emitHints_ (always one of these or
    // null; any hint is safe, so a stage left by an exception needs no reset).
    PathHints syncEmitHints_;
    PathHints flipEmitHints_;
    PathHints* emitHints_ = nullptr;
    bool runOpen_ = false;
    RunState run_;
};

} // namespace bi::pipeline
