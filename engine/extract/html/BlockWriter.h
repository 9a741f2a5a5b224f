// SPDX-License-Identifier: GPL-3.0-or-later
// Writes blocks (paragraphs, headings, code blocks, tables) line by line with
// the prefixes of the containers they sit in: "> " for block quotes, the list
// marker on an item's first line and its width of spaces after that. Blocks
// are separated by a blank line, list items by a line break. Nothing trails
// the last block, so the output can be appended to in any number of steps.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bi::extract::html {

class BlockWriter {
public:
    enum class Separator { Newline, BlankLine };

    void setOutput(std::string* out) { out_ = out; }
    // Starts over empty, keeping the container stack's storage.
    void reset() {
        out_ = nullptr;
        depth_ = 0;
        separator_ = Separator::BlankLine;
        wroteAnything_ = false;
    }

    void pushContainer(std::string_view marker, std::string_view indent);
    void popContainer();
    [[nodiscard]] std::size_t depth() const { return depth_; }

    // How the next block is separated from the previous one.
    void setSeparator(Separator separator) { separator_ = separator; }
    // Writes a block; '\n' in the text starts a new line with the container prefix.
    void writeBlock(std::string_view text);
    [[nodiscard]] bool wroteAnything() const { return wroteAnything_; }

private:
    struct Container {
        std::string marker;
        std::string indent;
        bool markerWritten = false;
    };

    void writePrefix(bool blankLine);

    std::string* out_ = nullptr;
    // [0, depth_) are open; later slots keep their strings for the next
    // containers (a list item each: no strings built and dropped per item).
    std::vector<Container> containers_;
    std::size_t depth_ = 0;
    Separator separator_ = Separator::BlankLine;
    bool wroteAnything_ = false;
};

} // namespace bi::extract::html
