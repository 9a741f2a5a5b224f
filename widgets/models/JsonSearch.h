// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Json.h"

#include <QString>
#include <QStringList>

// Search in a state: the paths whose key or scalar value contains the text
// (case-insensitive), in tree order, and a cursor for next/previous. Walks the
// JSON itself, not the lazy model, so matches in unopened branches are found.
class JsonSearch {
public:
    static QStringList find(const bi::json::Value& root, const QString& text, int limit = 10000);

    void setMatches(QStringList matches);
    [[nodiscard]] const QStringList& matches() const { return matches_; }
    [[nodiscard]] int current() const { return current_; }
    // Moves to the next/previous match (wrapping); empty when there is none.
    QString next();
    QString previous();

private:
    QStringList matches_;
    int current_ = -1;
};
