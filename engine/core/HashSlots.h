// SPDX-License-Identifier: GPL-3.0-or-later
// The slot array behind the engine's interning tables (state::KeyTable,
// state::PathNodeCache, pipeline::PathIdTable): open addressing, linear
// probing, a power-of-two size kept at load <= 1/2. A slot holds an entry's
// hash next to its id (hash << 32 | id), so a probe compares hashes without
// leaving the array; the owner keeps the keys and says whether an id's key
// is the one looked for.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace bi {

class HashSlots {
  public:
    static constexpr std::uint32_t kNone = ~std::uint32_t{0};

    // size: a power of two.
    explicit HashSlots(std::size_t size) : slots_(size, kEmpty) {}

    // The id filed under hash whose key sameKey(id) accepts, or kNone.
    // Inline: every path walk runs it once per segment.
    template <typename SameKey>
    [[nodiscard]] std::uint32_t find(std::uint32_t hash, SameKey&& sameKey) const {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const std::uint64_t s = slots_[i];
            if (s == kEmpty) {
                return kNone;
            }
            const auto id = static_cast<std::uint32_t>(s);
            if (static_cast<std::uint32_t>(s >> 32) == hash && sameKey(id)) {
                return id;
            }
        }
    }

    // Files id (not filed yet) under hash; `count` is the number of ids filed
    // once it is, which grows the array first when it would pass half full.
    void insert(std::uint32_t hash, std::uint32_t id, std::size_t count) {
        if (count * 2 > slots_.size()) {
            grow();
        }
        place(slots_, (std::uint64_t{hash} << 32) | id);
    }

    // Forgets every id (size: a power of two).
    void reset(std::size_t size) { slots_.assign(size, kEmpty); }

  private:
    static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};

    // (Not named `slots`: Qt defines that as a macro, and Qt code includes this header.)
    static void place(std::vector<std::uint64_t>& table, std::uint64_t slot) {
        const std::size_t mask = table.size() - 1;
        std::size_t i = static_cast<std::uint32_t>(slot >> 32) & mask;
        while (table[i] != kEmpty) {
            i = (i + 1) & mask;
        }
        table[i] = slot;
    }

    void grow() {
        std::vector<std::uint64_t> bigger(slots_.size() * 2, kEmpty);
        for (const std::uint64_t s : slots_) {
            if (s != kEmpty) {
                place(bigger, s);
            }
        }
        slots_.swap(bigger);
    }

    std::vector<std::uint64_t> slots_;
};

} // namespace bi
