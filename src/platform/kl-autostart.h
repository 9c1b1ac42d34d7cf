/* kl-autostart.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "Start at Login": $XDG_CONFIG_HOME/autostart/<app id>.desktop running knotless --background. */
char     *kl_autostart_get_path  (void);
gboolean  kl_autostart_is_enabled (void);
gboolean  kl_autostart_set_enabled (gboolean   enabled,
                                    GError   **error);

G_END_DECLS
