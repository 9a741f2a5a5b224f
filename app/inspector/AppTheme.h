// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>

// Light and dark palettes for the Fusion style. Plots and highlights read
// the palette, so switching re-colours everything (PaletteChange).
class AppTheme {
public:
    static QPalette light();
    static QPalette dark();
    // Sets the application palette; returns whether dark is now on.
    static bool apply(bool dark);
};
