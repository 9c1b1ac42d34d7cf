/* test-routine-editor.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kl-routine-editor.h"
#include "kl-test-utils.h"

typedef struct
{
  char    *data_dir;
  KlStore *store;
  char    *saved_slug;
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
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  kl_test_remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
  g_free (fixture->saved_slug);
}

static void
saved_cb (KlRoutineEditor *editor,
          const char      *slug,
          Fixture         *fixture)
{
  g_free (fixture->saved_slug);
  fixture->saved_slug = g_strdup (slug);
}

static KlRoutineEditor *
present (Fixture         *fixture,
         KlRoutineEditor *editor)
{
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), fixture);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static GtkWidget *
part (KlRoutineEditor *editor,
      const char      *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                    KL_TYPE_ROUTINE_EDITOR, name));
}

static void
collect_rows (GtkWidget  *widget,
              const char *title,
              GPtrArray  *found)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, title, found);
}

/* The @nth row titled @title in the editor, top to bottom: one per step for a step's field. */
static GtkWidget *
row (KlRoutineEditor *editor,
     const char      *title,
     guint            nth)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (editor), title, found);
  g_assert_cmpuint (nth, <, found->len);
  return g_ptr_array_index (found, nth);
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkSpinButton *
spin (KlRoutineEditor *editor,
      const char      *title,
      guint            nth)
{
  return GTK_SPIN_BUTTON (find_child (row (editor, title, nth), GTK_TYPE_SPIN_BUTTON));
}

static void
collect_buttons (GtkWidget  *widget,
                 const char *label,
                 GPtrArray  *found)
{
  if (ADW_IS_BUTTON_CONTENT (widget) &&
      g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (widget)), label) == 0)
    g_ptr_array_add (found, gtk_widget_get_parent (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, label, found);
}

/* The first button showing @label: the first step's, for a step's buttons. */
static GtkWidget *
button_named (KlRoutineEditor *editor,
              const char      *label)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_buttons (GTK_WIDGET (editor), label, found);
  g_assert_cmpuint (found->len, >, 0);
  return g_ptr_array_index (found, 0);
}

static const char *
problem (KlRoutineEditor *editor)
{
  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (part (editor, "problem_revealer"))))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (part (editor, "problem_label")));
}

static gboolean
has_focus_in (KlRoutineEditor *editor,
              GtkWidget       *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (editor));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static guint
n_user_routines (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) routines = kl_store_list_routines (fixture->store, &error);

  g_assert_no_error (error);
  return routines->len - g_strv_length ((char **) kl_routine_get_builtin_slugs ());
}

static void
save_refused (Fixture         *fixture,
              KlRoutineEditor *editor,
              const char      *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (kl_routine_editor_save (editor, &error));
  g_assert_error (error, KL_ROUTINE_ERROR, KL_ROUTINE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpstr (problem (editor), ==, message);
  g_assert_null (fixture->saved_slug);
  g_assert_cmpuint (n_user_routines (fixture), ==, 0);
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlRoutine) stored = NULL;
  KlRoutineEditor *editor = present (fixture,
                                     kl_routine_editor_new_routine (NULL, fixture->store, NULL));
  GtkWidget *name = part (editor, "name_row");
  GtkWidget *title = row (editor, "Title", 0);
  GtkWidget *duration = row (editor, "Duration", 0);
  GtkSpinButton *duration_spin = spin (editor, "Duration", 0);

  /* A new routine starts with one empty step, and nothing to ask about on closing. */
  g_assert_false (kl_routine_editor_has_changes (editor));
  g_assert_null (problem (editor));

  save_refused (fixture, editor, "A routine needs a name");
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  g_assert_true (has_focus_in (editor, name));

  /* Typing clears the marks; the next problem is the step's. */
  gtk_editable_set_text (GTK_EDITABLE (name), "Evening unwind");
  g_assert_false (gtk_widget_has_css_class (name, "error"));
  g_assert_null (problem (editor));
  g_assert_true (kl_routine_editor_has_changes (editor));
  save_refused (fixture, editor, "Step 1: a step needs a title");
  g_assert_true (gtk_widget_has_css_class (title, "error"));
  g_assert_false (gtk_widget_has_css_class (name, "error"));
  g_assert_true (has_focus_in (editor, title));
  gtk_editable_set_text (GTK_EDITABLE (title), "Reach up");
  gtk_editable_set_text (GTK_EDITABLE (row (editor, "Instruction", 0)),
                         "Reach both arms overhead and breathe.");

  /* Every duration from 1 s to 60 min: below and above are marked on the field itself. */
  gtk_spin_button_set_value (duration_spin, 0);
  save_refused (fixture, editor, "Step 1: the duration must be between 1 s and 60 min");
  g_assert_true (gtk_widget_has_css_class (duration, "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (duration_spin), "error"));
  g_assert_true (has_focus_in (editor, GTK_WIDGET (duration_spin)));
  gtk_spin_button_set_value (duration_spin, 61 * 60);
  save_refused (fixture, editor, "Step 1: the duration must be between 1 s and 60 min");

  /* Repeated with a rest: the rest is checked too, and named. */
  gtk_spin_button_set_value (duration_spin, 20);
  gtk_spin_button_set_value (spin (editor, "Repetitions", 0), 3);
  gtk_spin_button_set_value (spin (editor, "Rest Between Repetitions", 0), 4000);
  save_refused (fixture, editor,
                "Step 1: the rest between repetitions must be 0 or between 1 s and 60 min");
  g_assert_true (gtk_widget_has_css_class (row (editor, "Rest Between Repetitions", 0),
                                           "error"));
  gtk_spin_button_set_value (spin (editor, "Rest Between Repetitions", 0), 10);

  /* No steps at all. */
  g_signal_emit_by_name (button_named (editor, "Remove"), "clicked");
  save_refused (fixture, editor, "A routine needs at least one step");
  g_assert_true (gtk_widget_has_css_class (part (editor, "add_step_button"), "error"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-step", NULL);
  gtk_editable_set_text (GTK_EDITABLE (row (editor, "Title", 0)), "Reach up");
  gtk_editable_set_text (GTK_EDITABLE (row (editor, "Instruction", 0)),
                         "Reach both arms overhead and breathe.");
  gtk_spin_button_set_value (spin (editor, "Duration", 0), 20);
  gtk_spin_button_set_value (spin (editor, "Repetitions", 0), 3);
  gtk_spin_button_set_value (spin (editor, "Rest Between Repetitions", 0), 10);

  /* Valid: stored under a slug made from the name, 3 × 20 s with two rests of 10 s. */
  g_assert_true (kl_routine_editor_save (editor, &error));
  g_assert_no_error (error);
  g_assert_null (problem (editor));
  g_assert_cmpstr (fixture->saved_slug, ==, "evening-unwind");
  stored = kl_store_get_routine (fixture->store, "evening-unwind", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kl_routine_get_name (stored), ==, "Evening unwind");
  g_assert_cmpuint (kl_routine_get_n_steps (stored), ==, 1);
  g_assert_cmpstr (kl_routine_get_step (stored, 0)->title, ==, "Reach up");
  g_assert_cmpint (kl_routine_get_duration_us (stored), ==, 80 * G_USEC_PER_SEC);
  g_assert_false (kl_routine_editor_has_changes (editor));

  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_breathing (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlRoutine) box = kl_store_get_routine (fixture->store, "box-breathing", &error);
  KlRoutineEditor *editor = NULL;

  g_assert_no_error (error);
  editor = present (fixture, kl_routine_editor_new_routine (NULL, fixture->store, box));

  /* The breathing times show for a breathing step, the others do not. */
  g_assert_true (gtk_widget_get_visible (row (editor, "Breathe In", 0)));
  g_assert_false (gtk_widget_get_visible (row (editor, "Duration", 0)));

  gtk_spin_button_set_value (spin (editor, "Breathe Out", 0), 0);
  save_refused (fixture, editor, "Step 1: breathing out must be between 1 s and 60 min");
  g_assert_true (gtk_widget_has_css_class (row (editor, "Breathe Out", 0), "error"));
  gtk_spin_button_set_value (spin (editor, "Breathe Out", 0), 4);
  gtk_spin_button_set_value (spin (editor, "Hold After Breathing Out", 0), 5000);
  save_refused (fixture, editor,
                "Step 1: the hold after breathing out must be 0 or between 1 s and 60 min");
  gtk_spin_button_set_value (spin (editor, "Hold After Breathing Out", 0), 0);

  /* 4 s in, 4 s hold, 4 s out, no hold out: 12 s a breath, then 12 s of normal breathing. */
  gtk_spin_button_set_value (spin (editor, "Breaths", 0), 10);
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (part (editor,
                                                                          "window_title"))),
                   ==, "Total time 2:12");
  g_assert_true (kl_routine_editor_save (editor, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->saved_slug, ==, "box-breathing-copy");

  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Duplicate a built-in, reorder and remove steps, change a time: what is stored is what the
 * form showed, and the built-in stays as it was. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlRoutine) builtin = kl_store_get_routine (fixture->store, "neck-release", &error);
  g_autoptr(KlRoutine) copy = NULL;
  g_autoptr(KlRoutine) edited = NULL;
  g_autoptr(KlRoutine) builtin_after = NULL;
  GtkWidget *title_widget;
  KlRoutineEditor *editor;

  g_assert_no_error (error);
  editor = present (fixture, kl_routine_editor_new_routine (NULL, fixture->store, builtin));
  g_assert_false (kl_routine_editor_has_changes (editor));
  title_widget = part (editor, "window_title");
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title_widget)), ==,
                   "Total time 2:45");

  /* Unchanged, the copy is the built-in under a name and slug of its own. */
  g_assert_true (kl_routine_editor_save (editor, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->saved_slug, ==, "neck-release-copy");
  copy = kl_store_get_routine (fixture->store, "neck-release-copy", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kl_routine_get_name (copy), ==, "Neck release (copy)");
  g_assert_cmpint (kl_routine_get_duration_us (copy), ==, kl_routine_get_duration_us (builtin));
  g_assert_cmpuint (kl_routine_get_n_steps (copy), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const KlRoutineStep *a = kl_routine_get_step (builtin, i);
      const KlRoutineStep *b = kl_routine_get_step (copy, i);

      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpint (a->duration_us, ==, b->duration_us);
      g_assert_cmpint (a->release_us, ==, b->release_us);
      g_assert_cmpuint (a->repetitions, ==, b->repetitions);
      g_assert_cmpint (a->sides, ==, b->sides);
      g_assert_true (g_strv_equal ((const char * const *) a->regions,
                                   (const char * const *) b->regions));
    }
  gtk_window_destroy (GTK_WINDOW (editor));
  g_clear_pointer (&fixture->saved_slug, g_free);

  /* Edit the copy: step 3 up with Alt+↑'s action, the chin tucks removed, 45 s a side. */
  editor = present (fixture, kl_routine_editor_new_edit (NULL, fixture->store, copy));
  gtk_widget_grab_focus (row (editor, "Title", 2));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.move-step", "i", -1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (editor, "Title", 1))), ==,
                   "Levator-scapulae stretch");
  g_assert_true (has_focus_in (editor, row (editor, "Title", 1)));
  g_assert_nonnull (row (editor, "2. Levator-scapulae stretch", 0));
  g_signal_emit_by_name (button_named (editor, "Remove"), "clicked");
  g_assert_nonnull (row (editor, "1. Levator-scapulae stretch", 0));
  /* Typed and saved at once, without leaving the field. */
  gtk_widget_grab_focus (GTK_WIDGET (spin (editor, "Duration", 1)));
  gtk_editable_set_text (GTK_EDITABLE (spin (editor, "Duration", 1)), "45");
  g_assert_true (kl_routine_editor_save (editor, &error));
  g_assert_no_error (error);
  /* 65 s, then 45 + 5 + 45 = 95 s */
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (part (editor,
                                                                          "window_title"))),
                   ==, "Total time 2:40");
  g_assert_cmpstr (fixture->saved_slug, ==, "neck-release-copy");
  edited = kl_store_get_routine (fixture->store, "neck-release-copy", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kl_routine_get_n_steps (edited), ==, 2);
  g_assert_cmpstr (kl_routine_get_step (edited, 0)->title, ==, "Levator-scapulae stretch");
  g_assert_cmpstr (kl_routine_get_step (edited, 1)->title, ==, "Upper-trapezius stretch");
  g_assert_cmpint (kl_routine_get_step (edited, 1)->duration_us, ==, 45 * G_USEC_PER_SEC);
  g_assert_cmpint (kl_routine_get_duration_us (edited), ==, 160 * G_USEC_PER_SEC);
  /* The routine's regions are its steps' now: no chin tucks, no suboccipitals. */
  g_assert_false (g_strv_contains (kl_routine_get_regions (edited), "suboccipitals-left"));
  g_assert_true (g_strv_contains (kl_routine_get_regions (edited), "upper-trapezius-left"));
  g_assert_cmpuint (n_user_routines (fixture), ==, 1);

  builtin_after = kl_store_get_routine (fixture->store, "neck-release", &error);
  g_assert_no_error (error);
  g_assert_cmpint (kl_routine_get_duration_us (builtin_after), ==, 165 * G_USEC_PER_SEC);

  gtk_window_destroy (GTK_WINDOW (editor));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
destroyed_cb (gpointer  data,
              GObject  *where)
{
  *(gboolean *) data = TRUE;
}

/* Closing with changes asks; "Keep Editing" keeps them, "Discard" drops them unsaved. */
static void
test_close_asks (Fixture       *fixture,
                 gconstpointer  user_data)
{
  KlRoutineEditor *editor = present (fixture,
                                     kl_routine_editor_new_routine (NULL, fixture->store, NULL));
  AdwMessageDialog *dialog;
  gboolean gone = FALSE;

  g_object_weak_ref (G_OBJECT (editor), destroyed_cb, &gone);
  gtk_editable_set_text (GTK_EDITABLE (part (editor, "name_row")), "Evening");

  gtk_window_close (GTK_WINDOW (editor));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard Changes?");
  adw_message_dialog_response (dialog, "keep");
  g_assert_false (gone);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  while (g_main_context_iteration (NULL, FALSE));

  gtk_window_close (GTK_WINDOW (editor));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_true (gone);
  g_assert_null (fixture->saved_slug);
  g_assert_cmpuint (n_user_routines (fixture), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/routine-editor/validation", test_validation);
  ADD ("/routine-editor/breathing", test_breathing);
  ADD ("/routine-editor/round-trip", test_round_trip);
  ADD ("/routine-editor/close-asks", test_close_asks);

#undef ADD

  return g_test_run ();
}
