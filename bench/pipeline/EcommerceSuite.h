// SPDX-License-Identifier: GPL-3.0-or-later
// The apex-state v3 e-commerce benchmark re-created (its §5.6 description):
// 60 variants under three record layers, 10 orders, 75 one-way syncs,
// 38 flips, 100 BoolLogic concerns, 85 listeners, and the scenarios S01–S16
// with their input counts. The original fixture's exact input paths are not
// published; each scenario here edits fields of the kind its name says.
#pragma once

#include "TableHandler.h"
#include "pipeline/Pipeline.h"

#include <memory>
#include <string>
#include <vector>

class EcommerceSuite {
  public:
    struct Scenario {
        std::string name;
        std::vector<std::string> paths; // the inputs; values change every run
    };

    EcommerceSuite();
    [[nodiscard]] bi::pipeline::Pipeline& pipeline() { return *pipeline_; }
    [[nodiscard]] TableHandler& handler() { return handler_; }
    [[nodiscard]] const std::vector<Scenario>& scenarios() const { return scenarios_; }
    // The batch of a scenario for run number `run`: every value differs from the last run's.
    [[nodiscard]] bi::pipeline::ChangeList batch(const Scenario& s, int run) const;
    [[nodiscard]] std::size_t syncCount() const { return syncs_; }
    [[nodiscard]] std::size_t flipCount() const { return flips_; }
    [[nodiscard]] std::size_t logicCount() const { return logics_; }
    [[nodiscard]] std::size_t listenerCount() const { return listeners_; }

  private:
    void registerAll();
    void defineScenarios();

    std::unique_ptr<bi::pipeline::Pipeline> pipeline_;
    TableHandler handler_;
    std::vector<Scenario> scenarios_;
    std::size_t syncs_ = 0;
    std::size_t flips_ = 0;
    std::size_t logics_ = 0;
    std::size_t listeners_ = 0;
};
