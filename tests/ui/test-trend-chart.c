/* test-trend-chart.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "kl-trend-chart.h"
#include "kl-test-screenshot.h"

#define N_DAYS        90
#define EMPTY_DAY     40          /* Sun 11 Oct 2026: a break taken, no check-in */
#define ISOLATED_DAY  58          /* a day with data and two days missing on each side */
#define FRAME_TIMEOUT 5           /* seconds to wait for a window to show */

/* @n days from Tuesday 1 September 2026: pain easing with a weekly wave, gaps of one, two,
 * three and five days, routines from October and breaks on weekdays. The same every run. */
static GArray *
generate_days (guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  GArray *days = g_array_sized_new (FALSE, TRUE, sizeof (KlPainDay), n);

  for (guint i = 0; i < n; i++)
    {
      gboolean missing = (i >= 18 && i <= 22) || i == EMPTY_DAY ||
                         (i >= ISOLATED_DAY - 3 && i <= ISOLATED_DAY + 3 && i != ISOLATED_DAY) ||
                         i == 75 || i == 76;
      double base = 6.2 - 3.0 * i / n + 0.9 * sin (i * 2 * G_PI / 7) +
                    g_rand_double_range (rand, -0.6, 0.6);
      KlPainDay day = { 0 };

      g_date_clear (&day.date, 1);
      g_date_set_dmy (&day.date, 1, G_DATE_SEPTEMBER, 2026);
      g_date_add_days (&day.date, i);

      if (!missing)
        {
          day.n_entries = g_rand_int_range (rand, 1, 5);
          day.mean = CLAMP (base, 0, 10);
          if (day.n_entries == 1)
            day.mean = day.min = day.max = (int)round (day.mean);
          else
            {
              day.min = MAX (0, (int)floor (day.mean) - g_rand_int_range (rand, 0, 3));
              day.max = MIN (10, (int)ceil (day.mean) + g_rand_int_range (rand, 0, 3));
            }
        }

      if (i >= 30 && i % 3 == 0)
        day.n_sessions = i % 9 == 0 ? 2 : 1;
      if (i >= 14 && g_date_get_weekday (&day.date) <= G_DATE_FRIDAY)
        day.n_breaks = g_rand_int_range (rand, 0, 4);
      if (i == EMPTY_DAY)
        day.n_breaks = 1;

      g_array_append_val (days, day);
    }

  return days;
}

/* GTK 4.8 has no getter for an accessible property; the test context reports the value it
 * holds when it is not the one asked about. */
static char *
dup_accessible_label (GtkWidget *widget)
{
  char *label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                    "\x01 never a label");

  g_assert_nonnull (label);
  return label;
}

static gboolean
frame_cb (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       user_data)
{
  guint *n_frames = user_data;

  (*n_frames)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* A window holding only the chart at the given size, shown and laid out. */
static GtkWidget *
show_chart (GArray *days,
            int     width,
            int     height)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = kl_trend_chart_new ();
  gboolean timed_out = FALSE;
  guint n_frames = 0;
  guint timeout;
  guint ticking;

  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), chart);
  kl_trend_chart_set_days (KL_TREND_CHART (chart), days);
  ticking = gtk_widget_add_tick_callback (chart, frame_cb, &n_frames, NULL);
  gtk_window_present (GTK_WINDOW (window));

  /* Two frames: the first lays out and styles, the second draws what the first decided. */
  timeout = g_timeout_add_seconds (FRAME_TIMEOUT, timeout_cb, &timed_out);
  while (!timed_out && (n_frames < 2 || gtk_widget_get_width (chart) != width))
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  /* n_frames lives on this stack frame: the count must stop with it. */
  gtk_widget_remove_tick_callback (chart, ticking);

  g_assert_false (timed_out);
  g_assert_cmpint (gtk_widget_get_width (chart), ==, width);
  g_assert_cmpint (gtk_widget_get_height (chart), ==, height);
  return chart;
}

static void
wait_for_focus (GtkWidget *chart)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (FRAME_TIMEOUT, timeout_cb, &timed_out);

  gtk_widget_grab_focus (chart);
  while (!timed_out && !gtk_widget_has_focus (chart))
    {
      gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

      /* Without a window manager, a focus request made before the X server mapped the window
       * is lost: ask again until the window is active. */
      gtk_window_present (GTK_WINDOW (gtk_widget_get_root (chart)));
      while (!timed_out && !gtk_widget_has_focus (chart) && g_get_monotonic_time () < until)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
    }
  if (!timed_out)
    g_source_remove (timeout);
}

static void
close_chart (GtkWidget *chart)
{
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (chart)));
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  g_assert_not_reached ();
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  GtkEventController *controller = find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
  return handled;
}

static void
assert_focus_day (GtkWidget *chart,
                  guint      expected)
{
  g_assert_cmpuint (kl_trend_chart_get_focus_day (KL_TREND_CHART (chart)), ==, expected);
}

static void
test_keyboard (void)
{
  g_autoptr(GArray) days = generate_days (N_DAYS);
  GtkWidget *chart = show_chart (days, 700, 240);
  g_autofree char *latest = NULL;
  g_autofree char *day10 = NULL;
  g_autofree char *day11 = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *isolated = NULL;

  gtk_test_accessible_assert_role (chart, GTK_ACCESSIBLE_ROLE_IMG);

  /* The only thing to focus in its window, the chart has the focus, on the latest day. */
  wait_for_focus (chart);
  g_assert_true (gtk_widget_has_focus (chart));
  assert_focus_day (chart, N_DAYS - 1);
  latest = dup_accessible_label (chart);
  g_assert_true (g_str_has_prefix (latest, "Sun 29 Nov — Pain "));

  kl_trend_chart_set_focus_day (KL_TREND_CHART (chart), 10);
  day10 = dup_accessible_label (chart);
  g_assert_true (g_str_has_prefix (day10, "Fri 11 Sep — Pain "));

  /* The arrows, Home, End and the page keys move the day and the name with it. */
  g_assert_true (press_key (chart, GDK_KEY_Right));
  assert_focus_day (chart, 11);
  day11 = dup_accessible_label (chart);
  g_assert_true (g_str_has_prefix (day11, "Sat 12 Sep — Pain "));
  g_assert_true (press_key (chart, GDK_KEY_Left));
  g_assert_true (press_key (chart, GDK_KEY_Left));
  assert_focus_day (chart, 9);
  g_assert_true (press_key (chart, GDK_KEY_Home));
  assert_focus_day (chart, 0);
  g_assert_true (press_key (chart, GDK_KEY_Left));
  assert_focus_day (chart, 0);
  g_assert_true (press_key (chart, GDK_KEY_Page_Down));
  assert_focus_day (chart, 7);
  g_assert_true (press_key (chart, GDK_KEY_End));
  assert_focus_day (chart, N_DAYS - 1);
  g_assert_true (press_key (chart, GDK_KEY_Page_Up));
  assert_focus_day (chart, N_DAYS - 1 - 7);
  g_assert_false (press_key (chart, GDK_KEY_a));

  kl_trend_chart_set_focus_day (KL_TREND_CHART (chart), EMPTY_DAY);
  empty = dup_accessible_label (chart);
  g_assert_cmpstr (empty, ==, "Sun 11 Oct — no check-in · 1 break");

  kl_trend_chart_set_focus_day (KL_TREND_CHART (chart), ISOLATED_DAY);
  isolated = dup_accessible_label (chart);
  g_assert_true (g_str_has_prefix (isolated, "Thu 29 Oct — Pain "));
  g_assert_nonnull (strstr (isolated, "check-in"));

  /* Another kind of value says so. */
  kl_trend_chart_set_y_label (KL_TREND_CHART (chart), "Tenderness");
  g_free (isolated);
  isolated = dup_accessible_label (chart);
  g_assert_true (g_str_has_prefix (isolated, "Thu 29 Oct — Tenderness "));

  close_chart (chart);
}

/* The pointer shows a day without taking the accessible name from the keyboard's day; a
 * click moves the keyboard there. */
static void
test_pointer (void)
{
  g_autoptr(GArray) days = generate_days (N_DAYS);
  GtkWidget *chart = show_chart (days, 700, 240);
  GtkEventController *motion = find_controller (chart, GTK_TYPE_EVENT_CONTROLLER_MOTION);
  GtkEventController *click = find_controller (chart, GTK_TYPE_GESTURE_CLICK);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  kl_trend_chart_set_focus_day (KL_TREND_CHART (chart), 0);
  before = dup_accessible_label (chart);

  g_signal_emit_by_name (motion, "motion", 350.0, 120.0);
  after = dup_accessible_label (chart);
  g_assert_cmpstr (after, ==, before);
  kl_test_save_png (chart, "trend-light-hover.png");
  g_signal_emit_by_name (motion, "leave");

  /* In the padding right of the plot, the click is still on the last day. */
  g_signal_emit_by_name (click, "pressed", 1, 698.0, 120.0);
  assert_focus_day (chart, N_DAYS - 1);

  /* Left of the plot, on the value labels, there is no day to go to. */
  g_signal_emit_by_name (click, "pressed", 1, 2.0, 120.0);
  assert_focus_day (chart, N_DAYS - 1);

  close_chart (chart);
}

static void
test_new_days_keep_the_date (void)
{
  g_autoptr(GArray) days = generate_days (N_DAYS);
  g_autoptr(GArray) later = g_array_sized_new (FALSE, TRUE, sizeof (KlPainDay), N_DAYS - 30);
  g_autoptr(GArray) none = g_array_new (FALSE, TRUE, sizeof (KlPainDay));
  g_autoptr(KlTrendChart) chart = g_object_ref_sink (KL_TREND_CHART (kl_trend_chart_new ()));
  g_autofree char *label = NULL;

  g_array_append_vals (later, &g_array_index (days, KlPainDay, 30), N_DAYS - 30);

  /* With no day focused, the name tells the period. */
  kl_trend_chart_set_days (chart, days);
  label = dup_accessible_label (GTK_WIDGET (chart));
  g_assert_cmpstr (label, ==, "Pain over time, 1 Sep 2026 to 29 Nov 2026");
  kl_trend_chart_set_y_label (chart, "Tenderness");
  g_free (label);
  label = dup_accessible_label (GTK_WIDGET (chart));
  g_assert_cmpstr (label, ==, "Tenderness over time, 1 Sep 2026 to 29 Nov 2026");
  kl_trend_chart_set_y_label (chart, NULL);

  kl_trend_chart_set_focus_day (chart, 45);
  kl_trend_chart_set_days (chart, later);
  assert_focus_day (GTK_WIDGET (chart), 15);

  kl_trend_chart_set_focus_day (chart, 0);
  kl_trend_chart_set_days (chart, days);
  assert_focus_day (GTK_WIDGET (chart), 30);

  /* A date the new days do not have leaves no day focused. */
  kl_trend_chart_set_focus_day (chart, 3);
  kl_trend_chart_set_days (chart, later);
  assert_focus_day (GTK_WIDGET (chart), KL_TREND_CHART_NO_DAY);

  kl_trend_chart_set_days (chart, none);
  g_free (label);
  label = dup_accessible_label (GTK_WIDGET (chart));
  g_assert_cmpstr (label, ==, "Pain over time: no check-ins in this period");
  g_assert_false (press_key (GTK_WIDGET (chart), GDK_KEY_Home));
}

static void
render (GArray     *days,
        int         width,
        int         height,
        gboolean    dark,
        const char *name)
{
  GtkWidget *chart;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  chart = show_chart (days, width, height);

  /* The keyboard on a day shows its label box, when the display gives the window focus. */
  if (days->len > 44)
    kl_trend_chart_set_focus_day (KL_TREND_CHART (chart), 44);
  wait_for_focus (chart);
  if (!gtk_widget_has_focus (chart))
    g_test_message ("The window got no focus: %s shows no day", name);

  kl_test_save_png (chart, name);
  close_chart (chart);
}

static void
test_screenshots (void)
{
  g_autoptr(GArray) days = generate_days (N_DAYS);

  render (days, 700, 240, FALSE, "trend-light-wide.png");
  render (days, 700, 240, TRUE, "trend-dark-wide.png");
  render (days, 320, 200, FALSE, "trend-light-narrow.png");
  render (days, 320, 200, TRUE, "trend-dark-narrow.png");
}

/* Ten years in 700 pixels: the days are folded into columns. */
static void
test_decade (void)
{
  g_autoptr(GArray) days = generate_days (3650);
  g_autoptr(GArray) none = g_array_new (FALSE, TRUE, sizeof (KlPainDay));

  render (days, 700, 240, FALSE, "trend-light-decade.png");
  render (none, 320, 200, TRUE, "trend-dark-empty.png");
}

int
main (int   argc,
      char *argv[])
{
  /* The labels are checked word for word. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("TZ", "UTC", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/trend-chart/keyboard", test_keyboard);
  g_test_add_func ("/trend-chart/pointer", test_pointer);
  g_test_add_func ("/trend-chart/new-days-keep-the-date", test_new_days_keep_the_date);
  g_test_add_func ("/trend-chart/screenshots", test_screenshots);
  g_test_add_func ("/trend-chart/decade", test_decade);

  return g_test_run ();
}
