// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/entities/NamedEntities.h"

#include <algorithm>
#include <iterator>

namespace bi::extract::entities {

namespace {

struct Entry {
    std::string_view name;
    std::string_view replacement;
};

constexpr Entry kTable[] = {
#include "NamedEntitiesTable.inc"
};

constexpr std::size_t kMaxNameLength = 33;

} // namespace

std::string_view lookup(std::string_view name) {
    auto it = std::lower_bound(std::begin(kTable), std::end(kTable), name,
                               [](const Entry& e, std::string_view n) { return e.name < n; });
    return it != std::end(kTable) && it->name == name ? it->replacement : std::string_view();
}

Match longestMatch(std::string_view text) {
    for (std::size_t len = std::min(text.size(), kMaxNameLength); len > 0; --len) {
        std::string_view candidate = text.substr(0, len);
        std::string_view r = lookup(candidate);
        if (!r.empty()) {
            return {len, r};
        }
    }
    return {};
}

std::size_t count() { return std::size(kTable); }

} // namespace bi::extract::entities
