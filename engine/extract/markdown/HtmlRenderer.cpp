// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/markdown/HtmlRenderer.h"

#include <string_view>

#include "extract/markdown/MdText.h"

namespace bi::extract::markdown {

namespace {

bool hasExitEvent(NodeType type) {
    switch (type) {
    case NodeType::Text:
    case NodeType::SoftBreak:
    case NodeType::LineBreak:
    case NodeType::Code:
    case NodeType::HtmlInline:
    case NodeType::CodeBlock:
    case NodeType::HtmlBlock:
    case NodeType::ThematicBreak: return false;
    default: return true;
    }
}

bool inTightList(const MdNode* paragraph) {
    const MdNode* grandparent = paragraph->parent != nullptr ? paragraph->parent->parent : nullptr;
    return grandparent != nullptr && grandparent->type == NodeType::List && grandparent->tight;
}

const char* alignAttribute(CellAlign align) {
    switch (align) {
    case CellAlign::Left: return " align=\"left\"";
    case CellAlign::Center: return " align=\"center\"";
    case CellAlign::Right: return " align=\"right\"";
    default: return "";
    }
}

} // namespace

std::string HtmlRenderer::render(const MdNode* root) {
    out_.clear();
    const MdNode* node = root;
    bool entering = true;
    while (node != nullptr) {
        visit(node, entering);
        if (entering && hasExitEvent(node->type)) {
            if (node->firstChild != nullptr) {
                node = node->firstChild;
            } else {
                entering = false;
            }
        } else if (node == root) {
            node = nullptr;
        } else if (node->next != nullptr) {
            node = node->next;
            entering = true;
        } else {
            node = node->parent;
            entering = false;
        }
    }
    return std::move(out_);
}

void HtmlRenderer::cr() {
    if (!out_.empty() && out_.back() != '\n') {
        out_ += '\n';
    }
}

void HtmlRenderer::tag(const char* text) {
    if (disableTags_ == 0) {
        out_ += text;
    }
}

void HtmlRenderer::visit(const MdNode* node, bool entering) {
    switch (node->type) {
    case NodeType::Table:
    case NodeType::TableRow:
    case NodeType::TableCell: visitTable(node, entering); break;
    case NodeType::Text:
    case NodeType::SoftBreak:
    case NodeType::LineBreak:
    case NodeType::Code:
    case NodeType::HtmlInline:
    case NodeType::Emph:
    case NodeType::Strong:
    case NodeType::Link:
    case NodeType::Image: visitInline(node, entering); break;
    default: visitBlock(node, entering); break;
    }
}

void HtmlRenderer::visitBlock(const MdNode* node, bool entering) {
    switch (node->type) {
    case NodeType::Paragraph:
        if (inTightList(node)) {
            return;
        }
        if (entering) {
            cr();
            tag("<p>");
        } else {
            tag("</p>");
            cr();
        }
        return;
    case NodeType::Heading: {
        const char level = static_cast<char>('0' + node->level);
        if (entering) {
            cr();
            out_ += "<h";
            out_ += level;
            out_ += '>';
        } else {
            out_ += "</h";
            out_ += level;
            out_ += ">";
            cr();
        }
        return;
    }
    case NodeType::BlockQuote:
        cr();
        tag(entering ? "<blockquote>" : "</blockquote>");
        cr();
        return;
    case NodeType::List:
        cr();
        if (!entering) {
            tag(node->ordered ? "</ol>" : "</ul>");
        } else if (node->ordered && node->start != 1) {
            out_ += "<ol start=\"";
            out_ += std::to_string(node->start);
            out_ += "\">";
        } else {
            tag(node->ordered ? "<ol>" : "<ul>");
        }
        cr();
        return;
    case NodeType::Item:
        if (entering) {
            tag("<li>");
        } else {
            tag("</li>");
            cr();
        }
        return;
    case NodeType::CodeBlock: codeBlock(node); return;
    case NodeType::HtmlBlock:
        cr();
        text::appendRepaired(node->literal, out_);
        cr();
        return;
    case NodeType::ThematicBreak:
        cr();
        tag("<hr />");
        cr();
        return;
    default: return; // document
    }
}

void HtmlRenderer::codeBlock(const MdNode* node) {
    std::string_view info = node->info;
    std::size_t wordEnd = info.find_first_of(" \t\n\r\f\v");
    std::string_view language = info.substr(0, wordEnd);
    cr();
    out_ += "<pre><code";
    if (!language.empty()) {
        out_ += " class=\"language-";
        text::appendEscaped(language, out_);
        out_ += '"';
    }
    out_ += '>';
    text::appendEscaped(node->literal, out_);
    out_ += "</code></pre>";
    cr();
}

void HtmlRenderer::visitTable(const MdNode* node, bool entering) {
    if (node->type == NodeType::Table) {
        cr();
        if (entering) {
            out_ += "<table>\n";
        } else {
            if (node->firstChild != node->lastChild) {
                out_ += "</tbody>\n";
            }
            out_ += "</table>\n";
        }
        return;
    }
    if (node->type == NodeType::TableRow) {
        if (entering) {
            cellIndex_ = 0;
            out_ += node->headerRow ? "<thead>\n<tr>\n" : "<tr>\n";
        } else {
            out_ += "</tr>\n";
            if (node->headerRow) {
                out_ += node->next != nullptr ? "</thead>\n<tbody>\n" : "</thead>\n";
            }
        }
        return;
    }
    const MdNode* table = node->parent->parent;
    const bool header = node->parent->headerRow;
    if (entering) {
        out_ += header ? "<th" : "<td";
        out_ += cellIndex_ < table->aligns.size() ? alignAttribute(table->aligns[cellIndex_]) : "";
        out_ += '>';
    } else {
        out_ += header ? "</th>\n" : "</td>\n";
        ++cellIndex_;
    }
}

void HtmlRenderer::visitInline(const MdNode* node, bool entering) {
    switch (node->type) {
    case NodeType::Text: text::appendEscaped(node->literal, out_); return;
    case NodeType::SoftBreak: out_ += '\n'; return;
    case NodeType::LineBreak:
        tag("<br />");
        cr();
        return;
    case NodeType::Code:
        tag("<code>");
        text::appendEscaped(node->literal, out_);
        tag("</code>");
        return;
    case NodeType::HtmlInline: text::appendRepaired(node->literal, out_); return;
    case NodeType::Emph: tag(entering ? "<em>" : "</em>"); return;
    case NodeType::Strong: tag(entering ? "<strong>" : "</strong>"); return;
    case NodeType::Link:
        if (!entering) {
            tag("</a>");
        } else if (disableTags_ == 0) {
            out_ += "<a href=\"";
            text::appendEscaped(node->destination, out_);
            if (!node->title.empty()) {
                out_ += "\" title=\"";
                text::appendEscaped(node->title, out_);
            }
            out_ += "\">";
        }
        return;
    case NodeType::Image:
        if (entering) {
            if (disableTags_ == 0) {
                out_ += "<img src=\"";
                text::appendEscaped(node->destination, out_);
                out_ += "\" alt=\"";
            }
            ++disableTags_;
        } else {
            --disableTags_;
            if (disableTags_ == 0) {
                if (!node->title.empty()) {
                    out_ += "\" title=\"";
                    text::appendEscaped(node->title, out_);
                }
                out_ += "\" />";
            }
        }
        return;
    default: return;
    }
}

} // namespace bi::extract::markdown
