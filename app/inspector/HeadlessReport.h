// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

// `boundary-inspector --report DIR [FILES…]`: the window's computations without
// a window. Runs the scenario (the first *.json, or the demo) on both engines
// with both strategies, a batch-size sweep, extracts the documents, and writes
// into DIR: overhead.png (timeline), phases.png, boxplots.png, scaling.png,
// comparison.png, records.{json,csv,trace.json} and summary.md.
class HeadlessReport {
public:
    // Returns the process exit status (0 ok, 2 bad input or unwritable DIR).
    static int run(const QString& dir, const QStringList& files);
};
