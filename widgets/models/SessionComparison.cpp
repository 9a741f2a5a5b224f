// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionComparison.h"
#include "RecordStats.h"

#include <QTextStream>

#include <map>

using bi::trace::TimingRecord;

namespace {
using Key = std::pair<std::string, std::string>; // engine, op

std::map<Key, std::vector<TimingRecord>> byKey(const std::vector<TimingRecord>& records) {
    std::map<Key, std::vector<TimingRecord>> out;
    for (const auto& r : records) {
        out[{r.engine, r.op}].push_back(r);
    }
    return out;
}
} // namespace

std::vector<SessionComparison::Row> SessionComparison::compare(const std::vector<TimingRecord>& oldRecords,
                                                               const std::vector<TimingRecord>& newRecords) {
    const auto olds = byKey(oldRecords);
    const auto news = byKey(newRecords);
    std::vector<Row> rows;
    for (const auto& [key, oldList] : olds) {
        auto it = news.find(key);
        if (it == news.end()) {
            continue;
        }
        Row row;
        row.engine = QString::fromStdString(key.first);
        row.op = QString::fromStdString(key.second);
        row.oldStrategy = QString::fromStdString(oldList.front().strategy);
        row.newStrategy = QString::fromStdString(it->second.front().strategy);
        row.oldCount = static_cast<int>(oldList.size());
        row.newCount = static_cast<int>(it->second.size());
        row.oldMedian = RecordStats::totals(oldList).median;
        row.newMedian = RecordStats::totals(it->second).median;
        row.ratio = RecordStats::ratio(row.oldMedian, row.newMedian);
        rows.push_back(row);
    }
    return rows;
}

QString SessionComparison::toMarkdown(const std::vector<Row>& rows, const QString& oldLabel, const QString& newLabel) {
    QString out;
    QTextStream md(&out);
    md << "| engine | op | " << oldLabel << " median (µs) | " << newLabel << " median (µs) | ratio new/old |\n";
    md << "|---|---|---|---|---|\n";
    for (const auto& r : rows) {
        md << "| " << r.engine << " | " << r.op << " | " << QString::number(r.oldMedian, 'f', 2) << " | "
           << QString::number(r.newMedian, 'f', 2) << " | " << QString::number(r.ratio, 'f', 3) << "× |\n";
    }
    return out;
}
