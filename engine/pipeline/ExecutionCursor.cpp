// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/ExecutionCursor.h"

namespace bi::pipeline {

ExecutionCursor::ExecutionCursor(Pipeline& pipeline, ChangeList batch, ListenerHandler& handler)
    : pipeline_(pipeline), batch_(std::move(batch)), handler_(handler) {
    restart();
}

ExecutionCursor::~ExecutionCursor() {
    if (open_) {
        pipeline_.abort();
    }
}

void ExecutionCursor::restart() {
    prepared_ = pipeline_.prepare(batch_);
    open_ = true;
    afterStages_ = pipeline_.undoMark();
    done_ = 0;
    records_.clear();
    pending_.assign(prepared_.plan.dispatches.size(), {});
    lastDiff_.clear();
}

bool ExecutionCursor::step() {
    if (atEnd()) {
        return false;
    }
    const ExecutionPlan& plan = prepared_.plan;
    pipeline_.rollbackTo(afterStages_); // handlers see the post-stage state
    try {
        for (auto id : plan.groups[done_].dispatches) {
            const Dispatch& d = plan.dispatches[id];
            DispatchRecord rec{d, dispatchInput(d, prepared_.changes, pending_[id]), {}, 0};
            ListenerInput input;
            viewOf(rec.input, input);
            rec.output = handler_.call(ListenerCall{rec.dispatch, input, pipeline_.shadow()});
            for (auto target : plan.cascade[id]) {
                pending_[target].insert(pending_[target].end(), rec.output.begin(), rec.output.end());
            }
            for (const auto& target : plan.propagation[id]) {
                pending_[target.dispatch].insert(pending_[target.dispatch].end(), rec.output.begin(),
                                                 rec.output.end());
            }
            records_.push_back(std::move(rec));
        }
        const std::size_t firstOfGroup = records_.size() - plan.groups[done_].dispatches.size();
        lastDiff_.clear();
        for (std::size_t i = 0; i < records_.size(); ++i) {
            ChangeList diff = pipeline_.applyDispatchOutput({records_[i].dispatch.id, records_[i].output});
            if (i >= firstOfGroup) {
                lastDiff_.insert(lastDiff_.end(), diff.begin(), diff.end());
            }
        }
    } catch (...) {
        pipeline_.abort();
        open_ = false;
        throw;
    }
    ++done_;
    return true;
}

bool ExecutionCursor::back() {
    if (done_ == 0) {
        return false;
    }
    const std::size_t target = done_ - 1;
    pipeline_.abort();
    open_ = false;
    restart();
    while (done_ < target) {
        step();
    }
    return true;
}

FinalizeResult ExecutionCursor::finish() {
    while (step()) {
    }
    pipeline_.rollbackTo(afterStages_);
    std::vector<DispatchOutput> outputs;
    for (const auto& r : records_) {
        outputs.push_back({r.dispatch.id, r.output});
    }
    open_ = false;
    return pipeline_.finalize(outputs);
}

} // namespace bi::pipeline
