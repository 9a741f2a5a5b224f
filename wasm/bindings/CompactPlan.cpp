// SPDX-License-Identifier: GPL-3.0-or-later
#include "CompactPlan.h"

#include "pipeline/JsonBuild.h"

namespace bi::wasm {

using pipeline::idList;

namespace {

// Appends the ids produced by `idAt(0..count)` as [from, to) ranges of consecutive ids.
template <typename IdAt> json::Value idRanges(std::size_t count, IdAt idAt) {
    json::Array out;
    forEachIdRange(count, idAt, [&](std::uint32_t from, std::uint32_t to) {
        out.emplace_back(static_cast<double>(from));
        out.emplace_back(static_cast<double>(to));
    });
    return json::Value(std::move(out));
}

json::Value dispatchJson(const pipeline::Dispatch& d) {
    json::Array e;
    e.reserve(4);
    e.emplace_back(d.listener);
    e.emplace_back(d.topic);
    e.push_back(d.scope == d.topic ? json::Value() : json::Value(d.scope));
    e.push_back(idList(d.inputChangeIds));
    return json::Value(std::move(e));
}

void writeId(std::size_t id, std::string& out) {
    json::writeNumber(static_cast<double>(id), out);
}

void writeIds(const std::vector<std::uint32_t>& ids, std::string& out) {
    out += '[';
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        writeId(ids[i], out);
    }
    out += ']';
}

// idRanges as text.
template <typename IdAt> void writeIdRanges(std::size_t count, IdAt idAt, std::string& out) {
    out += '[';
    forEachIdRange(count, idAt, [&](std::uint32_t from, std::uint32_t to) {
        if (out.back() != '[') {
            out += ',';
        }
        writeId(from, out);
        out += ',';
        writeId(to, out);
    });
    out += ']';
}

// Each entry of `list` written by `write`, comma-separated, in brackets.
template <typename List, typename Write> void writeList(const List& list, Write write, std::string& out) {
    out += '[';
    bool first = true;
    for (const auto& item : list) {
        if (!first) {
            out += ',';
        }
        first = false;
        write(item);
    }
    out += ']';
}

} // namespace

void writeCompactPlanJson(const pipeline::ExecutionPlan& plan, std::string& out) {
    out += "{\"groups\":";
    writeList(
        plan.groups,
        [&](const pipeline::DispatchGroup& g) {
            out += '[';
            writeId(g.level, out);
            out += ',';
            writeIds(g.dispatches, out);
            out += ']';
        },
        out);
    out += ",\"dispatches\":";
    writeList(
        plan.dispatches,
        [&](const pipeline::Dispatch& d) {
            out += '[';
            json::writeString(d.listener, out);
            out += ',';
            json::writeString(d.topic, out);
            out += ',';
            if (d.scope == d.topic) {
                out += "null";
            } else {
                json::writeString(d.scope, out);
            }
            out += ',';
            writeIds(d.inputChangeIds, out);
            out += ']';
        },
        out);
    out += ",\"propagation\":";
    writeList(
        plan.propagation,
        [&](const std::vector<pipeline::PropagationTarget>& targets) {
            writeIdRanges(
                targets.size(), [&](std::size_t i) { return targets[i].dispatch; }, out);
        },
        out);
    out += ",\"prefixes\":[";
    bool first = true;
    for (std::size_t from = 0; from < plan.propagation.size(); ++from) {
        for (const auto& t : plan.propagation[from]) {
            if (t.remapPrefix.empty()) {
                continue;
            }
            if (!first) {
                out += ',';
            }
            first = false;
            out += '[';
            writeId(from, out);
            out += ',';
            writeId(t.dispatch, out);
            out += ',';
            json::writeString(t.remapPrefix, out);
            out += ']';
        }
    }
    out += "],\"cascade\":";
    writeList(
        plan.cascade,
        [&](const std::vector<std::uint32_t>& targets) {
            writeIdRanges(
                targets.size(), [&](std::size_t i) { return targets[i]; }, out);
        },
        out);
    out += '}';
}

json::Value compactPlanJson(const pipeline::ExecutionPlan& plan) {
    json::Array groups;
    groups.reserve(plan.groups.size());
    for (const auto& g : plan.groups) {
        json::Array entry;
        entry.emplace_back(static_cast<double>(g.level));
        entry.push_back(idList(g.dispatches));
        groups.emplace_back(std::move(entry));
    }
    json::Array dispatches;
    dispatches.reserve(plan.dispatches.size());
    for (const auto& d : plan.dispatches) {
        dispatches.push_back(dispatchJson(d));
    }
    json::Array propagation;
    json::Array prefixes;
    propagation.reserve(plan.propagation.size());
    for (std::size_t from = 0; from < plan.propagation.size(); ++from) {
        const auto& targets = plan.propagation[from];
        propagation.push_back(idRanges(targets.size(), [&](std::size_t i) { return targets[i].dispatch; }));
        for (const auto& t : targets) {
            if (!t.remapPrefix.empty()) {
                prefixes.emplace_back(json::Array{json::Value(static_cast<double>(from)),
                                                  json::Value(static_cast<double>(t.dispatch)),
                                                  json::Value(t.remapPrefix)});
            }
        }
    }
    json::Array cascade;
    cascade.reserve(plan.cascade.size());
    for (const auto& targets : plan.cascade) {
        cascade.push_back(idRanges(targets.size(), [&](std::size_t i) { return targets[i]; }));
    }
    json::Object out;
    out.reserve(5);
    out.emplace_back("groups", json::Value(std::move(groups)));
    out.emplace_back("dispatches", json::Value(std::move(dispatches)));
    out.emplace_back("propagation", json::Value(std::move(propagation)));
    out.emplace_back("prefixes", json::Value(std::move(prefixes)));
    out.emplace_back("cascade", json::Value(std::move(cascade)));
    return json::Value(std::move(out));
}

} // namespace bi::wasm
