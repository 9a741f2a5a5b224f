// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

// The authoritative zoom and selection state of the per-call timeline (the
// plot only mirrors it), in call numbers. A selection filters the records
// table; zoom never leaves the full range. Tested without painting.
class TimelineSelection : public QObject {
    Q_OBJECT
public:
    struct Range {
        double from = 0;
        double to = 0;
        [[nodiscard]] double span() const { return to - from; }
        [[nodiscard]] bool contains(double x) const { return x >= from && x <= to; }
        friend bool operator==(const Range&, const Range&) = default;
    };

    explicit TimelineSelection(QObject* parent = nullptr);

    void setFullRange(double from, double to); // resets zoom and selection
    [[nodiscard]] Range fullRange() const { return full_; }
    [[nodiscard]] Range visibleRange() const { return visible_; }
    [[nodiscard]] bool hasSelection() const { return hasSelection_; }
    [[nodiscard]] Range selection() const { return selection_; }
    // true when call number x passes the filter (everything passes without a selection).
    [[nodiscard]] bool accepts(double x) const { return !hasSelection_ || selection_.contains(x); }

public slots:
    void setVisibleRange(double from, double to);
    void zoom(double factor, double center); // factor < 1 zooms in
    void pan(double delta);
    void resetZoom();
    void select(double from, double to);
    void clearSelection();

signals:
    void visibleRangeChanged(double from, double to);
    void selectionChanged();

private:
    Range full_{0, 1};
    Range visible_{0, 1};
    Range selection_{};
    bool hasSelection_ = false;
};
