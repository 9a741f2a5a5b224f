// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/TimingRecord.h"

#include <QByteArray>

#include <vector>

// The records as files other tools open: CSV (spreadsheets), JSON (our own
// record format) and Chrome trace events (Perfetto, chrome://tracing: one
// track per engine, calls laid end to end, phases nested inside each call).
class RecordExport {
public:
    static QByteArray toCsv(const std::vector<bi::trace::TimingRecord>& records);
    static QByteArray toJson(const std::vector<bi::trace::TimingRecord>& records);
    static QByteArray toChromeTrace(const std::vector<bi::trace::TimingRecord>& records);
    // Chooses by suffix: .csv, .json, .trace.json (Chrome).
    static QByteArray forFileName(const QString& fileName, const std::vector<bi::trace::TimingRecord>& records);
};
