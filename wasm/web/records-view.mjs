// SPDX-License-Identifier: GPL-3.0-or-later
// The timing records of every call the page made, as a table, and their export with
// the host's own writers (records.mjs: the bytes `bi.mjs export` and the native
// RecordExport write).
import { FIELDS, formatRecord, recordsToCsv, recordsToJson, recordsToChromeTrace } from '../host/records.mjs';

const EXPORTS = {
  json: { write: recordsToJson, file: 'records.json', type: 'application/json' },
  csv: { write: recordsToCsv, file: 'records.csv', type: 'text/csv' },
  trace: { write: recordsToChromeTrace, file: 'records.trace.json', type: 'application/json' },
};
const LABELS = { bytes_in: 'bytes in', bytes_out: 'bytes out', host_encode: 'host enc', copy_in: 'copy in',
  engine_decode: 'eng dec', compute: 'compute', engine_encode: 'eng enc', copy_out: 'copy out', host_decode: 'host dec' };
const TIME_FIELDS = new Set(FIELDS.slice(FIELDS.indexOf('host_encode')));
const TEXT_FIELDS = new Set(['op', 'strategy', 'engine']);

export function formatMicros(us) {
  if (us === 0) return '0';
  return us >= 100 ? us.toFixed(0) : us >= 10 ? us.toFixed(1) : us.toFixed(2);
}

export class RecordsView {
  constructor(table, countLabel, root) {
    this.records = [];
    this.body = table.tBodies[0];
    this.countLabel = countLabel;
    const head = document.createElement('tr');
    for (const f of ['#', 'source', ...FIELDS]) {
      const th = document.createElement('th');
      th.textContent = LABELS[f] ?? f;
      if (!TEXT_FIELDS.has(f) && f !== 'source') th.className = 'num';
      head.append(th);
    }
    table.tHead.append(head);
    for (const button of root.querySelectorAll('[data-export]')) {
      button.addEventListener('click', () => this.download(button.dataset.export));
    }
    root.querySelector('#records-clear').addEventListener('click', () => this.clear());
    this.#updateCount();
  }

  // Adds the records of one user action; `source` names its file (shown, not exported).
  add(records, source) {
    for (const raw of records) {
      const r = formatRecord(raw);
      this.records.push(r);
      this.body.append(this.#row(r, source));
    }
    this.#updateCount();
    this.body.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }

  clear() {
    this.records = [];
    this.body.replaceChildren();
    this.#updateCount();
  }

  exportText(format) {
    return EXPORTS[format].write(this.records);
  }

  download(format) {
    const { file, type } = EXPORTS[format];
    const url = URL.createObjectURL(new Blob([this.exportText(format)], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  #row(r, source) {
    const tr = document.createElement('tr');
    const cells = [String(this.records.length), source, ...FIELDS.map((f) => (TIME_FIELDS.has(f) ? formatMicros(r[f]) : String(r[f])))];
    ['#', 'source', ...FIELDS].forEach((f, i) => {
      const td = document.createElement('td');
      td.textContent = cells[i];
      if (!TEXT_FIELDS.has(f) && f !== 'source') td.className = 'num';
      if (f === 'overhead' || f === 'total') td.classList.add('strong');
      if (TIME_FIELDS.has(f)) td.title = `${r[f]} µs`;
      tr.append(td);
    });
    return tr;
  }

  #updateCount() {
    this.countLabel.textContent = this.records.length ? `(${this.records.length})` : '';
  }
}
