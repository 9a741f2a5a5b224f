// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExecutionPlanModel.h"
#include "ChangeEntry.h"
#include "JsonFields.h"

#include <map>

using bi::json::Value;
using namespace bi::models;

namespace {
const Value* producedChanges(const Value& dispatch) {
    const Value* out = dispatch.find("output");
    if (out != nullptr && out->isObject()) {
        out = out->find("changes");
    }
    return out != nullptr && out->isArray() ? out : nullptr;
}

void addChanges(OutlineModel::Row& parent, const Value* changes, const QString& origin) {
    if (changes == nullptr) {
        return;
    }
    for (const auto& c : ChangeEntry::fromJson(*changes, origin)) {
        parent.add({c.path, c.value, QString()}, c.path);
    }
}

void addDispatch(OutlineModel::Row& group, const QString& id, const Value* dispatch) {
    if (dispatch == nullptr) {
        group.add({QStringLiteral("dispatch %1").arg(id), QStringLiteral("(not in the run's dispatches)"), {}}, id);
        return;
    }
    const Value* produced = producedChanges(*dispatch);
    const int n = produced != nullptr ? static_cast<int>(produced->asArray().size()) : 0;
    auto& row = group.add({QStringLiteral("dispatch %1").arg(id), stringField(*dispatch, "listener"),
                           QString::number(n)},
                          QStringLiteral("dispatch:") + id);
    if (const Value* input = dispatch->find("input"); input != nullptr) {
        row.toolTip = QStringLiteral("input: ") + plainText(*input).left(400);
    }
    addChanges(row, produced, id);
}

QStringList groupIds(const Value& group) {
    QStringList ids;
    if (const Value* list = arrayField(group, "dispatch_ids")) {
        for (const auto& id : list->asArray()) {
            ids << plainText(id);
        }
    }
    return ids;
}
} // namespace

ExecutionPlanModel::ExecutionPlanModel(QObject* parent)
    : OutlineModel({tr("Group / dispatch / change"), tr("Listener / value"), tr("Produced")}, parent) {}

void ExecutionPlanModel::setCurrentStep(int step) {
    // Only the marks change: no rebuild, so a step stays cheap on big runs.
    currentStep_ = step;
    setMarkedKey(QString::number(step));
}

void ExecutionPlanModel::setResult(const Value& result) {
    reset([this, &result](Row& root) {
        const Value* runs = arrayField(result, "runs");
        if (runs == nullptr) {
            return;
        }
        int step = 1; // step 0 is the initial state
        for (std::size_t r = 0; r < runs->asArray().size(); ++r) {
            const Value& run = runs->asArray()[r];
            std::map<QString, const Value*> byId;
            if (const Value* ds = arrayField(run, "dispatches")) {
                for (const auto& d : ds->asArray()) {
                    byId[stringField(d, "dispatch_id")] = &d;
                }
            }
            const Value* trace = run.find("trace");
            const Value* groups = trace != nullptr ? arrayField(*trace, "groups") : nullptr;
            if (groups != nullptr && !groups->asArray().empty()) {
                for (std::size_t g = 0; g < groups->asArray().size(); ++g, ++step) {
                    const QStringList ids = groupIds(groups->asArray()[g]);
                    auto& row = root.add({QStringLiteral("run %1 · group %2").arg(r).arg(g),
                                          QStringLiteral("%1 dispatches").arg(ids.size()), {}},
                                         QString::number(step));
                    row.marked = step == currentStep_;
                    for (const QString& id : ids) {
                        auto it = byId.find(id);
                        addDispatch(row, id, it == byId.end() ? nullptr : it->second);
                    }
                }
                continue;
            }
            const Value* changes = arrayField(run, "final_changes");
            auto& row = root.add({QStringLiteral("run %1").arg(r),
                                  byId.empty() ? QStringLiteral("no listener dispatched")
                                               : QStringLiteral("%1 dispatches").arg(byId.size()),
                                  QString::number(changes != nullptr ? changes->asArray().size() : 0)},
                                 QString::number(step));
            row.marked = step == currentStep_;
            ++step;
            for (const auto& [id, dispatch] : byId) {
                addDispatch(row, id, dispatch);
            }
            if (byId.empty()) {
                addChanges(row, changes, row.cells[0]);
            }
        }
    });
}
