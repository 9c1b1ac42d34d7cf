/* kl-notifier-private.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kl-notifier.h"

G_BEGIN_DECLS

/* Shows a notification instead of the server: FALSE when nothing could be shown. */
typedef gboolean (*KlNotifierShowFunc) (gint64              tag,
                                        const char         *summary,
                                        const char         *body,
                                        const char * const *actions,
                                        gpointer            user_data);

/* For tests: kl_notifier_show () calls @func, as a server with action buttons would show
 * the one notification; "action" is emitted by the test. */
void kl_notifier_set_show_func_for_testing (KlNotifier         *self,
                                            KlNotifierShowFunc  func,
                                            gpointer            user_data);

G_END_DECLS
