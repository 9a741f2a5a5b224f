// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/Paths.h"

namespace bi::state::paths {

std::size_t depth(std::string_view path) {
    if (path.empty()) {
        return 0;
    }
    std::size_t n = 1;
    for (char c : path) {
        n += c == '.' ? 1 : 0;
    }
    return n;
}

std::vector<std::string_view> split(std::string_view path) {
    std::vector<std::string_view> out;
    if (path.empty()) {
        return out;
    }
    std::size_t start = 0;
    while (true) {
        std::size_t dot = path.find('.', start);
        if (dot == std::string_view::npos) {
            out.push_back(path.substr(start));
            return out;
        }
        out.push_back(path.substr(start, dot - start));
        start = dot + 1;
    }
}

std::string_view parent(std::string_view path) {
    std::size_t dot = lastDot(path);
    return dot == std::string_view::npos ? std::string_view() : path.substr(0, dot);
}

std::string join(std::string_view prefix, std::string_view suffix) {
    if (prefix.empty()) {
        return std::string(suffix);
    }
    if (suffix.empty()) {
        return std::string(prefix);
    }
    std::string out;
    out.reserve(prefix.size() + 1 + suffix.size());
    out.append(prefix).append(1, '.').append(suffix);
    return out;
}

std::string_view suffixBelow(std::string_view path, std::string_view base) {
    if (path == base) {
        return {};
    }
    return base.empty() ? path : path.substr(base.size() + 1);
}

} // namespace bi::state::paths
