// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

// The stepper's position over a RunTimeline (first, back, next, last, play at
// a speed). Plain QObject so that tests drive it without a window.
class GroupStepper : public QObject {
    Q_OBJECT
public:
    explicit GroupStepper(QObject* parent = nullptr);

    void setCount(int count); // resets to step 0
    [[nodiscard]] int count() const { return count_; }
    [[nodiscard]] int current() const { return current_; }
    [[nodiscard]] bool isPlaying() const { return timer_.isActive(); }
    [[nodiscard]] int intervalMs() const { return timer_.interval(); }

public slots:
    void setCurrent(int index);
    void first() { setCurrent(0); }
    void back() { setCurrent(current_ - 1); }
    void next() { setCurrent(current_ + 1); }
    void last() { setCurrent(count_ - 1); }
    void setPlaying(bool playing);
    void togglePlaying() { setPlaying(!isPlaying()); }
    void setIntervalMs(int ms);

signals:
    void currentChanged(int index);
    void playingChanged(bool playing);

private:
    void advance();

    QTimer timer_;
    int count_ = 0;
    int current_ = 0;
};
