// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChangeEntry.h"
#include "core/Json.h"

#include <QWidget>

#include <memory>

class BatchModel;
class ChangeLogModel;
class QLabel;
class QTabWidget;
class QTreeView;
class RegistrationModel;
class StateTreeView;

// The Scenario dock: the initial state tree (search, and below it the changes
// that touched the selected path), the registrations as a wiring list, and
// the batches of input changes.
class ScenarioPanel : public QWidget {
    Q_OBJECT
public:
    explicit ScenarioPanel(QWidget* parent = nullptr);

    // scenario: the parsed scenario file; changes: every change of its runs.
    void setScenario(const bi::json::Value& scenario, std::vector<ChangeEntry> changes,
                     const bi::json::Value& registrations);
    [[nodiscard]] StateTreeView* stateView() const { return state_; }
    [[nodiscard]] ChangeLogModel* touchedModel() const { return touched_; }
    [[nodiscard]] RegistrationModel* registrationModel() const { return registrations_; }
    [[nodiscard]] BatchModel* batchModel() const { return batches_; }
    void showTouching(const QString& path);
    void focusSearch();
    void showTab(int index); // 0 state, 1 wiring, 2 batches

private:
    QTabWidget* tabs_;
    StateTreeView* state_;
    ChangeLogModel* touched_;
    RegistrationModel* registrations_;
    BatchModel* batches_;
    QLabel* touchedLabel_;
};
