// SPDX-License-Identifier: GPL-3.0-or-later
// An error the host reports to its user as it is (bad input, an engine error, a missing
// module), as opposed to a bug. In its own module so that the Node loader (engine.mjs)
// and the browser loader (wasm/web) share it without either's platform code.
export class HostError extends Error {}
