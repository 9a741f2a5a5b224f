// SPDX-License-Identifier: GPL-3.0-or-later
// Batch extraction reuses one Extractor and one ExtractionResult (the batch
// arena): once its buffers have grown, later documents allocate (almost)
// nothing, for plain text, Markdown and HTML alike. Counted with a
// replacement global operator new.
#include "extract/Extractor.h"
#include "extract/ResultJson.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <new>

namespace {
std::atomic<long> gAllocations{0};
} // namespace

void* operator new(std::size_t size) {
    ++gAllocations;
    if (void* p = std::malloc(size == 0 ? 1 : size)) {
        return p;
    }
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

using namespace bi::extract;

namespace {

std::string textDocument(int seed) {
    std::string text;
    for (int i = 0; i < 150; ++i) {
        text += "Paragraph " + std::to_string(seed * 1000 + i) + " of the report. It has a few sentences; ";
        text += "some are longer than others, and all of them are plain words.\n";
        if (i % 4 == 3) {
            text += "\n";
        }
    }
    return text;
}

std::string markdownDocument(int seed) {
    std::string md = "# Report " + std::to_string(seed) + "\n\n";
    for (int i = 0; i < 40; ++i) {
        md += "## Part " + std::to_string(i) + "\n\nSome *text* with a [link](https://example.org/" + std::to_string(i) +
              ") and `code`.\n\n- one\n- two\n\n";
    }
    return md;
}

[[maybe_unused]] std::string htmlDocument(int seed) {
    std::string html = "<!DOCTYPE html><html lang=\"en\"><head><title>Report " + std::to_string(seed) +
                       "</title><meta name=\"description\" content=\"Quarterly figures\"></head><body>\n";
    for (int i = 0; i < 40; ++i) {
        const std::string n = std::to_string(seed * 100 + i);
        html += "<h2>Part " + n + "</h2>\n<p>Some <em>text</em> with a <a href=\"https://example.org/" + n +
                "\">link</a> and <code>code</code> &amp; more words to fill the line.</p>\n<ul><li>one</li><li>two " +
                "</li></ul>\n";
    }
    return html + "</body></html>\n";
}

// Allocations per document after the first, extracting with reused buffers.
std::vector<long> reusedAllocations(const std::vector<std::string>& docs, const ExtractOptions& options) {
    Extractor extractor;
    ExtractionResult result;
    std::string json;
    std::vector<long> counts;
    for (const std::string& doc : docs) {
        const long before = gAllocations.load();
        extractor.extract(doc, options, result);
        json.clear();
        appendResultJson(result, json);
        counts.push_back(gAllocations.load() - before);
    }
    return counts;
}

// The same documents with fresh objects each time (plain malloc behaviour).
std::vector<long> freshAllocations(const std::vector<std::string>& docs, const ExtractOptions& options) {
    std::vector<long> counts;
    for (const std::string& doc : docs) {
        const long before = gAllocations.load();
        {
            Extractor extractor;
            ExtractionResult result;
            std::string json;
            extractor.extract(doc, options, result);
            appendResultJson(result, json);
        }
        counts.push_back(gAllocations.load() - before);
    }
    return counts;
}

} // namespace

TEST(ArenaAllocation, TextBatchStopsAllocatingAfterTheFirstDocument) {
    std::vector<std::string> docs;
    for (int i = 0; i < 8; ++i) {
        docs.push_back(textDocument(i));
    }
    ExtractOptions options;
    options.mimeType = "text/plain";
    options.chunking = {500, 50};
    const std::vector<long> reused = reusedAllocations(docs, options);
    const std::vector<long> fresh = freshAllocations(docs, options);
    std::printf("text batch allocations per document: first %ld, later %ld %ld %ld; fresh objects: %ld\n", reused[0],
                reused[1], reused[2], reused[7], fresh[7]);
    EXPECT_GT(reused[0], 20);
    // The second document still grows a few buffers (it is a little longer).
    EXPECT_LT(reused[1], reused[0] / 2);
    for (std::size_t i = 2; i < reused.size(); ++i) {
        EXPECT_LE(reused[i], 2) << "document " << i;
    }
    EXPECT_GT(fresh[7], 20);
}

// Documents of a similar shape after the second: the reused node tree,
// converter, metadata and tables leave only a few parser-local allocations.
constexpr long kSmallBound = 16;

void expectNearZeroAfterWarmUp(const std::vector<long>& reused, const std::vector<long>& fresh, const char* what) {
    std::printf("%s batch allocations per document: first %ld, later %ld %ld %ld; fresh objects: %ld\n", what,
                reused[0], reused[1], reused[2], reused.back(), fresh.back());
    EXPECT_GT(reused[0], 100);
    for (std::size_t i = 2; i < reused.size(); ++i) {
        EXPECT_LE(reused[i], kSmallBound) << what << " document " << i;
    }
    EXPECT_GT(fresh.back(), 20 * kSmallBound);
}

TEST(ArenaAllocation, MarkdownBatchStopsAllocatingAfterWarmUp) {
    std::vector<std::string> docs;
    for (int i = 0; i < 6; ++i) {
        docs.push_back(markdownDocument(i));
    }
    ExtractOptions options;
    options.mimeType = "text/markdown";
    options.chunking = {400, 0};
    expectNearZeroAfterWarmUp(reusedAllocations(docs, options), freshAllocations(docs, options), "markdown");
}

#ifdef BI_VARIANT_STANDARD
TEST(ArenaAllocation, HtmlBatchStopsAllocatingAfterWarmUp) {
    std::vector<std::string> docs;
    for (int i = 0; i < 6; ++i) {
        docs.push_back(htmlDocument(i));
    }
    ExtractOptions options;
    options.mimeType = "text/html";
    options.chunking = {400, 0};
    expectNearZeroAfterWarmUp(reusedAllocations(docs, options), freshAllocations(docs, options), "html");
}
#endif
