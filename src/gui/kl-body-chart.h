/* kl-body-chart.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kl-body-regions.h"
#include "kl-knot.h"

G_BEGIN_DECLS

#define KL_TYPE_BODY_CHART (kl_body_chart_get_type ())

G_DECLARE_FINAL_TYPE (KlBodyChart, kl_body_chart, KL, BODY_CHART, GtkWidget)

GtkWidget  *kl_body_chart_new                     (void);
KlBodyView  kl_body_chart_get_view                (KlBodyChart        *self);
void        kl_body_chart_set_view                (KlBodyChart        *self,
                                                   KlBodyView          view);
GListModel *kl_body_chart_get_knots               (KlBodyChart        *self);
void        kl_body_chart_set_knots               (KlBodyChart        *self,
                                                   GListModel         *knots);
KlKnot     *kl_body_chart_get_selected            (KlBodyChart        *self);
void        kl_body_chart_set_selected            (KlBodyChart        *self,
                                                   KlKnot             *knot);
void        kl_body_chart_set_highlighted_regions (KlBodyChart        *self,
                                                   const char * const *regions);
double      kl_body_chart_get_zoom                (KlBodyChart        *self);
void        kl_body_chart_set_zoom                (KlBodyChart        *self,
                                                   double              zoom);
const char *kl_body_chart_get_focus_region        (KlBodyChart        *self);
void        kl_body_chart_set_focus_region        (KlBodyChart        *self,
                                                   const char         *region);

/* Where the figure is drawn: widget coordinates ⇄ coordinates normalised to the figure. */
void        kl_body_chart_widget_to_figure        (KlBodyChart        *self,
                                                   double              wx,
                                                   double              wy,
                                                   double             *fx,
                                                   double             *fy);
void        kl_body_chart_figure_to_widget        (KlBodyChart        *self,
                                                   double              fx,
                                                   double              fy,
                                                   double             *wx,
                                                   double             *wy);

/* A colour-blind-safe sequential scale (viridis) for tenderness 0–10. */
void        kl_tenderness_color                   (int                 tenderness,
                                                   GdkRGBA            *color);

G_END_DECLS
