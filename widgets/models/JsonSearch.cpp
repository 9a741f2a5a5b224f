// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonSearch.h"
#include "JsonPaths.h"

using bi::json::Value;
using namespace bi::models;

namespace {
void walk(const Value& v, const QString& path, const QString& key, const QString& text, int limit, QStringList& out) {
    if (out.size() >= limit) {
        return;
    }
    bool hit = !key.isEmpty() && key.contains(text, Qt::CaseInsensitive);
    if (!hit && !v.isObject() && !v.isArray() && !path.isEmpty()) {
        hit = (v.isString() ? toQString(v.asString()) : toQString(bi::json::write(v))).contains(text, Qt::CaseInsensitive);
    }
    if (hit) {
        out << path;
    }
    if (v.isObject()) {
        for (const auto& [k, child] : v.asObject()) {
            const QString childKey = toQString(k);
            walk(child, joinPath(path, childKey), childKey, text, limit, out);
        }
    } else if (v.isArray()) {
        for (std::size_t i = 0; i < v.asArray().size(); ++i) {
            const QString childKey = QString::number(i);
            walk(v.asArray()[i], joinPath(path, childKey), QString(), text, limit, out);
        }
    }
}
} // namespace

QStringList JsonSearch::find(const Value& root, const QString& text, int limit) {
    QStringList out;
    if (!text.isEmpty()) {
        walk(root, QString(), QString(), text, limit, out);
    }
    return out;
}

void JsonSearch::setMatches(QStringList matches) {
    matches_ = std::move(matches);
    current_ = -1;
}

QString JsonSearch::next() {
    if (matches_.isEmpty()) {
        return {};
    }
    current_ = (current_ + 1) % static_cast<int>(matches_.size());
    return matches_[current_];
}

QString JsonSearch::previous() {
    if (matches_.isEmpty()) {
        return {};
    }
    current_ = current_ <= 0 ? static_cast<int>(matches_.size()) - 1 : current_ - 1;
    return matches_[current_];
}
