// SPDX-License-Identifier: GPL-3.0-or-later
// A C++ host for one run: calls the pipeline's crossings, runs the listeners
// through a ListenerHandler, and records what each dispatch saw and wrote.
#pragma once

#include "pipeline/ListenerHandler.h"
#include "pipeline/Pipeline.h"

namespace bi::pipeline {

struct DispatchRecord {
    Dispatch dispatch;
    ChangeList input;
    ChangeList output;
    double durationUs = 0;
};

struct RunRecord {
    ChangeList input;
    PrepareResult prepared;
    json::Value executionPlan; // the plan, or for legacy {"levels":[…as routed]}
    std::vector<DispatchRecord> dispatches;
    FinalizeResult finalized;
    int calls = 0;
    std::vector<StageTrace> stages;
};

enum class Strategy { Plan, Legacy };

// On any error the run is aborted (the shadow is as before) and the error rethrown.
RunRecord runBatch(Pipeline& pipeline, const ChangeList& batch, ListenerHandler& handler, Strategy strategy);
// The same into an existing record whose buffers are reused (a host running
// many batches). With planJson false, rec.executionPlan stays null for the
// plan strategy (the plan itself is in rec.prepared.plan).
void runBatchInto(RunRecord& rec, Pipeline& pipeline, const ChangeList& batch, ListenerHandler& handler,
                  Strategy strategy, bool planJson);

// The handler input of dispatch d given the run changes and forwarded output.
ChangeList dispatchInput(const Dispatch& d, const ChangeList& runChanges, const ChangeList& forwarded);

} // namespace bi::pipeline
