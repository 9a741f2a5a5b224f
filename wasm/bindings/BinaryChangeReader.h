// SPDX-License-Identifier: GPL-3.0-or-later
// Reads a 'BIC1' change list (api/BinaryCodec.h) straight into the engine's change
// list: paths and state values are built from the bytes in wasm memory, with no
// json::Value between (the binary codec's engine decode).
#pragma once

#include "pipeline/Change.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace bi::wasm {

class BinaryChangeReader {
  public:
    explicit BinaryChangeReader(std::string_view bytes) : bytes_(bytes) {}

    // Throws EngineError naming the byte offset, as api::decodeBinaryChanges does.
    pipeline::ChangeList read();

  private:
    std::uint32_t u32();
    std::string_view str();
    state::Value value(std::size_t depth);
    state::Value object(std::size_t depth);
    void need(std::size_t n, const char* what) const;
    [[noreturn]] void fail(const std::string& what) const;

    std::string_view bytes_;
    std::size_t pos_ = 0;
};

} // namespace bi::wasm
