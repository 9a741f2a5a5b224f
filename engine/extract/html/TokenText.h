// SPDX-License-Identifier: GPL-3.0-or-later
// The text of one token field (tag name, attribute value, comment, character
// run) built piece by piece. While the pieces are adjacent slices of the input
// the field stays a view into the input; only a piece that is not (a decoded
// character reference, a replacement character, a lowercased letter) makes it
// copy itself into the tokenizer's scratch buffer. Fields are built one after
// another, so an owned field is normally the last thing in the scratch buffer.
#pragma once

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace bi::extract::html {

class TokenText {
public:
    enum class Source : unsigned char {
        Input,    // a slice of the input: may be extended by the next adjacent slice
        Static,   // text with static storage duration: may be borrowed
        Volatile, // a temporary buffer: must be copied
    };

    void reset() {
        kind_ = Kind::Empty;
        data_ = nullptr;
        size_ = 0;
        offset_ = 0;
    }

    [[nodiscard]] bool empty() const { return size_ == 0; }
    [[nodiscard]] std::size_t size() const { return size_; }

    void append(std::string_view piece, Source source, std::string& scratch) {
        if (piece.empty()) {
            return;
        }
        if (kind_ == Kind::Empty && source != Source::Volatile) {
            kind_ = source == Source::Input ? Kind::Input : Kind::Static;
            data_ = piece.data();
            size_ = piece.size();
            return;
        }
        if (kind_ == Kind::Input && source == Source::Input && data_ + size_ == piece.data()) {
            size_ += piece.size();
            return;
        }
        own(scratch);
        scratch.append(piece);
        size_ += piece.size();
    }

    [[nodiscard]] std::string_view view(const std::string& scratch) const {
        if (kind_ == Kind::Owned) {
            return {scratch.data() + offset_, size_};
        }
        return {data_, size_};
    }

private:
    enum class Kind : unsigned char { Empty, Input, Static, Owned };

    // Makes this field the owned text at the end of the scratch buffer.
    void own(std::string& scratch) {
        if (kind_ == Kind::Owned && offset_ + size_ == scratch.size()) {
            return;
        }
        const std::size_t start = scratch.size();
        if (kind_ == Kind::Owned) {
            scratch.resize(start + size_);
            std::memmove(scratch.data() + start, scratch.data() + offset_, size_);
        } else {
            scratch.append(data_, size_);
        }
        kind_ = Kind::Owned;
        offset_ = start;
        data_ = nullptr;
    }

    Kind kind_ = Kind::Empty;
    const char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t offset_ = 0;
};

} // namespace bi::extract::html
