/* kl-bench-body.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The body chart's budgets, measured in-process on the database of DIR:
 *   hit-test        one kl_body_geometry_hit_test () over a view (budget 50 µs)
 *   chart frame     a real frame of the chart with every knot of DIR, after the focus moved
 *                   and after the knots changed (budget 4 ms), beside the same window
 *                   repainting a plain area in full (bare frame)
 *   page ready      the Body page given the store until its next frame is painted (50 ms)
 * Prints "name median_us" lines for run-bench.py. */

#include "config.h"

#include <stdio.h>

#include <adwaita.h>

#include "kl-body-chart.h"
#include "kl-body-geometry.h"
#include "kl-body-page.h"

#define ROUNDS 60

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

/* A bare widget that changes all its pixels on every frame. */
static void
fill_area (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  static guint frame;

  cairo_set_source_rgb (cr, 0.5, 0.5, (++frame % 2) * 0.5);
  cairo_paint (cr);
}

static gboolean painted;
static gint64 paint_started;
static double paint_us;

static void
before_paint_cb (void)
{
  paint_started = g_get_monotonic_time ();
}

static void
after_paint_cb (void)
{
  paint_us = g_get_monotonic_time () - paint_started;
  painted = TRUE;
}

/* One real frame of WINDOW through its frame clock and its own renderer (GL where the display
 * has it, as for users): from the paint phase's start to the end of the frame. */
static double
frame_us (GtkWidget *window,
          GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong before = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  gulong after = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  painted = FALSE;
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);
  return paint_us;
}

static void
settle (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autoptr(GPtrArray) knots = NULL;
  g_autoptr(GListStore) model = g_list_store_new (KL_TYPE_KNOT);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  KlBodyGeometry *geometry;
  GtkWidget *window, *chart, *page;
  GRand *rand = g_rand_new_with_seed (42);

  if (argc != 2)
    {
      g_printerr ("usage: kl-bench-body DIR\n");
      return 2;
    }

  gtk_init ();
  adw_init ();

  if (!(store = kl_store_open (argv[1], &error)) ||
      !(knots = kl_store_list_knots (store, TRUE, &error)) ||
      !(geometry = kl_body_geometry_get_for_view (KL_BODY_VIEW_BACK, &error)))
    {
      g_printerr ("kl-bench-body: %s\n", error->message);
      return 1;
    }

  /* Hit-tests at random points over the figure's box, inside and outside the body. */
  for (int round = 0; round < ROUNDS; round++)
    {
      gint64 start = g_get_monotonic_time ();
      double us;

      for (int i = 0; i < 1000; i++)
        kl_body_geometry_hit_test (geometry,
                                   g_rand_double_range (rand, 0, kl_body_geometry_get_width (geometry)),
                                   g_rand_double_range (rand, 0, kl_body_geometry_get_height (geometry)));
      us = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, us);
    }
  printf ("hit-test %.2f\n", median (samples));
  g_array_set_size (samples, 0);

  /* The chart with every knot of the database on the back view's figure. */
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 1000);
  chart = kl_body_chart_new ();
  gtk_window_set_child (GTK_WINDOW (window), chart);
  g_list_store_splice (model, 0, 0, knots->pdata, knots->len);
  kl_body_chart_set_knots (KL_BODY_CHART (chart), G_LIST_MODEL (model));
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  {
    GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

    printf ("renderer %s\n", G_OBJECT_TYPE_NAME (renderer));
  }

  /* A frame where the pointer moved onto another region: what hovering costs. */
  for (int round = 0; round < ROUNDS; round++)
    {
      const char *id = kl_body_geometry_get_region_id (geometry, round % kl_body_geometry_get_n_regions (geometry));
      double us;

      kl_body_chart_set_focus_region (KL_BODY_CHART (chart), id);
      us = frame_us (window, chart);
      g_array_append_val (samples, us);
    }
  printf ("chart-frame %.0f %u\n", median (samples), knots->len);
  g_array_set_size (samples, 0);

  /* A frame after the knots changed (one rated, added or moved): every marker redrawn. */
  for (int round = 0; round < ROUNDS; round++)
    {
      g_autoptr(KlKnot) knot = g_list_model_get_item (G_LIST_MODEL (model), round % knots->len);
      double us;

      g_list_store_remove (model, round % knots->len);
      g_list_store_insert (model, round % knots->len, knot);
      us = frame_us (window, chart);
      g_array_append_val (samples, us);
    }
  printf ("chart-frame-knots %.0f %u\n", median (samples), knots->len);
  g_array_set_size (samples, 0);

  /* The reference: the same window repainting a plain area of the same size in full. */
  {
    GtkWidget *area = gtk_drawing_area_new ();

    gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), fill_area, NULL, NULL);
    gtk_window_set_child (GTK_WINDOW (window), area);
    settle ();
    for (int round = 0; round < ROUNDS; round++)
      {
        double us = frame_us (window, area);
        g_array_append_val (samples, us);
      }
    printf ("bare-frame %.0f\n", median (samples));
    g_array_set_size (samples, 0);
  }
  gtk_window_destroy (GTK_WINDOW (window));

  /* The Body page: from the store arriving to its first frame. */
  for (int round = 0; round < 15; round++)
    {
      gint64 start;
      double us;

      window = gtk_window_new ();
      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
      page = kl_body_page_new ();
      gtk_window_set_child (GTK_WINDOW (window), page);
      gtk_window_present (GTK_WINDOW (window));
      settle ();

      {
        GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
        gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

        painted = FALSE;
        start = g_get_monotonic_time ();
        kl_body_page_set_store (KL_BODY_PAGE (page), store);
        gtk_widget_queue_draw (window);
        while (!painted)
          g_main_context_iteration (NULL, TRUE);
        us = g_get_monotonic_time () - start;
        g_signal_handler_disconnect (clock, id);
      }
      g_array_append_val (samples, us);
      gtk_window_destroy (GTK_WINDOW (window));
      settle ();
    }
  printf ("page-ready %.0f\n", median (samples));

  g_rand_free (rand);
  return 0;
}
