// SPDX-License-Identifier: GPL-3.0-or-later
// `bi`: the Qt-free command-line face of the native engine. Its JSON output is
// the reference the wasm host (wasm/host/bi.mjs) must match byte for byte.
#include "BiCommandLine.h"

int main(int argc, char** argv) {
    return bi::cli::runCommandLine(argc, argv);
}
