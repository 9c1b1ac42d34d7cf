/* kl-bench.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The first-frame protocol of tests/bench/bench.py, shared by Knotless and the bare window it is
 * measured against: when KL_BENCH_START_US holds the harness' g_get_monotonic_time() taken just
 * before it spawned us, print "first-frame-us N" on stdout at the first "after-paint" of the
 * window's frame clock after it is mapped, then quit. Without the variable it does nothing. */

#define G_LOG_DOMAIN "kl-bench"

#include "config.h"

#include <stdio.h>

#include "kl-bench.h"

#define FIRST_FRAME_ENV "KL_BENCH_START_US"
#define FIRST_FRAME_KEY "kl-bench-first-frame"

typedef struct
{
  gint64 start_us;
  gulong map_id;
  gulong after_paint_id;
} FirstFrame;

static void
quit_idle_cb (gpointer user_data)
{
  GApplication *app = user_data;

  g_application_quit (app);
  g_object_unref (app);
}

static void
first_frame_after_paint_cb (GdkFrameClock *frame_clock,
                            GtkWindow     *window)
{
  FirstFrame *ff = g_object_get_data (G_OBJECT (window), FIRST_FRAME_KEY);
  GtkApplication *app;

  g_signal_handler_disconnect (frame_clock, ff->after_paint_id);
  ff->after_paint_id = 0;

  printf ("first-frame-us %" G_GINT64_FORMAT "\n",
          g_get_monotonic_time () - ff->start_us);
  fflush (stdout);

  /* Quitting from an idle lets the current frame finish presenting. */
  app = gtk_window_get_application (window);
  if (app != NULL)
    g_idle_add_once (quit_idle_cb, g_object_ref (app));
}

static void
first_frame_map_cb (GtkWidget *widget)
{
  FirstFrame *ff = g_object_get_data (G_OBJECT (widget), FIRST_FRAME_KEY);
  GdkFrameClock *frame_clock;

  g_signal_handler_disconnect (widget, ff->map_id);
  ff->map_id = 0;

  /* Tied to the window's lifetime, so a window destroyed before its first
   * frame leaves no dangling handler on the frame clock. */
  frame_clock = gtk_widget_get_frame_clock (widget);
  ff->after_paint_id =
    g_signal_connect_object (frame_clock, "after-paint",
                             G_CALLBACK (first_frame_after_paint_cb),
                             widget, 0);
}

/* Arms the first-frame protocol on @window; a no-op unless the harness set
 * KL_BENCH_START_US.  Call before presenting the window. */
void
kl_bench_watch_first_frame (GtkWindow *window)
{
  const char *value = g_getenv (FIRST_FRAME_ENV);
  g_autoptr(GError) error = NULL;
  FirstFrame *ff;
  gint64 start_us;

  if (value == NULL)
    return;

  if (!g_ascii_string_to_signed (value, 10, 0, G_MAXINT64, &start_us, &error))
    {
      g_warning ("Ignoring %s: %s", FIRST_FRAME_ENV, error->message);
      return;
    }

  ff = g_new0 (FirstFrame, 1);
  ff->start_us = start_us;
  g_object_set_data_full (G_OBJECT (window), FIRST_FRAME_KEY, ff, g_free);

  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    {
      first_frame_map_cb (GTK_WIDGET (window));
      return;
    }

  ff->map_id = g_signal_connect (window, "map",
                                 G_CALLBACK (first_frame_map_cb), NULL);
}
