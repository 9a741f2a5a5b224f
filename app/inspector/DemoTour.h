// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

#include <functional>
#include <vector>

class MainWindow;

// `--demo`: a scripted tour for presentations (Perfetto's startup commands):
// load the demo, search the state, step through the groups, pull chunks,
// show each plot. Each step says what it shows in the status bar.
class DemoTour : public QObject {
    Q_OBJECT
public:
    explicit DemoTour(MainWindow* window);
    void start(int stepMs = 1400);
    void stop();
    [[nodiscard]] bool isRunning() const { return timer_.isActive(); }
    [[nodiscard]] int stepCount() const { return static_cast<int>(steps_.size()); }
    // Runs every step at once (tests, headless screenshots).
    void runAll();

signals:
    void finished();

private:
    struct Step {
        QString caption;
        std::function<void()> action;
    };
    void advance();
    void waitForTrace();

    MainWindow* window_;
    std::vector<Step> steps_;
    QTimer timer_;
    int next_ = 0;
};
