# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the scripts: paths and the environment fixes for Debian 12's toolchain.
BI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BI_ROOT
# Debian's em++ runs its JS tools (acorn) with the first `node` on PATH; a node
# that is not Debian's only finds acorn through NODE_PATH.
case ":${NODE_PATH:-}:" in
  *:/usr/share/nodejs:*) ;;
  *) export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}" ;;
esac
BI_JOBS="${BI_JOBS:-$(nproc)}"
export BI_JOBS
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
