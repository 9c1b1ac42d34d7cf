/* kl-break-timeline.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KL_TYPE_BREAK_TIMELINE (kl_break_timeline_get_type ())

G_DECLARE_FINAL_TYPE (KlBreakTimeline, kl_break_timeline, KL, BREAK_TIMELINE, GtkWidget)

/* Today's breaks as marks along the day: taken (filled circle), natural (filled diamond),
 * snoozed (ring) and skipped (cross), in the colours of the legend's classes break-taken,
 * break-natural, break-snoozed and break-skipped. The accessible description lists them. */
GtkWidget *kl_break_timeline_new        (void);

/* @events: KlBreakEvent of one day, oldest first (shown ones are left out); @start and @end:
 * minutes from local midnight the line spans; @now_minute: where "now" is marked, or -1. */
void       kl_break_timeline_set_events (KlBreakTimeline *self,
                                         GArray          *events,
                                         guint            start,
                                         guint            end,
                                         int              now_minute);

G_END_DECLS
