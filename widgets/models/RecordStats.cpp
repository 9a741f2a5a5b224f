// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecordStats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

double RecordStats::percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) {
        return 0;
    }
    const double rank = std::clamp(p, 0.0, 1.0) * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(rank));
    const auto hi = static_cast<std::size_t>(std::ceil(rank));
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - static_cast<double>(lo));
}

RecordStats::Box RecordStats::box(std::vector<double> values) {
    Box b;
    if (values.empty()) {
        return b;
    }
    std::sort(values.begin(), values.end());
    b.count = static_cast<int>(values.size());
    b.q1 = percentile(values, 0.25);
    b.median = percentile(values, 0.5);
    b.q3 = percentile(values, 0.75);
    b.p95 = percentile(values, 0.95);
    b.p99 = percentile(values, 0.99);
    b.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
    const double iqr = b.q3 - b.q1;
    const double low = b.q1 - 1.5 * iqr;
    const double high = b.q3 + 1.5 * iqr;
    b.min = b.q1;
    b.max = b.q3;
    for (double v : values) {
        if (v < low || v > high) {
            b.outliers.push_back(v);
        } else {
            b.min = std::min(b.min, v);
            b.max = std::max(b.max, v);
        }
    }
    return b;
}

std::vector<double> RecordStats::values(const std::vector<bi::trace::TimingRecord>& records, const Field& field) {
    std::vector<double> out;
    out.reserve(records.size());
    for (const auto& r : records) {
        out.push_back(field(r));
    }
    return out;
}

RecordStats::Box RecordStats::totals(const std::vector<bi::trace::TimingRecord>& records) {
    return box(values(records, [](const bi::trace::TimingRecord& r) { return r.total; }));
}

double RecordStats::ratio(double oldValue, double newValue) {
    return oldValue > 0 ? newValue / oldValue : 0;
}
