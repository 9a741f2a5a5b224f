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

QString pathText(const Value& v) {
    return v.isString() && v.asString().empty() ? QStringLiteral("(root)") : plainText(v);
}

void addInput(QStringList& out, const Value& path) {
    if (path.isString() && !out.contains(pathText(path))) {
        out << pathText(path);
    }
}

// The state paths a BoolLogic / ValueLogic definition reads (docs/scenario-format.md).
void logicInputs(const Value& node, QStringList& out) {
    if (node.isArray()) {
        const auto& a = node.asArray();
        if (a.size() == 2 && a[0].isString()) {
            addInput(out, a[0]); // the [path, value] shorthand of IS_EQUAL
        }
        return;
    }
    if (!node.isObject()) {
        return;
    }
    for (const auto& [op, arg] : node.asObject()) {
        if (op == "AND" || op == "OR") {
            for (const auto& child : arg.isArray() ? arg.asArray() : bi::json::Array{}) {
                logicInputs(child, out);
            }
        } else if (op == "NOT" || op == "IF" || op == "THEN" || op == "ELSE") {
            logicInputs(arg, out);
        } else if (op == "EXISTS" || op == "IS_EMPTY" || op == "MATCH") {
            addInput(out, arg);
        } else if (arg.isArray() && !arg.asArray().empty()) {
            addInput(out, arg.asArray()[0]); // IS_EQUAL, GT…, IN, CONTAINS_*: [path, …]
        }
    }
}

QString joined(const Value* list) {
    QStringList parts;
    if (list != nullptr && list->isArray()) {
        for (const auto& p : list->asArray()) {
            parts << pathText(p);
        }
    }
    return parts.join(QStringLiteral(", "));
}

// Logic: "inputs → the concern value it writes"; listeners: "topics → the paths they produce".
QString realWiring(const Value& item, const QString& kind, const RegistrationModel::Produced& produced) {
    if (kind == QLatin1String("logic") && item.find("output_path") != nullptr) {
        QStringList inputs;
        if (const Value* def = item.find("definition")) {
            logicInputs(*def, inputs);
        }
        return inputs.join(QStringLiteral(", ")) + QStringLiteral(" → ") + stringField(item, "output_path");
    }
    if (kind == QLatin1String("listeners") && item.find("topics") != nullptr) {
        const QStringList out = produced.value(stringField(item, "id"));
        return joined(item.find("topics")) + QStringLiteral(" → ") +
               (out.isEmpty() ? QObject::tr("(produces nothing)") : out.join(QStringLiteral(", ")));
    }
    if (kind == QLatin1String("computations") && item.find("op") != nullptr) {
        return stringField(item, "op") + QLatin1Char('(') + joined(item.find("sources")) + QStringLiteral(") → ") +
               stringField(item, "target");
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
    if (kind == QLatin1String("logic") && item.isObject()) {
        // "disabledWhen · BoolLogic": the concern's name, not a bare number.
        const QString concern = stringField(item, "output_path").section(QLatin1Char('.'), -1);
        const QString logic = stringField(item, "kind") == QLatin1String("value_logic") ? QStringLiteral("ValueLogic")
                                                                                         : QStringLiteral("BoolLogic");
        return concern + QStringLiteral(" · ") + logic;
    }
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

void addKind(OutlineModel::Row& root, const QString& kind, const std::vector<const Value*>& items,
             const RegistrationModel::Produced& produced) {
    auto& branch = root.add({kind, QStringLiteral("%1 registered").arg(items.size()), {}}, kind);
    for (std::size_t i = 0; i < items.size(); ++i) {
        QString definition = plainText(*items[i]);
        if (definition.size() > 160) {
            definition = definition.left(159) + QChar(0x2026);
        }
        QString wired = items[i]->isObject() ? realWiring(*items[i], kind, produced) : QString();
        if (wired.isEmpty()) {
            wired = wiring(*items[i], kind);
        }
        auto& row = branch.add({title(*items[i], kind, i), wired, definition},
                               kind + QLatin1Char(':') + QString::number(i));
        row.toolTip = plainText(*items[i]);
    }
}
} // namespace

RegistrationModel::RegistrationModel(QObject* parent)
    : OutlineModel({tr("Kind / registration"), tr("Wiring"), tr("Definition")}, parent) {}

RegistrationModel::Produced RegistrationModel::producedPaths(const Value& scenario) {
    Produced out;
    const Value* listeners = scenario.isObject() ? scenario.find("listeners") : nullptr;
    if (listeners == nullptr || !listeners->isArray()) {
        return out;
    }
    for (const auto& l : listeners->asArray()) {
        const Value* produce = l.isObject() ? l.find("produce") : nullptr;
        QStringList paths;
        for (const auto& p : produce != nullptr && produce->isArray() ? produce->asArray() : bi::json::Array{}) {
            if (const Value* path = p.isObject() ? p.find("path") : nullptr; path != nullptr && !paths.contains(plainText(*path))) {
                paths << plainText(*path);
            }
        }
        out.insert(stringField(l, "id"), paths);
    }
    return out;
}

void RegistrationModel::setRegistrations(const Value& registrations, const Value& scenario) {
    const Produced produced = producedPaths(scenario);
    reset([&registrations, &produced](Row& root) {
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
                addKind(root, toQString(kind), items, produced);
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
                addKind(root, kind, items, produced);
            }
        }
    });
}
