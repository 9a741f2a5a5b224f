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

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bi::wasm {

class BinaryResultWriter;

// Listener output as finalize and routeProducedChanges take it, whichever codec carried
// it (JSON text and direct objects through json::Value, the binary codec's 'BIO1'
// layout straight from wasm memory: BinaryChangeReader::readOutputs).
struct ListenerOutputs {
    std::vector<pipeline::DispatchOutput> outputs; // in execution order
    // By output: what the host handed the listener, when it sent it (for the report only).
    std::vector<std::optional<pipeline::ChangeList>> inputs;
};

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
    // in the binary layout, its change lists from the state values and the compact plan
    // as value tag 9 (BinaryResultWriter::compactPlan).
    void prepareRun(pipeline::ChangeList batch, PlanForm form);
    json::Value prepareAnswer();
    void writePrepareAnswerJson(std::string& out);
    void writePrepareAnswer(BinaryResultWriter& out);
    json::Value createDispatchPlan();
    json::Value routeProducedChanges(std::size_t level, const json::Value& produced);
    json::Value routeProducedChanges(std::size_t level,
                                     const std::vector<pipeline::DispatchOutput>& produced);
    // outputs: [{"dispatch_id","changes","input"?}] in execution order; "input" is what
    // the host handed the listener, kept for the report only. Answers {"final_changes"}.
    json::Value finalize(const json::Value& outputs);
    // The same from outputs already decoded; the answer's change list is then
    // lastFinalChanges() (call it only after a finalizeRun that succeeded).
    void finalizeRun(ListenerOutputs outputs);
    [[nodiscard]] const pipeline::ChangeList& lastFinalChanges() const;
    void abort();

    // The `bi run` report of every finalized run so far (fills in the plan runs' plan JSON).
    [[nodiscard]] json::Value report();

  private:
    json::Value guardsFor(const pipeline::ExecutionPlan& plan) const;
    // The open run's prepare result: the pipeline's own until finalize hands it to the
    // run's record (Pipeline::exchangeResults), so that no copy is made per run.
    [[nodiscard]] const pipeline::PrepareResult& prepared() const;
    // finalize's JSON input decoded, each output's dispatch id checked before its input is read.
    [[nodiscard]] ListenerOutputs outputsFromJson(const json::Value& outputs) const;
    void checkDispatchId(std::uint32_t id) const; // throws EngineError for an id not in the plan
    // The ops without abortOnError (their public callers wrap them, once).
    json::Value routeParsed(std::size_t level, const std::vector<pipeline::DispatchOutput>& produced);
    void finalizeParsed(ListenerOutputs outputs);
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
    const pipeline::PrepareResult* prepared_ = nullptr; // the pipeline's, see prepared()
    json::Array levels_; // legacy: every non-empty level handed out in this run
    bool legacy_ = false;
    PlanForm form_ = PlanForm::Full; // of the open run's prepare
    std::unordered_map<std::string, const pipeline::ScenarioListener*> listenerById_;
    bool anyGuard_ = false;        // some listener has a `when` rule (guardsFor has work to do)
    std::vector<bool> legacyRuns_; // by run: the report's execution_plan is its levels
    // By run: whether its dispatch records still carry only the dispatch id (filled in
    // from the run's plan by report(), off the per-run path).
    std::vector<bool> recordsPending_;
};

} // namespace bi::wasm
