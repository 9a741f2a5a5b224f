// SPDX-License-Identifier: GPL-3.0-or-later
#include "WarmUp.h"

#include "trace/TimingRecord.h"

#include <utility>

WarmUp::WarmUp(int budgetMs, Clock clock) : budgetMs_(budgetMs), clock_(std::move(clock)) {}

double WarmUp::now() const {
    return clock_ ? clock_() : bi::trace::nowMicros();
}

bool WarmUp::run(const std::function<bool()>& proceed, const std::function<void()>& once) {
    runs_ = 0;
    if (budgetMs_ <= 0) {
        return true;
    }
    const double end = now() + 1000.0 * budgetMs_;
    // The clock is read only after the first call: that one happens whatever the budget.
    while (runs_ == 0 || now() < end) {
        if (proceed && !proceed()) {
            return false;
        }
        once();
        ++runs_;
    }
    return true;
}
