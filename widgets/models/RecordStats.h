// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/TimingRecord.h"

#include <QString>

#include <functional>
#include <vector>

// Distributions of timing records: what the box plots, the summary and the
// old-vs-new comparison print. Percentiles interpolate linearly between ranks.
class RecordStats {
public:
    struct Box {
        int count = 0;
        double min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
        double p95 = 0, p99 = 0, mean = 0;
        std::vector<double> outliers; // beyond 1.5 IQR from the box
    };
    using Field = std::function<double(const bi::trace::TimingRecord&)>;

    static double percentile(const std::vector<double>& sorted, double p);
    static Box box(std::vector<double> values);
    static std::vector<double> values(const std::vector<bi::trace::TimingRecord>& records, const Field& field);
    static Box totals(const std::vector<bi::trace::TimingRecord>& records);
    // new / old of the medians; 0 when old is 0.
    static double ratio(double oldValue, double newValue);
};
