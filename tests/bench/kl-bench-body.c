/* kl-bench-body.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The body chart's budgets, measured in-process on the database of DIR:
 *   hit-test        one kl_body_geometry_hit_test () over a view (budget 50 µs)
 *   chart frame     snapshot and render of the chart with every knot of DIR (budget 4 ms)
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

static double
render_us (GskRenderer *renderer,
           GtkWidget   *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gint64 start = g_get_monotonic_time ();
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node != NULL)
    texture = gsk_renderer_render_texture (renderer, node,
                                           &GRAPHENE_RECT_INIT (0, 0, width, height));
  return g_get_monotonic_time () - start;
}

static gboolean painted;

static void
after_paint_cb (void)
{
  painted = TRUE;
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
  g_autoptr(GskRenderer) renderer = NULL;
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

  renderer = gsk_cairo_renderer_new ();
  gsk_renderer_realize (renderer, NULL, &error);
  for (int round = 0; round < ROUNDS; round++)
    {
      double us = render_us (renderer, chart);
      g_array_append_val (samples, us);
    }
  printf ("chart-frame %.0f %u\n", median (samples), knots->len);
  g_array_set_size (samples, 0);
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

  gsk_renderer_unrealize (renderer);
  g_rand_free (rand);
  return 0;
}
