// SPDX-License-Identifier: GPL-3.0-or-later
#include "OutputsCall.h"

#include "BinaryResultWriter.h"
#include "EngineOps.h"

namespace bi::wasm {

bool OutputsCall::handles(const std::string& op) {
    return op == "finalize" || op == "routeProducedChanges";
}

OutputsCall::OutputsCall(const std::string& op, const std::string& args)
    : route_(op == "routeProducedChanges") {
    session_ = route_ ? &sessionForArgs(op, args, level_) : &sessionForArgs(op, args);
}

void OutputsCall::run(ListenerOutputs outputs) {
    if (route_) {
        routed_ = session_->routeProducedChanges(level_, outputs.outputs);
        return;
    }
    session_->finalizeRun(std::move(outputs));
}

// {"final_changes": [...]} as the other codecs answer, its list written from the run's record.
void OutputsCall::writeAnswer(BinaryResultWriter& out) const {
    if (route_) {
        out.value(routed_);
        return;
    }
    out.beginObject(1);
    out.key("final_changes");
    out.changes(session_->lastFinalChanges());
}

} // namespace bi::wasm
