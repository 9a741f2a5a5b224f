// SPDX-License-Identifier: GPL-3.0-or-later
// Writes a 'BIB1' result document (api/BinaryCodec.h) piece by piece from the
// engine's own structures: change lists go out from their state values as the
// compact change-list value (tag 8), so no json::Value is built for them.
// The bytes go into a buffer sized up front through a cursor: std::string's append
// is an out-of-line call with its own capacity check per piece in the wasm build,
// and a change list is thousands of small pieces.
#pragma once

#include "api/BinaryCodec.h"
#include "core/Json.h"
#include "pipeline/Change.h"
#include "pipeline/ExecutionPlan.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace bi::wasm {

// A value tag beyond api/BinaryCodec.h's, written by this writer only (the standard
// module's preparePlan under the binary codec; the host decodes it in
// wasm/host/binary-codec.mjs): the compact plan of CompactPlan.h, read by the host with
// no JSON text and no generic value per id:
//   9 | u32 n | n × (str subscriber_id | str topic_path | u8 has_scope [str scope_path] | ids)
//     | u32 g | g × (u32 level | ids)                      groups
//     | u32 p | p × ids                                    propagation ranges by dispatch
//     | u32 k | k × (u32 dispatch | u32 target | str prefix)  non-empty remap prefixes
//     | u32 c | c × ids                                    cascade ranges by dispatch
// where ids = u32 count + count × u32. It decodes to exactly the JSON compact plan.
inline constexpr std::uint8_t kCompactPlanTag = 9;

// Another (the standard module's prepare answers under the binary codec): a change list
// that names the call's input changes it repeats exactly (InputChangeMatch) instead of
// carrying their values back:
//   10 | u32 n | n × (u32 ref [| str path | value])
// where ref is the index of the repeated input change, or 0xFFFFFFFF followed by the
// change itself. The host answers with the caller's own path and value for a ref
// (wasm/host/binary-codec.mjs), so it decodes to what tag 8 would.
inline constexpr std::uint8_t kChangeRefsTag = 10;

class BinaryResultWriter {
  public:
    // Writes the document magic; `sizeHint` bytes are reserved up front (the answer of a
    // change-list op is about as long as its input), so the appends do not reallocate.
    explicit BinaryResultWriter(std::size_t sizeHint = 0);

    // An object of `members` members: each is key() followed by one value.
    void beginObject(std::uint32_t members);
    void key(std::string_view key);
    void value(const json::Value& v);
    void number(double d);
    void changes(const pipeline::ChangeList& list);
    // `list` as tag 10, against the call's decoded `input`.
    void changesReferring(const pipeline::ChangeList& list, const pipeline::ChangeList& input);
    void compactPlan(const pipeline::ExecutionPlan& plan);

    [[nodiscard]] std::string take();

  private:
    void u32(std::uint32_t v);
    void str(std::string_view s);
    void tag(api::binary::Tag t);
    void ids(const std::vector<std::uint32_t>& list);
    // The [from, to) ranges of consecutive ids among idAt(0..count), as ids.
    template <typename IdAt> void idRanges(std::size_t count, IdAt idAt);
    void stateValue(const state::Value& v);
    static std::size_t compactPlanSize(const pipeline::ExecutionPlan& plan);
    // Makes room for `n` more bytes at the cursor (without moving it).
    void reserve(std::size_t n);
    // Makes room for `n` more bytes at the cursor and returns where they go.
    char* room(std::size_t n);

    std::string out_; // out_.size() is the capacity; pos_ bytes are written
    std::size_t pos_ = 0;
};

} // namespace bi::wasm
