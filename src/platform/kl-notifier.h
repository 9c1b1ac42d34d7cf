/* kl-notifier.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KL_TYPE_NOTIFIER (kl_notifier_get_type ())

G_DECLARE_FINAL_TYPE (KlNotifier, kl_notifier, KL, NOTIFIER, GObject)

/* Desktop notifications through libnotify. One notification is reused, so a new reminder
 * replaces one still unanswered. Signals:
 *
 *   "action"   (gint64 tag, const char *action)  a button was pressed: the action name given
 *                                                to kl_notifier_show (), or "default" for a
 *                                                click on the notification itself
 *   "fallback" (const char *problem)             no notification server answers; emitted
 *                                                once, the first time a show fails */
KlNotifier *kl_notifier_new           (const char  *app_name);

/* Whether the server shows buttons; without, the body should say how to answer in the app. */
gboolean    kl_notifier_has_actions   (KlNotifier  *self);

/* @actions: pairs of action name and label, NULL-terminated. FALSE when nothing could be
 * shown (see "fallback"). */
gboolean    kl_notifier_show          (KlNotifier  *self,
                                       gint64       tag,
                                       const char  *summary,
                                       const char  *body,
                                       const char * const *actions);
void        kl_notifier_withdraw      (KlNotifier  *self);

G_END_DECLS
