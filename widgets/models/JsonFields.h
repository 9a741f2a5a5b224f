// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Json.h"

#include <QString>

// Tolerant readers for the engine's JSON: a missing or differently typed
// field gives the fallback instead of an exception, so the inspector shows
// what it can of a document whose format moved on.
namespace bi::models {

QString stringField(const json::Value& object, const char* key, const QString& fallback = {});
double numberField(const json::Value& object, const char* key, double fallback = 0);
// A whole number from 0 to INT_MAX (an id, a count); anything else gives the fallback,
// since converting a double outside int's range is undefined behaviour.
int wholeField(const json::Value& object, const char* key, int fallback);
// A count that may be given as a number or as the list itself.
int countField(const json::Value& object, const char* key);
const json::Value* arrayField(const json::Value& object, const char* key);
// A scalar's text without quotes; containers as compact JSON.
QString plainText(const json::Value& value);

} // namespace bi::models
