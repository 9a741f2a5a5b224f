// SPDX-License-Identifier: GPL-3.0-or-later
// The page (docs/web-page.md): loads the engine module (standard or minimal), then the
// demo scenario and document, and wires the panels, the records and the keyboard.
// A failure (a missing module, a bad file) is reported in the error banner and leaves
// the loaded engine, inputs and results as they were.
import { loadWebEngine } from './load-web.mjs';
import { ErrorLog } from './error-log.mjs';
import { RecordsView } from './records-view.mjs';
import { ScenarioPanel } from './scenario-panel.mjs';
import { DocumentPanel } from './document-panel.mjs';
import { demoFiles } from './sources.mjs';

const $ = (id) => document.getElementById(id);

let engine = null;
const app = {
  engine: () => engine,
  errors: new ErrorLog($('errors'), $('error-list'), $('errors-clear')),
  records: new RecordsView($('records'), $('record-count'), document.querySelector('.records')),
};
const scenarios = new ScenarioPanel($('scenario-panel'), app);
const documents = new DocumentPanel($('document-panel'), app);
let activePanel = scenarios;

function showEngine() {
  const { variant, startupMs, wasmBytes } = engine.info;
  const size = wasmBytes ? `${(wasmBytes / 1024).toFixed(0)} KB, ` : '';
  const clock = crossOriginIsolated ? '' : ' · clock coarsened to 100 µs (page not cross-origin isolated)';
  $('engine-status').textContent = `${variant} module (${size}start-up ${startupMs.toFixed(1)} ms)${clock}`;
  $('variant').value = variant;
}

// Keeps the engine in use when the new one fails to load.
async function switchEngine(variant) {
  $('engine-status').textContent = `loading the ${variant} module…`;
  try {
    const loaded = await loadWebEngine({ variant });
    documents.engineChanged();
    engine = loaded;
  } catch (e) {
    app.errors.add(`load the ${variant} module`, e);
  }
  if (engine) showEngine();
  else $('engine-status').textContent = 'no module loaded';
  document.body.dataset.engine = engine ? engine.info.variant : 'none';
}

function typing(target) {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function onKey(e) {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    if (activePanel === scenarios) scenarios.run();
    else documents.extract();
  } else if (!typing(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) {
    if (e.key === 'n' || e.key === 'N') documents.nextChunk();
    else if (e.key === 'a' || e.key === 'A') documents.allChunks();
  }
}

async function main() {
  document.addEventListener('keydown', onKey);
  for (const [panel, el] of [[scenarios, $('scenario-panel')], [documents, $('document-panel')]]) {
    el.addEventListener('focusin', () => { activePanel = panel; });
    el.addEventListener('pointerdown', () => { activePanel = panel; });
  }
  $('variant').addEventListener('change', (e) => switchEngine(e.target.value));
  await switchEngine(new URLSearchParams(location.search).get('module') ?? 'standard');
  let demo = { scenarios: [], documents: [] };
  try {
    demo = await demoFiles();
  } catch (e) {
    app.errors.add('list the demo files', e);
  }
  await scenarios.init(demo.scenarios);
  await documents.init(demo.documents);
  documents.extract();
  document.body.dataset.ready = 'true'; // for tests: the first results are on the page
}

main();
