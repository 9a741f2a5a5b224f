// SPDX-License-Identifier: GPL-3.0-or-later
// The browser page (wasm/web, docs/web-page.md) in Debian's headless Chromium: it runs
// the Node host's own call code, so its results must be the bytes `node wasm/host/bi.mjs`
// prints (timings aside) for every strategy × codec, every scenario of the repository and
// every extraction strategy. Also: a malformed file is reported with its position and
// loses nothing, a missing module is named, exports use the host's writers, and the
// server serves nothing else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIELDS } from '../../wasm/host/records.mjs';
import { loadEngine } from '../../wasm/host/engine.mjs';
import { runScenarioHosted } from '../../wasm/host/pipeline-run.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const wasmDir = process.env.BI_WASM_DIR ?? path.join(root, 'build/wasm');
const CHROMIUM = process.env.BI_CHROMIUM ?? '/usr/bin/chromium';
const SCENARIO = 'resources/demo/checkout.scenario.json';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// As tests/differential does: both print the result with "timings" as its last member.
function stripTimings(text) {
  const at = text.lastIndexOf(',"timings":');
  assert.ok(at >= 0, `no timings member in: ${text.slice(0, 200)}`);
  return text.slice(0, at) + '}';
}

function nodeHost(...args) {
  return execFileSync(process.execPath, [path.join(root, 'wasm/host/bi.mjs'), ...args, '--wasm-dir', wasmDir],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
}

// Starts serve.mjs on a free port; resolves { url, child }.
function startServer(dir) {
  const child = spawn(process.execPath, [path.join(root, 'wasm/web/serve.mjs'), '--port', '0', '--wasm-dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (m) resolve({ url: m[0], child });
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited (${code}): ${out}`)));
  });
}

// A raw GET: the path goes out as written (no URL normalisation on this side).
function rawGet(url, rawPath) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let server;
let browser;
let page;
let chromium;

before(async () => {
  // Chromium is a Debian package (scripts/setup); without it this test cannot check the page.
  assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: run scripts/setup (apt-get install chromium chromium-driver)`);
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    assert.fail(`playwright-core is not installed (run scripts/setup, which runs npm ci): ${e.message}`);
  }
  assert.ok(existsSync(path.join(wasmDir, 'bi-engine-standard.wasm')), `no wasm module in ${wasmDir} (run scripts/build wasm)`);
  server = await startServer(wasmDir);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${server.url}/`);
  await page.waitForSelector('body[data-ready=true]', { timeout: 60000 });
  assert.deepEqual(problems, [], 'the page threw');
  assert.equal(await page.textContent('#error-list'), '', 'no errors after loading the demo');
});

after(async () => {
  await browser?.close();
  server?.child.kill();
});

async function recordCount() {
  return page.$$eval('#records tbody tr', (rows) => rows.length);
}

async function runOnPage(strategy, codec) {
  await page.selectOption('#strategy', strategy);
  await page.selectOption('#codec', codec);
  const n = await recordCount();
  await page.click('#run');
  await page.waitForFunction((k) => document.querySelectorAll('#records tbody tr').length > k, n);
  return page.textContent('#scenario-result');
}

test('the demo scenario gives the Node host\'s bytes for every strategy and codec', async () => {
  for (const strategy of ['plan', 'legacy']) {
    for (const codec of ['json', 'direct', 'binary']) {
      const expected = stripTimings(nodeHost('run', SCENARIO, '--strategy', strategy, '--codec', codec));
      const shown = await runOnPage(strategy, codec);
      assert.equal(stripTimings(shown), expected, `${strategy} × ${codec}`);
      const timings = JSON.parse(shown).timings;
      assert.equal(timings.length, 1);
      assert.deepEqual(Object.keys(timings[0]), FIELDS, 'the record has the host\'s fields in order');
      assert.equal(timings[0].strategy, codec === 'json' ? strategy : `${strategy}/${codec}`);
    }
  }
});

// Every scenario of the repository, through the page and through the host's code under
// Node in this process: the same bytes, or the same error, for every strategy × codec.
function* scenarioFiles(dir) {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* scenarioFiles(full);
    else if (name.endsWith('.scenario.json')) yield full;
  }
}

function nodeOutcome(engine, text, strategy, codec) {
  try {
    return { ok: true, json: runScenarioHosted(engine, text, { strategy, codec }).json };
  } catch (e) {
    return { ok: false, error: e.message };
  }
}

async function lastError() {
  return page.$$eval('#error-list li', (items) => items.at(-1)?.textContent ?? '');
}

test('every scenario in the repository gives the Node host\'s bytes or error on the page', async () => {
  const engine = await loadEngine({ wasmDir });
  const files = [...scenarioFiles(path.join(root, 'resources')), ...scenarioFiles(path.join(root, 'tests'))];
  assert.ok(files.length > 10, 'the repository has scenarios');
  let compared = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const label = path.basename(file);
    let opens = true;
    try {
      engine.closeSession(engine.openSession(text).session);
    } catch (e) {
      opens = false;
      const errors = (await page.$$('#error-list li')).length;
      await page.setInputFiles('#scenario-file', { name: label, mimeType: 'application/json', buffer: readFileSync(file) });
      await page.waitForFunction((k) => document.querySelectorAll('#error-list li').length > k, errors);
      assert.equal(await lastError(), `load scenario ${label}: ${e.message}`, label);
    }
    if (!opens) continue;
    const n = await recordCount();
    await page.setInputFiles('#scenario-file', { name: label, mimeType: 'application/json', buffer: readFileSync(file) });
    await page.waitForFunction((l) => document.getElementById('scenario-name').textContent === l, label);
    await page.waitForFunction((k) => document.querySelectorAll('#records tbody tr').length > k
      || document.querySelectorAll('#error-list li').length > 0, n);
    for (const strategy of ['plan', 'legacy']) {
      for (const codec of ['json', 'direct', 'binary']) {
        const expected = nodeOutcome(engine, text, strategy, codec);
        await page.selectOption('#strategy', strategy);
        await page.selectOption('#codec', codec);
        const before = { records: await recordCount(), errors: (await page.$$('#error-list li')).length };
        await page.click('#run');
        await page.waitForFunction((b) => document.querySelectorAll('#records tbody tr').length > b.records
          || document.querySelectorAll('#error-list li').length > b.errors, before);
        const where = `${label} [${strategy}, ${codec}]`;
        if (expected.ok) assert.equal(stripTimings(await page.textContent('#scenario-result')), expected.json, where);
        else assert.equal(await lastError(), `run ${label} (${strategy}, ${codec}): ${expected.error}`, where);
        compared++;
      }
    }
  }
  assert.ok(compared >= 60, `compared ${compared} runs`);
  await page.click('#errors-clear');
  await page.selectOption('#scenario-demo', 'checkout.scenario.json');
  await page.waitForFunction(() => document.getElementById('scenario-name').textContent === 'checkout.scenario.json');
});

test('Ctrl+Enter runs the scenario', async () => {
  await page.click('#scenario-title');
  const n = await recordCount();
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((k) => document.querySelectorAll('#records tbody tr').length === k + 1, n);
  assert.equal(await page.$eval(`#records tbody tr:nth-child(${n + 1}) td:nth-child(3)`, (td) => td.textContent), 'run');
});

async function extractOnPage(doc, input, output, maxChars) {
  await page.selectOption('#document-demo', doc);
  await page.waitForFunction((d) => document.getElementById('document-name').textContent === d, doc);
  await page.selectOption('#doc-input', input);
  await page.selectOption('#doc-output', output);
  await page.fill('#max-chars', String(maxChars));
  const n = await recordCount();
  await page.click('#extract');
  await page.waitForFunction((k) => document.querySelectorAll('#records tbody tr').length > k, n);
  if (output === 'whole') return { shown: await page.textContent('#document-result'), pulls: 0 };
  // Stream: one chunk per key press, each listed as it arrives, until the stream ends.
  assert.equal(await page.textContent('#document-result'), '', 'nothing assembled before the chunks are pulled');
  let pulls = 0;
  await page.click('#document-title'); // keys go to the page, not an input
  while (await page.isEnabled('#next-chunk')) {
    const listed = await page.$$eval('#doc-chunks li', (items) => items.length);
    await page.keyboard.press('n');
    pulls++;
    assert.ok(pulls < 1000, 'the stream ends');
    if (await page.isEnabled('#next-chunk')) {
      assert.equal(await page.$$eval('#doc-chunks li', (items) => items.length), listed + 1, 'one chunk per pull');
    }
  }
  return { shown: await page.textContent('#document-result'), pulls };
}

test('demo documents extract to the Node host\'s bytes for copy/zerocopy × whole/stream', async () => {
  const cases = [['boundary-guide.html', 0], ['onboarding-guide.md', 400], ['release-notes.html', 300]];
  for (const [doc, maxChars] of cases) {
    for (const input of ['copy', 'zerocopy']) {
      for (const output of ['whole', 'stream']) {
        const args = ['extract', `resources/demo/${doc}`, '--input', input, '--output', output];
        if (maxChars > 0) args.push('--max-chars', String(maxChars));
        const expected = stripTimings(nodeHost(...args));
        const { shown, pulls } = await extractOnPage(doc, input, output, maxChars);
        const label = `${doc} ${input}/${output} max ${maxChars}`;
        assert.equal(stripTimings(shown), expected, label);
        const chunks = JSON.parse(expected).chunks.length;
        if (output === 'stream') assert.equal(pulls, chunks + 1, `${label}: a pull per chunk and one for the end`);
        assert.equal(await page.$$eval('#doc-chunks li', (items) => items.length), chunks, `${label}: chunks listed`);
      }
    }
  }
  assert.equal(await page.textContent('#error-list'), '');
});

test('a document dropped on the panel extracts to the bytes of the same file under Node', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bi-web-drop-'));
  const text = '# Dropped\n\nA *dropped* file, with a table:\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n';
  try {
    writeFileSync(path.join(dir, 'dropped.md'), text);
    const expected = stripTimings(execFileSync(process.execPath, [path.join(root, 'wasm/host/bi.mjs'), 'extract', 'dropped.md', '--wasm-dir', wasmDir],
      { cwd: dir, encoding: 'utf8' }));
    await page.evaluate((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'dropped.md', { type: 'text/markdown' }));
      document.getElementById('document-panel').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForFunction(() => document.getElementById('document-name').textContent === 'dropped.md');
    await page.selectOption('#doc-output', 'whole');
    await page.fill('#max-chars', '0');
    await page.click('#extract');
    await page.waitForFunction(() => document.getElementById('document-summary').textContent.startsWith('dropped.md'));
    assert.equal(stripTimings(await page.textContent('#document-result')), expected);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a malformed scenario file is reported with its position and the loaded one stays', async () => {
  await runOnPage('plan', 'json');
  const before = await page.textContent('#scenario-result');
  await page.setInputFiles('#scenario-file', { name: 'bad.scenario.json', mimeType: 'application/json',
    buffer: Buffer.from('{"name": "x",\n "listeners": [1,,]}') });
  await page.waitForFunction(() => document.getElementById('error-list').textContent !== '');
  const error = await page.textContent('#error-list');
  assert.match(error, /bad\.scenario\.json/);
  assert.match(error, /line 2, column 18/);
  assert.equal(await page.textContent('#scenario-result'), before, 'the previous result stays');
  assert.equal(await page.textContent('#scenario-name'), 'checkout.scenario.json', 'the loaded scenario stays');
  const again = await runOnPage('plan', 'json');
  assert.equal(stripTimings(again), stripTimings(before), 'the loaded scenario still runs');
  await page.click('#errors-clear');
});

test('the minimal module runs the scenario to the same bytes', async () => {
  await page.selectOption('#variant', 'minimal');
  await page.waitForFunction(() => document.body.dataset.engine === 'minimal');
  assert.match(await page.textContent('#engine-status'), /^minimal module \(\d+ KB, start-up [\d.]+ ms\)/);
  const expected = stripTimings(nodeHost('run', SCENARIO, '--codec', 'binary'));
  assert.equal(stripTimings(await runOnPage('plan', 'binary')), expected);
  await page.selectOption('#variant', 'standard');
  await page.waitForFunction(() => document.body.dataset.engine === 'standard');
});

test('the CSV export is the host\'s CSV of the page\'s records', async () => {
  const n = await recordCount();
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=csv]')]);
  assert.equal(download.suggestedFilename(), 'records.csv');
  const lines = readFileSync(await download.path(), 'utf8').trimEnd().split('\n');
  assert.equal(lines[0], FIELDS.join(','));
  assert.equal(lines.length, n + 1, 'one line per record');
  assert.match(lines[1], /^run,plan,wasm,/);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=json]')]);
  const records = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.equal(records.length, n);
  assert.deepEqual(Object.keys(records[0]), FIELDS);
  const [trace] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=trace]')]);
  const events = JSON.parse(readFileSync(await trace.path(), 'utf8')).traceEvents;
  assert.equal(events.filter((e) => e.ph === 'X' && e.tid === 1).length, n, 'one trace event per call');
});

test('a missing module is named, and the loaded engine stays', async () => {
  // A wasm dir with the standard module only.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bi-web-'));
  for (const ext of ['js', 'wasm']) symlinkSync(path.join(wasmDir, `bi-engine-standard.${ext}`), path.join(dir, `bi-engine-standard.${ext}`));
  const partial = await startServer(dir);
  const other = await browser.newPage();
  try {
    await other.goto(`${partial.url}/wasm/web/`);
    await other.waitForSelector('body[data-ready=true]', { timeout: 60000 });
    const result = await other.textContent('#scenario-result');
    assert.notEqual(result, '');
    await other.selectOption('#variant', 'minimal');
    await other.waitForFunction(() => document.getElementById('error-list').textContent !== '');
    const error = await other.textContent('#error-list');
    assert.match(error, /bi-engine-minimal\.js/);
    assert.match(error, /run scripts\/build wasm/);
    assert.equal(await other.evaluate(() => document.body.dataset.engine), 'standard');
    assert.equal(await other.textContent('#scenario-result'), result);
  } finally {
    await other.close();
    partial.child.kill();
    rmSync(dir, { recursive: true });
  }
});

test('the server serves its four trees with their MIME types and nothing else', async () => {
  const wasm = await rawGet(server.url, '/build/wasm/bi-engine-standard.wasm');
  assert.equal(wasm.status, 200);
  assert.equal(wasm.type, 'application/wasm');
  assert.match((await rawGet(server.url, '/wasm/host/wasm-engine.mjs')).type, /^text\/javascript/);
  assert.match((await rawGet(server.url, '/resources/demo/checkout.scenario.json')).type, /^application\/json/);
  const missing = await rawGet(server.url, '/wasm/web/no-such-file.mjs');
  assert.equal(missing.status, 404);
  assert.match(missing.body, /no such file: \/wasm\/web\/no-such-file\.mjs/);
  const secret = readFileSync(path.join(root, 'CMakeLists.txt'), 'utf8').slice(0, 60);
  for (const p of ['/wasm/host/../../CMakeLists.txt', '/wasm/web/%2e%2e/%2e%2e/CMakeLists.txt', '/wasm/host/..%2f..%2fCMakeLists.txt',
    '/resources/demo/..%2F..%2FCMakeLists.txt', '/build/wasm/%2e%2e%2f%2e%2e%2fCMakeLists.txt', '/CMakeLists.txt', '/etc/passwd',
    '/wasm/host/%00', '/wasm/host/..\\..\\CMakeLists.txt', '/build/wasm/%']) {
    const res = await rawGet(server.url, p);
    assert.ok(res.status === 403 || res.status === 404, `${p}: status ${res.status}`);
    assert.ok(!res.body.includes(secret), `${p}: served a file outside the trees`);
  }
});
