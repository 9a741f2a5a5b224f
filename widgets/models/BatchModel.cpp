// SPDX-License-Identifier: GPL-3.0-or-later
#include "BatchModel.h"
#include "ChangeEntry.h"
#include "JsonFields.h"

using bi::json::Value;
using namespace bi::models;

BatchModel::BatchModel(QObject* parent) : OutlineModel({tr("Batch / path"), tr("Value")}, parent) {}

void BatchModel::setScenario(const Value& scenario) {
    reset([&scenario](Row& root) {
        const Value* batches = arrayField(scenario, "batches");
        if (batches == nullptr) {
            return;
        }
        for (std::size_t b = 0; b < batches->asArray().size(); ++b) {
            const Value& batch = batches->asArray()[b];
            const Value* changes = batch.isObject() ? arrayField(batch, "changes") : &batch;
            const auto entries = changes != nullptr ? ChangeEntry::fromJson(*changes, {}) : std::vector<ChangeEntry>{};
            auto& row = root.add({QStringLiteral("batch %1").arg(b), QStringLiteral("%1 changes").arg(entries.size())},
                                 QString::number(b));
            for (const auto& e : entries) {
                row.add({e.path, e.value}, e.path);
            }
        }
    });
}
