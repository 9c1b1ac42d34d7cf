/* test-routines-page.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kl-knot.h"
#include "kl-routines-page.h"
#include "kl-screening-dialog.h"
#include "kl-test-utils.h"

typedef struct
{
  char           *data_dir;
  KlStore        *store;
  GtkWindow      *window;
  KlRoutinesPage *page;
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
  fixture->page = KL_ROUTINES_PAGE (kl_routines_page_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  kl_routines_page_set_store (fixture->page, fixture->store);
  kl_routines_page_reload (fixture->page);
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

static GtkWidget *
part (Fixture    *fixture,
      const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                    KL_TYPE_ROUTINES_PAGE, name));
}

/* The titles of the action rows under @widget, top to bottom. */
static void
collect_rows (GtkWidget *widget,
              GPtrArray *titles)
{
  if (ADW_IS_ACTION_ROW (widget))
    {
      g_ptr_array_add (titles,
                       (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, titles);
}

static GPtrArray *
row_titles (GtkWidget *widget)
{
  GPtrArray *titles = g_ptr_array_new ();

  collect_rows (widget, titles);
  return titles;
}

static guint
n_library_rows (Fixture *fixture)
{
  g_autoptr(GPtrArray) titles = row_titles (part (fixture, "groups_box"));

  return titles->len;
}

static gboolean
has_row (GtkWidget  *widget,
         const char *prefix)
{
  g_autoptr(GPtrArray) titles = row_titles (widget);

  for (guint i = 0; i < titles->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (titles, i), prefix))
      return TRUE;

  return FALSE;
}

static void
add_session (KlStore    *store,
             const char *slug,
             int         before,
             int         after)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlSession) session = kl_session_new (slug);

  kl_session_set_pain_before (session, before);
  g_assert_true (kl_store_add_session (store, session, &error));
  g_assert_no_error (error);
  kl_session_set_pain_after (session, after);
  kl_session_set_completed (session, TRUE);
  g_assert_true (kl_store_finish_session (store, session, &error));
  g_assert_no_error (error);
}

static void
test_by_kind (Fixture       *fixture,
              gconstpointer  user_data)
{
  static const struct { const char *title; guint n; } expected[] = {
    { "Breathing", 6 }, { "Stretches", 9 }, { "Tennis Ball", 6 }, { "Heat & Cold", 2 },
    { "Relaxation", 1 }, { "Desk Breaks", 2 },
  };
  GtkWidget *group = gtk_widget_get_first_child (part (fixture, "groups_box"));

  g_assert_cmpuint (n_library_rows (fixture), ==, 26);
  /* No knots: nothing to suggest. */
  g_assert_false (gtk_widget_get_visible (part (fixture, "for_you_group")));
  g_assert_false (gtk_widget_get_visible (part (fixture, "empty_status")));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++, group = gtk_widget_get_next_sibling (group))
    {
      g_autoptr(GPtrArray) titles = NULL;

      g_assert_nonnull (group);
      g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==,
                       expected[i].title);
      titles = row_titles (group);
      g_assert_cmpuint (titles->len, ==, expected[i].n);
    }
  g_assert_null (group);
}

static void
test_for_your_knots (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlKnot) knot = kl_knot_new ();
  g_autoptr(KlKnot) resolved = kl_knot_new ();
  g_autoptr(KlKnot) gone = kl_knot_new ();
  g_autoptr(GPtrArray) titles = NULL;
  GtkWidget *group = part (fixture, "for_you_group");

  kl_knot_set_region (knot, "upper-trapezius-left");
  kl_knot_set_position (knot, 0.4, 0.2);
  kl_knot_set_state (knot, KL_KNOT_ACTIVE);
  kl_store_add_knot (fixture->store, knot, 6, &error);
  g_assert_no_error (error);
  /* Latent and resolved knots suggest nothing. */
  kl_knot_set_region (resolved, "gastrocnemius-left");
  kl_knot_set_position (resolved, 0.4, 0.8);
  kl_knot_set_state (resolved, KL_KNOT_LATENT);
  kl_store_add_knot (fixture->store, resolved, 4, &error);
  g_assert_no_error (error);
  kl_knot_set_region (gone, "gluteus-medius-left");
  kl_knot_set_position (gone, 0.4, 0.5);
  kl_knot_set_state (gone, KL_KNOT_ACTIVE);
  kl_store_add_knot (fixture->store, gone, 4, &error);
  g_assert_no_error (error);
  kl_store_set_knot_resolved (fixture->store, gone, TRUE, &error);
  g_assert_no_error (error);

  kl_routines_page_reload (fixture->page);
  g_assert_true (gtk_widget_get_visible (group));
  titles = row_titles (group);
  g_assert_cmpuint (titles->len, >=, 2);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "Upper-trapezius ball");
  g_assert_true (has_row (group, "Neck release"));
  g_assert_false (has_row (group, "Foot & calf roll"));
  g_assert_false (has_row (group, "Glute ball"));
  /* Still in its own group too. */
  g_assert_cmpuint (n_library_rows (fixture), ==, 26);

  /* What helped this user comes first, once there are three rated sessions of it. */
  for (guint i = 0; i < 3; i++)
    add_session (fixture->store, "neck-release", 6, 3);
  kl_routines_page_reload (fixture->page);
  g_clear_pointer (&titles, g_ptr_array_unref);
  titles = row_titles (group);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "Neck release");
  g_assert_cmpstr (g_ptr_array_index (titles, 1), ==, "Upper-trapezius ball");

  g_assert_true (kl_routines_page_show_detail (fixture->page, "neck-release"));
  g_assert_true (has_row (part (fixture, "detail_box"),
                          "n = 3 sessions, median change −3.0, 3 of 3 meaningful"));
}

static void
test_length_filter (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GtkDropDown *length = GTK_DROP_DOWN (part (fixture, "length_dropdown"));
  GtkDropDown *area = GTK_DROP_DOWN (part (fixture, "area_dropdown"));
  GtkWidget *groups = part (fixture, "groups_box");
  guint under_three;
  guint over_ten;

  gtk_drop_down_set_selected (length, 1);
  under_three = n_library_rows (fixture);
  g_assert_cmpuint (under_three, >, 0);
  g_assert_cmpuint (under_three, <, 26);
  g_assert_true (has_row (groups, "20-20-20"));
  g_assert_false (has_row (groups, "Heat session"));

  gtk_drop_down_set_selected (length, 3);
  over_ten = n_library_rows (fixture);
  g_assert_cmpuint (over_ten, >, 0);
  g_assert_cmpuint (under_three + over_ten, <, 26);
  g_assert_true (has_row (groups, "Heat session"));
  g_assert_false (has_row (groups, "20-20-20"));

  /* Nothing long enough for the feet: the empty state says so. */
  for (guint i = 1; i < g_list_model_get_n_items (gtk_drop_down_get_model (area)); i++)
    {
      gtk_drop_down_set_selected (area, i);
      if (n_library_rows (fixture) == 0)
        break;
    }
  g_assert_cmpuint (n_library_rows (fixture), ==, 0);
  g_assert_true (gtk_widget_get_visible (part (fixture, "empty_status")));

  gtk_drop_down_set_selected (area, 0);
  gtk_drop_down_set_selected (length, 0);
  g_assert_cmpuint (n_library_rows (fixture), ==, 26);
  g_assert_false (gtk_widget_get_visible (part (fixture, "empty_status")));
}

static void
test_detail (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  GtkStack *stack = GTK_STACK (part (fixture, "stack"));
  GtkWidget *detail = part (fixture, "detail_box");
  GtkWidget *start = part (fixture, "start_button");
  g_autoptr(GVariant) target = NULL;

  g_assert_true (kl_routines_page_show_detail (fixture->page, "neck-release"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "detail");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (part (fixture, "name_label"))), ==,
                   "Neck release");
  g_assert_true (has_row (detail, "Chin tucks"));
  g_assert_true (has_row (detail, "Upper-trapezius stretch"));
  g_assert_true (has_row (detail, "Move slowly"));
  g_assert_true (has_row (detail, "No sessions yet"));
  g_assert_true (has_row (detail, "Bandy & Irion"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (start)), ==,
                   "win.play-routine");
  target = g_variant_ref (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (start)));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "neck-release");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "routines.back", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "library");

  /* A "yes" to blood thinners warns on ball work, above the routine's own cautions. */
  g_assert_true (kl_store_set_screening_answer (fixture->store, "blood-thinners",
                                                KL_SCREENING_YES, &error));
  g_assert_no_error (error);
  g_assert_true (kl_routines_page_show_detail (fixture->page, "upper-trapezius-ball"));
  g_assert_true (has_row (detail, "You said you take blood thinners"));
  g_assert_true (has_row (detail, "Never on the spine"));
  g_assert_false (has_row (detail, "You said you have osteoporosis"));

  g_assert_true (kl_routines_page_show_detail (fixture->page, "neck-release"));
  g_assert_false (has_row (detail, "You said you take blood thinners"));
}

static void
test_screening_first_ball (Fixture       *fixture,
                           gconstpointer  user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GError) error = NULL;
  KlScreeningDialog *dialog = NULL;
  gboolean unanswered = FALSE;

  g_assert_true (kl_routines_page_show_detail (fixture->page, "box-breathing"));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      g_assert_false (KL_IS_SCREENING_DIALOG (window));
    }

  g_assert_true (kl_routines_page_show_detail (fixture->page, "glute-ball"));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KL_IS_SCREENING_DIALOG (window))
        dialog = KL_SCREENING_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (kl_screening_is_unanswered (fixture->store, &unanswered, &error));
  g_assert_true (unanswered);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/routines-page/by-kind", test_by_kind);
  ADD ("/routines-page/for-your-knots", test_for_your_knots);
  ADD ("/routines-page/length-filter", test_length_filter);
  ADD ("/routines-page/detail", test_detail);
  ADD ("/routines-page/screening-first-ball", test_screening_first_ball);

#undef ADD

  return g_test_run ();
}
