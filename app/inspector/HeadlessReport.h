// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

// `boundary-inspector --report DIR [FILES…]`: the window's computations without
// a window. Writes overhead.png, records.json and summary.md into DIR.
class HeadlessReport {
public:
    // Returns the process exit status (0 ok, 2 bad input or unwritable DIR).
    static int run(const QString& dir, const QStringList& files);
};
