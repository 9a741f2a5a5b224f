// SPDX-License-Identifier: GPL-3.0-or-later
#include "EcommerceSuite.h"

#include "core/Json.h"

using namespace bi;
using namespace bi::pipeline;

namespace {

constexpr int kDepts = 3;
constexpr int kProducts = 5;
constexpr int kVariants = 4;
constexpr int kOrders = 10;

std::string num(const char* prefix, int i) {
    std::string s(prefix);
    s.append(std::to_string(i));
    return s;
}

std::string dept(int d) {
    return "catalog.departments." + num("dept_", d);
}
std::string product(int d, int p) {
    return dept(d) + ".products." + num("p_", p);
}
std::string variant(int d, int p, int v) {
    return product(d, p) + ".variants." + num("v_", v);
}
std::string order(int o) {
    return "orders." + num("o_", o);
}

json::Value obj(std::initializer_list<std::pair<const char*, json::Value>> members) {
    json::Value o = json::Value::object();
    for (const auto& [k, v] : members) {
        o.set(k, v);
    }
    return o;
}

json::Value variantState(int d, int p, int v) {
    json::Value tags = json::Value::array();
    for (const char* t : {"new", "sale", "eco"}) {
        tags.push(json::Value(t));
    }
    const std::string sku = "SKU-" + std::to_string(d) + "-" + std::to_string(p) + "-" + std::to_string(v);
    return obj(
        {{"sku", json::Value(sku)},
         {"color", json::Value("red")},
         {"size", json::Value("M")},
         {"isActive", json::Value(true)},
         {"isDiscontinued", json::Value(false)},
         {"metadata", obj({{"createdAt", json::Value(1700000000)},
                           {"updatedAt", json::Value(1700000000)},
                           {"tags", tags},
                           {"origin", json::Value("EU")},
                           {"season", json::Value("summer")}})},
         {"price", obj({{"base", json::Value(100 + v)},
                        {"sale", json::Value(90 + v)},
                        {"wholesale", json::Value(60)},
                        {"currency", json::Value("USD")},
                        {"taxRate", json::Value(0.2)},
                        {"margin", json::Value(0.3)}})},
         {"inventory", obj({{"inStock", json::Value(10)},
                            {"reserved", json::Value(0)},
                            {"warehouse", json::Value("W1")},
                            {"reorderPoint", json::Value(3)},
                            {"isLowStock", json::Value(false)}})},
         {"shipping",
          obj({{"weight", json::Value(1.5)},
               {"dimensions", obj({{"l", json::Value(10)}, {"w", json::Value(20)}, {"h", json::Value(5)}})},
               {"freeShipping", json::Value(true)},
               {"estimatedDays", json::Value(3)},
               {"carrier", json::Value("UPS")}})}});
}

json::Value initialState() {
    json::Value departments = json::Value::object();
    for (int d = 0; d < kDepts; ++d) {
        json::Value products = json::Value::object();
        for (int p = 0; p < kProducts; ++p) {
            json::Value variants = json::Value::object();
            for (int v = 0; v < kVariants; ++v) {
                variants.set(num("v_", v), variantState(d, p, v));
            }
            products.set(num("p_", p), obj({{"name", json::Value(num("Product ", p))},
                                            {"sku", json::Value(num("P", p))},
                                            {"status", json::Value("active")},
                                            {"brand", json::Value("Acme")},
                                            {"description", json::Value("A product")},
                                            {"variants", variants}}));
        }
        departments.set(num("dept_", d), obj({{"name", json::Value(num("Dept ", d))},
                                              {"slug", json::Value(num("dept-", d))},
                                              {"isActive", json::Value(true)},
                                              {"isDiscontinued", json::Value(false)},
                                              {"productCount", json::Value(kProducts)},
                                              {"products", products}}));
    }
    json::Value orders = json::Value::object();
    for (int o = 0; o < kOrders; ++o) {
        json::Value items = json::Value::object();
        for (int i = 0; i < 3; ++i) {
            items.set(num("item_", i), obj({{"sku", json::Value("SKU-0-0-0")},
                                            {"qty", json::Value(1)},
                                            {"price", json::Value(10)}}));
        }
        orders.set(num("o_", o), obj({{"status", json::Value("pending")},
                                      {"customerId", json::Value(num("c", o))},
                                      {"total", json::Value(30)},
                                      {"isPaid", json::Value(false)},
                                      {"isShipped", json::Value(false)},
                                      {"needsRefund", json::Value(true)},
                                      {"items", items}}));
    }
    return obj({{"catalog", obj({{"departments", departments}})},
                {"orders", orders},
                {"settings", obj({{"currency", json::Value("USD")},
                                  {"taxEnabled", json::Value(true)},
                                  {"freeShippingThreshold", json::Value(50)}})},
                {"dashboard", obj({{"revenue", json::Value(0)},
                                   {"orders", json::Value(0)},
                                   {"visitors", json::Value(0)},
                                   {"conversion", json::Value(0)}})}});
}

BoolLogic logic(const std::string& text) {
    return BoolLogic::parse(json::parse(text), "bench");
}

} // namespace

EcommerceSuite::EcommerceSuite() : pipeline_(std::make_unique<Pipeline>(initialState())) {
    registerAll();
    defineScenarios();
}

void EcommerceSuite::registerAll() {
    SideEffects fx;
    auto oneWay = [&](const std::string& from, const std::string& to) {
        fx.syncPairs.push_back({from, to, true});
    };
    for (int d = 0; d < kDepts; ++d) {
        for (int p = 0; p < kProducts; ++p) {
            oneWay("settings.currency", variant(d, p, 0) + ".price.currency"); // 15
            for (int v = 1; v < kVariants; ++v) {
                oneWay(variant(d, p, 0) + ".price.base", variant(d, p, v) + ".price.base"); // 45
            }
        }
    }
    for (int p = 0; p < kProducts; ++p) {
        oneWay(variant(0, p, 0) + ".price.taxRate", variant(1, p, 0) + ".price.taxRate"); // 10
        oneWay(variant(1, p, 0) + ".price.taxRate", variant(2, p, 0) + ".price.taxRate");
        oneWay(variant(0, p, 0) + ".inventory.warehouse", variant(2, p, 0) + ".inventory.warehouse"); // 5
    }
    for (int o = 0; o < 5; ++o) {
        fx.flipPairs.emplace_back(order(o) + ".isPaid", order(o) + ".needsRefund"); // 5
    }
    for (int d = 0; d < kDepts; ++d) {
        for (int p = 0; p < kProducts; ++p) {
            fx.flipPairs.emplace_back(variant(d, p, 0) + ".isActive",
                                      variant(d, p, 0) + ".isDiscontinued"); // 15
            fx.flipPairs.emplace_back(variant(d, p, 1) + ".inventory.isLowStock",
                                      variant(d, p, 1) + ".shipping.freeShipping"); // 15
        }
        fx.flipPairs.emplace_back(dept(d) + ".isActive", dept(d) + ".isDiscontinued"); // 3
    }
    syncs_ = fx.syncPairs.size();
    flips_ = fx.flipPairs.size();
    pipeline_->registerSideEffects(fx);

    std::vector<ConcernSpec> concerns;
    for (int d = 0; d < kDepts; ++d) {
        for (int p = 0; p < kProducts; ++p) {
            const std::string status = product(d, p) + ".status";
            for (int v = 0; v < kVariants; ++v) {
                concerns.push_back({variant(d, p, v) + ".price.base", "disabledWhen",
                                    logic(R"({"IS_EQUAL":[")" + status + R"(","archived"]})"), std::nullopt,
                                    ""}); // 60
            }
            for (int v = 0; v < 2; ++v) {
                concerns.push_back(
                    {variant(d, p, v), "visibleWhen",
                     logic(R"({"AND":[{"IS_EQUAL":[")" + status + R"(","active"]},{"EXISTS":")" +
                           variant(d, p, v) + R"(.inventory.inStock"}]})"),
                     std::nullopt, ""}); // 30
            }
            if (d < 2) {
                concerns.push_back(
                    {variant(d, p, 2) + ".shipping.freeShipping", "disabledWhen",
                     logic(R"({"IS_EQUAL":[")" + variant(d, p, 2) + R"(.inventory.isLowStock",true]})"),
                     std::nullopt, ""}); // 10
            }
        }
    }
    logics_ = concerns.size();
    pipeline_->registerConcerns(concerns);

    auto listen = [&](const std::string& id, const std::string& topic) {
        pipeline_->registerListener({id, {topic}, topic, ""});
        ++listeners_;
    };
    for (int d = 0; d < kDepts; ++d) {
        for (int p = 0; p < kProducts; ++p) {
            for (int v = 0; v < kVariants; ++v) {
                const std::string id =
                    "variant_" + std::to_string(d) + "_" + std::to_string(p) + "_" + std::to_string(v);
                listen(id, variant(d, p, v)); // 60
                handler_.add(id, variant(d, p, v) + ".price.sale", 0);
                handler_.add(id, variant(d, p, v) + ".price.margin", 0.5);
            }
        }
    }
    for (int o = 0; o < kOrders; ++o) {
        listen(num("order_", o), order(o)); // 10
        handler_.add(num("order_", o), order(o) + ".total", 1);
        if (o % 2 == 0) {
            listen(num("orderExtra_", o), order(o)); // 5
            handler_.add(num("orderExtra_", o), order(o) + ".total", 2);
        }
    }
    for (int c = 0; c < 10; ++c) {
        listen(num("catalog_", c), "catalog"); // 10
        handler_.add(num("catalog_", c), dept(c % kDepts) + ".productCount", c);
        handler_.add(num("catalog_", c), product(c % kDepts, c % kProducts) + ".brand", c);
    }
}

void EcommerceSuite::defineScenarios() {
    auto allVariants = [](const char* field) {
        std::vector<std::string> out;
        for (int d = 0; d < kDepts; ++d) {
            for (int p = 0; p < kProducts; ++p) {
                for (int v = 0; v < kVariants; ++v) {
                    out.push_back(variant(d, p, v) + field);
                }
            }
        }
        return out;
    };
    auto allProducts = [](const char* field) {
        std::vector<std::string> out;
        for (int d = 0; d < kDepts; ++d) {
            for (int p = 0; p < kProducts; ++p) {
                out.push_back(product(d, p) + field);
            }
        }
        return out;
    };
    auto firstN = [](std::vector<std::string> list, std::size_t n) {
        list.resize(n);
        return list;
    };
    auto orders = [](const char* field, int n) {
        std::vector<std::string> out;
        for (int o = 0; o < n; ++o) {
            out.push_back(order(o) + field);
        }
        return out;
    };
    const std::string v000 = variant(0, 0, 0);
    scenarios_.push_back({"S01 single price edit", {v000 + ".price.base"}});
    scenarios_.push_back({"S02 variant form (3 fields)", {v000 + ".color", v000 + ".size", v000 + ".sku"}});
    scenarios_.push_back({"S03 store currency", {"settings.currency"}});
    scenarios_.push_back({"S04 archive a product", {product(0, 0) + ".status"}});
    scenarios_.push_back({"S05 reprice every variant", allVariants(".price.base")});
    scenarios_.push_back({"S06 order statuses", orders(".status", 10)});
    scenarios_.push_back({"S07 payments", orders(".isPaid", 5)});
    scenarios_.push_back({"S08 restock", firstN(allVariants(".inventory.inStock"), 10)});
    scenarios_.push_back({"S09 departments",
                          {dept(0) + ".isActive", dept(1) + ".isActive", dept(2) + ".isActive",
                           dept(0) + ".name", dept(1) + ".name", dept(2) + ".name"}});
    scenarios_.push_back(
        {"S10 mixed edit",
         {"settings.currency", "settings.taxEnabled", v000 + ".isActive", order(0) + ".isPaid",
          product(1, 1) + ".status", "dashboard.revenue", "dashboard.visitors"}});
    scenarios_.push_back({"S11 stock flags", allVariants(".inventory.isLowStock")});
    scenarios_.push_back({"S12 tax rates",
                          {variant(0, 0, 0) + ".price.taxRate", variant(0, 1, 0) + ".price.taxRate",
                           variant(0, 2, 0) + ".price.taxRate"}});
    scenarios_.push_back({"S13 product statuses", allProducts(".status")});
    scenarios_.push_back({"S14 order quantities", orders(".items.item_0.qty", 10)});
    scenarios_.push_back({"S15 metadata touch", firstN(allVariants(".metadata.updatedAt"), 40)});
    std::vector<std::string> all = allVariants(".price.base");
    for (const auto& list : {allVariants(".inventory.isLowStock"), allProducts(".status")}) {
        all.insert(all.end(), list.begin(), list.end());
    }
    scenarios_.push_back({"S16 bulk import (S05+S11+S13)", all});
}

// Relative to the state when called: run 0 changes every value, run 1 changes
// it back (booleans, statuses) or on (numbers, strings), and so on, so batches
// built before the timed runs are never no-ops.
ChangeList EcommerceSuite::batch(const Scenario& s, int run) const {
    ChangeList out;
    out.reserve(s.paths.size());
    const bool odd = run % 2 != 0;
    for (const auto& path : s.paths) {
        const state::Value* current = pipeline_->shadow().get(path);
        state::Value v;
        if (current != nullptr && current->isBool()) {
            v = state::Value(odd ? current->asBool() : !current->asBool());
        } else if (current != nullptr && current->isString() && path.size() > 7 &&
                   path.compare(path.size() - 7, 7, ".status") == 0) {
            const bool archived = current->asString() == "archived";
            v = state::Value((archived == odd) ? "archived" : "active"); // BoolLogic on the status flips too
        } else if (current != nullptr && current->isString()) {
            v = state::Value(current->asString().substr(0, 3) + std::to_string(run));
        } else {
            v = state::Value(static_cast<double>(1000 + run));
        }
        out.push_back({path, std::move(v)});
    }
    return out;
}
