// SPDX-License-Identifier: GPL-3.0-or-later
// One call of an op whose input is a change list (echo, prepare, preparePlan,
// processChanges), split into the phases of a crossing: each codec decodes
// straight into the engine's change list, run() is the engine's work alone, and
// the answer is written as a json::Value (JSON text, direct objects) or in the
// binary layout from the engine's structures (BinaryResultWriter). So every codec
// times the same compute, and its decode and encode apart from it.
#pragma once

#include "PipelineSession.h"
#include "core/Json.h"
#include "pipeline/Change.h"

#include <string>

namespace bi::wasm {

class BinaryResultWriter;

class ChangeListCall {
  public:
    [[nodiscard]] static bool handles(const std::string& op);

    // Reads the session from `args` for the session ops: bad arguments and unknown
    // sessions fail here, before any input is decoded. Throws EngineError.
    ChangeListCall(const std::string& op, const std::string& args);

    // The name changesFromJson gives the input in its errors.
    [[nodiscard]] const char* where() const { return session_ == nullptr ? "echo: changes" : "changes"; }

    void run(pipeline::ChangeList changes);
    // echo: {"changes":[{path,value}…],"count"}; the session ops: PipelineSession::prepare's answer.
    json::Value answer();
    // The answer as JSON text (json::write(answer())) and in the binary layout.
    void writeAnswerJson(std::string& out);
    void writeAnswer(BinaryResultWriter& out);

  private:
    PipelineSession* session_ = nullptr; // null for echo
    PlanForm form_ = PlanForm::Full;
    pipeline::ChangeList echoed_;
};

} // namespace bi::wasm
