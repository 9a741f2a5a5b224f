// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/RunDriver.h"

#include "core/EngineError.h"
#include "state/Paths.h"
#include "trace/TimingRecord.h"

#include <algorithm>

namespace bi::pipeline {

namespace {

// Calls the handler with rec.dispatch and input, filling output and duration.
void invoke(Pipeline& pipeline, ListenerHandler& handler, DispatchRecord& rec, const ListenerInput& input) {
    const double t0 = trace::nowMicros();
    handler.callInto(ListenerCall{rec.dispatch, input, pipeline.shadow()}, rec.output);
    rec.durationUs = trace::nowMicros() - t0;
    if (rec.output.size() > pipeline.options().maxListenerWrites) {
        const Dispatch& d = rec.dispatch;
        throw EngineError("listener '" + d.listener + "' (dispatch " + std::to_string(d.id) + ") wrote " +
                          std::to_string(rec.output.size()) + " changes, more than the limit of " +
                          std::to_string(pipeline.options().maxListenerWrites));
    }
}

DispatchRecord callListener(Pipeline& pipeline, ListenerHandler& handler, const Dispatch& d, ChangeList input) {
    DispatchRecord rec{d, std::move(input), {}, 0};
    ListenerInput view;
    viewOf(rec.input, view);
    invoke(pipeline, handler, rec, view);
    return rec;
}

// relativize() as a view into path (no allocation). An equal path is not
// below the topic: isBelow alone decides. Inline: called for every input.
inline std::string_view relativeView(const std::string& path, const std::string& topic) {
    const std::size_t n = topic.size();
    if (n != 0 && path.size() > n && path[n] == '.' &&
        state::paths::sameBytes(std::string_view(path).substr(0, n), topic)) {
        return std::string_view(path).substr(n + 1);
    }
    return path;
}

// Copies a view into a record's list in place: a reused record keeps its strings' buffers.
void copyInput(const ListenerInput& view, ChangeList& out) {
    for (std::size_t n = 0; n < view.size(); ++n) {
        if (n < out.size()) {
            out[n].path.assign(view[n].path);
            out[n].value = *view[n].value;
        } else {
            out.push_back({std::string(view[n].path), *view[n].value});
        }
    }
    out.resize(view.size());
}

// forwarded: indices into `log`, the run's listener output so far, of the
// changes that reach d (already matched against its topic), in log order.
void fillInput(const Dispatch& d, const ChangeList& runChanges, const std::vector<const Change*>& log,
               const std::vector<std::uint32_t>& forwarded, ListenerInput& input) {
    input.clear();
    for (auto id : d.inputChangeIds) {
        input.push_back({relativeView(runChanges[id].path, d.topic), &runChanges[id].value});
    }
    for (auto i : forwarded) {
        input.push_back({relativeView(log[i]->path, d.topic), &log[i]->value});
    }
}

// What the input buffer holds: the input of `dispatch` with `forwarded` of
// its forwarded changes (see fillInput).
struct FilledInput {
    const Dispatch* dispatch = nullptr;
    const std::vector<std::uint32_t>* pending = nullptr;
    std::size_t forwarded = 0;
};

// Whether the buffer filled for `filled` starts with d's input: the same
// topic and run changes, and the forwarded changes it held lead d's. Then
// only the rest of d's forwarded changes need adding: listeners sharing a
// topic (ten on "catalog" in the e-commerce suite) see most of the run each,
// and each sees the one before it plus that one's output.
bool inputLeads(const FilledInput& filled, const Dispatch& d, const std::vector<std::uint32_t>& forwarded) {
    if (filled.dispatch == nullptr || filled.forwarded > forwarded.size() ||
        !state::paths::sameBytes(filled.dispatch->topic, d.topic) ||
        filled.dispatch->inputChangeIds != d.inputChangeIds) {
        return false;
    }
    return std::equal(forwarded.begin(), forwarded.begin() + static_cast<std::ptrdiff_t>(filled.forwarded),
                      filled.pending->begin());
}

// fillInput for d, reusing what the buffer holds when it leads d's input.
void fillInputAfter(FilledInput& filled, const Dispatch& d, const ChangeList& runChanges,
                    const std::vector<const Change*>& log, const std::vector<std::uint32_t>& forwarded,
                    ListenerInput& input) {
    if (inputLeads(filled, d, forwarded)) {
        for (std::size_t k = filled.forwarded; k < forwarded.size(); ++k) {
            const Change* c = log[forwarded[k]];
            input.push_back({relativeView(c->path, d.topic), &c->value});
        }
    } else {
        fillInput(d, runChanges, log, forwarded, input);
    }
    filled = {&d, &forwarded, forwarded.size()};
}

// Hands each change a producer wrote to the receivers it reaches: its targets
// (cascade and propagation) whose topic matches, found through the topic index.
void forwardOutput(const ExecutionPlan& plan, std::uint32_t producer, const std::vector<const Change*>& log,
                   std::uint32_t first, ForwardScratch& scratch) {
    for (auto target : plan.cascade[producer]) {
        scratch.targetOf[target] = producer + 1;
    }
    for (const auto& target : plan.propagation[producer]) {
        scratch.targetOf[target.dispatch] = producer + 1;
    }
    if (scratch.logHints.size() < log.size()) {
        scratch.logHints.resize(log.size(), PathIdTable::kNone);
    }
    for (auto i = first; i < log.size(); ++i) {
        for (auto receiver : scratch.topics.matches(log[i]->path, scratch.logHints[i])) {
            if (scratch.targetOf[receiver] == producer + 1) {
                scratch.pending[receiver].push_back(i);
            }
        }
    }
}

void runPlan(Pipeline& pipeline, const PrepareResult& prepared, ListenerHandler& handler, RunRecord& rec,
             bool recordInputs) {
    const ExecutionPlan& plan = prepared.plan;
    // The record's dispatch slots are overwritten in place, so their buffers are reused.
    rec.dispatches.resize(plan.dispatches.size());
    // Forwarding passes indices into one log of produced changes (pointers into
    // the records' outputs, stable once written), not copies per receiver.
    std::vector<const Change*> log;
    ForwardScratch& scratch = rec.forwardBuffer;
    bool indexed = false; // the topic index is built on first use: a lone dispatch forwards nothing
    const std::vector<std::uint32_t> none;
    ListenerInput& input = rec.inputBuffer; // one buffer for every call
    FilledInput filled;                     // what it holds
    for (const auto& group : plan.groups) {
        for (auto id : group.dispatches) {
            const Dispatch& d = plan.dispatches[id];
            DispatchRecord& r = rec.dispatches[id]; // ids follow execution order
            assignDispatch(r.dispatch, d);
            fillInputAfter(filled, d, prepared.changes, log, indexed ? scratch.pending[id] : none, input);
            if (recordInputs) {
                copyInput(input, r.input);
            } else {
                r.input.clear();
            }
            invoke(pipeline, handler, r, input);
            const ChangeList& produced = r.output;
            if (produced.empty() || (plan.cascade[id].empty() && plan.propagation[id].empty())) {
                continue;
            }
            if (!indexed) {
                scratch.reset(plan);
                indexed = true;
            }
            const auto first = static_cast<std::uint32_t>(log.size());
            for (const auto& c : produced) {
                log.push_back(&c);
            }
            forwardOutput(plan, id, log, first, scratch);
        }
    }
}

void runLegacy(Pipeline& pipeline, ListenerHandler& handler, RunRecord& rec) {
    json::Array levels;
    LegacyLevel level = pipeline.createDispatchPlan();
    ++rec.calls;
    while (!level.empty()) {
        levels.push_back(level.toJson());
        std::vector<DispatchOutput> produced;
        ChangeList earlier; // output of this level's earlier dispatches, every group
        for (const auto& group : level.groups) {
            for (const auto& entry : group) {
                ChangeList input = entry.input;
                for (const auto& c : earlier) {
                    if (topicMatches(c.path, entry.dispatch.topic)) {
                        input.push_back({relativize(c.path, entry.dispatch.topic), c.value});
                    }
                }
                rec.dispatches.push_back(callListener(pipeline, handler, entry.dispatch, std::move(input)));
                const ChangeList& out = rec.dispatches.back().output;
                earlier.insert(earlier.end(), out.begin(), out.end());
                produced.push_back({entry.dispatch.id, out});
            }
        }
        level = pipeline.routeProducedChanges(level.level, produced);
        ++rec.calls;
    }
    if (!levels.empty()) {
        json::Object plan;
        plan.emplace_back("levels", json::Value(std::move(levels)));
        rec.executionPlan = json::Value(std::move(plan));
    }
}

} // namespace

ChangeList dispatchInput(const Dispatch& d, const ChangeList& runChanges, const ChangeList& forwarded) {
    ChangeList input;
    input.reserve(d.inputChangeIds.size() + forwarded.size());
    for (auto id : d.inputChangeIds) {
        input.push_back({relativize(runChanges[id].path, d.topic), runChanges[id].value});
    }
    for (const auto& c : forwarded) {
        if (topicMatches(c.path, d.topic)) {
            input.push_back({relativize(c.path, d.topic), c.value});
        }
    }
    return input;
}

void runBatchInto(RunRecord& rec, Pipeline& pipeline, const ChangeList& batch, ListenerHandler& handler,
                  Strategy strategy, RecordOptions options) {
    rec.input = batch;
    // The record receives the pipeline's results by swap after finalize (no copy).
    const PrepareResult& prepared = pipeline.prepare(batch);
    rec.executionPlan = json::Value();
    if (strategy == Strategy::Legacy) {
        rec.dispatches.clear();
    }
    rec.calls = 1;
    try {
        if (strategy == Strategy::Plan) {
            runPlan(pipeline, prepared, handler, rec, options.inputs);
            if (options.planJson && !prepared.plan.empty()) {
                rec.executionPlan = prepared.plan.toJson();
            }
        } else {
            runLegacy(pipeline, handler, rec);
        }
        rec.stages = pipeline.stageTraces();
        // The outputs travel to finalize by move and come back into the records.
        std::vector<DispatchOutput> outputs;
        outputs.reserve(rec.dispatches.size());
        for (auto& r : rec.dispatches) {
            outputs.push_back({r.dispatch.id, std::move(r.output)});
        }
        pipeline.finalize(outputs);
        for (std::size_t i = 0; i < outputs.size(); ++i) {
            rec.dispatches[i].output = std::move(outputs[i].changes);
        }
        pipeline.exchangeResults(rec.prepared, rec.finalized);
        ++rec.calls;
    } catch (...) {
        pipeline.abort();
        throw;
    }
}

RunRecord runBatch(Pipeline& pipeline, const ChangeList& batch, ListenerHandler& handler, Strategy strategy) {
    RunRecord rec;
    runBatchInto(rec, pipeline, batch, handler, strategy, RecordOptions{});
    return rec;
}

void ForwardScratch::reset(const ExecutionPlan& plan) {
    topics.build(plan.dispatches);
    pending.resize(plan.dispatches.size());
    for (auto& list : pending) {
        list.clear();
    }
    targetOf.assign(plan.dispatches.size(), 0);
}

} // namespace bi::pipeline
