// SPDX-License-Identifier: GPL-3.0-or-later
#include "RegistrationModel.h"
#include "JsonFields.h"
#include "JsonPaths.h"

#include <map>

using bi::json::Value;
using namespace bi::models;

namespace {
QString endpoint(const Value& item, std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
        if (const Value* v = item.find(key); v != nullptr) {
            if (v->isArray()) {
                QStringList parts;
                for (const auto& p : v->asArray()) {
                    parts << plainText(p);
                }
                return parts.join(QStringLiteral(", "));
            }
            return plainText(*v);
        }
    }
    return {};
}

QString wiring(const Value& item, const QString& kind) {
    if (item.isArray() && item.asArray().size() == 2 && item.asArray()[0].isString()) {
        // Pairs: directed ones flow one way, sync and flip pairs both ways.
        const bool directed = kind.contains(QLatin1String("directed"));
        return plainText(item.asArray()[0]) + (directed ? QStringLiteral(" → ") : QStringLiteral(" ⇄ ")) +
               plainText(item.asArray()[1]);
    }
    if (!item.isObject()) {
        return plainText(item);
    }
    const QString from = endpoint(item, {"from", "source", "sources", "paths", "watch", "topics", "triggers", "definition", "when", "path", "inputs"});
    const QString to = endpoint(item, {"to", "target", "targets", "output", "output_path", "into", "concern", "sets", "scope"});
    if (to.isEmpty()) {
        return from;
    }
    return from + QStringLiteral(" → ") + to;
}

QString title(const Value& item, const QString& kind, std::size_t i) {
    const Value* id = item.isObject() ? item.find("id") : nullptr;
    if (id != nullptr && id->isString()) {
        return plainText(*id);
    }
    const QString named = item.isObject() ? endpoint(item, {"name", "listener"}) : QString();
    if (!named.isEmpty()) {
        return named;
    }
    // Numbered registrations (logic) read better with their own kind.
    const QString itemKind = item.isObject() ? stringField(item, "kind", kind) : kind;
    return QStringLiteral("%1 #%2").arg(itemKind).arg(id != nullptr ? plainText(*id) : QString::number(i));
}

void addKind(OutlineModel::Row& root, const QString& kind, const std::vector<const Value*>& items) {
    auto& branch = root.add({kind, QStringLiteral("%1 registered").arg(items.size()), {}}, kind);
    for (std::size_t i = 0; i < items.size(); ++i) {
        QString definition = plainText(*items[i]);
        if (definition.size() > 160) {
            definition = definition.left(159) + QChar(0x2026);
        }
        auto& row = branch.add({title(*items[i], kind, i), wiring(*items[i], kind), definition},
                               kind + QLatin1Char(':') + QString::number(i));
        row.toolTip = plainText(*items[i]);
    }
}
} // namespace

RegistrationModel::RegistrationModel(QObject* parent)
    : OutlineModel({tr("Kind / registration"), tr("Wiring"), tr("Definition")}, parent) {}

void RegistrationModel::setRegistrations(const Value& registrations) {
    reset([&registrations](Row& root) {
        if (registrations.isObject()) {
            for (const auto& [kind, list] : registrations.asObject()) {
                std::vector<const Value*> items;
                if (list.isArray()) {
                    for (const auto& item : list.asArray()) {
                        items.push_back(&item);
                    }
                } else if (list.isObject()) {
                    for (const auto& m : list.asObject()) {
                        items.push_back(&m.second);
                    }
                }
                addKind(root, toQString(kind), items);
            }
        } else if (registrations.isArray()) {
            std::vector<std::pair<QString, std::vector<const Value*>>> kinds;
            for (const auto& item : registrations.asArray()) {
                QString kind = item.isObject() ? stringField(item, "kind", stringField(item, "type")) : QString();
                kind = kind.isEmpty() ? QStringLiteral("other") : kind;
                auto it = std::find_if(kinds.begin(), kinds.end(), [&](const auto& k) { return k.first == kind; });
                if (it == kinds.end()) {
                    kinds.push_back({kind, {}});
                    it = kinds.end() - 1;
                }
                it->second.push_back(&item);
            }
            for (const auto& [kind, items] : kinds) {
                addKind(root, kind, items);
            }
        }
    });
}
