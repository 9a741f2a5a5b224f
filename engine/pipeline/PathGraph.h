// SPDX-License-Identifier: GPL-3.0-or-later
// Undirected pairs of paths kept as connected components (sync and flip groups).
#pragma once

#include "pipeline/PathIndex.h"
#include "pipeline/PathListMemo.h"

#include <string>
#include <utility>
#include <vector>

namespace bi::pipeline {

struct PathGraphNode {
    std::size_t component = 0;
    std::string anchor;
    std::size_t index = 0; // order of first appearance: a slot in per-node scratch vectors
};

class PathGraph {
public:
    void addPair(const std::string& a, const std::string& b, const std::string& anchor);
    [[nodiscard]] bool contains(std::string_view node) const { return nodes_.find(node) != nullptr; }
    // Every member of node's component (node included), in first-seen order.
    [[nodiscard]] const std::vector<std::string>& component(std::string_view node) const;
    [[nodiscard]] const std::string& anchorOf(std::string_view node) const { return nodes_.find(node)->anchor; }
    [[nodiscard]] const PathIndex<PathGraphNode>& nodes() const { return nodes_; }
    // The indices (PathGraphNode::index) of the nodes at, above or below path,
    // remembered per path until the next addPair. Valid until then too.
    [[nodiscard]] const std::vector<std::uint32_t>& relatedNodes(std::string_view path) const;
    [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& pairs() const { return pairs_; }
    [[nodiscard]] bool empty() const { return pairs_.empty(); }
    [[nodiscard]] std::size_t nodeCount() const { return nodes_.size(); }
    // The components touched by the given nodes (each once).
    [[nodiscard]] std::vector<std::size_t> componentsOf(const std::vector<std::string>& nodes) const;
    [[nodiscard]] const std::vector<std::string>& componentAt(std::size_t i) const { return components_[i]; }

private:
    PathIndex<PathGraphNode> nodes_;
    std::vector<std::vector<std::string>> components_;
    std::vector<std::pair<std::string, std::string>> pairs_;
    mutable PathListMemo related_;
};

} // namespace bi::pipeline
