/* test-window.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "kl-application.h"
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

#undef ADD

  return g_test_run ();
}
