// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunTimeline.h"

#include "JsonFields.h"
#include "JsonPaths.h"

#include <algorithm>

using bi::json::Value;
using namespace bi::models;

namespace {
QStringList idList(const Value* ids) {
    QStringList out;
    if (ids != nullptr && ids->isArray()) {
        for (const auto& id : ids->asArray()) {
            out << (id.isString() ? toQString(id.asString()) : toQString(bi::json::write(id)));
        }
    }
    return out;
}

Value applyDiff(const Value& state, const std::vector<ChangeEntry>&, const Value& diffJson) {
    Value next = state;
    if (!diffJson.isArray()) {
        return next;
    }
    for (const auto& c : diffJson.asArray()) {
        if (c.isObject() && c.find("path") != nullptr && c.find("path")->isString()) {
            const Value* value = c.find("value");
            assign(next, toQString(c.find("path")->asString()), value != nullptr ? *value : Value());
        } else if (c.isArray() && c.asArray().size() == 2 && c.asArray()[0].isString()) {
            assign(next, toQString(c.asArray()[0].asString()), c.asArray()[1]);
        }
    }
    return next;
}

void setCalls(RunTimeline::Step& s, const Value& run, int planCalls) {
    s.boundaryCalls = wholeField(run, "calls", -1);
    s.planCalls = planCalls;
    s.extraCalls = s.boundaryCalls >= 0 && planCalls >= 0 ? std::max(0, s.boundaryCalls - planCalls) : 0;
}
} // namespace

std::vector<int> RunTimeline::runCalls(const Value& result) {
    std::vector<int> out;
    const Value* runs = result.isObject() ? result.find("runs") : nullptr;
    if (runs != nullptr && runs->isArray()) {
        for (const auto& run : runs->asArray()) {
            out.push_back(wholeField(run, "calls", -1));
        }
    }
    return out;
}

int RunTimeline::totalCalls(const Value& result) {
    int total = -1;
    for (int c : runCalls(result)) {
        if (c >= 0) {
            total = std::max(total, 0) + c;
        }
    }
    return total;
}

RunTimeline RunTimeline::build(const Value& initialState, const Value& result, const QString& strategy,
                               const Value* planResult) {
    RunTimeline t;
    t.addInitialStep(initialState, result.find("registration_changes"));
    const Value* runs = result.find("runs");
    const bool isPlan = strategy == QLatin1String("plan");
    const std::vector<int> plan = isPlan                  ? runCalls(result)
                                  : planResult != nullptr ? runCalls(*planResult)
                                                          : std::vector<int>{};
    if (runs != nullptr && runs->isArray()) {
        for (std::size_t i = 0; i < runs->asArray().size(); ++i) {
            t.addRun(static_cast<int>(i), runs->asArray()[i], i < plan.size() ? plan[i] : -1);
        }
    }
    return t;
}

// Registration writes (initial syncs, computations, concerns) land before the first
// batch, so they belong to the initial state; the step's diff shows them.
void RunTimeline::addInitialStep(const Value& initialState, const Value* registrationChanges) {
    Step initial;
    initial.label = QStringLiteral("initial state");
    if (registrationChanges == nullptr || !registrationChanges->isArray() ||
        registrationChanges->asArray().empty()) {
        addStep(std::move(initial), &initialState);
        return;
    }
    initial.diff = ChangeEntry::fromJson(*registrationChanges, QStringLiteral("registration"));
    initial.label += QStringLiteral(" · registration wrote %1").arg(initial.diff.size());
    const Value registered = applyDiff(initialState, initial.diff, *registrationChanges);
    addStep(std::move(initial), &registered);
}

void RunTimeline::addStep(Step step, const Value* stateAfter) {
    step.state = std::make_shared<const Value>(*stateAfter);
    steps_.push_back(std::move(step));
}

void RunTimeline::addRun(int runIndex, const Value& run, int planCalls) {
    const Value* trace = run.find("trace");
    const Value* groups = trace != nullptr ? trace->find("groups") : nullptr;
    if (groups != nullptr && groups->isArray() && !groups->asArray().empty()) {
        for (std::size_t g = 0; g < groups->asArray().size(); ++g) {
            const Value& group = groups->asArray()[g];
            Step s;
            s.run = runIndex;
            s.group = static_cast<int>(g);
            s.label = QStringLiteral("run %1 · group %2").arg(runIndex).arg(g);
            s.dispatchIds = idList(group.find("dispatch_ids"));
            const Value* diff = group.find("diff");
            if (g == 0) {
                // The batch itself lands before the first group: show it with that step.
                if (const Value* input = run.find("input"); input != nullptr) {
                    s.diff = ChangeEntry::fromJson(*input, QStringLiteral("run %1 · input").arg(runIndex));
                }
            }
            if (diff != nullptr) {
                const auto produced = ChangeEntry::fromJson(*diff, s.label);
                s.diff.insert(s.diff.end(), produced.begin(), produced.end());
            }
            setCalls(s, run, planCalls);
            const Value* stateAfter = group.find("state_after");
            if (stateAfter != nullptr && !stateAfter->isNull()) {
                addStep(std::move(s), stateAfter);
            } else {
                const Value* input = g == 0 ? run.find("input") : nullptr;
                const Value withInput =
                    applyDiff(*steps_.back().state, s.diff, input != nullptr ? *input : Value());
                const Value next = applyDiff(withInput, s.diff, diff != nullptr ? *diff : Value());
                addStep(std::move(s), &next);
            }
        }
        return;
    }
    Step s;
    s.run = runIndex;
    s.group = 0;
    s.label = QStringLiteral("run %1").arg(runIndex);
    const Value* changes = run.find("final_changes");
    if (changes == nullptr || !changes->isArray()) {
        changes = run.find("changes");
    }
    s.diff = changes != nullptr ? ChangeEntry::fromJson(*changes, s.label) : std::vector<ChangeEntry>{};
    const Value* dispatches = run.find("dispatches");
    if (dispatches != nullptr && dispatches->isArray()) {
        for (const auto& d : dispatches->asArray()) {
            if (const Value* id = d.find("dispatch_id"); id != nullptr) {
                s.dispatchIds << (id->isString() ? toQString(id->asString())
                                                 : toQString(bi::json::write(*id)));
            }
        }
    }
    setCalls(s, run, planCalls);
    const Value next = applyDiff(*steps_.back().state, s.diff, changes != nullptr ? *changes : Value());
    addStep(std::move(s), &next);
}

std::vector<ChangeEntry> RunTimeline::allChanges() const {
    std::vector<ChangeEntry> out;
    for (const auto& s : steps_) {
        out.insert(out.end(), s.diff.begin(), s.diff.end());
    }
    return out;
}
