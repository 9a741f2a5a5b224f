// SPDX-License-Identifier: GPL-3.0-or-later
// The C++ exports must write the very bytes the Node host writes (wasm/host/records.mjs):
// both are checked against the same files under tests/host/fixtures/.
#include "trace/RecordExport.h"

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

std::vector<bi::trace::TimingRecord> fixtureRecords() {
    return bi::trace::recordsFromJson(fixture("records.json"));
}

} // namespace

TEST(RecordExport, CsvMatchesTheHostsBytes) {
    EXPECT_EQ(bi::trace::recordsToCsv(fixtureRecords()), fixture("records.csv"));
}

TEST(RecordExport, JsonMatchesTheHostsBytes) {
    EXPECT_EQ(bi::trace::recordsToJson(fixtureRecords()) + "\n", fixture("records.export.json"));
}

TEST(RecordExport, ChromeTraceMatchesTheHostsBytes) {
    EXPECT_EQ(bi::trace::recordsToChromeTrace(fixtureRecords()) + "\n", fixture("records.trace.json"));
}

TEST(RecordExport, OverheadIsTotalMinusCompute) {
    bi::trace::TimingRecord r;
    r.total = 10;
    r.compute = 4;
    EXPECT_DOUBLE_EQ(r.overhead(), 6);
    const auto back = bi::trace::recordsFromJson(bi::trace::recordsToJson({r}));
    ASSERT_EQ(back.size(), 1u);
    EXPECT_DOUBLE_EQ(back[0].overhead(), 6);
}

TEST(RecordExport, ChromeTraceLaysCallsEndToEndPerEngine) {
    bi::trace::TimingRecord a;
    a.op = "run";
    a.engine = "wasm";
    a.total = 5;
    a.compute = 3;
    bi::trace::TimingRecord b = a;
    b.total = 7;
    const std::string trace = bi::trace::recordsToChromeTrace({a, b});
    EXPECT_NE(trace.find(R"("name":"run","cat":"run/","ph":"X","ts":5,"dur":7,"pid":2)"), std::string::npos) << trace;
}

TEST(RecordExport, RejectsMalformedInputNamingThePlace) {
    EXPECT_THROW(bi::trace::recordsFromJson("[1]"), bi::EngineError);
    try {
        bi::trace::recordsFromJson("[{]");
        FAIL();
    } catch (const bi::EngineError& e) {
        EXPECT_NE(std::string(e.what()).find("line 1, column"), std::string::npos) << e.what();
    }
}
