// SPDX-License-Identifier: GPL-3.0-or-later
#include "StageModel.h"
#include "JsonFields.h"

using bi::json::Value;
using namespace bi::models;

StageModel::StageModel(QObject* parent)
    : OutlineModel({tr("Run / stage / skipped path"), tr("Matched"), tr("Produced"), tr("Skipped"), tr("µs")},
                   parent) {}

void StageModel::setResult(const Value& result) {
    reset([&result](Row& root) {
        const Value* runs = arrayField(result, "runs");
        if (runs == nullptr) {
            return;
        }
        for (std::size_t r = 0; r < runs->asArray().size(); ++r) {
            const Value& run = runs->asArray()[r];
            auto& runRow = root.add({QStringLiteral("run %1").arg(r), QString::number(countField(run, "input")),
                                     QString::number(countField(run, "changes")), {}, {}},
                                    QString::number(r));
            const Value* trace = run.find("trace");
            const Value* stages = trace != nullptr ? arrayField(*trace, "stages") : nullptr;
            if (stages == nullptr) {
                runRow.toolTip = tr("This run has no trace: stages appear when the engine traces runs.");
                continue;
            }
            for (const auto& stage : stages->asArray()) {
                const Value* skipped = arrayField(stage, "skipped");
                const int skippedCount = skipped != nullptr ? static_cast<int>(skipped->asArray().size())
                                                            : countField(stage, "skipped");
                auto& row = runRow.add({stringField(stage, "stage"), QString::number(countField(stage, "matched")),
                                        QString::number(countField(stage, "produced")),
                                        QString::number(skippedCount),
                                        QString::number(numberField(stage, "duration_us"), 'f', 1)},
                                       stringField(stage, "stage"));
                row.marked = skippedCount > 0;
                if (skipped != nullptr) {
                    for (const auto& s : skipped->asArray()) {
                        row.add({stringField(s, "path"), stringField(s, "reason"), {}, {}, {}},
                                stringField(s, "path"));
                    }
                }
            }
        }
    });
}
