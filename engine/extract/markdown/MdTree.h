// SPDX-License-Identifier: GPL-3.0-or-later
// Owns every node of one parsed document and edits the links between them.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "extract/markdown/MdNode.h"

namespace bi::extract::markdown {

class MdTree {
public:
    MdTree();
    MdTree(const MdTree&) = delete;
    MdTree& operator=(const MdTree&) = delete;

    [[nodiscard]] MdNode* root() { return root_; }
    [[nodiscard]] const MdNode* root() const { return root_; }

    // Drops every node but keeps their storage: the next document parsed into
    // this tree reuses nodes, strings and vectors instead of allocating them.
    void clear();

    // Inline: the parser creates a node for nearly every line and text run.
    MdNode* create(NodeType type) {
        if (used_ == capacity_) {
            grow();
        }
        MdNode& node = chunks_[used_ / kChunkSize][used_ % kChunkSize];
        if (used_ < everUsed_) {
            node.recycle(type); // a node of an earlier document
        } else {
            everUsed_ = used_ + 1;
        }
        ++used_;
        node.type = type;
        return &node;
    }
    // Inline: called for nearly every node created.
    static void appendChild(MdNode* parent, MdNode* child) {
        if (child->parent != nullptr) {
            unlink(child); // a linked node moves (a fresh one has no links yet)
        }
        child->parent = parent;
        child->prev = parent->lastChild;
        if (parent->lastChild != nullptr) {
            parent->lastChild->next = child;
        } else {
            parent->firstChild = child;
        }
        parent->lastChild = child;
    }
    static void insertAfter(MdNode* anchor, MdNode* sibling);
    static void unlink(MdNode* node);
    // Next node in document order (pre-order), staying inside `scope`.
    static const MdNode* nextInOrder(const MdNode* node, const MdNode* scope);
    // The same, skipping the nodes below `node`.
    static const MdNode* nextAfter(const MdNode* node, const MdNode* scope);

private:
    // Fixed-size chunks: stable addresses and one allocation per many nodes
    // (std::deque would allocate per node, nodes being large).
    static constexpr std::size_t kChunkSize = 256;
    void grow(); // one more chunk, out of line: rare
    std::vector<std::unique_ptr<MdNode[]>> chunks_;
    std::size_t capacity_ = 0; // nodes in chunks_
    std::size_t used_ = 0;     // nodes handed out, across chunks
    std::size_t everUsed_ = 0; // nodes below this were used by an earlier document
    MdNode* root_;
};

} // namespace bi::extract::markdown
