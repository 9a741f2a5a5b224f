// SPDX-License-Identifier: GPL-3.0-or-later
#include "GroupStepper.h"

#include <algorithm>

GroupStepper::GroupStepper(QObject* parent) : QObject(parent) {
    timer_.setInterval(600);
    connect(&timer_, &QTimer::timeout, this, &GroupStepper::advance);
}

void GroupStepper::setCount(int count) {
    setPlaying(false);
    count_ = std::max(0, count);
    current_ = -1;
    setCurrent(0);
}

void GroupStepper::setCurrent(int index) {
    const int clamped = std::clamp(index, 0, std::max(0, count_ - 1));
    if (clamped == current_) {
        return;
    }
    current_ = clamped;
    emit currentChanged(current_);
}

void GroupStepper::setPlaying(bool playing) {
    if (playing == isPlaying()) {
        return;
    }
    if (playing) {
        if (current_ >= count_ - 1) {
            setCurrent(0); // play from the start when at the end
        }
        timer_.start();
    } else {
        timer_.stop();
    }
    emit playingChanged(playing);
}

void GroupStepper::setIntervalMs(int ms) { timer_.setInterval(std::max(16, ms)); }

void GroupStepper::advance() {
    if (current_ >= count_ - 1) {
        setPlaying(false);
        return;
    }
    next();
}
