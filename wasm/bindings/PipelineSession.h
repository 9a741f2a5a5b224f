// SPDX-License-Identifier: GPL-3.0-or-later
// One loaded scenario on the wasm side of the boundary: its registrations and
// state live in a Pipeline, the listeners run in the JS host. The host calls
// the crossing-level API (engine/pipeline/PipelineApi.h) batch by batch; the
// session records each run as the native RunDriver does, so that report()
// writes the bytes `bi run` prints.
#pragma once

#include "core/Json.h"
#include "pipeline/Pipeline.h"
#include "pipeline/RunDriver.h"
#include "pipeline/Scenario.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bi::wasm {

class BinaryResultWriter;

// What prepare answers with: no plan (the legacy flow's processChanges), the plan as
// ExecutionPlan::toJson ("execution_plan", the serve protocol's prepare), or the
// linear crossing form of CompactPlan.h ("plan", the host's preparePlan).
enum class PlanForm { None, Full, Compact };

class PipelineSession {
  public:
    // Parses and registers the scenario. Throws EngineError (or json::ParseError) as `bi run` does.
    explicit PipelineSession(std::string_view scenarioText, std::size_t maxListenerWrites = 0);

    // {"name","max_listener_writes","batches":[[{path,value}]],"listeners":[{"id",
    //  "produce":[{"path","value"|"from_change","when":bool}]}]}: what the host needs to
    // build its handlers and send the batches.
    [[nodiscard]] json::Value describe() const;

    // prepare(batch) in its two phases, so that each codec decodes straight into the
    // change list and writes the answer its own way (ChangeListCall.h): prepareRun is
    // the engine's work, prepareAnswer the answer
    //   {"changes","concern_changes","execution_plan","guards"}; guards
    // maps each planned listener with `when` rules to one boolean per produce rule,
    // evaluated on the state after the declarative stages (the state listeners see).
    // Without the plan (the legacy flow's processChanges, which gets its dispatches level
    // by level from createDispatchPlan) the answer is {"changes","concern_changes","guards"};
    // PlanForm::Compact answers "plan" (CompactPlan.h) in place of "execution_plan".
    // writePrepareAnswerJson appends the answer's JSON text (json::write(prepareAnswer())),
    // the compact plan written straight from the plan; writePrepareAnswer writes the same
    // in the binary layout, its change lists from the state values.
    void prepareRun(pipeline::ChangeList batch, PlanForm form);
    json::Value prepareAnswer();
    void writePrepareAnswerJson(std::string& out);
    void writePrepareAnswer(BinaryResultWriter& out);
    json::Value createDispatchPlan();
    json::Value routeProducedChanges(std::size_t level, const json::Value& produced);
    // outputs: [{"dispatch_id","changes","input"?}] in execution order; "input" is what
    // the host handed the listener, kept for the report only.
    json::Value finalize(const json::Value& outputs);
    void abort();

    // The `bi run` report of every finalized run so far (fills in the plan runs' plan JSON).
    [[nodiscard]] json::Value report();

  private:
    json::Value guardsFor(const pipeline::ExecutionPlan& plan) const;
    // The answer's plan member: its key (nullptr for PlanForm::None) and value.
    [[nodiscard]] const char* planKey() const;
    [[nodiscard]] json::Value planAnswer() const;
    // Runs `body`; any exception aborts the open run first.
    template <typename Body> json::Value abortOnError(Body&& body);

    pipeline::Scenario scenario_;
    pipeline::Pipeline pipeline_;
    pipeline::ChangeList registrationChanges_; // what registering the scenario wrote
    std::vector<pipeline::RunRecord> runs_;
    pipeline::RunRecord current_;
    json::Array levels_; // legacy: every non-empty level handed out in this run
    bool legacy_ = false;
    PlanForm form_ = PlanForm::Full; // of the open run's prepare
    std::unordered_map<std::string, const pipeline::ScenarioListener*> listenerById_;
    bool anyGuard_ = false;        // some listener has a `when` rule (guardsFor has work to do)
    std::vector<bool> legacyRuns_; // by run: the report's execution_plan is its levels
};

} // namespace bi::wasm
