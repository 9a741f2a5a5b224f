// SPDX-License-Identifier: GPL-3.0-or-later
// The scenario panel: loads a scenario (demo, picked or dropped file), runs it through
// the host's own crossing-by-crossing driver (wasm/host/pipeline-run.mjs) with the
// chosen strategy and codec, and shows the JSON `node wasm/host/bi.mjs run` prints.
import { runScenarioHosted } from '../host/pipeline-run.mjs';
import { formatRecord, withTimings } from '../host/records.mjs';
import { acceptDrops, demoSource, fileSource, fillSelect, sizeLabel } from './sources.mjs';
import { formatMicros } from './records-view.mjs';
import { JsonView } from './json-view.mjs';

const $ = (id) => document.getElementById(id);
const decoder = new TextDecoder();

export class ScenarioPanel {
  // app: { engine() → WasmEngine|null, errors: ErrorLog, records: RecordsView }
  constructor(root, app) {
    this.root = root;
    this.app = app;
    this.scenario = null; // { name, label, text }
    this.result = new JsonView($('scenario-result'), $('scenario-pretty'), $('scenario-indent'));
    $('scenario-demo').addEventListener('change', (e) => this.loadDemo(e.target.value));
    $('scenario-file').addEventListener('change', (e) => {
      if (e.target.files[0]) this.loadFile(e.target.files[0]);
      e.target.value = ''; // picking the same file again loads it again
    });
    $('run').addEventListener('click', () => this.run());
    acceptDrops(root, (file) => this.loadFile(file));
  }

  async init(demoNames) {
    fillSelect($('scenario-demo'), demoNames);
    if (demoNames.length > 0) await this.loadDemo(demoNames[0]);
  }

  async loadDemo(file) {
    try {
      await this.#adopt(await demoSource(file));
    } catch (e) {
      this.app.errors.add(`load scenario ${file}`, e);
    }
  }

  async loadFile(file) {
    try {
      await this.#adopt(await fileSource(file));
    } catch (e) {
      this.app.errors.add(`load scenario ${file.name}`, e);
    }
  }

  // A scenario the engine cannot open is refused, so the loaded one and its result stay.
  async #adopt(source) {
    const text = decoder.decode(source.bytes);
    const engine = this.app.engine();
    if (engine) engine.closeSession(engine.openSession(text).session); // throws the engine's error (line, column)
    this.scenario = { name: source.name, label: source.label, text };
    $('scenario-name').textContent = source.label;
    $('scenario-size').textContent = sizeLabel(source.bytes.length);
    $('scenario-source').textContent = text;
    if (engine) this.run();
  }

  run() {
    const engine = this.app.engine();
    if (!engine || !this.scenario) return;
    const strategy = $('strategy').value;
    const codec = $('codec').value;
    const place = `run ${this.scenario.label} (${strategy}, ${codec})`;
    try {
      const out = runScenarioHosted(engine, this.scenario.text, { strategy, codec });
      const record = formatRecord(out.record);
      this.result.set(withTimings(out.json, [record]));
      this.#summarise(JSON.parse(out.json), record, strategy, codec);
      this.app.records.add([record], this.scenario.label);
    } catch (e) {
      this.app.errors.add(place, e);
    }
  }

  #summarise(report, record, strategy, codec) {
    const runs = Array.isArray(report.runs) ? report.runs.length : 0;
    $('scenario-summary').textContent = `${report.scenario ?? this.scenario.label}: ${runs} run${runs === 1 ? '' : 's'}, `
      + `${record.crossings} crossings (${strategy}, ${codec}) · total ${formatMicros(record.total)} µs, `
      + `compute ${formatMicros(record.compute)} µs, overhead ${formatMicros(record.overhead)} µs`;
  }
}
