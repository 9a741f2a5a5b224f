// SPDX-License-Identifier: GPL-3.0-or-later
#include "EngineOps.h"

#include "ChangeListCall.h"
#include "PipelineSession.h"
#include "core/EngineError.h"
#include "pipeline/Change.h"

#include <cstdlib>
#include <map>
#include <memory>

namespace bi::wasm {

namespace {

struct Sessions {
    std::map<int, std::unique_ptr<PipelineSession>> open;
    int next = 1;
};

Sessions& sessions() {
    static Sessions s;
    return s;
}

// Parses "<session>" or "<session> <level>" strictly: a typo must not reach another session.
std::pair<int, std::size_t> parseArgs(const std::string& op, const std::string& args, bool wantLevel) {
    const char* p = args.c_str();
    char* end = nullptr;
    const long id = std::strtol(p, &end, 10);
    long level = 0;
    bool ok = end != p && id > 0;
    if (ok && wantLevel) {
        p = end;
        level = std::strtol(p, &end, 10);
        ok = end != p && level >= 0;
    }
    if (!ok || *end != '\0') {
        throw EngineError(op + ": args must be \"<session>" + std::string(wantLevel ? " <level>" : "") +
                          "\", got \"" + args + "\"");
    }
    return {static_cast<int>(id), static_cast<std::size_t>(level)};
}

PipelineSession& sessionFor(const std::string& op, int id) {
    auto it = sessions().open.find(id);
    if (it == sessions().open.end()) {
        throw EngineError(op + ": no open session " + std::to_string(id));
    }
    return *it->second;
}

json::Value sessionOp(const std::string& op, const std::string& args, const json::Value& input) {
    const bool route = op == "routeProducedChanges";
    const auto [id, level] = parseArgs(op, args, route);
    PipelineSession& session = sessionFor(op, id);
    if (op == "createDispatchPlan") {
        return session.createDispatchPlan();
    }
    if (route) {
        return session.routeProducedChanges(level, input);
    }
    if (op == "finalize") {
        return session.finalize(input);
    }
    session.abort();
    return json::Value();
}

} // namespace

PipelineSession& sessionForArgs(const std::string& op, const std::string& args) {
    return sessionFor(op, parseArgs(op, args, false).first);
}

PipelineSession& sessionForArgs(const std::string& op, const std::string& args, std::size_t& level) {
    const auto [id, parsedLevel] = parseArgs(op, args, true);
    level = parsedLevel;
    return sessionFor(op, id);
}

json::Value runOp(const std::string& op, const std::string& args, json::Value input) {
    if (ChangeListCall::handles(op)) {
        ChangeListCall call(op, args);
        call.run(pipeline::changesFromJson(input, call.where()));
        return call.answer();
    }
    if (op == "createDispatchPlan" || op == "routeProducedChanges" || op == "finalize" || op == "abort") {
        return sessionOp(op, args, input);
    }
    throw EngineError("unknown engine op '" + op + "'");
}

std::string opNames() {
#ifdef BI_VARIANT_STANDARD
    return "echo,prepare,preparePlan,processChanges,createDispatchPlan,routeProducedChanges,finalize,abort,"
           "binaryOutputs,binaryPlan";
#else
    return "echo,prepare,preparePlan,processChanges,createDispatchPlan,routeProducedChanges,finalize,abort";
#endif
}

json::Value openSession(std::string_view scenarioText, std::size_t maxListenerWrites) {
    auto session = std::make_unique<PipelineSession>(scenarioText, maxListenerWrites);
    const int id = sessions().next++;
    json::Value out = json::Value::object();
    out.set("session", static_cast<double>(id));
    json::Value described = session->describe();
    for (auto& [key, value] : described.asObject()) {
        out.set(key, std::move(value));
    }
    sessions().open.emplace(id, std::move(session));
    return out;
}

json::Value sessionReport(int session) {
    return sessionFor("report", session).report();
}

bool closeSession(int session) {
    return sessions().open.erase(session) > 0;
}

} // namespace bi::wasm
