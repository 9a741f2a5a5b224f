// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/html/BlockWriter.h"

#include "core/ByteFind.h"

namespace bi::extract::html {

void BlockWriter::pushContainer(std::string_view marker, std::string_view indent) {
    if (depth_ == containers_.size()) {
        containers_.emplace_back();
    }
    Container& c = containers_[depth_++];
    c.marker.assign(marker);
    c.indent.assign(indent);
    c.markerWritten = false;
}

void BlockWriter::popContainer() {
    if (depth_ > 0) {
        --depth_;
    }
}

// A blank line carries only the prefixes of containers already started, with
// trailing spaces removed; a text line starts any new container with its marker.
void BlockWriter::writePrefix(bool blankLine) {
    std::string& out = *out_;
    const std::size_t lineStart = out.size();
    for (std::size_t i = 0; i < depth_; ++i) {
        Container& c = containers_[i];
        if (blankLine) {
            if (c.markerWritten) {
                out += c.indent;
            }
            continue;
        }
        out += c.markerWritten ? c.indent : c.marker;
        c.markerWritten = true;
    }
    if (blankLine) {
        while (out.size() > lineStart && out.back() == ' ') {
            out.pop_back();
        }
    }
}

void BlockWriter::writeBlock(std::string_view text) {
    if (text.empty() || out_ == nullptr) {
        return;
    }
    if (wroteAnything_) {
        *out_ += '\n';
        if (separator_ == Separator::BlankLine) {
            writePrefix(true);
            *out_ += '\n';
        }
    }
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = bytes::find(text, '\n', start);
        const std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
        writePrefix(line.empty());
        *out_ += line;
        if (end == std::string_view::npos) {
            break;
        }
        *out_ += '\n';
        start = end + 1;
    }
    wroteAnything_ = true;
    separator_ = Separator::BlankLine;
}

} // namespace bi::extract::html
