// SPDX-License-Identifier: GPL-3.0-or-later
// `bi.mjs extract` and `bi.mjs md2html`: the native `bi`'s command lines and bytes,
// plus the wasm boundary strategies:
//   node bi.mjs extract FILE [--mime TYPE] [--max-chars N [--overlap M]] [--text]
//                            [--input copy|zerocopy] [--output whole|stream]
//   node bi.mjs extract --batch FILE... [same options] [--arena|--malloc]
//   node bi.mjs md2html FILE
// Common: [--wasm-dir DIR] [--variant standard|minimal].
import path from 'node:path';
import { loadEngine, HostError } from './engine.mjs';
import { extractBatchFiles, extractFile, markdownFileToHtml, supportsExtraction } from './extract.mjs';
import { formatRecord, withTimings } from './records.mjs';

export const EXTRACT_COMMANDS = ['extract', 'md2html'];

export const EXTRACT_USAGE = 'usage: bi.mjs extract FILE [--mime TYPE] [--max-chars N [--overlap M]] [--text]\n'
  + '                      [--input copy|zerocopy] [--output whole|stream]\n'
  + '       bi.mjs extract --batch FILE... [same options] [--malloc|--arena]\n'
  + '       bi.mjs md2html FILE\n'
  + '       (all: [--wasm-dir DIR] [--variant standard|minimal])\n';

export class ExtractUsageError extends Error {}

// The native parser's rule for counts (app/bi/BiCommandLine.cpp parseCount).
function parseCount(option, text) {
  if (text === '') throw new ExtractUsageError(`${option} needs a number`);
  let n = 0;
  for (const c of text) {
    if (c < '0' || c > '9' || n > 100000000) {
      throw new ExtractUsageError(`${option} needs a non-negative whole number, not '${text}'`);
    }
    n = n * 10 + (c.charCodeAt(0) - 48);
  }
  return n;
}

export function parseExtractArgs(argv) {
  const a = {
    command: argv[0], files: [], mime: '', text: false, batch: false, maxChars: 0, overlap: 0,
    input: 'copy', output: 'whole', arena: 'arena', wasmDir: undefined, variant: 'standard',
  };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new ExtractUsageError(`option ${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--mime') a.mime = value();
    else if (arg === '--text') a.text = true;
    else if (arg === '--batch') a.batch = true;
    else if (arg === '--max-chars') a.maxChars = parseCount(arg, value());
    else if (arg === '--overlap') a.overlap = parseCount(arg, value());
    else if (arg === '--input') a.input = value();
    else if (arg === '--output') a.output = value();
    else if (arg === '--arena') a.arena = 'arena';
    else if (arg === '--malloc') a.arena = 'malloc';
    else if (arg === '--wasm-dir') a.wasmDir = value();
    else if (arg === '--variant') a.variant = value();
    else if (arg.startsWith('--')) throw new ExtractUsageError(`unknown option ${arg}`);
    else a.files.push(arg);
  }
  if (!['copy', 'zerocopy'].includes(a.input)) throw new ExtractUsageError(`--input must be copy or zerocopy, not '${a.input}'`);
  if (!['whole', 'stream'].includes(a.output)) throw new ExtractUsageError(`--output must be whole or stream, not '${a.output}'`);
  return a;
}

async function engineFor(a) {
  // The loader require()s the module by this path, so a relative one is resolved here.
  const engine = await loadEngine({ wasmDir: a.wasmDir && path.resolve(a.wasmDir), variant: a.variant });
  if (!supportsExtraction(engine)) throw new HostError(`the ${a.variant} wasm module has no extraction bindings (rebuild it)`);
  return engine;
}

// Prints exactly what the native `bi extract` prints, timings aside.
async function runExtract(a) {
  if (a.files.length === 0 || (!a.batch && a.files.length !== 1)) {
    throw new ExtractUsageError('extract takes one FILE (or --batch FILE...)');
  }
  if (a.overlap > 0 && a.maxChars === 0) throw new ExtractUsageError('--overlap needs --max-chars');
  if (a.batch && a.output === 'stream') throw new ExtractUsageError('--batch extracts whole results (no --output stream)');
  const engine = await engineFor(a);
  const options = { mime: a.mime, text: a.text, maxChars: a.maxChars, overlap: a.overlap };
  if (!a.batch) {
    const { json, record } = extractFile(engine, a.files[0], options, { input: a.input, output: a.output });
    process.stdout.write(withTimings(json, [formatRecord(record)]) + '\n');
    return 0;
  }
  const parts = extractBatchFiles(engine, a.files, options, { input: a.input, batch: a.arena });
  const text = parts.map((p) => withTimings(p.json, [formatRecord(p.record)])).join(',');
  process.stdout.write(`[${text}]\n`);
  return 0;
}

async function runMarkdownToHtml(a) {
  if (a.files.length !== 1) throw new ExtractUsageError('md2html takes exactly one FILE');
  const engine = await engineFor(a);
  process.stdout.write(markdownFileToHtml(engine, a.files[0]).html);
  return 0;
}

// Returns the exit status; errors go to stderr as `bi: MESSAGE` with status 2.
export async function extractCommandLine(argv) {
  try {
    const a = parseExtractArgs(argv);
    return a.command === 'md2html' ? await runMarkdownToHtml(a) : await runExtract(a);
  } catch (e) {
    if (e instanceof ExtractUsageError) process.stderr.write(`bi: ${e.message}\n${EXTRACT_USAGE}`);
    else process.stderr.write(`bi: ${e.message}\n`);
    return 2;
  }
}
