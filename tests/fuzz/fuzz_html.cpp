// SPDX-License-Identifier: GPL-3.0-or-later
// HTML tokenizer and converter: any bytes convert without crashing, and
// pumping in small steps gives the same bytes as converting at once.
#include <cstdint>
#include <cstdlib>
#include <string>

#if defined(BI_VARIANT_STANDARD) && __has_include("extract/html/HtmlConverter.h")
#include "extract/html/HtmlConverter.h"
#define BI_HAVE_HTML 1
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
#else
    (void)data;
    (void)size;
#endif
    return 0;
}
