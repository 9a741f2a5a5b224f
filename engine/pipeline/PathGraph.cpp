// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PathGraph.h"

#include <algorithm>

namespace bi::pipeline {

void PathGraph::addPair(const std::string& a, const std::string& b, const std::string& anchor) {
    pairs_.emplace_back(a, b);
    related_.clear(); // new nodes may relate to any path
    for (const std::string* p : {&a, &b}) {
        if (nodes_.find(*p) == nullptr) {
            PathGraphNode& n = nodes_[*p];
            n.component = components_.size();
            n.anchor = anchor;
            n.index = nodes_.size() - 1;
            components_.push_back({*p});
        }
    }
    std::size_t ca = nodes_.find(a)->component;
    std::size_t cb = nodes_.find(b)->component;
    if (ca == cb) {
        return;
    }
    // Merge the later component into the earlier so member order stays first-seen.
    std::size_t keep = std::min(ca, cb);
    std::size_t drop = std::max(ca, cb);
    for (const auto& member : components_[drop]) {
        components_[keep].push_back(member);
        nodes_[member].component = keep;
    }
    components_[drop].clear();
}

const std::vector<std::uint32_t>& PathGraph::relatedNodes(std::string_view path) const {
    static const std::vector<std::uint32_t> kNoNodes;
    if (!nodes_.mayRelate(path)) { // most written paths (every concern) share no first segment with a node
        return kNoNodes;
    }
    if (const auto* known = related_.find(path)) {
        return *known;
    }
    PathListMemo::Ids ids;
    nodes_.forEachRelated(path, [&](std::string_view, const PathGraphNode& n) {
        ids.push_back(static_cast<std::uint32_t>(n.index));
    });
    return related_.put(path, std::move(ids));
}

const std::vector<std::string>& PathGraph::component(std::string_view node) const {
    return components_[nodes_.find(node)->component];
}

std::vector<std::size_t> PathGraph::componentsOf(const std::vector<std::string>& nodeList) const {
    std::vector<std::size_t> out;
    for (const auto& n : nodeList) {
        const PathGraphNode* node = nodes_.find(n);
        if (node != nullptr && std::find(out.begin(), out.end(), node->component) == out.end()) {
            out.push_back(node->component);
        }
    }
    return out;
}

} // namespace bi::pipeline
