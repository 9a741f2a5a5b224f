// SPDX-License-Identifier: GPL-3.0-or-later
// A result shown as the exact bytes the host printed (one line, what the tests and the
// CLI compare) or, on request, indented for reading; the bytes stay in `raw`.
export class JsonView {
  constructor(raw, pretty, toggle) {
    this.raw = raw;
    this.pretty = pretty;
    this.toggle = toggle;
    toggle.addEventListener('change', () => this.#render());
    this.#render();
  }

  set(text) {
    this.raw.textContent = text;
    this.#render();
  }

  #render() {
    const indented = this.toggle.checked && this.raw.textContent !== '';
    if (indented) this.pretty.textContent = JSON.stringify(JSON.parse(this.raw.textContent), null, 2);
    this.raw.hidden = indented;
    this.pretty.hidden = !indented;
  }
}
