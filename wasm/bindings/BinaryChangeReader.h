// SPDX-License-Identifier: GPL-3.0-or-later
// Reads a 'BIC1' change list (api/BinaryCodec.h) straight into the engine's change
// list: paths and state values are built from the bytes in wasm memory, with no
// json::Value between (the binary codec's engine decode). It reads listener output
// too: finalize's and routeProducedChanges' input in the 'BIO1' layout
//   u32 magic 'BIO1' | u32 count | count × (u32 dispatch_id | u8 has_input |
//                                            changes | has_input ? changes : nothing)
// where changes = u32 n + n × (str path | value), as in a 'BIC1' list
// (wasm/host/binary-codec.mjs writeOutputs is the JS twin).
#pragma once

#include "PipelineSession.h"
#include "pipeline/Change.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace bi::wasm {

inline constexpr std::uint32_t kBinaryOutputsMagic = 0x314F4942; // "BIO1"

class BinaryChangeReader {
  public:
    explicit BinaryChangeReader(std::string_view bytes) : bytes_(bytes) {}

    // Whether `bytes` start with the 'BIO1' magic.
    [[nodiscard]] static bool isOutputs(std::string_view bytes);

    // Throw EngineError naming the byte offset, as api::decodeBinaryChanges does.
    pipeline::ChangeList read();
    ListenerOutputs readOutputs();

  private:
    pipeline::ChangeList changes(); // u32 n + n × (str path | value)
    void end();                     // no trailing bytes
    std::uint32_t u32();
    std::string_view str();
    state::Value value(std::size_t depth);
    state::Value object(std::size_t depth);
    // KeyTable::intern through a small cache of the keys last read: a change list's objects
    // repeat a few keys thousands of times, and a slot test is cheaper than the table's hash.
    state::KeyId keyId(std::string_view key);
    void need(std::size_t n, const char* what) const;
    [[noreturn]] void fail(const std::string& what) const;

    std::string_view bytes_;
    std::size_t pos_ = 0;
    struct CachedKey {
        std::string_view name; // the table's own copy: stable
        state::KeyId id = 0;
    };
    std::array<CachedKey, 64> keys_{};
};

} // namespace bi::wasm
