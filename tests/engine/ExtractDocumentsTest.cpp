// SPDX-License-Identifier: GPL-3.0-or-later
// The document corpus (tests/documents/cases.json): every case's result JSON
// must equal its expected file byte for byte. BI_UPDATE_EXPECTED=1 rewrites
// the expected files instead (review the diff before committing).
#include "api/ExtractCommands.h"
#include "core/EngineError.h"
#include "core/Json.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace {

const std::string kDir = std::string(BI_TEST_DATA_DIR) + "/documents/";

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bi::api::ExtractCommandOptions optionsOf(const bi::json::Value& c) {
    bi::api::ExtractCommandOptions options;
    const bi::json::Value* o = c.find("options");
    if (o == nullptr) {
        return options;
    }
    if (const auto* v = o->find("mime")) {
        options.mimeType = v->asString();
    }
    if (const auto* v = o->find("text")) {
        options.plainText = v->asBool();
    }
    if (const auto* v = o->find("max_chars")) {
        options.maxChars = static_cast<std::size_t>(v->asNumber());
    }
    if (const auto* v = o->find("overlap")) {
        options.overlap = static_cast<std::size_t>(v->asNumber());
    }
    return options;
}

std::string resultOf(const bi::json::Value& c) {
    const std::string file = c.find("file")->asString();
    const std::string bytes = readFile(kDir + file);
    try {
        return bi::api::extractDocument(bi::api::ExtractInput{bytes, file}, optionsOf(c)).json;
    } catch (const bi::EngineError& e) {
        bi::json::Value error = bi::json::Value::object();
        error.set("error", e.what());
        return bi::json::write(error);
    }
}

} // namespace

TEST(ExtractDocuments, CorpusMatchesExpectedResults) {
    const bi::json::Value manifest = bi::json::parse(readFile(kDir + "cases.json"));
    const bool update = std::getenv("BI_UPDATE_EXPECTED") != nullptr;
    int checked = 0;
    for (const auto& c : manifest.find("cases")->asArray()) {
        const std::string name = c.find("name")->asString();
#ifndef BI_VARIANT_STANDARD
        if (const auto* standard = c.find("standard"); standard != nullptr && standard->asBool()) {
            continue;
        }
#endif
        const std::string actual = resultOf(c) + "\n";
        const std::string path = kDir + "expected/" + name + ".expected.json";
        if (update) {
            std::ofstream(path, std::ios::binary) << actual;
        }
        EXPECT_EQ(actual, readFile(path)) << "case " << name << " (" << path << ")";
        ++checked;
    }
    EXPECT_GE(checked, 9);
}

TEST(ExtractDocuments, ChunksOfTheCorpusPointIntoTheContent) {
    const bi::json::Value manifest = bi::json::parse(readFile(kDir + "cases.json"));
    for (const auto& c : manifest.find("cases")->asArray()) {
        if (c.find("options") == nullptr || c.find("options")->find("max_chars") == nullptr) {
            continue;
        }
#ifndef BI_VARIANT_STANDARD
        if (c.find("standard") != nullptr) {
            continue;
        }
#endif
        const bi::json::Value result = bi::json::parse(resultOf(c));
        if (result.find("error") != nullptr) {
            continue;
        }
        const std::string& content = result.find("content")->asString();
        const auto& chunks = result.find("chunks")->asArray();
        EXPECT_FALSE(chunks.empty()) << c.find("name")->asString();
        for (const auto& chunk : chunks) {
            const auto* m = chunk.find("metadata");
            const auto start = static_cast<std::size_t>(m->find("byte_start")->asNumber());
            const auto end = static_cast<std::size_t>(m->find("byte_end")->asNumber());
            EXPECT_EQ(content.substr(start, end - start), chunk.find("content")->asString());
            EXPECT_EQ(m->find("total_chunks")->asNumber(), static_cast<double>(chunks.size()));
        }
    }
}
