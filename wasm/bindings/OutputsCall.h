// SPDX-License-Identifier: GPL-3.0-or-later
// One call of an op whose input is listener output (finalize, routeProducedChanges)
// under the binary codec, split into the phases of a crossing as ChangeListCall does:
// the 'BIO1' layout is read straight into the engine's outputs
// (BinaryChangeReader::readOutputs), run() is the session's work alone, and the answer
// is written in the binary layout: finalize's final changes from the engine's change
// list, a legacy level through its json::Value (LegacyLevel::toJson, as before).
#pragma once

#include "PipelineSession.h"
#include "core/Json.h"

#include <cstddef>
#include <string>

namespace bi::wasm {

class BinaryResultWriter;

class OutputsCall {
  public:
    [[nodiscard]] static bool handles(const std::string& op);

    // Reads the session (and routeProducedChanges' level) from `args`: bad arguments and
    // unknown sessions fail here, before any input is decoded. Throws EngineError.
    OutputsCall(const std::string& op, const std::string& args);

    void run(ListenerOutputs outputs);
    void writeAnswer(BinaryResultWriter& out) const;

  private:
    PipelineSession* session_ = nullptr;
    bool route_ = false;
    std::size_t level_ = 0;
    json::Value routed_; // routeProducedChanges' answer
};

} // namespace bi::wasm
