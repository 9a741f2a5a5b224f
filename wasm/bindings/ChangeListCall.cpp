// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChangeListCall.h"

#include "BinaryResultWriter.h"
#include "EngineOps.h"

namespace bi::wasm {

bool ChangeListCall::handles(const std::string& op) {
    return op == "echo" || op == "prepare" || op == "preparePlan" || op == "processChanges";
}

ChangeListCall::ChangeListCall(const std::string& op, const std::string& args) {
    if (op == "echo") {
        return;
    }
    session_ = &sessionForArgs(op, args);
    form_ = op == "prepare" ? PlanForm::Full : op == "preparePlan" ? PlanForm::Compact : PlanForm::None;
}

// echo keeps the list: its answer is the list as the engine's change routines write it,
// so every codec gives back the same shape whatever shape went in.
void ChangeListCall::run(pipeline::ChangeList changes) {
    if (session_ == nullptr) {
        echoed_ = std::move(changes);
        return;
    }
    session_->prepareRun(std::move(changes), form_);
}

json::Value ChangeListCall::answer() {
    if (session_ != nullptr) {
        return session_->prepareAnswer();
    }
    json::Value out = json::Value::object();
    out.set("changes", pipeline::toJson(echoed_));
    out.set("count", static_cast<double>(echoed_.size()));
    return out;
}

// The minimal module writes the answer through its json::Value: the same text, less code.
void ChangeListCall::writeAnswerJson(std::string& out) {
#ifdef BI_VARIANT_STANDARD
    if (session_ != nullptr) {
        session_->writePrepareAnswerJson(out);
        return;
    }
#endif
    json::write(answer(), out);
}

void ChangeListCall::writeAnswer(BinaryResultWriter& out) {
    if (session_ != nullptr) {
        session_->writePrepareAnswer(out);
        return;
    }
    out.beginObject(2);
    out.key("changes");
    out.changes(echoed_);
    out.key("count");
    out.number(static_cast<double>(echoed_.size()));
}

} // namespace bi::wasm
