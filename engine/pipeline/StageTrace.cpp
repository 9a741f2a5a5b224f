// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/StageTrace.h"

#include "pipeline/JsonBuild.h"

namespace bi::pipeline {

json::Value StageTrace::toJson() const {
    json::Array matchedList;
    for (const auto& m : matched) {
        matchedList.emplace_back(m);
    }
    json::Array skippedList;
    for (const auto& s : skipped) {
        json::Object o;
        addMember(o, "path", json::Value(s.path));
        addMember(o, "reason", json::Value(s.reason));
        skippedList.emplace_back(std::move(o));
    }
    json::Object out;
    addMember(out, "stage", json::Value(stage));
    addMember(out, "matched", json::Value(std::move(matchedList)));
    addMember(out, "produced", pipeline::toJson(produced));
    addMember(out, "skipped", json::Value(std::move(skippedList)));
    addMember(out, "duration_us", json::Value(durationUs));
    return json::Value(std::move(out));
}

} // namespace bi::pipeline
