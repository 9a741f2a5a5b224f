// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChangeEntry.h"
#include "JsonPaths.h"

using namespace bi::models;

std::vector<ChangeEntry> ChangeEntry::fromJson(const bi::json::Value& changes, const QString& origin) {
    std::vector<ChangeEntry> out;
    if (!changes.isArray()) {
        return out;
    }
    for (const auto& c : changes.asArray()) {
        ChangeEntry e;
        e.origin = origin;
        if (c.isObject()) {
            const auto* path = c.find("path");
            const auto* value = c.find("value");
            e.path = path != nullptr && path->isString() ? toQString(path->asString()) : QString();
            e.value = value != nullptr ? summarize(*value) : QStringLiteral("(removed)");
        } else if (c.isArray() && !c.asArray().empty() && c.asArray()[0].isString()) {
            e.path = toQString(c.asArray()[0].asString());
            e.value = c.asArray().size() > 1 ? summarize(c.asArray()[1]) : QString();
        } else {
            continue;
        }
        out.push_back(std::move(e));
    }
    return out;
}
