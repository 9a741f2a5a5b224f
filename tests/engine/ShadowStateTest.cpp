// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/EngineError.h"
#include "state/KeyTable.h"
#include "state/Paths.h"
#include "state/ShadowState.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

using bi::EngineError;
using bi::json::parse;
using bi::state::ShadowState;

TEST(ShadowState, GetsByDotPathAndIndex) {
    ShadowState s(parse(R"({"a":{"b":[10,{"c":"x"}]}})"));
    ASSERT_NE(s.get("a.b.1.c"), nullptr);
    EXPECT_EQ(s.get("a.b.1.c")->asString(), "x");
    EXPECT_EQ(s.get("a.b.2"), nullptr);
    EXPECT_EQ(s.get("a.b.0.z"), nullptr);
    EXPECT_EQ(s.get(""), &s.root());
}

TEST(ShadowState, SetCreatesIntermediatesAndKeepsSiblings) {
    ShadowState s(parse(R"({"a":{"keep":1,"n":null}})"));
    s.set("a.x.y", 2);
    s.set("a.n.z", 3);
    EXPECT_EQ(bi::json::write(s.root().toJson()), R"({"a":{"keep":1,"n":{"z":3},"x":{"y":2}}})");
}

TEST(ShadowState, SetRejectsPathsThroughPrimitivesAndBadIndices) {
    ShadowState s(parse(R"({"a":5,"l":[1]})"));
    EXPECT_THROW(s.set("a.b", 1), EngineError);
    EXPECT_THROW(s.set("l.1", 1), EngineError);
    EXPECT_THROW(s.set("l.x", 1), EngineError);
    s.set("l.0", 7);
    EXPECT_EQ(bi::json::write(s.root().toJson()), R"({"a":5,"l":[7]})");
}

TEST(ShadowState, HashesStayExactAfterNestedWrites) {
    ShadowState s(parse(R"({"a":{"b":1}})"));
    s.set("a.b", 2);
    // The stale-ancestor bug: after a.b 1→2, writing a = {b:1} must not look like a no-op.
    bi::state::Value fresh = bi::state::Value::fromJson(parse(R"({"b":1})"));
    EXPECT_FALSE(*s.get("a") == fresh);
    s.set("a.b", 1);
    EXPECT_TRUE(*s.get("a") == fresh);
    EXPECT_EQ(s.get("a")->hash(), fresh.hash());
}

TEST(ShadowState, RollbackRestoresEverythingWritten) {
    ShadowState s(parse(R"({"a":{"b":1},"n":null,"l":[1,2]})"));
    const std::string before = bi::json::write(s.root().toJson());
    const auto hash = s.root().hash();
    s.begin();
    s.set("a.b", 5);
    s.set("a.c.d", true);
    s.set("n.x", 1);
    s.set("l.1", "two");
    s.set("a", 7);
    s.rollback();
    EXPECT_EQ(bi::json::write(s.root().toJson()), before);
    EXPECT_EQ(s.root().hash(), hash);
}

// Partial rollbacks (the stepper's marks) over long paths, root writes and
// in-place replacements (setIfDifferent) restore exactly the state at the mark.
TEST(ShadowState, RollbackToAMarkRestoresTheStateAtTheMark) {
    ShadowState s(parse(R"({"catalog":{"departments":{"dept_0":{"products":{"p_0":{"status":"active"}}}}},"x":1})"));
    const std::string initial = bi::json::write(s.root().toJson());
    s.begin();
    s.set("catalog.departments.dept_0.products.p_0.status", "archived");
    EXPECT_FALSE(s.setIfDifferent("catalog.departments.dept_0.products.p_0.status", "archived"));
    EXPECT_TRUE(s.setIfDifferent("catalog.departments.dept_0.products.p_1.name", "new"));
    const std::size_t mark = s.mark();
    const std::string atMark = bi::json::write(s.root().toJson());
    EXPECT_TRUE(s.setIfDifferent("catalog.departments.dept_0.products.p_0.status", "gone"));
    s.set("", bi::state::Value::fromJson(parse(R"({"replaced":{"entirely":true}})")));
    s.set("replaced.also.deeper.still", 3);
    s.rollbackTo(mark);
    EXPECT_EQ(bi::json::write(s.root().toJson()), atMark);
    s.set("x", 2);
    s.rollbackTo(mark);
    EXPECT_EQ(bi::json::write(s.root().toJson()), atMark);
    s.rollback();
    EXPECT_EQ(bi::json::write(s.root().toJson()), initial);
}

TEST(ShadowState, RemembersRemovedPaths) {
    ShadowState s(parse(R"({"user":{"address":{"zip":"1"}}})"));
    EXPECT_TRUE(s.parentExists("user.address.zip"));
    s.set("user", bi::state::Value::object());
    EXPECT_FALSE(s.parentExists("user.address.zip"));
    EXPECT_TRUE(s.parentExists("user.name"));
    EXPECT_TRUE(s.parentExists("other.x"));
}

TEST(ShadowState, UndefinedIsDistinctFromNull) {
    ShadowState s(parse(R"({"u":{"$undefined":true},"n":null})"));
    EXPECT_TRUE(s.get("u")->isUndefined());
    EXPECT_TRUE(s.get("n")->isNull());
    EXPECT_FALSE(*s.get("u") == *s.get("n"));
    EXPECT_EQ(bi::json::write(s.root().toJson()), R"({"u":{"$undefined":true},"n":null})");
}

TEST(ShadowState, LargeObjectsUseTheKeyIndex) {
    bi::json::Value root = bi::json::Value::object();
    for (int i = 0; i < 100; ++i) {
        std::string key = std::to_string(i);
        key.insert(0, 1, 'f');
        root.set(key, i);
    }
    ShadowState s(root);
    EXPECT_EQ(s.get("f77")->asNumber(), 77);
    s.set("f77", 1);
    EXPECT_EQ(s.get("f77")->asNumber(), 1);
    EXPECT_EQ(s.get("f100"), nullptr);
}

// Walks resume from the previous walk's nodes (the walk cache): a copy must
// never write through addresses into the tree it was copied from.
TEST(ShadowState, ACopyDoesNotReuseTheOriginalsWalk) {
    ShadowState s(parse(R"({"a":{"b":{"c":1}}})"));
    ASSERT_NE(s.get("a.b.c"), nullptr);
    ShadowState t = s;
    EXPECT_TRUE(t.setIfDifferent("a.b.c", 2));
    EXPECT_EQ(s.get("a.b.c")->asNumber(), 1);
    EXPECT_EQ(t.get("a.b.c")->asNumber(), 2);
}

// Writes that share prefixes (resumed walks) keep every ancestor's hash exact,
// and structural writes in between (new keys, a replaced root) are seen.
TEST(ShadowState, WritesSharingPrefixesKeepHashesExact) {
    ShadowState s(parse(R"({"a":{"b":{"c":1,"d":2},"e":3}})"));
    EXPECT_TRUE(s.setIfDifferent("a.b.c", 10));
    EXPECT_TRUE(s.setIfDifferent("a.b.d", 20));
    EXPECT_FALSE(s.setIfDifferent("a.b.d", 20));
    EXPECT_TRUE(s.setIfDifferent("a.e", 30));
    EXPECT_TRUE(s.setIfDifferent("a.b.n.m", 5)); // creates keys: nodes may move
    EXPECT_EQ(s.get("a.b.c")->asNumber(), 10);
    EXPECT_TRUE(s.setIfDifferent("a.b", bi::state::Value::fromJson(parse(R"({"z":1})"))));
    EXPECT_EQ(s.get("a.b.c"), nullptr);
    EXPECT_EQ(s.get("a.b.z")->asNumber(), 1);
    const bi::state::Value expected = bi::state::Value::fromJson(parse(R"({"a":{"b":{"z":1},"e":30}})"));
    EXPECT_TRUE(s.root() == expected);
    EXPECT_EQ(s.root().hash(), expected.hash());
    EXPECT_TRUE(s.setIfDifferent("", bi::state::Value::fromJson(parse(R"({"a":{"b":{"c":7}}})"))));
    EXPECT_EQ(s.get("a.b.c")->asNumber(), 7);
    EXPECT_EQ(s.get("a.e"), nullptr);
}

namespace {

// A node's cached hash against the hash of the same JSON built afresh.
bool hashIsExact(const bi::state::Value& v) { return v.hash() == bi::state::Value::fromJson(v.toJson()).hash(); }

} // namespace

// Writes only mark their ancestors' hashes stale; reads recompute them. Stale
// subtrees that are compared, copied elsewhere, written again below or rolled
// back must read exactly the hash of the same tree built afresh.
TEST(ShadowState, StaleAncestorHashesAreRecomputedWhenRead) {
    using bi::state::Value;
    ShadowState s(parse(R"({"a":{"x":{"y":1},"z":2},"b":null,"c":{"x":{"y":1},"z":2}})"));
    const auto initial = s.root().hash();
    s.begin();
    EXPECT_TRUE(s.setIfDifferent("a.x.y", 5)); // a.x, a and the root go stale
    EXPECT_FALSE(*s.get("a") == *s.get("c"));  // same keys: only the hashes tell them apart first
    EXPECT_TRUE(s.setIfDifferent("c.x.y", 5));
    EXPECT_TRUE(*s.get("a") == *s.get("c"));
    const Value copy = *s.get("a"); // a stale copy recomputes its own hash
    EXPECT_TRUE(s.setIfDifferent("a.z", 3)); // below a node read since: marked again
    EXPECT_TRUE(hashIsExact(copy));
    EXPECT_FALSE(*s.get("a") == copy);
    EXPECT_TRUE(s.setIfDifferent("b", copy)); // a copy of a stale subtree written elsewhere
    EXPECT_TRUE(s.setIfDifferent("b.x.w", true)); // a new key below it (set's walk)
    Value holder = Value::object();
    holder.setMember(bi::state::KeyTable::global().intern("k"), *s.get("a")); // a clean node takes a stale child
    EXPECT_TRUE(hashIsExact(holder));
    for (const char* path : {"", "a", "a.x", "b", "b.x", "c"}) {
        EXPECT_TRUE(hashIsExact(*s.get(path))) << path;
    }
    s.rollback();
    EXPECT_EQ(s.root().hash(), initial);
    EXPECT_TRUE(hashIsExact(s.root()));
}

// Writes accept an index with a leading zero, reads never did; a write must
// not teach the reads otherwise.
TEST(ShadowState, ReadsStillRejectLeadingZeroIndicesAfterAWrite) {
    ShadowState s(parse(R"({"l":[1,2]})"));
    EXPECT_TRUE(s.setIfDifferent("l.01", 5));
    EXPECT_EQ(s.get("l.01"), nullptr);
    EXPECT_EQ(s.get("l.1")->asNumber(), 5);
}

// A one-segment write bypasses the walk cache; it must still forget the
// nodes it replaced, and only those.
TEST(ShadowState, ATopLevelWriteReplacesWhatAWalkRemembered) {
    ShadowState s(parse(R"({"a":{"b":{"c":1}},"x":1})"));
    EXPECT_EQ(s.get("a.b.c")->asNumber(), 1);
    EXPECT_TRUE(s.setIfDifferent("x", 5));
    EXPECT_EQ(s.get("a.b.c")->asNumber(), 1);
    EXPECT_TRUE(s.setIfDifferent("a", bi::state::Value::fromJson(parse(R"({"b":{"c":2}})"))));
    EXPECT_EQ(s.get("a.b.c")->asNumber(), 2);
    EXPECT_TRUE(s.setIfDifferent("a.b.c", 3));
    const bi::state::Value expected = bi::state::Value::fromJson(parse(R"({"a":{"b":{"c":3}},"x":5})"));
    EXPECT_EQ(s.root().hash(), expected.hash());
}

// Walks of several unrelated paths are remembered at once (a stage reads one
// subtree and writes another by turns): interleaved reads and writes, with a
// replaced subtree and a replaced root among them, must read what was
// written and keep the hashes exact.
TEST(ShadowState, InterleavedWalksReadWhatWasWritten) {
    ShadowState s(
        parse(R"({"p":{"q":{"r":1,"s":2}},"c":{"d":{"e":true}},"x":{"y":{"z":0}},"w":{"v":{"u":0}}})"));
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(s.get("p.q.r")->asNumber(), 1 + i);
        EXPECT_TRUE(s.setIfDifferent("c.d.e", i % 2 == 0 ? bi::state::Value(false) : bi::state::Value(true)));
        EXPECT_EQ(s.get("x.y.z")->asNumber(), i);
        EXPECT_TRUE(s.setIfDifferent("w.v.u", i + 1)); // a fourth stream
        EXPECT_TRUE(s.setIfDifferent("p.q.r", 2 + i));
        EXPECT_TRUE(s.setIfDifferent("x.y.z", i + 1));
    }
    EXPECT_EQ(s.get("p.q.s")->asNumber(), 2);
    EXPECT_TRUE(s.setIfDifferent("p.q", bi::state::Value::fromJson(parse(R"({"r":9})")))); // below it: gone
    EXPECT_EQ(s.get("c.d.e")->asBool(), false);
    EXPECT_EQ(s.get("p.q.s"), nullptr);
    EXPECT_EQ(s.get("p.q.r")->asNumber(), 9);
    EXPECT_EQ(s.get("x.y.z")->asNumber(), 3);
    const bi::state::Value expected = bi::state::Value::fromJson(
        parse(R"({"p":{"q":{"r":9}},"c":{"d":{"e":false}},"x":{"y":{"z":3}},"w":{"v":{"u":3}}})"));
    EXPECT_TRUE(s.root() == expected);
    EXPECT_EQ(s.root().hash(), expected.hash());
    EXPECT_TRUE(s.setIfDifferent("", bi::state::Value::fromJson(parse(R"({"x":{"y":{"z":5}}})"))));
    EXPECT_EQ(s.get("x.y.z")->asNumber(), 5);
    EXPECT_EQ(s.get("c.d.e"), nullptr);
    EXPECT_EQ(s.get("w.v.u"), nullptr);
}

// Reads remember whole paths. A rolled-back run erases the keys it created
// and restores what it replaced: remembered nodes must not outlive either.
TEST(ShadowState, ARollbackForgetsTheNodesItErasesOrRestores) {
    ShadowState s(parse(R"({"a":{"b":{"c":1}}})"));
    const bi::state::Value before = s.root();
    s.begin();
    EXPECT_TRUE(s.setIfDifferent("a.n.x", 5)); // creates a.n and a.n.x
    EXPECT_EQ(s.get("a.n.x")->asNumber(), 5);
    EXPECT_TRUE(s.setIfDifferent("a.b", bi::state::Value::fromJson(parse(R"({"c":2,"d":3})"))));
    EXPECT_EQ(s.get("a.b.d")->asNumber(), 3);
    s.rollback();
    EXPECT_EQ(s.get("a.n.x"), nullptr);
    EXPECT_EQ(s.get("a.n"), nullptr);
    EXPECT_EQ(s.get("a.b.d"), nullptr);
    EXPECT_EQ(s.get("a.b.c")->asNumber(), 1);
    EXPECT_TRUE(s.setIfDifferent("a.b.c", 4)); // through the restored nodes
    EXPECT_EQ(s.get("a.b.c")->asNumber(), 4);
    EXPECT_TRUE(s.setIfDifferent("a.b.c", 1));
    EXPECT_TRUE(s.root() == before);
    EXPECT_EQ(s.root().hash(), before.hash());
}

// A path through an index with a leading zero is written but never
// remembered: the write finds its ancestors by walking, and must fix the
// hashes of the same ancestors a remembered path would.
TEST(ShadowState, AWriteThroughALeadingZeroIndexKeepsHashesExact) {
    ShadowState s(parse(R"({"l":[{"v":1},{"v":2}],"m":{"n":0}})"));
    EXPECT_EQ(s.get("l.1.v")->asNumber(), 2); // remembered under the canonical spelling
    EXPECT_TRUE(s.setIfDifferent("l.01.v", 5));
    EXPECT_EQ(s.get("l.1.v")->asNumber(), 5);
    EXPECT_EQ(s.get("l.01.v"), nullptr);
    EXPECT_TRUE(s.setIfDifferent("m.n", 1));
    const bi::state::Value expected = bi::state::Value::fromJson(parse(R"({"l":[{"v":1},{"v":5}],"m":{"n":1}})"));
    EXPECT_TRUE(s.root() == expected);
    EXPECT_EQ(s.root().hash(), expected.hash());
}

// A state assigned from another (or moved) must not use the addresses it
// remembered in its own earlier tree, nor the other's.
TEST(ShadowState, AnAssignedStateForgetsItsEarlierTree) {
    ShadowState s(parse(R"({"a":{"b":{"c":1}}})"));
    ShadowState t(parse(R"({"a":{"b":{"c":9}}})"));
    EXPECT_EQ(t.get("a.b.c")->asNumber(), 9);
    t = s;
    EXPECT_EQ(t.get("a.b.c")->asNumber(), 1);
    EXPECT_TRUE(t.setIfDifferent("a.b.c", 2));
    EXPECT_EQ(s.get("a.b.c")->asNumber(), 1);
    ShadowState u = std::move(t);
    EXPECT_EQ(u.get("a.b.c")->asNumber(), 2);
    EXPECT_TRUE(u.setIfDifferent("a.b.c", 3));
    EXPECT_EQ(u.root().hash(), bi::state::Value::fromJson(parse(R"({"a":{"b":{"c":3}}})")).hash());
}

// lastDot scans eight bytes at a time: every length, every dot position, and
// the bytes next to '.' ('/' and '-' differ from it in one bit) must agree with rfind.
TEST(ShadowState, LastDotAgreesWithRfind) {
    for (std::size_t n = 0; n <= 24; ++n) {
        for (std::size_t dot = 0; dot <= n; ++dot) {
            for (char filler : {'a', '/', '-', '\xae', '\x01'}) {
                std::string s(n, filler);
                if (dot < n) {
                    s[dot] = '.';
                }
                if (n > 3) {
                    s[n / 3] = '.'; // a second, earlier dot
                }
                EXPECT_EQ(bi::state::paths::lastDot(s), s.rfind('.')) << s;
            }
        }
    }
}

// The inline relations compare words, not bytes: cover every length class
// (under 4, 4-7, 8-16, longer) and the segment boundary.
TEST(ShadowState, PathRelationsRespectSegmentBoundaries) {
    using namespace bi::state::paths;
    EXPECT_TRUE(related("", "x"));
    EXPECT_TRUE(related("x", ""));
    EXPECT_TRUE(related("a.b", "a.b"));
    EXPECT_TRUE(related("a", "a.b"));
    EXPECT_TRUE(related("a.b.c", "a"));
    EXPECT_FALSE(related("a.b", "a.bc"));
    EXPECT_FALSE(related("a.bc", "a.b"));
    EXPECT_FALSE(related("ab", "a.b"));
    EXPECT_FALSE(related("b.c", "a.b"));
    EXPECT_TRUE(related("catalog.products.p12.variants", "catalog.products.p12.variants.v3.price"));
    EXPECT_FALSE(related("catalog.products.p13.variants", "catalog.products.p12.variants.v3.price"));
    EXPECT_TRUE(isBelow("a.b", "a"));
    EXPECT_FALSE(isBelow("a", "a"));
    EXPECT_TRUE(isBelow("x", ""));
    EXPECT_FALSE(isBelow("", ""));
    EXPECT_TRUE(isAtOrBelow("a", "a"));
    EXPECT_FALSE(isAtOrBelow("ab", "a"));
    for (std::size_t n = 0; n <= 40; ++n) {
        std::string a(n, 'x');
        for (std::size_t i = 0; i < n; ++i) {
            a[i] = static_cast<char>('a' + i % 26);
        }
        EXPECT_TRUE(sameBytes(a, std::string(a))) << n;
        for (std::size_t i = 0; i < n; ++i) {
            std::string b = a;
            b[i] = '#';
            EXPECT_FALSE(sameBytes(a, b)) << n << " at " << i;
        }
        EXPECT_FALSE(sameBytes(a, a + "z")) << n;
    }
}

// Thousands of keys (the slot array grows several times): each is found under
// its own id, and a key never interned is not found.
TEST(ShadowState, KeyTableFindsEveryInternedKey) {
    auto& table = bi::state::KeyTable::global();
    std::vector<bi::state::KeyId> ids;
    for (int i = 0; i < 5000; ++i) {
        ids.push_back(table.intern("keytable_test_" + std::to_string(i)));
    }
    for (int i = 0; i < 5000; ++i) {
        const std::string key = "keytable_test_" + std::to_string(i);
        ASSERT_TRUE(table.find(key).has_value()) << key;
        EXPECT_EQ(*table.find(key), ids[static_cast<std::size_t>(i)]);
        EXPECT_EQ(table.name(ids[static_cast<std::size_t>(i)]), key);
    }
    EXPECT_FALSE(table.find("keytable_test_never").has_value());
}

// Hints (remembered lookups a caller keeps per position): a hint taken for
// one path and offered for another must not answer for it (the key check).
TEST(ShadowState, AHintOfAnotherPathIsNotTrusted) {
    ShadowState s(parse(R"({"a":{"b":1,"c":2}})"));
    std::uint32_t hint = ShadowState::kNoHint;
    ASSERT_NE(s.get("a.b", hint), nullptr);
    EXPECT_NE(hint, ShadowState::kNoHint); // remembered: the next call may skip the lookup
    ASSERT_NE(s.get("a.c", hint), nullptr);
    EXPECT_EQ(s.get("a.c", hint)->asNumber(), 2);
    std::uint32_t other = hint;
    EXPECT_EQ(s.get("a.b", other)->asNumber(), 1);
    std::uint32_t wild = 123456; // any value is a valid hint
    EXPECT_EQ(s.get("a.c", wild)->asNumber(), 2);
    std::uint32_t missing = ShadowState::kNoHint;
    EXPECT_EQ(s.get("a.zz", missing), nullptr);
    EXPECT_EQ(s.get("a.zz", missing), nullptr);
}

// A hint kept across writes that move or free nodes (a replaced subtree, a
// new key growing the parent) must not reach the old node (the generation check).
TEST(ShadowState, AHintDoesNotOutliveTheNodesItNamed) {
    ShadowState s(parse(R"({"a":{"b":{"c":1}}})"));
    std::uint32_t hint = ShadowState::kNoHint;
    ASSERT_EQ(s.get("a.b.c", hint)->asNumber(), 1);
    EXPECT_TRUE(s.setIfDifferent("a", bi::state::Value::fromJson(parse(R"({"b":{"c":2}})"))));
    ASSERT_NE(s.get("a.b.c", hint), nullptr);
    EXPECT_EQ(s.get("a.b.c", hint)->asNumber(), 2);
    std::uint32_t write = ShadowState::kNoHint;
    EXPECT_TRUE(s.setIfDifferent("a.b.c", 3, write));
    for (int i = 0; i < 40; ++i) { // new keys beside it: the members vector reallocates
        s.set("a.b.k" + std::to_string(i), i);
    }
    EXPECT_TRUE(s.setIfDifferent("a.b.c", 4, write));
    EXPECT_FALSE(s.setIfDifferent("a.b.c", 4, write));
    EXPECT_EQ(s.get("a.b.c")->asNumber(), 4);
    EXPECT_EQ(s.get("a.b.c", hint)->asNumber(), 4);
    ShadowState fresh(s.root().toJson());
    EXPECT_EQ(s.root().hash(), fresh.root().hash()); // ancestors marked stale through the hinted write
}

// A copy's hints point into the original's tree: a copy must not trust them.
TEST(ShadowState, ACopyDoesNotTrustTheOriginalsHints) {
    ShadowState s(parse(R"({"a":{"b":1}})"));
    std::uint32_t hint = ShadowState::kNoHint;
    ASSERT_EQ(s.get("a.b", hint)->asNumber(), 1);
    ShadowState t = s;
    EXPECT_TRUE(t.setIfDifferent("a.b", 2, hint));
    EXPECT_EQ(s.get("a.b")->asNumber(), 1);
    EXPECT_EQ(t.get("a.b")->asNumber(), 2);
}

// Hinted writes are logged like the others: a rollback restores them.
TEST(ShadowState, HintedWritesRollBack) {
    ShadowState s(parse(R"({"a":{"b":1,"c":"x"}})"));
    const std::uint64_t before = s.root().hash();
    std::uint32_t b = ShadowState::kNoHint;
    std::uint32_t c = ShadowState::kNoHint;
    s.begin();
    EXPECT_TRUE(s.setIfDifferent("a.b", 2, b));
    EXPECT_TRUE(s.setIfDifferent("a.c", "y", c));
    EXPECT_TRUE(s.setIfDifferent("a.b", 3, b));
    s.rollback();
    EXPECT_EQ(s.root().hash(), before);
    EXPECT_EQ(s.get("a.b", b)->asNumber(), 1);
    EXPECT_EQ(s.get("a.c", c)->asString(), "x");
}
