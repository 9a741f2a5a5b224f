// SPDX-License-Identifier: GPL-3.0-or-later
// The inline content of one block (paragraph, heading, table cell) as a
// browser lays it out: runs of whitespace collapse to one space, leading and
// trailing whitespace vanish. Markup (emphasis, links, inline code) opens
// lazily, right before the first visible character inside it, so "<b> x</b>"
// becomes " **x**" and an empty element leaves nothing behind. When a block
// ends inside an open element, the element is closed there and reopened in
// the next block.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bi::extract::html {

class InlineText {
public:
    void appendText(std::string_view text);
    // Content that is never collapsed or split (an image, a literal).
    void appendAtom(std::string_view atom);
    // Opens an element written as opener ... closer. A code span picks its
    // backtick fence when it closes (its content may hold backticks).
    void open(std::string_view opener, std::string_view closer, bool codeSpan = false);
    // Closes the innermost open element; returns false when it held nothing.
    bool close();
    // A boundary that separates words (a block edge inside a table cell).
    void space();
    void lineBreak(std::string_view hardBreak);

    [[nodiscard]] bool empty() const { return text_.empty(); }
    [[nodiscard]] std::size_t openCount() const { return openCount_; }
    [[nodiscard]] bool isOpen(std::string_view opener) const;
    // The block's text with the open elements closed; keeps them open for the
    // next block. Valid until the next call of take().
    const std::string& take();
    // Starts over empty, keeping the buffers.
    void reset() {
        text_.clear();
        taken_.clear();
        openCount_ = 0;
        pendingSpace_ = false;
    }

private:
    struct OpenElement {
        std::string opener;
        std::string closer;
        bool codeSpan = false;
        bool written = false;
        std::size_t openerAt = 0; // where the opener was written
    };

    void beforeContent();
    void closeCodeSpan(OpenElement& e);

    std::string text_;
    std::string taken_;
    // [0, openCount_) are open; later slots keep their buffers for reuse.
    std::vector<OpenElement> open_;
    std::size_t openCount_ = 0;
    bool pendingSpace_ = false;
};

} // namespace bi::extract::html
