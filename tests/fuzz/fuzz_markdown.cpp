// SPDX-License-Identifier: GPL-3.0-or-later
// CommonMark parser: any bytes render without crashing.
#include <cstdint>
#include <string_view>

#if __has_include("extract/markdown/Markdown.h")
#include "extract/markdown/Markdown.h"
#define BI_HAVE_MARKDOWN 1
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
#ifdef BI_HAVE_MARKDOWN
    std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)bi::extract::markdown::renderHtml(text);
    (void)bi::extract::markdown::analyze(text);
#else
    (void)data;
    (void)size;
#endif
    return 0;
}
