// SPDX-License-Identifier: GPL-3.0-or-later
// Content seen through absolute byte offsets, either complete (a view, never
// copied) or produced on demand by a pump (the HTML converter while
// streaming). A pumped text keeps only the bytes not yet released, so memory
// stays bounded by what the chunker still needs.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace bi::extract {

class GrowingText {
public:
    // Appends at least minBytes to out unless the source is exhausted; returns
    // false once everything has been produced.
    using Pump = std::function<bool(std::string& out, std::size_t minBytes)>;

    explicit GrowingText(std::string_view complete) : view_(complete), complete_(true) {}
    explicit GrowingText(Pump pump) : pump_(std::move(pump)) {}

    // Makes the bytes before absolute offset `end` available, unless the text ends first.
    void reach(std::size_t end);
    // Absolute offset just after the last byte available.
    [[nodiscard]] std::size_t end() const { return base_ + held().size(); }
    [[nodiscard]] bool complete() const { return complete_; }
    // Absolute offset of the first byte still held.
    [[nodiscard]] std::size_t heldFrom() const { return base_; }
    // Absolute positions; they must lie in [released point, end()].
    [[nodiscard]] char at(std::size_t pos) const { return held()[pos - base_]; }
    [[nodiscard]] std::string_view slice(std::size_t from, std::size_t to) const {
        return held().substr(from - base_, to - from);
    }
    // Bytes before `pos` are no longer needed.
    void release(std::size_t pos);

private:
    [[nodiscard]] std::string_view held() const { return pump_ ? std::string_view(buffer_) : view_; }

    std::string_view view_;
    Pump pump_;
    std::string buffer_;
    std::size_t base_ = 0; // absolute offset of buffer_[0]
    bool complete_ = false;
};

} // namespace bi::extract
