// SPDX-License-Identifier: GPL-3.0-or-later
// Loads an Emscripten module of the engine in a browser and returns the same
// WasmEngine the Node host uses (wasm/host/wasm-engine.mjs): the page runs the host's
// call code, not a copy. The glue is a MODULARIZE classic script defining
// `createBoundaryEngine`; it is fetched and evaluated in a function scope (no global),
// and the .wasm is compiled while it downloads (instantiateStreaming, through the
// glue's instantiateWasm hook) instead of being located by the glue.
import { HostError } from '../host/host-error.mjs';
import { WasmEngine, importHostModules } from '../host/wasm-engine.mjs';

export const VARIANTS = ['standard', 'minimal'];
const GLUE_EXPORT = 'createBoundaryEngine';

// The module's files as the server names them (serve.mjs: /build/wasm/).
export function moduleUrls(variant, base) {
  const dir = new URL(base, globalThis.location?.href);
  return { js: new URL(`bi-engine-${variant}.js`, dir), wasm: new URL(`bi-engine-${variant}.wasm`, dir) };
}

function missing(url, status) {
  return new HostError(`wasm module missing: ${url.pathname} (HTTP ${status}); run scripts/build wasm`);
}

async function fetchOk(url) {
  let response;
  try {
    response = await fetch(url, { cache: 'no-store' });
  } catch (e) {
    throw new HostError(`cannot fetch ${url.pathname}: ${e.message}`);
  }
  if (!response.ok) throw missing(url, response.status);
  return response;
}

function evaluateGlue(text, url) {
  let create;
  try {
    // eslint-disable-next-line no-new-func
    create = new Function(`${text}\n;return typeof ${GLUE_EXPORT} === 'function' ? ${GLUE_EXPORT} : null;\n//# sourceURL=${url}`)();
  } catch (e) {
    throw new HostError(`${url.pathname}: the glue script failed: ${e.message}`);
  }
  if (!create) throw new HostError(`${url.pathname}: no ${GLUE_EXPORT} in the glue (not an engine module?)`);
  return create;
}

// Streams and compiles the .wasm; falls back to bytes when the server's MIME type is
// not application/wasm (instantiateStreaming refuses it). Resolves { instance, module, bytes }.
async function instantiate(responsePromise, imports) {
  const response = await responsePromise;
  const length = Number(response.headers.get('Content-Length') ?? 0);
  const type = response.headers.get('Content-Type') ?? '';
  if (WebAssembly.instantiateStreaming && type.startsWith('application/wasm')) {
    const { instance, module } = await WebAssembly.instantiateStreaming(response, imports);
    return { instance, module, bytes: length };
  }
  const buffer = await response.arrayBuffer();
  const { instance, module } = await WebAssembly.instantiate(buffer, imports);
  return { instance, module, bytes: buffer.byteLength };
}

// Returns a WasmEngine whose info carries { variant, startupMs, wasmBytes } as under Node.
export async function loadWebEngine({ variant = 'standard', base = '/build/wasm/' } = {}) {
  if (!VARIANTS.includes(variant)) throw new HostError(`unknown module '${variant}' (expected ${VARIANTS.join(' or ')})`);
  const t0 = performance.now();
  const urls = moduleUrls(variant, base);
  const code = importHostModules();
  code.catch(() => {}); // awaited below
  const wasmResponse = fetchOk(urls.wasm); // both downloads at once
  wasmResponse.catch(() => {});
  const create = evaluateGlue(await (await fetchOk(urls.js)).text(), urls.js);
  let wasmBytes = 0;
  // The glue's instantiateWasm hook has no way to report a failure: it is raced here.
  let fail;
  const failed = new Promise((_, reject) => { fail = reject; });
  const instantiateWasm = (imports, receive) => {
    instantiate(wasmResponse, imports).then(({ instance, module, bytes }) => {
      wasmBytes = bytes;
      receive(instance, module);
    }, (e) => fail(e instanceof HostError ? e : new HostError(`${urls.wasm.pathname}: ${e.message}`)));
    return {};
  };
  const module = await Promise.race([create({ instantiateWasm, print: () => {}, printErr: () => {} }), failed]);
  const calls = (await code).rawCalls(module);
  return new WasmEngine(calls, { variant, startupMs: performance.now() - t0, wasmBytes });
}
