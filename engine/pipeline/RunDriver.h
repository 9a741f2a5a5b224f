// SPDX-License-Identifier: GPL-3.0-or-later
// A C++ host for one run: calls the pipeline's crossings, runs the listeners
// through a ListenerHandler, and records what each dispatch saw and wrote.
#pragma once

#include "pipeline/ListenerHandler.h"
#include "pipeline/Pipeline.h"
#include "pipeline/TopicIndex.h"

namespace bi::pipeline {

struct DispatchRecord {
    Dispatch dispatch;
    ChangeList input;
    ChangeList output;
    double durationUs = 0;
};

// runBatchInto's forwarding buffers, kept in the record for their capacity.
struct ForwardScratch {
    TopicIndex topics;                              // the plan's dispatches by topic
    std::vector<std::vector<std::uint32_t>> pending; // per receiver: log indices forwarded to it
    std::vector<std::uint32_t> targetOf;           // per receiver: producer + 1 while it is a target
    std::vector<std::uint32_t> logHints;           // per log position: topics.matches's hint (kept)
    void reset(const ExecutionPlan& plan);
};

struct RunRecord {
    ChangeList input;
    PrepareResult prepared;
    json::Value executionPlan; // the plan, or for legacy {"levels":[…as routed]}
    std::vector<DispatchRecord> dispatches;
    FinalizeResult finalized;
    int calls = 0;
    std::vector<StageTrace> stages;
    ListenerInput inputBuffer; // runBatchInto's scratch for listener inputs, kept for its capacity
    ForwardScratch forwardBuffer;
};

enum class Strategy { Plan, Legacy };

// On any error the run is aborted (the shadow is as before) and the error rethrown.
RunRecord runBatch(Pipeline& pipeline, const ChangeList& batch, ListenerHandler& handler, Strategy strategy);
// What runBatchInto writes into the record besides the results and outputs.
struct RecordOptions {
    // rec.executionPlan for the plan strategy (the plan itself is always in rec.prepared.plan).
    bool planJson = true;
    // Copies of each dispatch's input in rec.dispatches[i].input. Without them
    // the record still determines every input: the plan's input ids and
    // forwarding maps with the outputs (see dispatchInput).
    bool inputs = true;
};

// The same into an existing record whose buffers are reused (a host running
// many batches).
void runBatchInto(RunRecord& rec, Pipeline& pipeline, const ChangeList& batch, ListenerHandler& handler,
                  Strategy strategy, RecordOptions options);

// The handler input of dispatch d given the run changes and forwarded output.
ChangeList dispatchInput(const Dispatch& d, const ChangeList& runChanges, const ChangeList& forwarded);

} // namespace bi::pipeline
