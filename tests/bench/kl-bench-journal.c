/* kl-bench-journal.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Journal page's budgets, measured in-process on the database of DIR:
 *   page ready      the page given the store until its first frame with the trend and the
 *                   history read (the worst case of switching to it: right after start)
 *   page switch     switching to the page, already read, until its frame is painted
 *   scroll frame    frames while the history is scrolled from the newest check-in to the
 *                   oldest, a screenful and more at a time (median and slowest)
 *   main query      the slowest SQL statement run on the main thread through all of the
 *                   above, every period of the trend, a search in the notes and the filters
 *                   (budget 8 ms: a statement longer than that can drop a frame)
 *   check-in save   kl_store_add_entry () of a check-in with knots, factors and a note (10 ms)
 * Prints "name value…" lines for run-bench.py. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>

#include "kl-journal-page.h"
#include "kl-store-private.h"

#define SCROLL_FRAMES 200

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

/* The slowest statement of the main connection, the one the window's thread runs. */
static double slowest_query_us;
static char *slowest_query;
static guint n_queries;

static int
profile_cb (unsigned  type,
            void     *context,
            void     *p,
            void     *x)
{
  double us = *(sqlite3_int64 *)x / 1000.0;

  n_queries++;
  if (us > slowest_query_us)
    {
      slowest_query_us = us;
      g_free (slowest_query);
      slowest_query = g_strndup (sqlite3_sql (p), 60);
    }
  return 0;
}

static gboolean painted;
static gint64 frame_started;

static void
before_paint_cb (void)
{
  frame_started = g_get_monotonic_time ();
}
static void
after_paint_cb (void)
{
  painted = TRUE;
}

/* Runs the main loop until WINDOW has painted a frame and PAGE has nothing left to read. */
static double
until_shown (GtkWidget *window,
             GtkWidget *page,
             gint64     start)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted || kl_journal_page_get_loading (KL_JOURNAL_PAGE (page)))
    {
      gboolean loading = kl_journal_page_get_loading (KL_JOURNAL_PAGE (page));

      /* A frame painted while something was still being read does not count. */
      if (painted)
        painted = FALSE;
      g_main_context_iteration (NULL, TRUE);
      if (loading && !kl_journal_page_get_loading (KL_JOURNAL_PAGE (page)))
        gtk_widget_queue_draw (window);
    }
  g_signal_handler_disconnect (clock, id);
  return g_get_monotonic_time () - start;
}

static void
settle (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (label == NULL || g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0))
        return child;
      if ((found = find_widget (child, type, label)))
        return found;
    }
  return NULL;
}

/* The history's list: the drop-downs have list views of their own, in their popovers. */
static GtkWidget *
find_history (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_POPOVER (child))
        continue;
      if (GTK_IS_LIST_VIEW (child))
        return child;
      if ((found = find_history (child)))
        return found;
    }
  return NULL;
}

static void
wait_loaded (GtkWidget *page)
{
  settle ();
  while (kl_journal_page_get_loading (KL_JOURNAL_PAGE (page)))
    g_main_context_iteration (NULL, TRUE);
  settle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window, *page, *stack, *other;
  GtkAdjustment *adjustment;

  if (argc != 2)
    {
      g_printerr ("usage: kl-bench-journal DIR\n");
      return 2;
    }

  gtk_init ();
  adw_init ();

  if (!(store = kl_store_open (argv[1], &error)))
    {
      g_printerr ("kl-bench-journal: %s\n", error->message);
      return 1;
    }
  sqlite3_trace_v2 (_kl_store_get_db (store), SQLITE_TRACE_PROFILE, profile_cb, NULL);

  /* From the store to the first frame with the trend and the history in. */
  for (int round = 0; round < 11; round++)
    {
      gint64 start;
      double us;

      window = gtk_window_new ();
      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
      page = kl_journal_page_new ();
      gtk_window_set_child (GTK_WINDOW (window), page);
      gtk_window_present (GTK_WINDOW (window));
      settle ();

      start = g_get_monotonic_time ();
      kl_journal_page_set_store (KL_JOURNAL_PAGE (page), store);
      us = until_shown (window, page, start);
      g_array_append_val (samples, us);
      gtk_window_destroy (GTK_WINDOW (window));
      settle ();
    }
  printf ("page-ready %.0f\n", median (samples));
  g_array_set_size (samples, 0);

  /* Switching between a blank page and the Journal, as the view switcher does. */
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  stack = gtk_stack_new ();
  other = gtk_label_new ("");
  page = kl_journal_page_new ();
  gtk_stack_add_named (GTK_STACK (stack), other, "other");
  gtk_stack_add_named (GTK_STACK (stack), page, "journal");
  gtk_window_set_child (GTK_WINDOW (window), stack);
  gtk_window_present (GTK_WINDOW (window));
  kl_journal_page_set_store (KL_JOURNAL_PAGE (page), store);
  wait_loaded (page);
  for (int round = 0; round < 21; round++)
    {
      gint64 start;
      double us;

      gtk_stack_set_visible_child (GTK_STACK (stack), other);
      settle ();
      start = g_get_monotonic_time ();
      gtk_stack_set_visible_child (GTK_STACK (stack), page);
      us = until_shown (window, page, start);
      g_array_append_val (samples, us);
    }
  printf ("page-switch %.0f\n", median (samples));
  g_array_set_size (samples, 0);

  /* Every period of the trend, All last. */
  {
    static const char *periods[] = { "7 Days", "90 Days", "Year", "All" };

    for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
      {
        GtkWidget *button = find_widget (page, GTK_TYPE_TOGGLE_BUTTON, periods[i]);

        g_assert (button != NULL);
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
        wait_loaded (page);
      }
  }

  /* The history, scrolled from the newest check-in to the oldest. */
  {
    GtkWidget *sections = NULL;
    GtkWidget *list_view = find_history (page);
    GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
    gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
    gulong before = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
    double step, slowest = 0;

    for (GtkWidget *w = gtk_widget_get_parent (list_view); w != NULL; w = gtk_widget_get_parent (w))
      if (GTK_IS_STACK (w) && gtk_stack_get_child_by_name (GTK_STACK (w), "history") != NULL)
        sections = w;
    g_assert (sections != NULL);
    gtk_stack_set_visible_child_name (GTK_STACK (sections), "history");
    settle ();

    adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
    step = (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)) /
           SCROLL_FRAMES;
    for (int frame = 1; frame <= SCROLL_FRAMES; frame++)
      {
        double us;

        painted = FALSE;
        gtk_adjustment_set_value (adjustment, frame * step);
        gtk_widget_queue_draw (list_view);
        while (!painted)
          g_main_context_iteration (NULL, TRUE);
        us = g_get_monotonic_time () - frame_started;
        slowest = MAX (slowest, us);
        g_array_append_val (samples, us);
      }
    g_signal_handler_disconnect (clock, id);
    g_signal_handler_disconnect (clock, before);
    printf ("scroll-frame %.0f %.0f %.0f\n", median (samples), slowest,
            gtk_adjustment_get_upper (adjustment) / gtk_adjustment_get_page_size (adjustment));
    g_array_set_size (samples, 0);
  }

  /* A search in the notes, and the filters. */
  {
    GtkWidget *search = find_widget (page, GTK_TYPE_SEARCH_ENTRY, NULL);
    GtkWidget *dropdown;

    gtk_editable_set_text (GTK_EDITABLE (search), "pillow");
    g_signal_emit_by_name (search, "search-changed");
    wait_loaded (page);
    gtk_editable_set_text (GTK_EDITABLE (search), "");
    g_signal_emit_by_name (search, "search-changed");
    wait_loaded (page);

    for (dropdown = find_widget (page, GTK_TYPE_DROP_DOWN, NULL); dropdown != NULL;
         dropdown = gtk_widget_get_next_sibling (dropdown))
      if (GTK_IS_DROP_DOWN (dropdown))
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 2);
          wait_loaded (page);
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
          wait_loaded (page);
        }
  }
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  printf ("main-query %.0f %u %s\n", slowest_query_us, n_queries, slowest_query);

  /* Saving a check-in as the dialog does, on the main thread. */
  {
    g_autoptr(GPtrArray) knots = kl_store_list_knots (store, FALSE, &error);
    static const char * const factors[] = { "stress", "prolonged sitting", "poor sleep", NULL };

    g_assert (knots != NULL && knots->len >= 2);
    for (int round = 0; round < 31; round++)
      {
        g_autoptr(KlPainEntry) entry = kl_pain_entry_new ();
        gint64 start;
        double us;

        kl_pain_entry_set_pain (entry, 6);
        kl_pain_entry_set_worst (entry, 8);
        kl_pain_entry_set_least (entry, 3);
        kl_pain_entry_set_factors (entry, factors);
        kl_pain_entry_set_note (entry, "Stiff after the long meeting; the left side pulls up "
                                       "into the neck when I turn my head to the right.");
        kl_pain_entry_add_location (entry, kl_knot_get_id (g_ptr_array_index (knots, 0)),
                                    kl_knot_get_region (g_ptr_array_index (knots, 0)), 7);
        kl_pain_entry_add_location (entry, kl_knot_get_id (g_ptr_array_index (knots, 1)),
                                    kl_knot_get_region (g_ptr_array_index (knots, 1)), 5);

        start = g_get_monotonic_time ();
        if (!kl_store_add_entry (store, entry, &error))
          {
            g_printerr ("kl-bench-journal: %s\n", error->message);
            return 1;
          }
        us = g_get_monotonic_time () - start;
        g_array_append_val (samples, us);
      }
    printf ("check-in-save %.0f\n", median (samples));
  }

  g_free (slowest_query);
  return 0;
}
