// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/TimingRecord.h"

#include <QString>

#include <vector>

// Old vs new: medians per (engine, op, strategy) of two record sets and the
// ratio new/old (below 1: the new one is faster). Two sessions, or the old
// and new strategy of one run, compare the same way.
class SessionComparison {
public:
    struct Row {
        QString engine;
        QString op;
        QString oldStrategy;
        QString newStrategy;
        int oldCount = 0;
        int newCount = 0;
        double oldMedian = 0;
        double newMedian = 0;
        double ratio = 0;
    };

    // Rows are matched by engine and op (strategies may differ: legacy vs plan).
    static std::vector<Row> compare(const std::vector<bi::trace::TimingRecord>& oldRecords,
                                    const std::vector<bi::trace::TimingRecord>& newRecords);
    static QString toMarkdown(const std::vector<Row>& rows, const QString& oldLabel, const QString& newLabel);
};
