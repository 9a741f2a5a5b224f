// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineSession.h"

#include "BinaryResultWriter.h"
#include "CompactPlan.h"
#include "api/Commands.h"
#include "core/EngineError.h"
#include "pipeline/JsonBuild.h"
#include "pipeline/PipelineApi.h"

#include <unordered_set>

namespace bi::wasm {

namespace {

pipeline::PipelineOptions optionsFor(const pipeline::Scenario& scenario, std::size_t maxListenerWrites) {
    api::RunOptions options;
    options.maxListenerWrites = maxListenerWrites;
    return api::pipelineOptionsFor(scenario, options);
}

json::Value listenerJson(const pipeline::ScenarioListener& l) {
    json::Array produce;
    for (const auto& rule : l.produce) {
        json::Object r;
        pipeline::addMember(r, "path", json::Value(rule.path));
        // A literal value wins over fromChange, as in ScenarioListeners::call.
        if (rule.value) {
            pipeline::addMember(r, "value", rule.value->toJson());
        } else {
            pipeline::addMember(r, "from_change", json::Value(*rule.fromChange));
        }
        pipeline::addMember(r, "when", json::Value(rule.when.has_value()));
        produce.emplace_back(std::move(r));
    }
    json::Object o;
    pipeline::addMember(o, "id", json::Value(l.spec.id));
    pipeline::addMember(o, "produce", json::Value(std::move(produce)));
    return json::Value(std::move(o));
}

// The report's record of one dispatch, its dispatch filled in later (report()): its
// id, what the host said it handed the listener, what the listener wrote.
pipeline::DispatchRecord dispatchRecord(pipeline::DispatchOutput& output,
                                        std::optional<pipeline::ChangeList>& input) {
    pipeline::DispatchRecord rec;
    rec.dispatch.id = output.dispatch;
    rec.output = std::move(output.changes);
    if (input) {
        rec.input = std::move(*input);
    }
    return rec;
}

} // namespace

PipelineSession::PipelineSession(std::string_view scenarioText, std::size_t maxListenerWrites)
    : scenario_(pipeline::parseScenario(scenarioText)),
      pipeline_(scenario_.state, optionsFor(scenario_, maxListenerWrites)) {
    registrationChanges_ = api::registerScenario(pipeline_, scenario_);
    for (const auto& l : scenario_.listeners) {
        listenerById_[l.spec.id] = &l;
        for (const auto& rule : l.produce) {
            anyGuard_ = anyGuard_ || rule.when.has_value();
        }
    }
}

json::Value PipelineSession::describe() const {
    json::Array batches;
    for (const auto& batch : scenario_.batches) {
        batches.push_back(pipeline::toJson(batch));
    }
    json::Array listeners;
    for (const auto& l : scenario_.listeners) {
        listeners.push_back(listenerJson(l));
    }
    json::Object o;
    pipeline::addMember(o, "name", json::Value(scenario_.name));
    pipeline::addMember(o, "max_listener_writes",
                        json::Value(static_cast<double>(pipeline_.options().maxListenerWrites)));
    pipeline::addMember(o, "batches", json::Value(std::move(batches)));
    pipeline::addMember(o, "listeners", json::Value(std::move(listeners)));
    return json::Value(std::move(o));
}

template <typename Body> json::Value PipelineSession::abortOnError(Body&& body) {
    try {
        return body();
    } catch (...) {
        abort();
        throw;
    }
}

void PipelineSession::prepareRun(pipeline::ChangeList batch, PlanForm form) {
    // The pipeline refuses a second open run itself; keep the open run's record then.
    // Its result stays the pipeline's until finalize (prepared()).
    prepared_ = &pipeline_.prepare(batch);
    current_ = pipeline::RunRecord{};
    current_.input = std::move(batch);
    current_.calls = 1;
    levels_.clear();
    legacy_ = form == PlanForm::None;
    form_ = form;
}

// Only the answers of the call that prepared the run read it (ChangeListCall), so it is set.
const pipeline::PrepareResult& PipelineSession::prepared() const {
    return *prepared_;
}

json::Value PipelineSession::planAnswer() const {
    const pipeline::ExecutionPlan& plan = prepared().plan;
    if (plan.empty()) {
        return json::Value();
    }
    // The report writes the plan again from the plan the run keeps (report()), so
    // that no copy is made on this per-batch path.
    return form_ == PlanForm::Full ? plan.toJson() : compactPlanJson(plan);
}

const char* PipelineSession::planKey() const {
    return form_ == PlanForm::Full ? "execution_plan" : form_ == PlanForm::Compact ? "plan" : nullptr;
}

json::Value PipelineSession::prepareAnswer() {
    return abortOnError([&] {
        const pipeline::PrepareResult& p = prepared();
        json::Object out;
        pipeline::addMember(out, "changes", pipeline::toJson(p.changes));
        pipeline::addMember(out, "concern_changes", pipeline::toJson(p.concernChanges));
        if (const char* key = planKey()) {
            pipeline::addMember(out, key, planAnswer());
        }
        pipeline::addMember(out, "guards", guardsFor(p.plan));
        return json::Value(std::move(out));
    });
}

void PipelineSession::writePrepareAnswerJson(std::string& out) {
    abortOnError([&] {
        const pipeline::PrepareResult& p = prepared();
        out += "{\"changes\":";
        json::write(pipeline::toJson(p.changes), out);
        out += ",\"concern_changes\":";
        json::write(pipeline::toJson(p.concernChanges), out);
        if (const char* key = planKey()) {
            out += ",\"";
            out += key;
            out += "\":";
            if (p.plan.empty()) {
                out += "null";
            } else if (form_ == PlanForm::Compact) {
                writeCompactPlanJson(p.plan, out); // the plan is most of the answer: no json::Value for it
            } else {
                json::write(p.plan.toJson(), out);
            }
        }
        out += ",\"guards\":";
        json::write(guardsFor(p.plan), out);
        out += '}';
        return json::Value();
    });
}

void PipelineSession::writePrepareAnswer(BinaryResultWriter& out) {
    abortOnError([&] {
        const pipeline::PrepareResult& p = prepared();
        const char* key = planKey();
        out.beginObject(key != nullptr ? 4 : 3);
        out.key("changes");
        // Only a 'BIC1' input comes here (EngineBindings' callBinary), which the host wrote from its
        // own change list: the answer can name the input changes it repeats.
        out.changesReferring(p.changes, current_.input);
        out.key("concern_changes");
        out.changes(p.concernChanges);
        if (key != nullptr) {
            out.key(key);
            if (form_ == PlanForm::Compact && !p.plan.empty()) {
                out.compactPlan(p.plan); // the plan is most of the answer: no json::Value for it
            } else {
                out.value(planAnswer());
            }
        }
        out.key("guards");
        out.value(guardsFor(p.plan));
        return json::Value();
    });
}

json::Value PipelineSession::guardsFor(const pipeline::ExecutionPlan& plan) const {
    json::Value guards = json::Value::object();
    if (!anyGuard_) {
        return guards; // no listener has a `when` rule: nothing to evaluate per batch
    }
    std::unordered_set<std::string> done;
    for (const auto& d : plan.dispatches) {
        if (!done.insert(d.listener).second) {
            continue;
        }
        // The handler of an id is its last listener, as in ScenarioListeners.
        auto it = listenerById_.find(d.listener);
        if (it == listenerById_.end()) {
            continue;
        }
        bool any = false;
        json::Array values;
        for (const auto& rule : it->second->produce) {
            any = any || rule.when.has_value();
            values.emplace_back(!rule.when || rule.when->evaluate(pipeline_.shadow()));
        }
        if (any) {
            guards.set(d.listener, json::Value(std::move(values)));
        }
    }
    return guards;
}

json::Value PipelineSession::createDispatchPlan() {
    return abortOnError([&] {
        pipeline::LegacyLevel level = pipeline_.createDispatchPlan();
        ++current_.calls;
        legacy_ = true;
        json::Value out = level.toJson();
        if (!level.empty()) {
            levels_.push_back(out);
        }
        return out;
    });
}

json::Value PipelineSession::routeProducedChanges(std::size_t level, const json::Value& produced) {
    return abortOnError(
        [&] { return routeParsed(level, pipeline::api::outputsFromJson(produced, "produced")); });
}

json::Value PipelineSession::routeProducedChanges(std::size_t level,
                                                  const std::vector<pipeline::DispatchOutput>& produced) {
    return abortOnError([&] { return routeParsed(level, produced); });
}

json::Value PipelineSession::routeParsed(std::size_t level,
                                         const std::vector<pipeline::DispatchOutput>& produced) {
    pipeline::LegacyLevel next = pipeline_.routeProducedChanges(level, produced);
    ++current_.calls;
    json::Value out = next.toJson();
    if (!next.empty()) {
        levels_.push_back(out);
    }
    return out;
}

void PipelineSession::checkDispatchId(std::uint32_t id) const {
    if (id >= pipeline_.currentPlan().dispatches.size()) {
        throw EngineError("finalize: unknown dispatch id " + std::to_string(id));
    }
}

ListenerOutputs PipelineSession::outputsFromJson(const json::Value& outputs) const {
    ListenerOutputs out;
    out.outputs = pipeline::api::outputsFromJson(outputs, "outputs");
    out.inputs.resize(out.outputs.size());
    for (std::size_t i = 0; i < out.outputs.size(); ++i) {
        checkDispatchId(out.outputs[i].dispatch);
        if (const json::Value* input = outputs.asArray()[i].find("input")) {
            out.inputs[i] = pipeline::changesFromJson(*input, "outputs[" + std::to_string(i) + "].input");
        }
    }
    return out;
}

json::Value PipelineSession::finalize(const json::Value& outputs) {
    return abortOnError([&] {
        finalizeParsed(outputsFromJson(outputs));
        json::Object o;
        pipeline::addMember(o, "final_changes", pipeline::toJson(lastFinalChanges()));
        return json::Value(std::move(o));
    });
}

void PipelineSession::finalizeRun(ListenerOutputs outputs) {
    abortOnError([&] {
        finalizeParsed(std::move(outputs));
        return json::Value();
    });
}

void PipelineSession::finalizeParsed(ListenerOutputs outputs) {
    for (const auto& o : outputs.outputs) {
        checkDispatchId(o.dispatch);
    }
    outputs.inputs.resize(outputs.outputs.size());
    current_.stages = pipeline_.stageTraces();
    pipeline_.finalize(outputs.outputs);
    // The run's results move into its record; the outputs too, once applied.
    pipeline_.exchangeResults(current_.prepared, current_.finalized);
    ++current_.calls;
    current_.dispatches.reserve(outputs.outputs.size());
    for (std::size_t i = 0; i < outputs.outputs.size(); ++i) {
        current_.dispatches.push_back(dispatchRecord(outputs.outputs[i], outputs.inputs[i]));
    }
    // The report's execution_plan for legacy: the levels as routed (for plan, report()
    // writes the prepared plan).
    if (legacy_ && !levels_.empty()) {
        json::Object levels;
        levels.emplace_back("levels", json::Value(std::move(levels_)));
        current_.executionPlan = json::Value(std::move(levels));
    }
    legacyRuns_.push_back(legacy_);
    recordsPending_.push_back(true);
    levels_ = {};
    runs_.push_back(std::move(current_));
    current_ = {};
}

const pipeline::ChangeList& PipelineSession::lastFinalChanges() const {
    return runs_.back().finalized.finalChanges; // finalizeRun has just added it
}

void PipelineSession::abort() {
    pipeline_.abort();
    current_ = {};
    levels_ = {};
}

json::Value PipelineSession::report() {
    for (std::size_t i = 0; i < runs_.size(); ++i) {
        pipeline::RunRecord& run = runs_[i];
        if (recordsPending_[i]) {
            for (auto& rec : run.dispatches) {
                rec.dispatch = run.prepared.plan.dispatches[rec.dispatch.id];
            }
            recordsPending_[i] = false;
        }
        if (!legacyRuns_[i] && run.executionPlan.isNull() && !run.prepared.plan.empty()) {
            run.executionPlan = run.prepared.plan.toJson();
        }
    }
    return api::runReport(scenario_.name, registrationChanges_, runs_, pipeline_, false);
}

} // namespace bi::wasm
