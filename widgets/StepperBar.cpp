// SPDX-License-Identifier: GPL-3.0-or-later
#include "StepperBar.h"
#include "GroupStepper.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

namespace {
QToolButton* button(QWidget* parent, QStyle::StandardPixmap icon, const QString& tip) {
    auto* b = new QToolButton(parent);
    b->setIcon(parent->style()->standardIcon(icon));
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}
} // namespace

StepperBar::StepperBar(GroupStepper* stepper, QWidget* parent)
    : QWidget(parent), stepper_(stepper), play_(button(this, QStyle::SP_MediaPlay, tr("Play / pause (Space)"))),
      speed_(new QSlider(Qt::Horizontal, this)), position_(new QLabel(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    auto* first = button(this, QStyle::SP_MediaSkipBackward, tr("First step (Home)"));
    auto* back = button(this, QStyle::SP_MediaSeekBackward, tr("Back one group (,)"));
    auto* next = button(this, QStyle::SP_MediaSeekForward, tr("Next group (.)"));
    auto* last = button(this, QStyle::SP_MediaSkipForward, tr("Last step (End)"));
    for (QWidget* w : {static_cast<QWidget*>(first), static_cast<QWidget*>(back), static_cast<QWidget*>(play_),
                       static_cast<QWidget*>(next), static_cast<QWidget*>(last)}) {
        layout->addWidget(w);
    }
    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("Speed"), this));
    speed_->setRange(1, 10);
    speed_->setValue(4);
    speed_->setMaximumWidth(120);
    speed_->setToolTip(tr("Play speed (steps per second)"));
    layout->addWidget(speed_);
    layout->addSpacing(8);
    layout->addWidget(position_, 1);

    connect(first, &QToolButton::clicked, stepper_, &GroupStepper::first);
    connect(back, &QToolButton::clicked, stepper_, &GroupStepper::back);
    connect(play_, &QToolButton::clicked, stepper_, &GroupStepper::togglePlaying);
    connect(next, &QToolButton::clicked, stepper_, &GroupStepper::next);
    connect(last, &QToolButton::clicked, stepper_, &GroupStepper::last);
    connect(speed_, &QSlider::valueChanged, this, [this](int perSecond) { stepper_->setIntervalMs(1000 / perSecond); });
    stepper_->setIntervalMs(1000 / speed_->value());
    connect(stepper_, &GroupStepper::currentChanged, this, &StepperBar::update);
    connect(stepper_, &GroupStepper::playingChanged, this, &StepperBar::update);
    update();
}

void StepperBar::setStepLabel(const QString& text) {
    stepLabel_ = text;
    update();
}

QString StepperBar::positionText() const { return position_->text(); }

void StepperBar::update() {
    play_->setIcon(style()->standardIcon(stepper_->isPlaying() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    position_->setText(tr("step %1 / %2 · %3").arg(stepper_->current()).arg(std::max(0, stepper_->count() - 1)).arg(stepLabel_));
}
