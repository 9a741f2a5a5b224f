// SPDX-License-Identifier: GPL-3.0-or-later
// A link reference definition, keyed by its normalised label.
#pragma once

#include <string>
#include <unordered_map>

namespace bi::extract::markdown {

struct LinkReference {
    std::string destination;
    std::string title;
};

using ReferenceMap = std::unordered_map<std::string, LinkReference>;

} // namespace bi::extract::markdown
