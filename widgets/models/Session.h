// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/TimingRecord.h"

#include <QByteArray>
#include <QString>

#include <vector>

// A recorded comparison: the scenario it ran, the strategy, both engines'
// timing records and the result, saved as a versioned JSON file
// ("boundary-inspector/session@1") that reopens with its results.
class Session {
public:
    static constexpr int kVersion = 1;

    QString scenarioName;
    QByteArray scenarioText;
    QString strategy = QStringLiteral("plan");
    QString createdAt; // ISO 8601, UTC
    QString notes;
    std::vector<bi::trace::TimingRecord> native;
    std::vector<bi::trace::TimingRecord> wasm;
    QByteArray resultJson; // the engine's result document
    bool identical = false;
    QString wasmError;

    [[nodiscard]] QByteArray toJson() const;
    // Throws std::runtime_error naming what is wrong (bad JSON, wrong format or version).
    static Session fromJson(const QByteArray& bytes);
    [[nodiscard]] std::vector<bi::trace::TimingRecord> allRecords() const;
};
