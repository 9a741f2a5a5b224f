// SPDX-License-Identifier: GPL-3.0-or-later
// A document that becomes available piece by piece (a decoder filling a
// buffer as the reader needs it). Each grow() makes more of it available and
// returns everything so far: the view starts at the same address every time
// and only gets longer, so views into an earlier one stay valid.
#pragma once

#include <string_view>

namespace bi::extract::text {

class GrowingInput {
public:
    virtual ~GrowingInput() = default;
    // The document so far, longer than the last view unless it is complete;
    // final is set once the view is the whole document.
    virtual std::string_view grow(bool& final) = 0;

protected:
    GrowingInput() = default;
    GrowingInput(const GrowingInput&) = default;
    GrowingInput& operator=(const GrowingInput&) = default;
};

} // namespace bi::extract::text
