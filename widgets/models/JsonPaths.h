// SPDX-License-Identifier: GPL-3.0-or-later
// Dot paths into a JSON state ("orders.o1.status"; array items by index),
// the same addressing the engine uses for changes.
#pragma once

#include "core/Json.h"

#include <QString>
#include <QStringList>

namespace bi::models {

QStringList splitPath(const QString& path);
QString joinPath(const QString& parent, const QString& key);

// nullptr when the path does not exist.
const json::Value* lookup(const json::Value& root, const QString& path);
// Creates missing objects on the way, as the engine's shadow state does.
void assign(json::Value& root, const QString& path, json::Value value);

// One-line rendering of a value for a table cell ({3 keys}, [2 items], "text").
QString summarize(const json::Value& value, int maxChars = 80);
// Number of nodes below and including value.
std::size_t countNodes(const json::Value& value);
// true when a change at changePath writes to, into or above path.
bool touches(const QString& changePath, const QString& path);

QString toQString(const std::string& s);

} // namespace bi::models
