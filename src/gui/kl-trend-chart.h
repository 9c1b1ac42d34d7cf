/* kl-trend-chart.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kl-pain-stats.h"

G_BEGIN_DECLS

#define KL_TYPE_TREND_CHART (kl_trend_chart_get_type ())

/* What kl_trend_chart_get_focus_day () returns when no day has the keyboard focus. */
#define KL_TREND_CHART_NO_DAY G_MAXUINT

G_DECLARE_FINAL_TYPE (KlTrendChart, kl_trend_chart, KL, TREND_CHART, GtkWidget)

GtkWidget  *kl_trend_chart_new            (void);

/* @days: KlPainDay, one per calendar day in order, days without data with n_entries == 0, or
 * NULL for none. The chart keeps a reference and draws from it again at will: set a new array
 * rather than change this one. */
void        kl_trend_chart_set_days       (KlTrendChart *self,
                                           GArray       *days);
GArray     *kl_trend_chart_get_days       (KlTrendChart *self);

/* What the values are ("Pain", the default, or "Tenderness"), for the text and the
 * accessible name; NULL for the default. */
void        kl_trend_chart_set_y_label    (KlTrendChart *self,
                                           const char   *label);
const char *kl_trend_chart_get_y_label    (KlTrendChart *self);

/* The day the keyboard is on, an index into the days, or KL_TREND_CHART_NO_DAY. */
void        kl_trend_chart_set_focus_day  (KlTrendChart *self,
                                           guint         index);
guint       kl_trend_chart_get_focus_day  (KlTrendChart *self);

G_END_DECLS
