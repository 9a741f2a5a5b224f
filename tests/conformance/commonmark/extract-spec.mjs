// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the CommonMark spec's examples (npm package commonmark-spec) as JSON:
//   node extract-spec.mjs NODE_MODULES_DIR OUTPUT.json
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const [modulesDir, output] = process.argv.slice(2);
if (!modulesDir || !output) {
  console.error('usage: extract-spec.mjs NODE_MODULES_DIR OUTPUT.json');
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(modulesDir), 'noop.js'));
const spec = require('commonmark-spec');
// The spec writes tabs as '→'; its own test runner turns them back into tabs.
const tabs = (text) => text.replace(/\u2192/g, '\t');
const examples = spec.tests.map(({ markdown, html, section, number }) =>
  ({ number, section, markdown: tabs(markdown), html: tabs(html) }));
writeFileSync(output, JSON.stringify(examples));
