// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class GroupStepper;
class QLabel;
class QSlider;
class QToolButton;

// Buttons over a GroupStepper: first, back, play/pause, next, last, a speed
// slider and the position ("3 / 9 · run 1 · group 0"). The keys (, . space)
// are the main window's actions, so they work from any dock.
class StepperBar : public QWidget {
    Q_OBJECT
public:
    StepperBar(GroupStepper* stepper, QWidget* parent = nullptr);
    void setStepLabel(const QString& text);
    [[nodiscard]] QString positionText() const;

private:
    void update();

    GroupStepper* stepper_;
    QToolButton* play_;
    QSlider* speed_;
    QLabel* position_;
    QString stepLabel_;
};
