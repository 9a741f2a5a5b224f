// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/markdown/MdTree.h"

namespace bi::extract::markdown {

MdTree::MdTree() : root_(create(NodeType::Document)) {}

void MdTree::clear() {
    used_ = 0; // nodes are recycled as create() hands them out again
    root_ = create(NodeType::Document);
}

void MdTree::grow() {
    chunks_.push_back(std::make_unique<MdNode[]>(kChunkSize));
    capacity_ += kChunkSize;
}

void MdTree::insertAfter(MdNode* anchor, MdNode* sibling) {
    unlink(sibling);
    sibling->parent = anchor->parent;
    sibling->prev = anchor;
    sibling->next = anchor->next;
    if (anchor->next != nullptr) {
        anchor->next->prev = sibling;
    } else if (anchor->parent != nullptr) {
        anchor->parent->lastChild = sibling;
    }
    anchor->next = sibling;
}

void MdTree::unlink(MdNode* node) {
    if (node->prev != nullptr) {
        node->prev->next = node->next;
    } else if (node->parent != nullptr) {
        node->parent->firstChild = node->next;
    }
    if (node->next != nullptr) {
        node->next->prev = node->prev;
    } else if (node->parent != nullptr) {
        node->parent->lastChild = node->prev;
    }
    node->parent = nullptr;
    node->prev = nullptr;
    node->next = nullptr;
}

const MdNode* MdTree::nextInOrder(const MdNode* node, const MdNode* scope) {
    if (node->firstChild != nullptr) {
        return node->firstChild;
    }
    return nextAfter(node, scope);
}

const MdNode* MdTree::nextAfter(const MdNode* node, const MdNode* scope) {
    while (node != nullptr && node != scope) {
        if (node->next != nullptr) {
            return node->next;
        }
        node = node->parent;
    }
    return nullptr;
}

} // namespace bi::extract::markdown
