// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace bi::cli {

// Exit status: 0 success, 2 bad input or usage (message on stderr).
int runCommandLine(int argc, char** argv);

} // namespace bi::cli
