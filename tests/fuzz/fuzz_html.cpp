// SPDX-License-Identifier: GPL-3.0-or-later
// HTML tokenizer and converter: any bytes convert without crashing, and
// pumping in small steps gives the same bytes as converting at once, also
// when the input grows a few bytes at a time (text::GrowingInput).
#include <cstdint>
#include <cstdlib>
#include <string>

#if defined(BI_VARIANT_STANDARD) && __has_include("extract/html/HtmlConverter.h")
#include "extract/html/HtmlConverter.h"
#include "extract/text/GrowingInput.h"
#define BI_HAVE_HTML 1

namespace {

// The input made available `step` bytes at a time.
class SteppedInput : public bi::extract::text::GrowingInput {
public:
    SteppedInput(std::string_view text, std::size_t step) : text_(text), step_(step) {}
    std::string_view grow(bool& final) override {
        available_ = available_ + step_ < text_.size() ? available_ + step_ : text_.size();
        final = available_ == text_.size();
        return text_.substr(0, available_);
    }

private:
    std::string_view text_;
    std::size_t step_;
    std::size_t available_ = 0;
};

} // namespace
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
#ifdef BI_HAVE_HTML
    namespace html = bi::extract::html;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string whole = html::convertAll(text, {});
    html::HtmlConverter stepwise(text, {});
    std::string pumped;
    while (stepwise.pump(pumped, 7)) {
    }
    if (pumped != whole) {
        std::abort();
    }
    SteppedInput source(text, 1 + size % 3);
    html::HtmlConverter grown({}, {});
    grown.setSource(source);
    std::string grownOut;
    while (grown.pump(grownOut, 5)) {
    }
    if (grownOut != whole) {
        std::abort();
    }
#else
    (void)data;
    (void)size;
#endif
    return 0;
}
