// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

// Synthetic scenarios for sweeps and benchmarks: a state of about `nodes`
// JSON nodes (items of three nodes each, grouped in pages of 100) and one
// batch of `batchSize` changes spread over it.
class ScenarioGenerator {
public:
    static QByteArray scenario(int nodes, int batchSize, int batches = 1);
    // Listener depth: a state nested `depth` levels (l0.l1.…), a listener on
    // each level's object writing out.d<level>, and one change at the deepest
    // leaf, so every level's listener runs: one dispatch group per level.
    static QByteArray nestedScenario(int depth);
};
