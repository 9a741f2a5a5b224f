// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/ShadowState.h"

#include "core/EngineError.h"

#include <string>

namespace bi::state {

namespace {

bool parseIndex(std::string_view segment, std::size_t& index) {
    if (segment.empty() || segment.size() > 9) {
        return false;
    }
    index = 0;
    for (char c : segment) {
        if (c < '0' || c > '9') {
            return false;
        }
        index = index * 10 + static_cast<std::size_t>(c - '0');
    }
    return true;
}

// Calls fn(segment, isLast) for each dot-separated segment of a non-empty path.
template <typename Fn>
void forEachSegment(std::string_view path, Fn&& fn) {
    std::size_t start = 0;
    while (true) {
        std::size_t dot = path.find('.', start);
        bool last = dot == std::string_view::npos;
        if (!fn(path.substr(start, last ? path.size() - start : dot - start), last) || last) {
            return;
        }
        start = dot + 1;
    }
}

} // namespace

const json::Value* ShadowState::get(std::string_view path) const {
    if (path.empty()) {
        return &root_;
    }
    const json::Value* node = &root_;
    forEachSegment(path, [&](std::string_view seg, bool) {
        if (node->isObject()) {
            node = node->find(seg);
        } else if (node->isArray()) {
            std::size_t i = 0;
            node = parseIndex(seg, i) && i < node->asArray().size() ? &node->asArray()[i] : nullptr;
        } else {
            node = nullptr;
        }
        return node != nullptr;
    });
    return node;
}

void ShadowState::set(std::string_view path, json::Value value) {
    if (path.empty()) {
        root_ = std::move(value);
        return;
    }
    json::Value* node = &root_;
    forEachSegment(path, [&](std::string_view seg, bool last) {
        if (node->isNull()) {
            *node = json::Value::object(); // null intermediates are promoted
        }
        json::Value* next = nullptr;
        if (node->isObject()) {
            next = node->find(seg);
            if (next == nullptr) {
                next = &node->set(seg, last ? json::Value() : json::Value::object());
            }
        } else if (node->isArray()) {
            std::size_t i = 0;
            if (!parseIndex(seg, i) || i >= node->asArray().size()) {
                throw EngineError("path '" + std::string(path) + "': index '" + std::string(seg) +
                                  "' is out of range");
            }
            next = &node->asArray()[i];
        } else {
            throw EngineError("path '" + std::string(path) + "': segment '" + std::string(seg) +
                              "' goes through a primitive value");
        }
        node = next;
        return true;
    });
    *node = std::move(value);
}

} // namespace bi::state
