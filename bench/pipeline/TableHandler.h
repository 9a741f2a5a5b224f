// SPDX-License-Identifier: GPL-3.0-or-later
// A bench listener handler driven by a table: each listener id writes a fixed
// list of absolute paths, with the value `base + offset` (the bench moves base
// every run so the writes are not no-ops, or keeps it for steady-state cases).
#pragma once

#include "pipeline/ListenerHandler.h"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

class TableHandler : public bi::pipeline::ListenerHandler {
  public:
    void add(const std::string& listener, std::string path, double offset) {
        table_[listener].emplace_back(std::move(path), offset);
    }
    void setBase(double base) { base_ = base; }

    bi::pipeline::ChangeList call(const bi::pipeline::ListenerCall& call) override {
        bi::pipeline::ChangeList out;
        callInto(call, out);
        return out;
    }

    // Over the slot's last output in place: a host keeping its output buffers
    // allocates no path per run (the bench should time the engine, not this).
    void callInto(const bi::pipeline::ListenerCall& call, bi::pipeline::ChangeList& out) override {
        auto it = table_.find(call.dispatch.listener);
        if (it == table_.end()) {
            out.clear();
            return;
        }
        std::size_t n = 0;
        for (const auto& [path, offset] : it->second) {
            bi::pipeline::putAt(out, n++, path, bi::state::Value(base_ + offset));
        }
        out.resize(n);
    }

  private:
    std::unordered_map<std::string, std::vector<std::pair<std::string, double>>> table_;
    double base_ = 0;
};
