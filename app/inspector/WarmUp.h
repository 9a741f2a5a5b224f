// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

// The untimed runs before the timed ones, as the wasm host's warmUp()
// (wasm/host/warmup.mjs) makes them, so that both engines are timed warm: with
// a budget above 0 ms the call repeats until the budget has passed, and at least
// once, even when the first call outlasts it (a call that fails then fails here,
// before any timing); a budget of 0 makes no call (warm-up off).
class WarmUp {
  public:
    // Microseconds from any fixed origin (bi::trace::nowMicros unless a test fakes it).
    using Clock = std::function<double()>;

    explicit WarmUp(int budgetMs, Clock clock = {});

    // Calls `once` as above; `proceed` (may be empty) is asked before each call
    // and false stops the warm-up at once. Returns false when proceed stopped it.
    bool run(const std::function<bool()>& proceed, const std::function<void()>& once);

    // The calls the last run() made, for the status bar's warm-up count.
    [[nodiscard]] int runs() const { return runs_; }

  private:
    [[nodiscard]] double now() const;

    int budgetMs_;
    Clock clock_;
    int runs_ = 0;
};
