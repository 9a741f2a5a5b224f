// SPDX-License-Identifier: GPL-3.0-or-later
// The page's error banner: each error names where it happened ("scenario bad.json: …").
// Errors are added, never replace what the panels show, and stay until dismissed.
export class ErrorLog {
  constructor(section, list, clearButton) {
    this.section = section;
    this.list = list;
    clearButton.addEventListener('click', () => this.clear());
  }

  // `place`: what was being done to what, e.g. "run checkout.scenario.json".
  add(place, error) {
    const item = document.createElement('li');
    const where = document.createElement('strong');
    where.textContent = `${place}: `;
    item.append(where, String(error?.message ?? error));
    this.list.append(item);
    this.section.hidden = false;
    if (!(error?.name === 'HostError' || error?.constructor?.name === 'HostError')) console.error(error);
  }

  clear() {
    this.list.replaceChildren();
    this.section.hidden = true;
  }
}
