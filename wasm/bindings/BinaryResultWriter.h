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

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace bi::wasm {

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

    [[nodiscard]] std::string take();

  private:
    void u32(std::uint32_t v);
    void str(std::string_view s);
    void tag(api::binary::Tag t);
    void stateValue(const state::Value& v);
    // Makes room for `n` more bytes at the cursor and returns where they go.
    char* room(std::size_t n);

    std::string out_; // out_.size() is the capacity; pos_ bytes are written
    std::size_t pos_ = 0;
};

} // namespace bi::wasm
