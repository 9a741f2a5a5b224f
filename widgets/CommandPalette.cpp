// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandPalette.h"

#include <QAction>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

CommandPalette::CommandPalette(QWidget* parent)
    : QDialog(parent, Qt::Popup | Qt::FramelessWindowHint), input_(new QLineEdit(this)), list_(new QListWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    input_->setPlaceholderText(tr("Type a command…"));
    layout->addWidget(input_);
    layout->addWidget(list_);
    resize(520, 360);
    input_->installEventFilter(this);
    connect(input_, &QLineEdit::textChanged, this, &CommandPalette::setFilter);
    connect(input_, &QLineEdit::returnPressed, this, &CommandPalette::runSelected);
    connect(list_, &QListWidget::itemActivated, this, &CommandPalette::runSelected);
}

void CommandPalette::setActions(const QList<QAction*>& actions) { actions_ = actions; }

void CommandPalette::open() {
    input_->clear();
    setFilter({});
    if (parentWidget() != nullptr) {
        const QRect r = parentWidget()->window()->geometry();
        move(r.center().x() - width() / 2, r.top() + 80);
    }
    show();
    input_->setFocus();
}

void CommandPalette::setFilter(const QString& text) {
    list_->clear();
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (int i = 0; i < actions_.size(); ++i) {
        QAction* a = actions_[i];
        const QString name = a->text().remove(QLatin1Char('&'));
        if (!a->isEnabled() || name.isEmpty()) {
            continue;
        }
        const bool hit = std::all_of(words.begin(), words.end(),
                                     [&](const QString& w) { return name.contains(w, Qt::CaseInsensitive); });
        if (hit) {
            auto* item = new QListWidgetItem(a->shortcut().isEmpty()
                                                 ? name
                                                 : name + QStringLiteral("    ") +
                                                       a->shortcut().toString(QKeySequence::NativeText),
                                             list_);
            item->setData(Qt::UserRole, i);
        }
    }
    list_->setCurrentRow(0);
}

QStringList CommandPalette::visibleCommands() const {
    QStringList out;
    for (int i = 0; i < list_->count(); ++i) {
        out << actions_[list_->item(i)->data(Qt::UserRole).toInt()]->text().remove(QLatin1Char('&'));
    }
    return out;
}

void CommandPalette::runSelected() {
    QListWidgetItem* item = list_->currentItem();
    hide();
    if (item != nullptr) {
        actions_[item->data(Qt::UserRole).toInt()]->trigger();
    }
}

bool CommandPalette::eventFilter(QObject* watched, QEvent* event) {
    if (watched == input_ && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) {
            const int step = key->key() == Qt::Key_Down ? 1 : -1;
            list_->setCurrentRow(std::clamp(list_->currentRow() + step, 0, std::max(0, list_->count() - 1)));
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            hide();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}
