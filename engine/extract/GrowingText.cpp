// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/GrowingText.h"

#include <algorithm>

namespace bi::extract {

namespace {
// Small requests are rounded up so that the pump is not called per byte.
constexpr std::size_t kMinPump = 4096;
// The prefix is erased only when it is large, so erasing stays amortised O(1) per byte.
constexpr std::size_t kMinRelease = 64 * 1024;
} // namespace

void GrowingText::reach(std::size_t target) {
    while (!complete_ && end() < target) {
        const std::size_t wanted = std::max(target - end(), kMinPump);
        if (!pump_(buffer_, wanted)) {
            complete_ = true;
        }
    }
}

void GrowingText::release(std::size_t pos) {
    if (!pump_ || pos <= base_) {
        return;
    }
    const std::size_t drop = std::min(pos - base_, buffer_.size());
    if (drop >= kMinRelease && drop * 2 >= buffer_.size()) {
        buffer_.erase(0, drop);
        base_ += drop;
    }
}

} // namespace bi::extract
