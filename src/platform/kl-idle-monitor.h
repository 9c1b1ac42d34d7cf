/* kl-idle-monitor.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  KL_IDLE_BACKEND_NONE,   /* no idle detection: reminders follow plain intervals */
  KL_IDLE_BACKEND_XSYNC,  /* the X server's IDLETIME counter */
  KL_IDLE_BACKEND_MUTTER, /* GNOME Shell's org.gnome.Mutter.IdleMonitor */
} KlIdleBackend;

#define KL_TYPE_IDLE_MONITOR (kl_idle_monitor_get_type ())

G_DECLARE_FINAL_TYPE (KlIdleMonitor, kl_idle_monitor, KL, IDLE_MONITOR, GObject)

/* Tells when the person leaves the desk and comes back, without polling: alarms on the X
 * server's idle counter, or GNOME Shell's idle watches on Wayland. Signals:
 *
 *   "idle"    (gint64 idle_since)  no input for the threshold, since @idle_since (µs, real time)
 *   "active"  ()                   input again after "idle"
 *   "suspend" ()                   the machine is about to sleep (logind), if the system bus
 *   "resume"  ()                   is reachable
 *
 * The "backend" property says which source answers; KL_IDLE_BACKEND_NONE means none does. */
KlIdleMonitor *kl_idle_monitor_new            (void);

KlIdleBackend  kl_idle_monitor_get_backend    (KlIdleMonitor *self);
gboolean       kl_idle_monitor_get_available  (KlIdleMonitor *self);

/* How long without input counts as idle, in seconds (at least 1; default 60). */
void           kl_idle_monitor_set_threshold  (KlIdleMonitor *self,
                                               guint          seconds);
guint          kl_idle_monitor_get_threshold  (KlIdleMonitor *self);

G_END_DECLS
