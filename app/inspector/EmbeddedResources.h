// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The demo data is compiled into the static inspector library; Qt needs its
// resources registered explicitly before first use (idempotent).
void registerEmbeddedResources();
