#!/usr/bin/env node
// SPDX-License-Identifier: GPL-3.0-or-later
// The wasm twin of the native `bi`: same command line, same JSON.
//   node bi.mjs run SCENARIO [--strategy plan|legacy] [--codec json|direct|binary] [--repeat N]
//   node bi.mjs extract FILE … / md2html FILE   (extract-cli.mjs)
//   node bi.mjs serve        line-delimited JSON requests on stdin (docs/host-protocol.md)
import { readFileSync } from 'node:fs';
import { loadEngine, HostError } from './engine.mjs';
import { serve } from './serve.mjs';
import { runScenarioHosted } from './pipeline-run.mjs';
import { EXTRACT_COMMANDS, extractCommandLine } from './extract-cli.mjs';
import { withTimings, formatRecord, recordsToCsv, recordsToJson, recordsToChromeTrace } from './records.mjs';

const USAGE = 'usage: bi.mjs run SCENARIO [--strategy plan|legacy] [--codec json|direct|binary] [--repeat N] [--max-listener-writes N]\n'
  + '       bi.mjs serve [--wasm-dir DIR]\n       bi.mjs export RECORDS.json --format csv|json|trace\n';

class UsageError extends Error {}

function parseArgs(argv) {
  const args = { command: argv[0], files: [], strategy: 'plan', codec: 'json', format: 'json', repeat: 1, wasmDir: undefined };
  if (!args.command) throw new UsageError('missing command');
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new UsageError(`option ${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--strategy') args.strategy = value();
    else if (arg === '--codec') args.codec = value();
    else if (arg === '--format') args.format = value();
    else if (arg === '--repeat') {
      args.repeat = Number.parseInt(value(), 10);
      if (!(args.repeat >= 1)) throw new UsageError('--repeat must be at least 1');
    } else if (arg === '--max-listener-writes') {
      args.maxListenerWrites = Number.parseInt(value(), 10);
      if (!(args.maxListenerWrites >= 1)) throw new UsageError('--max-listener-writes must be at least 1');
    } else if (arg === '--wasm-dir') args.wasmDir = value();
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else args.files.push(arg);
  }
  return args;
}

function readInput(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new HostError(`cannot open '${file}'`);
  }
}

async function runCommand(args) {
  if (args.command === 'serve') {
    await serve({ wasmDir: args.wasmDir });
    return 0;
  }
  if (args.command === 'export') return exportCommand(args);
  if (args.command !== 'run') throw new UsageError(`unknown command '${args.command}'`);
  // The host drives the run crossing by crossing (pipeline-run.mjs); the listeners are JS.
  if (args.files.length !== 1) throw new UsageError('run takes exactly one SCENARIO file');
  const text = readInput(args.files[0]);
  const engine = await loadEngine({ wasmDir: args.wasmDir });
  const records = [];
  let json = '';
  for (let i = 0; i < args.repeat; i++) {
    const out = runScenarioHosted(engine, text, { strategy: args.strategy, codec: args.codec, maxListenerWrites: args.maxListenerWrites });
    json = out.json;
    records.push(formatRecord(out.record));
  }
  process.stdout.write(withTimings(json, records) + '\n');
  return 0;
}

const EXPORTERS = { csv: recordsToCsv, json: recordsToJson, trace: recordsToChromeTrace };

// Re-exports timing records (a JSON array, or a result carrying "timings").
function exportCommand(args) {
  if (args.files.length !== 1) throw new UsageError('export takes exactly one RECORDS file');
  const exporter = EXPORTERS[args.format];
  if (!exporter) throw new UsageError(`unknown format '${args.format}' (expected csv, json or trace)`);
  let doc;
  try {
    doc = JSON.parse(readInput(args.files[0]));
  } catch (e) {
    throw new HostError(`${args.files[0]}: ${e.message}`);
  }
  const records = Array.isArray(doc) ? doc : doc.timings;
  if (!Array.isArray(records)) throw new HostError(`${args.files[0]}: no timing records`);
  const text = exporter(records);
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
  return 0;
}

async function main() {
  // extract / md2html: their own options (wasm/host/extract-cli.mjs).
  if (EXTRACT_COMMANDS.includes(process.argv[2])) {
    process.exitCode = await extractCommandLine(process.argv.slice(2));
    return;
  }
  try {
    process.exitCode = await runCommand(parseArgs(process.argv.slice(2)));
  } catch (e) {
    if (e instanceof UsageError) process.stderr.write(`bi: ${e.message}\n${USAGE}`);
    else process.stderr.write(`bi: ${e.message}\n`);
    process.exitCode = 2;
  }
}

await main();
