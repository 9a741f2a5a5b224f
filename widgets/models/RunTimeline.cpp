// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunTimeline.h"
#include "JsonPaths.h"

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

// Legacy asks the engine for a plan, then routes produced changes once per
// level; plan crosses once per run. Used when the trace does not count them.
int defaultCrossings(const QString& strategy, int groupIndex) {
    if (strategy == QLatin1String("legacy")) {
        return groupIndex == 0 ? 2 : 1;
    }
    return groupIndex == 0 ? 1 : 0;
}
} // namespace

RunTimeline RunTimeline::build(const Value& initialState, const Value& result, const QString& strategy) {
    RunTimeline t;
    Step initial;
    initial.label = QStringLiteral("initial state");
    t.steps_.push_back(std::move(initial));
    t.steps_.back().state = std::make_shared<const Value>(initialState);
    const Value* runs = result.find("runs");
    if (runs != nullptr && runs->isArray()) {
        for (std::size_t i = 0; i < runs->asArray().size(); ++i) {
            t.addRun(static_cast<int>(i), runs->asArray()[i], strategy);
        }
    }
    return t;
}

void RunTimeline::addStep(Step step, const Value* stateAfter) {
    step.state = std::make_shared<const Value>(*stateAfter);
    steps_.push_back(std::move(step));
}

void RunTimeline::addRun(int runIndex, const Value& run, const QString& strategy) {
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
            const Value* crossings = group.find("crossings");
            s.boundaryCalls = crossings != nullptr && crossings->isNumber()
                                  ? static_cast<int>(crossings->asNumber())
                                  : defaultCrossings(strategy, s.group);
            s.extraCalls = std::max(0, s.boundaryCalls - defaultCrossings(QStringLiteral("plan"), s.group));
            const Value* stateAfter = group.find("state_after");
            if (stateAfter != nullptr && !stateAfter->isNull()) {
                addStep(std::move(s), stateAfter);
            } else {
                const Value* input = g == 0 ? run.find("input") : nullptr;
                const Value withInput = applyDiff(*steps_.back().state, s.diff, input != nullptr ? *input : Value());
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
                s.dispatchIds << (id->isString() ? toQString(id->asString()) : toQString(bi::json::write(*id)));
            }
        }
    }
    const Value* calls = run.find("calls");
    s.boundaryCalls = calls != nullptr && calls->isNumber() ? static_cast<int>(calls->asNumber())
                                                            : defaultCrossings(strategy, 0);
    s.extraCalls = std::max(0, s.boundaryCalls - 1);
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
