// SPDX-License-Identifier: GPL-3.0-or-later
#include "EmbeddedResources.h"

#include <QtGlobal>

void registerEmbeddedResources() {
    static const bool registered = [] {
        Q_INIT_RESOURCE(resources);
        return true;
    }();
    (void)registered;
}
