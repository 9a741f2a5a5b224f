// SPDX-License-Identifier: GPL-3.0-or-later
#include "TimelineSelection.h"

#include <algorithm>
#include <utility>

namespace {
constexpr double kMinimumSpan = 1.0; // never zoom below one call
}

TimelineSelection::TimelineSelection(QObject* parent) : QObject(parent) {}

void TimelineSelection::setFullRange(double from, double to) {
    if (to < from) {
        std::swap(from, to);
    }
    full_ = {from, std::max(to, from + kMinimumSpan)};
    clearSelection();
    resetZoom();
}

void TimelineSelection::setVisibleRange(double from, double to) {
    if (to < from) {
        std::swap(from, to);
    }
    double span = std::clamp(to - from, std::min(kMinimumSpan, full_.span()), full_.span());
    from = std::clamp(from, full_.from, full_.to - span);
    const Range next{from, from + span};
    if (next == visible_) {
        return;
    }
    visible_ = next;
    emit visibleRangeChanged(visible_.from, visible_.to);
}

void TimelineSelection::zoom(double factor, double center) {
    setVisibleRange(center - (center - visible_.from) * factor, center + (visible_.to - center) * factor);
}

void TimelineSelection::pan(double delta) { setVisibleRange(visible_.from + delta, visible_.to + delta); }

void TimelineSelection::resetZoom() { setVisibleRange(full_.from, full_.to); }

void TimelineSelection::select(double from, double to) {
    if (to < from) {
        std::swap(from, to);
    }
    selection_ = {std::max(from, full_.from), std::min(to, full_.to)};
    hasSelection_ = true;
    emit selectionChanged();
}

void TimelineSelection::clearSelection() {
    if (!hasSelection_) {
        return;
    }
    hasSelection_ = false;
    emit selectionChanged();
}
