// SPDX-License-Identifier: GPL-3.0-or-later
// BoolLogic: every operator on a fixed state, and which writes re-evaluate a
// concern (dependency marking at, above and below a dependency).
#include "pipeline/BoolLogic.h"

#include "core/EngineError.h"
#include "pipeline/Pipeline.h"

#include <gtest/gtest.h>

using bi::json::parse;
using bi::json::write;
using namespace bi::pipeline;

namespace {

const bi::state::ShadowState& fixture() {
    static const bi::state::ShadowState s(parse(R"({"n":5,"s":"a","z":0,"f":false,"nul":null,"e":"",
      "tags":["x","y"],"none":[],"obj":{"k":1},"eo":{}})"));
    return s;
}

bool eval(const char* logic) {
    return BoolLogic::parse(parse(logic), "test").evaluate(fixture());
}

} // namespace

TEST(BoolLogic, IsEqualAndShorthand) {
    EXPECT_TRUE(eval(R"({"IS_EQUAL":["n",5]})"));
    EXPECT_FALSE(eval(R"({"IS_EQUAL":["n",6]})"));
    EXPECT_TRUE(eval(R"(["s","a"])"));
    EXPECT_FALSE(eval(R"(["s","b"])"));
    EXPECT_TRUE(eval(R"({"IS_EQUAL":["missing",null]})")); // absent equals null only
    EXPECT_FALSE(eval(R"({"IS_EQUAL":["missing",0]})"));
}

TEST(BoolLogic, ExistsAndIsEmpty) {
    EXPECT_TRUE(eval(R"({"EXISTS":"z"})"));
    EXPECT_FALSE(eval(R"({"EXISTS":"nul"})"));
    EXPECT_FALSE(eval(R"({"EXISTS":"missing"})"));
    for (const char* empty : {"missing", "nul", "e", "none", "eo"}) {
        EXPECT_TRUE(eval((std::string(R"({"IS_EMPTY":")") + empty + "\"}").c_str())) << empty;
    }
    for (const char* full : {"z", "f", "s", "tags", "obj"}) {
        EXPECT_FALSE(eval((std::string(R"({"IS_EMPTY":")") + full + "\"}").c_str())) << full;
    }
}

TEST(BoolLogic, AndOrNot) {
    EXPECT_TRUE(eval(R"({"AND":[]})"));
    EXPECT_FALSE(eval(R"({"OR":[]})"));
    EXPECT_TRUE(eval(R"({"AND":[["n",5],["s","a"]]})"));
    EXPECT_FALSE(eval(R"({"AND":[["n",5],["s","b"]]})"));
    EXPECT_TRUE(eval(R"({"OR":[["n",6],["s","a"]]})"));
    EXPECT_TRUE(eval(R"({"NOT":["n",6]})"));
    EXPECT_FALSE(eval(R"({"NOT":{"EXISTS":"n"}})"));
}

TEST(BoolLogic, ComparisonsIncludingLength) {
    EXPECT_TRUE(eval(R"({"GT":["n",4]})"));
    EXPECT_FALSE(eval(R"({"GT":["n",5]})"));
    EXPECT_TRUE(eval(R"({"GTE":["n",5]})"));
    EXPECT_TRUE(eval(R"({"LT":["n",6]})"));
    EXPECT_FALSE(eval(R"({"LT":["n",5]})"));
    EXPECT_TRUE(eval(R"({"LTE":["n",5]})"));
    EXPECT_FALSE(eval(R"({"GT":["s",0]})")); // not a number
    EXPECT_TRUE(eval(R"({"GTE":["tags.length",2]})"));
    EXPECT_FALSE(eval(R"({"GT":["tags.length",2]})"));
    EXPECT_TRUE(eval(R"({"LT":["none.length",1]})"));
    EXPECT_FALSE(eval(R"({"GTE":["obj.length",0]})")); // not an array
}

TEST(BoolLogic, MembershipOperators) {
    EXPECT_TRUE(eval(R"({"IN":["s",["a","b"]]})"));
    EXPECT_FALSE(eval(R"({"IN":["s",["b"]]})"));
    EXPECT_FALSE(eval(R"({"IN":["missing",[null]]})")); // absent is never in
    EXPECT_TRUE(eval(R"({"CONTAINS_ANY":["tags",["q","y"]]})"));
    EXPECT_FALSE(eval(R"({"CONTAINS_ANY":["tags",["q"]]})"));
    EXPECT_TRUE(eval(R"({"CONTAINS_ALL":["tags",["x","y"]]})"));
    EXPECT_FALSE(eval(R"({"CONTAINS_ALL":["tags",["x","q"]]})"));
    EXPECT_TRUE(eval(R"({"CONTAINS_ALL":["tags",[]]})"));
    EXPECT_FALSE(eval(R"({"CONTAINS_ANY":["s",["a"]]})")); // not an array
}

TEST(BoolLogic, BadInputNamesThePlace) {
    try {
        BoolLogic::parse(parse(R"({"NOPE":["a",1]})"), "concerns.f.x.boolLogic");
        FAIL() << "no error";
    } catch (const bi::EngineError& e) {
        EXPECT_NE(std::string(e.what()).find("concerns.f.x.boolLogic"), std::string::npos) << e.what();
    }
    EXPECT_THROW(BoolLogic::parse(parse(R"({"IS_EQUAL":"a","AND":[]})"), "x"), bi::EngineError);
}

TEST(BoolLogic, DependenciesIncludeTheArrayOfALength) {
    std::vector<std::string> deps;
    BoolLogic::parse(parse(R"({"AND":[{"GT":["list.length",0]},["a.b",1]]})"), "x").collectDependencies(deps);
    EXPECT_NE(std::find(deps.begin(), deps.end(), "list"), deps.end());
    EXPECT_NE(std::find(deps.begin(), deps.end(), "a.b"), deps.end());
}

// A concern is re-evaluated by a write at its dependency, above it (an
// ancestor replaced) or below it; an unrelated write leaves it alone.
TEST(BoolLogic, ConcernsAreMarkedByWritesAtAboveAndBelowADependency) {
    Pipeline p(parse(R"({"user":{"name":"a","tags":[]},"other":1})"));
    ConcernSpec named{"form", "isBob", BoolLogic::parse(parse(R"(["user.name","bob"])"), "x"), std::nullopt,
                      ""};
    ConcernSpec hasTags{"form", "hasTags", BoolLogic::parse(parse(R"({"GT":["user.tags.length",0]})"), "x"),
                        std::nullopt, ""};
    ConcernSpec hasZ{"form", "hasZ", BoolLogic::parse(parse(R"({"CONTAINS_ANY":["user.tags",["z"]]})"), "x"),
                     std::nullopt, ""};
    p.registerConcerns({named, hasTags, hasZ});
    auto concerns = [&](const char* batch) {
        p.prepare(bi::pipeline::changesFromJson(parse(batch), "batch"));
        std::string out = write(toJson(p.finalize({}).finalChanges));
        return out;
    };
    EXPECT_EQ(concerns(R"([["user.name","bob"]])"),
              R"([{"path":"user.name","value":"bob"},{"path":"_concerns.form.isBob","value":true}])");
    EXPECT_EQ(
        concerns(R"([["user",{"name":"al","tags":["t"]}]])"), // ancestor write marks both
        R"([{"path":"user","value":{"name":"al","tags":["t"]}},{"path":"_concerns.form.isBob","value":false},)"
        R"({"path":"_concerns.form.hasTags","value":true}])");
    EXPECT_EQ(concerns(R"([["user.tags.0","z"]])"), // below the dependency user.tags
              R"([{"path":"user.tags.0","value":"z"},{"path":"_concerns.form.hasZ","value":true}])");
    EXPECT_EQ(concerns(R"([["other",2]])"), R"([{"path":"other","value":2}])");
}
