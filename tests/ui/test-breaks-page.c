/* test-breaks-page.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Breaks page's fields: bad input marked and refused with nothing stored, good input
 * stored; a reminder removed from its row.
 */

#include "config.h"

#include "kl-breaks-page.h"
#include "kl-test-screenshot.h"
#include "kl-test-utils.h"

typedef struct
{
  char         *data_dir;
  KlStore      *store;
  GtkWindow    *window;
  KlBreaksPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->data_dir = g_dir_make_tmp ("knotless-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = kl_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 600, 800);
  fixture->page = KL_BREAKS_PAGE (kl_breaks_page_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  kl_breaks_page_set_store (fixture->page, fixture->store);
  gtk_window_present (fixture->window);

  /* The page reads the store when it first shows. */
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->page)))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->store);
  kl_test_remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
}

/* The first row titled @title under @widget, in the order the page shows them. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first button under @widget. */
static GtkWidget *
find_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
settled_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Half a second of frames: layout, the expander's animation, drawing. */
static void
settle (void)
{
  gboolean settled = FALSE;

  g_timeout_add (500, settled_cb, &settled);
  while (!settled)
    g_main_context_iteration (NULL, TRUE);
}

static void
type_and_apply (GtkWidget  *row,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static void
get_hours (Fixture        *fixture,
           KlWorkingHours *hours)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kl_store_get_working_hours (fixture->store, hours, &error));
  g_assert_no_error (error);
}

static void
test_working_hours (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GtkWidget *monday = find_row (GTK_WIDGET (fixture->page), "Monday");
  GtkWidget *saturday = find_row (GTK_WIDGET (fixture->page), "Saturday");
  KlWorkingHours before, after;

  g_assert_nonnull (monday);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (monday)), ==, "09:00–17:30");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (saturday)), ==, "");
  get_hours (fixture, &before);

  type_and_apply (monday, "9-5pm");
  g_assert_true (gtk_widget_has_css_class (monday, "error"));
  type_and_apply (monday, "17:00–09:00");
  g_assert_true (gtk_widget_has_css_class (monday, "error"));
  get_hours (fixture, &after);
  g_assert_cmpmem (&before, sizeof before, &after, sizeof after);

  type_and_apply (monday, " 8:00 - 16:15 ");
  g_assert_false (gtk_widget_has_css_class (monday, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (monday)), ==, "08:00–16:15");
  get_hours (fixture, &after);
  g_assert_cmpuint (after.days[0].start, ==, 8 * 60);
  g_assert_cmpuint (after.days[0].end, ==, 16 * 60 + 15);

  /* A night shift's first half, and a day off made a working day. */
  type_and_apply (saturday, "22:00–24:00");
  g_assert_false (gtk_widget_has_css_class (saturday, "error"));
  get_hours (fixture, &after);
  g_assert_cmpuint (after.days[5].start, ==, 22 * 60);
  g_assert_cmpuint (after.days[5].end, ==, 24 * 60);

  type_and_apply (monday, "");
  get_hours (fixture, &after);
  g_assert_cmpuint (after.days[0].start, ==, after.days[0].end);
}

static KlReminder *
first_reminder (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reminders = kl_store_list_reminders (fixture->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, >, 0);
  return g_object_ref (g_ptr_array_index (reminders, 0));
}

static void
test_every (Fixture       *fixture,
            gconstpointer  user_data)
{
  /* The first reminder is the micro-break, every 20 min. */
  GtkWidget *every = find_row (GTK_WIDGET (fixture->page), "Every (desk time, like 20m or 1h30m)");
  GtkWidget *expander = gtk_widget_get_ancestor (every, ADW_TYPE_EXPANDER_ROW);
  g_autoptr(KlReminder) reminder = first_reminder (fixture);

  g_assert_cmpint (kl_reminder_get_kind (reminder), ==, KL_REMINDER_KIND_MICRO_BREAK);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (every)), ==, "20m");

  for (guint i = 0; i < 4; i++)
    {
      const char *bad[] = { "0s", "25h", "20", "soon" };
      g_autoptr(KlReminder) stored = NULL;

      type_and_apply (every, bad[i]);
      g_assert_true (gtk_widget_has_css_class (every, "error"));
      stored = first_reminder (fixture);
      g_assert_cmpuint (kl_reminder_get_every (stored), ==, 20 * 60);
    }

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  settle ();
  kl_test_save_png (every, "breaks-page-bad-interval.png");

  type_and_apply (every, "15m");
  g_assert_false (gtk_widget_has_css_class (every, "error"));
  g_clear_object (&reminder);
  reminder = first_reminder (fixture);
  g_assert_cmpuint (kl_reminder_get_every (reminder), ==, 15 * 60);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==,
                   "Every 15m of desk time");
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(KlReminder) micro = first_reminder (fixture);
  g_autoptr(KlReminder) next = NULL;
  GtkWidget *row = find_row (GTK_WIDGET (fixture->page), "Remove this reminder");

  g_assert_nonnull (row);
  g_signal_emit_by_name (find_button (row), "clicked");

  next = first_reminder (fixture);
  g_assert_cmpint (kl_reminder_get_id (next), !=, kl_reminder_get_id (micro));
  /* The rows are read again: the first is now the stretch break's. */
  row = gtk_widget_get_ancestor (find_row (GTK_WIDGET (fixture->page),
                                           "Every (desk time, like 20m or 1h30m)"),
                                 ADW_TYPE_EXPANDER_ROW);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Stretch break");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/breaks-page/working-hours", test_working_hours);
  ADD ("/breaks-page/every", test_every);
  ADD ("/breaks-page/remove", test_remove);
#undef ADD

  return g_test_run ();
}
