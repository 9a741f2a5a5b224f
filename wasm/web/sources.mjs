// SPDX-License-Identifier: GPL-3.0-or-later
// Where the page's inputs come from: the demo files the server lists, a file the user
// picks or drops. Each source is { name, bytes, label }; name is what the engine gets.
import { HostError } from '../host/host-error.mjs';

export const DEMO_DIR = 'resources/demo/';

async function fetchBytes(url) {
  let response;
  try {
    response = await fetch(url, { cache: 'no-store' });
  } catch (e) {
    throw new HostError(`cannot fetch ${url}: ${e.message}`);
  }
  if (!response.ok) throw new HostError(`cannot fetch ${url} (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

// { scenarios: [name…], documents: [name…] } in resources/demo/ (serve.mjs).
export async function demoFiles() {
  const text = new TextDecoder().decode(await fetchBytes('/demo-files.json'));
  return JSON.parse(text);
}

// A demo file under the name the Node host is given from the repository root, so that
// both see the same file name.
export async function demoSource(file) {
  const name = DEMO_DIR + file;
  return { name, bytes: await fetchBytes(`/${name}`), label: file };
}

export async function fileSource(file) {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), label: file.name };
}

// Accepts files dropped on `element`: calls onFile(File) for the first one.
export function acceptDrops(element, onFile) {
  element.addEventListener('dragover', (e) => {
    e.preventDefault();
    element.classList.add('dropping');
  });
  element.addEventListener('dragleave', () => element.classList.remove('dropping'));
  element.addEventListener('drop', (e) => {
    e.preventDefault();
    element.classList.remove('dropping');
    const file = e.dataTransfer?.files?.[0];
    if (file) onFile(file);
  });
}

export function sizeLabel(bytes) {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

export function fillSelect(select, names) {
  select.replaceChildren(...names.map((n) => new Option(n, n)));
}
