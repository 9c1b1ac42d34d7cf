/* test-window.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "kl-application.h"
#include "kl-routine-player-private.h"
#include "kl-routines-page.h"
#include "kl-store-problem-page.h"
#include "kl-test-utils.h"
#include "kl-window.h"

static KlApplication *app;

typedef struct
{
  char     *data_dir;
  KlWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->data_dir = g_dir_make_tmp ("knotless-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->window = g_object_ref_sink (kl_window_new (app));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  kl_test_remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
}

static const char *
visible_part (KlWindow *window)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                              KL_TYPE_WINDOW, "main_stack"));

  return gtk_stack_get_visible_child_name (stack);
}

static GObject *
problem_page_part (KlWindow   *window,
                   const char *name)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                              KL_TYPE_WINDOW, "main_stack"));
  GtkWidget *page = gtk_stack_get_visible_child (stack);

  g_assert_true (KL_IS_STORE_PROBLEM_PAGE (page));
  return gtk_widget_get_template_child (page, KL_TYPE_STORE_PROBLEM_PAGE, name);
}

static gboolean
template_child_visible (KlWindow   *window,
                        const char *name)
{
  return gtk_widget_get_visible (GTK_WIDGET (problem_page_part (window, name)));
}

static void
test_welcome_once (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = kl_store_open (fixture->data_dir, &error);
  g_autoptr(KlWindow) second = NULL;
  gboolean acknowledged = FALSE;

  g_assert_no_error (error);

  kl_window_set_store (fixture->window, store);
  g_assert_cmpstr (visible_part (fixture->window), ==, "welcome");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.acknowledge-welcome", NULL));
  g_assert_cmpstr (visible_part (fixture->window), ==, "content");
  g_assert_true (kl_store_is_acknowledged (store, KL_ACK_WELCOME, &acknowledged, &error));
  g_assert_true (acknowledged);

  /* The next window on the same journal goes straight to the pages. */
  second = g_object_ref_sink (kl_window_new (app));
  kl_window_set_store (second, store);
  g_assert_cmpstr (visible_part (second), ==, "content");
  gtk_window_destroy (GTK_WINDOW (second));
}

static void
test_problem_without_backup (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = g_error_new (KL_STORE_ERROR, KL_STORE_ERROR_DAMAGED,
                                         "The database “x” is damaged.");
  GtkLabel *detail;

  kl_window_show_store_problem (fixture->window, fixture->data_dir, error);

  g_assert_cmpstr (visible_part (fixture->window), ==, "problem");
  detail = GTK_LABEL (problem_page_part (fixture->window, "detail"));
  g_assert_cmpstr (gtk_label_get_text (detail), ==, error->message);
  g_assert_false (template_child_visible (fixture->window, "restore_button"));
  g_assert_true (template_child_visible (fixture->window, "fresh_button"));
}

static void
test_problem_with_backup (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = kl_store_open (fixture->data_dir, &error);
  g_autoptr(GError) problem = g_error_new (KL_STORE_ERROR, KL_STORE_ERROR_NOT_DATABASE,
                                           "Not a Knotless database.");

  g_assert_no_error (error);
  g_assert_true (kl_store_backup (store, TRUE, NULL, &error));
  g_assert_no_error (error);

  kl_window_show_store_problem (fixture->window, fixture->data_dir, problem);
  g_assert_true (template_child_visible (fixture->window, "restore_button"));
  g_assert_true (template_child_visible (fixture->window, "fresh_button"));
}

static void
test_problem_too_new (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = g_error_new (KL_STORE_ERROR, KL_STORE_ERROR_TOO_NEW,
                                         "Written by a newer version.");

  /* Moving a newer version's file aside would only hide it: offer nothing but the advice. */
  kl_window_show_store_problem (fixture->window, fixture->data_dir, error);
  g_assert_false (template_child_visible (fixture->window, "restore_button"));
  g_assert_false (template_child_visible (fixture->window, "fresh_button"));
}

static void
test_page_shortcuts (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = kl_store_open (fixture->data_dir, &error);
  AdwViewStack *pages = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                       KL_TYPE_WINDOW,
                                                                       "view_stack"));

  g_assert_no_error (error);
  g_assert_true (kl_store_acknowledge (store, KL_ACK_WELCOME, &error));
  kl_window_set_store (fixture->window, store);

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (pages), ==, "body");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             "breaks"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (pages), ==, "breaks");
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_row_subtitle (gpointer    widget,
                  const char *title,
                  const char *subtitle)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (widget), title) == 0 &&
      g_strcmp0 (adw_action_row_get_subtitle (widget), subtitle) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_row_subtitle (child, title, subtitle))
      return TRUE;
  return FALSE;
}

/* The subtitle of the first action row titled @title under @widget, or NULL. */
static const char *
row_subtitle (gpointer    widget,
              const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (widget), title) == 0)
    return adw_action_row_get_subtitle (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *subtitle = row_subtitle (child, title);

      if (subtitle != NULL)
        return subtitle;
    }
  return NULL;
}

static KlRoutinePlayer *
find_player (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KL_IS_ROUTINE_PLAYER (window))
        return KL_ROUTINE_PLAYER (window);
    }
  return NULL;
}

/* Resonance breathing offers 5, 10 and 20 minutes: 10 chosen on the Routines page is what the
 * player plays, and its session is still the routine's. */
static void
test_routine_length (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = kl_store_open (fixture->data_dir, &error);
  GtkWidget *window = GTK_WIDGET (fixture->window);
  KlRoutinesPage *page;
  GtkWidget *length_box;
  GtkWidget *start;
  GtkWidget *detail;
  GtkWidget *five, *ten, *twenty;
  KlRoutinePlayer *player;
  KlRoutine *played;
  GtkLabel *length_label;
  GVariant *target;
  const char *slug;
  gint64 length_us;

  g_assert_no_error (error);
  g_assert_true (kl_store_acknowledge (store, KL_ACK_WELCOME, &error));
  g_assert_no_error (error);
  kl_window_set_store (fixture->window, store);

  /* The Routines page is built when it is first shown. */
  g_assert_true (gtk_widget_activate_action (window, "win.show-page", "s", "routines"));
  page = KL_ROUTINES_PAGE (adw_bin_get_child (ADW_BIN (gtk_widget_get_template_child (
                                                window, KL_TYPE_WINDOW, "routines_bin"))));
  g_assert_nonnull (page);
  length_box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                          KL_TYPE_ROUTINES_PAGE, "length_box"));
  start = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), KL_TYPE_ROUTINES_PAGE,
                                                     "start_button"));
  detail = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), KL_TYPE_ROUTINES_PAGE,
                                                      "detail_box"));

  /* A routine with one length has no choice to make. */
  g_assert_true (kl_routines_page_show_detail (page, "neck-release"));
  g_assert_false (gtk_widget_get_visible (length_box));

  g_assert_true (kl_routines_page_show_detail (page, "resonance-breathing"));
  g_assert_true (gtk_widget_get_visible (length_box));
  five = find_button (length_box, "5 min");
  ten = find_button (length_box, "10 min");
  twenty = find_button (length_box, "20 min");
  g_assert_nonnull (five);
  g_assert_nonnull (ten);
  g_assert_nonnull (twenty);
  /* Its own length is the one chosen until the user picks another. */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (five)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ten)));

  g_assert_true (has_row_subtitle (page, "Total Time", "5:00"));
  g_assert_true (g_str_has_prefix (row_subtitle (detail, "Resonance breathing"),
                                   "in 5 s, out 5 s; 30 breaths"));
  g_signal_emit_by_name (ten, "clicked");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ten)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (five)));
  g_assert_true (has_row_subtitle (page, "Total Time", "10:00"));
  /* The steps say what will play. */
  g_assert_true (g_str_has_prefix (row_subtitle (detail, "Resonance breathing"),
                                   "in 5 s, out 5 s; 60 breaths"));
  g_assert_null (find_player ());
  g_signal_emit_by_name (start, "clicked");

  player = find_player ();
  g_assert_nonnull (player);
  played = kl_routine_runner_get_routine (_kl_routine_player_get_runner (player));
  g_assert_cmpstr (kl_routine_get_slug (played), ==, "resonance-breathing");
  g_assert_cmpint (kl_routine_get_duration_us (played), ==, 10 * 60 * G_USEC_PER_SEC);
  g_assert_cmpint (kl_routine_runner_get_total_us (_kl_routine_player_get_runner (player)), ==,
                   10 * 60 * G_USEC_PER_SEC + KL_ROUTINE_GET_READY_US);
  length_label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (player),
                                                           KL_TYPE_ROUTINE_PLAYER,
                                                           "length_label"));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (length_label), "10:00"));
  gtk_window_destroy (GTK_WINDOW (player));

  /* Back to another routine and back again: its own length once more, and Start says so. */
  g_assert_true (kl_routines_page_show_detail (page, "neck-release"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (start)), ==,
                   "win.play-routine");
  g_assert_true (kl_routines_page_show_detail (page, "resonance-breathing"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (start)), ==,
                   "win.play-routine-length");
  g_signal_emit_by_name (find_button (length_box, "20 min"), "clicked");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (start));
  g_assert_true (g_variant_is_of_type (target, G_VARIANT_TYPE ("(sx)")));
  g_variant_get (target, "(&sx)", &slug, &length_us);
  g_assert_cmpstr (slug, ==, "resonance-breathing");
  g_assert_cmpint (length_us, ==, 20 * 60 * G_USEC_PER_SEC);
  g_signal_emit_by_name (start, "clicked");
  player = find_player ();
  g_assert_nonnull (player);
  g_assert_cmpint (kl_routine_get_duration_us (kl_routine_runner_get_routine (
                     _kl_routine_player_get_runner (player))), ==, 20 * 60 * G_USEC_PER_SEC);
  gtk_window_destroy (GTK_WINDOW (player));

  /* The action that carries no length plays the routine's own. */
  g_assert_true (gtk_widget_activate_action (window, "win.play-routine", "s",
                                             "resonance-breathing"));
  player = find_player ();
  g_assert_nonnull (player);
  g_assert_cmpint (kl_routine_get_duration_us (kl_routine_runner_get_routine (
                     _kl_routine_player_get_runner (player))), ==, 5 * 60 * G_USEC_PER_SEC);
  gtk_window_destroy (GTK_WINDOW (player));
}

static gboolean
has_shortcut (GtkWidget  *widget,
              const char *title,
              const char *accelerator)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *its_title = NULL;
      g_autofree char *its_accelerator = NULL;

      g_object_get (widget, "title", &its_title, "accelerator", &its_accelerator, NULL);
      if (g_strcmp0 (its_title, title) == 0 && g_strcmp0 (its_accelerator, accelerator) == 0)
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_shortcut (child, title, accelerator))
      return TRUE;
  return FALSE;
}

/* The shortcuts window lists the player's keys, under its own heading. */
static void
test_player_shortcuts (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH
                                                                  "/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  GtkWidget *group = GTK_WIDGET (gtk_builder_get_object (builder, "player_shortcuts"));
  g_autofree char *title = NULL;

  g_assert_nonnull (overlay);
  g_assert_nonnull (group);
  g_assert_true (gtk_widget_is_ancestor (group, overlay));
  g_object_get (group, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Routine Player");
  g_assert_true (has_shortcut (group, "Pause or Resume", "space"));
  g_assert_true (has_shortcut (group, "Back to the Step Before", "Left"));
  g_assert_true (has_shortcut (group, "Skip to the Next Step", "Right"));
  g_assert_true (has_shortcut (group, "Mute or Unmute Cues", "m"));
  g_assert_true (has_shortcut (group, "Stop the Routine", "Escape"));
  g_assert_false (has_shortcut (group, "Quit", "<Control>q"));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = kl_application_new (g_get_tmp_dir ());
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window/welcome-once", test_welcome_once);
  ADD ("/window/problem/without-backup", test_problem_without_backup);
  ADD ("/window/problem/with-backup", test_problem_with_backup);
  ADD ("/window/problem/too-new", test_problem_too_new);
  ADD ("/window/page-shortcuts", test_page_shortcuts);
  ADD ("/window/routine-length", test_routine_length);
  ADD ("/window/player-shortcuts", test_player_shortcuts);

#undef ADD

  return g_test_run ();
}
