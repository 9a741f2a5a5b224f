// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonPaths.h"

namespace bi::models {

QStringList splitPath(const QString& path) {
    return path.isEmpty() ? QStringList() : path.split(QLatin1Char('.'));
}

QString joinPath(const QString& parent, const QString& key) {
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

namespace {
const json::Value* child(const json::Value& v, const QString& key) {
    if (v.isObject()) {
        return v.find(key.toStdString());
    }
    if (v.isArray()) {
        bool ok = false;
        const qsizetype i = key.toLongLong(&ok);
        if (ok && i >= 0 && static_cast<std::size_t>(i) < v.asArray().size()) {
            return &v.asArray()[static_cast<std::size_t>(i)];
        }
    }
    return nullptr;
}
} // namespace

const json::Value* lookup(const json::Value& root, const QString& path) {
    const json::Value* at = &root;
    for (const QString& key : splitPath(path)) {
        at = child(*at, key);
        if (at == nullptr) {
            return nullptr;
        }
    }
    return at;
}

void assign(json::Value& root, const QString& path, json::Value value) {
    json::Value* at = &root;
    const QStringList keys = splitPath(path);
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const std::string key = keys[i].toStdString();
        const bool last = i + 1 == keys.size();
        if (at->isArray()) {
            bool ok = false;
            const qsizetype index = keys[i].toLongLong(&ok);
            auto& items = at->asArray();
            if (ok && index >= 0 && static_cast<std::size_t>(index) < items.size()) {
                at = &items[static_cast<std::size_t>(index)];
                if (last) {
                    *at = std::move(value);
                }
                continue;
            }
        }
        if (!at->isObject()) {
            *at = json::Value::object();
        }
        if (last) {
            at->set(key, std::move(value));
            return;
        }
        json::Value* next = at->find(key);
        at = next != nullptr ? next : &at->set(key, json::Value::object());
    }
    if (keys.isEmpty()) {
        root = std::move(value);
    }
}

QString toQString(const std::string& s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString summarize(const json::Value& value, int maxChars) {
    QString text;
    if (value.isObject()) {
        text = QStringLiteral("{%1 keys}").arg(value.asObject().size());
    } else if (value.isArray()) {
        text = QStringLiteral("[%1 items]").arg(value.asArray().size());
    } else {
        text = toQString(json::write(value));
    }
    if (text.size() > maxChars) {
        text = text.left(maxChars - 1) + QChar(0x2026);
    }
    return text;
}

std::size_t countNodes(const json::Value& value) {
    std::size_t n = 1;
    if (value.isObject()) {
        for (const auto& m : value.asObject()) {
            n += countNodes(m.second);
        }
    } else if (value.isArray()) {
        for (const auto& item : value.asArray()) {
            n += countNodes(item);
        }
    }
    return n;
}

bool touches(const QString& changePath, const QString& path) {
    if (changePath == path || path.isEmpty() || changePath.isEmpty()) {
        return true;
    }
    return changePath.startsWith(path + QLatin1Char('.')) || path.startsWith(changePath + QLatin1Char('.'));
}

} // namespace bi::models
