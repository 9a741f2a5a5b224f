// SPDX-License-Identifier: GPL-3.0-or-later
// The binary layout read and written by the engine must be the one the Node host
// writes (wasm/host/binary-codec.mjs made the fixture files).
#include "api/BinaryCodec.h"

#include "core/EngineError.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(BI_TEST_DATA_DIR) + "/host/fixtures/" + name, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

TEST(BinaryCodec, DecodesTheHostsChangeList) {
    const bi::json::Value changes = bi::api::decodeBinaryChanges(fixture("changes.bin"));
    EXPECT_EQ(bi::json::write(changes),
              R"([["a.b",1.5],["name","Zoë 😀"],["obj",{"x":[true,false,null],"y":{"z":-0.1}}],)"
              R"(["u",{"$undefined":true}],["",1e+300]])");
    EXPECT_EQ(bi::api::encodeBinaryChanges(changes), fixture("changes.bin"));
}

TEST(BinaryCodec, DocumentsRoundTripByteForByte) {
    const std::string bytes = fixture("document.bin");
    const bi::json::Value doc = bi::api::decodeBinaryDocument(bytes);
    EXPECT_EQ(bi::json::write(doc), R"({"runs":[{"changes":[{"path":"a","value":2}]}],"ok":true,"n":null,"s":"é"})");
    EXPECT_EQ(bi::api::encodeBinaryDocument(doc), bytes);
}

TEST(BinaryCodec, AcceptsChangeObjectsAndPairs) {
    const bi::json::Value objects = bi::json::parse(R"([{"path":"x","value":[1]}])");
    const bi::json::Value pairs = bi::json::parse(R"([["x",[1]]])");
    EXPECT_EQ(bi::api::encodeBinaryChanges(objects), bi::api::encodeBinaryChanges(pairs));
}

TEST(BinaryCodec, TruncatedOrForeignBytesNameTheOffset) {
    std::string bytes = fixture("changes.bin");
    bytes.resize(bytes.size() - 3);
    try {
        bi::api::decodeBinaryChanges(bytes);
        FAIL();
    } catch (const bi::EngineError& e) {
        EXPECT_NE(std::string(e.what()).find("truncated u32 at byte 110"), std::string::npos) << e.what();
    }
    EXPECT_THROW(bi::api::decodeBinaryDocument(fixture("changes.bin")), bi::EngineError);
    EXPECT_THROW(bi::api::decodeBinaryChanges(std::string("BIC1\xff\xff\xff\x7f", 8)), bi::EngineError);
}

namespace {
void putU32(std::uint32_t v, std::string& out) {
    for (int i = 0; i < 4; ++i) {
        out += static_cast<char>((v >> (8 * i)) & 0xffU);
    }
}
void putStr(const std::string& s, std::string& out) {
    putU32(static_cast<std::uint32_t>(s.size()), out);
    out += s;
}
} // namespace

// Tag 8 (the engine's compact change lists): read back as [{path, value}…], the same
// objects tags 5 + 6 would give, and truncation still names the offset.
TEST(BinaryCodec, CompactChangeListsReadAsChangeObjects) {
    std::string bytes;
    putU32(bi::api::kBinaryDocumentMagic, bytes);
    bytes += '\x08';
    putU32(2, bytes);
    putStr("a.b", bytes);
    bytes += '\x02'; // true
    putStr("", bytes);
    bytes += '\x04';
    putStr("é", bytes);
    const bi::json::Value list = bi::api::decodeBinaryDocument(bytes);
    EXPECT_EQ(bi::json::write(list), R"([{"path":"a.b","value":true},{"path":"","value":"é"}])");
    EXPECT_EQ(bi::api::decodeBinaryDocument(bi::api::encodeBinaryDocument(list)), list);
    bytes.resize(bytes.size() - 2);
    try {
        bi::api::decodeBinaryDocument(bytes);
        FAIL();
    } catch (const bi::EngineError& e) {
        EXPECT_NE(std::string(e.what()).find("byte"), std::string::npos) << e.what();
    }
}
