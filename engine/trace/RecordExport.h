// SPDX-License-Identifier: GPL-3.0-or-later
// Timing records out to the formats people open elsewhere: CSV (spreadsheets),
// a JSON array (scripts) and Chrome trace events (Perfetto, chrome://tracing).
// wasm/host/records.mjs writes the same bytes for the same records, so a file
// exported by the app and one exported by the Node host can be diffed.
#pragma once

#include "trace/TimingRecord.h"

#include <string>
#include <vector>

namespace bi::trace {

// The column order of every export; the same as TimingRecord::toJson.
const std::vector<std::string>& recordFields();

// Header line plus one line per record, "\n" line ends, RFC 4180 quoting.
std::string recordsToCsv(const std::vector<TimingRecord>& records);

// A compact JSON array of TimingRecord::toJson objects.
std::string recordsToJson(const std::vector<TimingRecord>& records);

// {"traceEvents":[...]}: one complete ("X") event per call spanning `total`, and
// one per non-zero phase inside it, laid end to end in call order. Native and wasm
// go to separate processes (pid 1 and 2) so the two timelines sit one above the other.
std::string recordsToChromeTrace(const std::vector<TimingRecord>& records);

// Reads a JSON array of records (the recordsToJson format). Throws EngineError.
std::vector<TimingRecord> recordsFromJson(std::string_view text);

} // namespace bi::trace
