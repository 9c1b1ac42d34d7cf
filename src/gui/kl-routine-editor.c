/* kl-routine-editor.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-routine-editor"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "kl-body-regions.h"
#include "kl-routine-editor.h"

/* A slug that passes kl_routine_validate () until the name gives the real one on saving. */
#define UNSAVED_SLUG "new-routine"
/* The spin buttons take more than a step may last, so that a typed 90 minutes is told off
 * rather than quietly cut to 60. */
#define MAX_SPIN_SECONDS (24 * 60 * 60)

/* The widgets of one step, owned by its expander row. */
typedef struct
{
  KlRoutineEditor *editor;
  AdwExpanderRow  *row;
  AdwComboRow     *kind_row;
  AdwEntryRow     *title_row;
  AdwEntryRow     *instruction_row;
  AdwActionRow    *duration_row;
  GtkSpinButton   *duration_spin;
  AdwComboRow     *sides_row;
  AdwActionRow    *repetitions_row;
  GtkSpinButton   *repetitions_spin;
  AdwActionRow    *rest_row;
  GtkSpinButton   *rest_spin;
  AdwActionRow    *release_row;
  GtkSpinButton   *release_spin;
  AdwActionRow    *inhale_row;
  GtkSpinButton   *inhale_spin;
  AdwActionRow    *top_up_row;
  GtkSpinButton   *top_up_spin;
  AdwActionRow    *hold_in_row;
  GtkSpinButton   *hold_in_spin;
  AdwActionRow    *exhale_row;
  GtkSpinButton   *exhale_spin;
  AdwActionRow    *hold_out_row;
  GtkSpinButton   *hold_out_spin;
  AdwActionRow    *cycles_row;
  GtkSpinButton   *cycles_spin;
  AdwEntryRow     *placement_row;
  AdwEntryRow     *pressure_row;
  AdwEntryRow     *avoid_row;
  AdwActionRow    *regions_row;
  GtkButton       *up_button;
  GtkButton       *down_button;
  GtkButton       *remove_button;
  GPtrArray       *regions;      /* region ids, in the catalogue's order */
} StepEditor;

struct _KlRoutineEditor
{
  AdwWindow            parent_instance;

  KlStore             *store;
  KlRoutine           *original;      /* what the fields started from */
  GBytes              *opened;        /* the fields' routine as opened, to spot changes */
  gboolean             is_new;
  gboolean             discard;       /* closing without asking again */
  GPtrArray           *step_rows;     /* AdwExpanderRow, in order; StepEditor as "step" */
  GPtrArray           *equipment_checks;
  GPtrArray           *marked;        /* widgets with the error style, held */

  AdwWindowTitle      *window_title;
  GtkRevealer         *problem_revealer;
  GtkLabel            *problem_label;
  AdwEntryRow         *name_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *summary_row;
  AdwEntryRow         *cautions_row;
  AdwExpanderRow      *equipment_row;
  AdwPreferencesGroup *steps_group;
  GtkButton           *add_step_button;
};

G_DEFINE_FINAL_TYPE (KlRoutineEditor, kl_routine_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const step_kind_labels[] = {
  [KL_ROUTINE_STEP_STRETCH] = N_("Stretch"),
  [KL_ROUTINE_STEP_HOLD] = N_("Hold"),
  [KL_ROUTINE_STEP_MOVE] = N_("Movement"),
  [KL_ROUTINE_STEP_BALL] = N_("Tennis ball"),
  [KL_ROUTINE_STEP_BREATHING] = N_("Breathing"),
  [KL_ROUTINE_STEP_REST] = N_("Rest"),
  [KL_ROUTINE_STEP_THERMAL] = N_("Heat or cold"),
  [KL_ROUTINE_STEP_LOOK] = N_("Look into the distance"),
};

static void update (KlRoutineEditor *self);

static StepEditor *
step_of_row (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "step");
}

static StepEditor *
step_at (KlRoutineEditor *self,
         guint            index)
{
  return step_of_row (g_ptr_array_index (self->step_rows, index));
}

static void
step_editor_free (StepEditor *step)
{
  g_clear_pointer (&step->regions, g_ptr_array_unref);
  g_free (step);
}

/* "3:20" */
static char *
format_total (gint64 us)
{
  gint64 s = (us + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC;

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d", s / 60, (int) (s % 60));
}

static gint64
spin_us (GtkSpinButton *spin)
{
  /* To the millisecond, as the routine files keep it. */
  return (gint64) llround (gtk_spin_button_get_value (spin) * 1000) * 1000;
}

static char *
dup_trimmed (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

/* Trimmed text, or NULL when there is none: what a step without that field stores. */
static char *
dup_text_or_null (GtkEditable *editable)
{
  char *text = dup_trimmed (editable);

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static void
changed_cb (KlRoutineEditor *self)
{
  update (self);
}

/* Building rows */

static GtkSpinButton *
add_spin_row (StepEditor    *step,
              AdwActionRow **out_row,
              const char    *title,
              const char    *subtitle,
              double         lower,
              double         value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkAdjustment *adjustment = gtk_adjustment_new (value, lower, MAX_SPIN_SECONDS, 1, 10, 0);
  GtkWidget *spin = gtk_spin_button_new (adjustment, 1, 0);

  /* A fraction of a second shows as one; whole seconds without ".0". */
  if (value != floor (value))
    gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (changed_cb), step->editor,
                           G_CONNECT_SWAPPED);
  adw_expander_row_add_row (step->row, row);

  *out_row = ADW_ACTION_ROW (row);
  return GTK_SPIN_BUTTON (spin);
}

static AdwEntryRow *
add_entry_row (StepEditor *step,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_signal_connect_object (row, "changed", G_CALLBACK (changed_cb), step->editor,
                           G_CONNECT_SWAPPED);
  adw_expander_row_add_row (step->row, row);

  return ADW_ENTRY_ROW (row);
}

static AdwComboRow *
add_combo_row (StepEditor    *step,
               const char    *title,
               GtkStringList *choices,
               guint          selected)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (changed_cb), step->editor,
                           G_CONNECT_SWAPPED);
  adw_expander_row_add_row (step->row, row);

  return ADW_COMBO_ROW (row);
}

/* Target regions */

static int
region_index (const char *id)
{
  for (guint i = 0; i < kl_body_regions_get_n (); i++)
    {
      if (g_str_equal (kl_body_regions_get (i)->id, id))
        return i;
    }

  return -1;
}

static int
compare_regions (gconstpointer a,
                 gconstpointer b)
{
  return region_index (*(const char **) a) - region_index (*(const char **) b);
}

static void
region_toggled_cb (GtkCheckButton *check,
                   StepEditor     *step)
{
  const char *id = g_object_get_data (G_OBJECT (check), "region");
  guint index;

  if (gtk_check_button_get_active (check))
    {
      if (!g_ptr_array_find_with_equal_func (step->regions, id, g_str_equal, NULL))
        {
          g_ptr_array_add (step->regions, g_strdup (id));
          g_ptr_array_sort (step->regions, compare_regions);
        }
    }
  else if (g_ptr_array_find_with_equal_func (step->regions, id, g_str_equal, &index))
    g_ptr_array_remove_index (step->regions, index);

  update (step->editor);
}

/* Built each time it opens, with 80-odd checks: only for the one step being looked at. */
static void
create_regions_popover_cb (GtkMenuButton *button,
                           gpointer       user_data)
{
  StepEditor *step = user_data;
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  const char * const *groups = kl_body_groups ();

  for (guint g = 0; groups[g] != NULL; g++)
    {
      GtkWidget *heading = gtk_label_new (kl_body_group_get_name (groups[g]));

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_set_margin_top (heading, g == 0 ? 6 : 12);
      gtk_widget_set_margin_bottom (heading, 3);
      gtk_widget_set_margin_start (heading, 6);
      gtk_box_append (GTK_BOX (box), heading);

      for (guint i = 0; i < kl_body_regions_get_n (); i++)
        {
          const KlBodyRegion *region = kl_body_regions_get (i);
          g_autofree char *label = NULL;
          GtkWidget *check;

          if (g_strcmp0 (region->group, groups[g]) != 0)
            continue;

          label = kl_body_region_dup_label (region);
          check = gtk_check_button_new_with_label (label);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                       g_ptr_array_find_with_equal_func (step->regions,
                                                                         region->id,
                                                                         g_str_equal, NULL));
          g_object_set_data (G_OBJECT (check), "region", (gpointer) region->id);
          g_signal_connect (check, "toggled", G_CALLBACK (region_toggled_cb), step);
          gtk_box_append (GTK_BOX (box), check);
        }
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  gtk_menu_button_set_popover (button, popover);
}

static char *
dup_region_names (GPtrArray *regions)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < regions->len; i++)
    {
      const KlBodyRegion *region = kl_body_regions_lookup (g_ptr_array_index (regions, i));
      g_autofree char *label = region != NULL ? kl_body_region_dup_label (region) : NULL;

      if (names->len > 0)
        /* Translators: between the names of body regions */
        g_string_append (names, _("; "));
      g_string_append (names, label != NULL ? label : g_ptr_array_index (regions, i));
    }

  if (names->len == 0)
    return g_strdup (_("None"));

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Steps */

static void
move_step (KlRoutineEditor *self,
           guint            index,
           int              delta,
           GtkWidget       *refocus);

static guint
step_index (StepEditor *step)
{
  guint index = 0;

  g_ptr_array_find (step->editor->step_rows, step->row, &index);
  return index;
}

static void
move_up_clicked_cb (GtkButton  *button,
                    StepEditor *step)
{
  move_step (step->editor, step_index (step), -1, GTK_WIDGET (button));
}

static void
move_down_clicked_cb (GtkButton  *button,
                      StepEditor *step)
{
  move_step (step->editor, step_index (step), +1, GTK_WIDGET (button));
}

static void
relayout_steps (KlRoutineEditor *self)
{
  for (guint i = 0; i < self->step_rows->len; i++)
    adw_preferences_group_remove (self->steps_group, g_ptr_array_index (self->step_rows, i));
  for (guint i = 0; i < self->step_rows->len; i++)
    adw_preferences_group_add (self->steps_group, g_ptr_array_index (self->step_rows, i));
}

static void
remove_clicked_cb (GtkButton  *button,
                   StepEditor *step)
{
  KlRoutineEditor *self = step->editor;
  guint index = step_index (step);

  adw_preferences_group_remove (self->steps_group, GTK_WIDGET (step->row));
  /* Frees @step with its row. */
  g_ptr_array_remove_index (self->step_rows, index);
  update (self);

  if (self->step_rows->len == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->add_step_button));
  else
    gtk_widget_grab_focus (g_ptr_array_index (self->step_rows,
                                              MIN (index, self->step_rows->len - 1)));
}

static GtkButton *
new_step_button (const char *icon_name,
                 const char *label,
                 const char *tooltip)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");

  return GTK_BUTTON (button);
}

static GtkStringList *
new_step_kind_list (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (step_kind_labels); i++)
    gtk_string_list_append (list, _(step_kind_labels[i]));

  return list;
}

static StepEditor *
add_step (KlRoutineEditor     *self,
          const KlRoutineStep *source)
{
  g_autoptr(GtkStringList) kinds = new_step_kind_list ();
  g_autoptr(GtkStringList) sides = gtk_string_list_new (NULL);
  StepEditor *step = g_new0 (StepEditor, 1);
  GtkWidget *buttons_row;
  GtkWidget *buttons;
  GtkWidget *regions_button;
  gboolean breathing = source->kind == KL_ROUTINE_STEP_BREATHING;

  step->editor = self;
  step->row = ADW_EXPANDER_ROW (g_object_ref_sink (adw_expander_row_new ()));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (step->row), FALSE);
  g_object_set_data_full (G_OBJECT (step->row), "step", step, (GDestroyNotify) step_editor_free);
  step->regions = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; source->regions[i] != NULL; i++)
    g_ptr_array_add (step->regions, g_strdup (source->regions[i]));

  gtk_string_list_append (sides, _("None"));
  gtk_string_list_append (sides, _("Left, then right"));

  step->kind_row = add_combo_row (step, _("Kind"), kinds, source->kind);
  step->title_row = add_entry_row (step, _("Title"), source->title);
  step->instruction_row = add_entry_row (step, _("Instruction"), source->instruction);

  step->duration_spin = add_spin_row (step, &step->duration_row, _("Duration"),
                                      _("Seconds, on each side"), 0,
                                      breathing ? 30 : source->duration_us / 1e6);
  step->sides_row = add_combo_row (step, _("Sides"), sides,
                                   source->sides == KL_ROUTINE_SIDES_BOTH ? 1 : 0);
  step->repetitions_spin = add_spin_row (step, &step->repetitions_row, _("Repetitions"), NULL,
                                         1, MAX (source->repetitions, 1));
  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (step->repetitions_spin),
                            KL_ROUTINE_MAX_REPETITIONS);
  step->rest_spin = add_spin_row (step, &step->rest_row, _("Rest Between Repetitions"),
                                  _("Seconds; 0 for none"), 0, source->rest_us / 1e6);

  step->release_spin = add_spin_row (step, &step->release_row, _("Release"),
                                     _("Seconds to let go after each repetition; 0 for none"),
                                     0, source->release_us / 1e6);

  step->inhale_spin = add_spin_row (step, &step->inhale_row, _("Breathe In"), _("Seconds"), 0,
                                    breathing ? source->inhale_us / 1e6 : 4);
  step->top_up_spin = add_spin_row (step, &step->top_up_row, _("Top-Up Breath In"),
                                    _("Seconds; 0 for none"), 0, source->top_up_us / 1e6);
  step->hold_in_spin = add_spin_row (step, &step->hold_in_row, _("Hold After Breathing In"),
                                     _("Seconds; 0 for none"), 0, source->hold_in_us / 1e6);
  step->exhale_spin = add_spin_row (step, &step->exhale_row, _("Breathe Out"), _("Seconds"), 0,
                                    breathing ? source->exhale_us / 1e6 : 6);
  step->hold_out_spin = add_spin_row (step, &step->hold_out_row, _("Hold After Breathing Out"),
                                      _("Seconds; 0 for none"), 0, source->hold_out_us / 1e6);
  step->cycles_spin = add_spin_row (step, &step->cycles_row, _("Breaths"), NULL, 1,
                                    breathing ? MAX (source->cycles, 1) : 6);

  step->placement_row = add_entry_row (step, _("Where the Ball Goes"), source->placement);
  step->pressure_row = add_entry_row (step, _("How Hard to Press"), source->pressure);
  step->avoid_row = add_entry_row (step, _("What to Avoid"), source->avoid);

  step->regions_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (step->regions_row), _("Target Regions"));
  regions_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (regions_button), _("Choose"));
  gtk_widget_set_valign (regions_button, GTK_ALIGN_CENTER);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (regions_button),
                                         create_regions_popover_cb, step, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (regions_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose Target Regions"), -1);
  adw_action_row_add_suffix (step->regions_row, regions_button);
  adw_action_row_set_activatable_widget (step->regions_row, regions_button);
  adw_expander_row_add_row (step->row, GTK_WIDGET (step->regions_row));

  step->up_button = new_step_button ("go-up-symbolic", _("Up"), _("Move Up (Alt+↑)"));
  step->down_button = new_step_button ("go-down-symbolic", _("Down"), _("Move Down (Alt+↓)"));
  step->remove_button = new_step_button ("user-trash-symbolic", _("Remove"),
                                         _("Remove This Step"));
  gtk_widget_add_css_class (GTK_WIDGET (step->remove_button), "error");
  g_signal_connect (step->up_button, "clicked", G_CALLBACK (move_up_clicked_cb), step);
  g_signal_connect (step->down_button, "clicked", G_CALLBACK (move_down_clicked_cb), step);
  g_signal_connect (step->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), step);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_widget_set_margin_bottom (buttons, 6);
  gtk_widget_set_margin_start (buttons, 6);
  gtk_widget_set_margin_end (buttons, 6);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (step->up_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (step->down_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (step->remove_button));
  buttons_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (buttons_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (buttons_row), buttons);
  adw_expander_row_add_row (step->row, buttons_row);

  g_ptr_array_add (self->step_rows, step->row);
  adw_preferences_group_add (self->steps_group, GTK_WIDGET (step->row));

  return step;
}

static KlRoutineStep *
step_build (StepEditor *step)
{
  KlRoutineStep *built = kl_routine_step_new (adw_combo_row_get_selected (step->kind_row));

  g_free (built->title);
  built->title = dup_trimmed (GTK_EDITABLE (step->title_row));
  g_free (built->instruction);
  built->instruction = dup_trimmed (GTK_EDITABLE (step->instruction_row));
  g_strfreev (built->regions);
  built->regions = g_new0 (char *, step->regions->len + 1);
  for (guint i = 0; i < step->regions->len; i++)
    built->regions[i] = g_strdup (g_ptr_array_index (step->regions, i));

  /* Only the fields of the step's kind: the others are kept in the widgets in case the kind
   * changes back, but a step never stores them. */
  if (built->kind == KL_ROUTINE_STEP_BREATHING)
    {
      built->inhale_us = spin_us (step->inhale_spin);
      built->top_up_us = spin_us (step->top_up_spin);
      built->hold_in_us = spin_us (step->hold_in_spin);
      built->exhale_us = spin_us (step->exhale_spin);
      built->hold_out_us = spin_us (step->hold_out_spin);
      built->cycles = gtk_spin_button_get_value_as_int (step->cycles_spin);
    }
  else
    {
      built->duration_us = spin_us (step->duration_spin);
      built->sides = adw_combo_row_get_selected (step->sides_row) == 1 ? KL_ROUTINE_SIDES_BOTH
                                                                        : KL_ROUTINE_SIDES_NONE;
      built->repetitions = gtk_spin_button_get_value_as_int (step->repetitions_spin);
      if (built->repetitions > 1)
        built->rest_us = spin_us (step->rest_spin);
      built->release_us = spin_us (step->release_spin);
    }

  if (built->kind == KL_ROUTINE_STEP_BALL)
    {
      built->placement = dup_text_or_null (GTK_EDITABLE (step->placement_row));
      built->pressure = dup_text_or_null (GTK_EDITABLE (step->pressure_row));
      built->avoid = dup_text_or_null (GTK_EDITABLE (step->avoid_row));
    }

  return built;
}

static void
step_update (StepEditor *step,
             guint       index,
             guint       n_steps)
{
  KlRoutineStepKind kind = adw_combo_row_get_selected (step->kind_row);
  g_autoptr(KlRoutineStep) built = step_build (step);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *total = format_total (kl_routine_step_get_duration_us (built));
  g_autofree char *regions = dup_region_names (step->regions);
  g_autofree char *up_name = NULL;
  g_autofree char *down_name = NULL;
  g_autofree char *remove_name = NULL;
  gboolean breathing = kind == KL_ROUTINE_STEP_BREATHING;
  gboolean ball = kind == KL_ROUTINE_STEP_BALL;

  if (built->title[0] != '\0')
    /* Translators: a step's number and its title: "2. Chin tucks" */
    title = g_strdup_printf (_("%u. %s"), index + 1, built->title);
  else
    /* Translators: a step's number, for a step without a title yet */
    title = g_strdup_printf (_("%u. Untitled step"), index + 1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (step->row), title);

  /* Translators: a step's kind and how long it lasts: "Stretch · 1:00" */
  subtitle = g_strdup_printf (_("%s · %s"),
                              (guint) kind < G_N_ELEMENTS (step_kind_labels)
                                ? _(step_kind_labels[kind]) : "",
                              total);
  adw_expander_row_set_subtitle (step->row, subtitle);
  adw_action_row_set_subtitle (step->regions_row, regions);

  gtk_widget_set_visible (GTK_WIDGET (step->duration_row), !breathing);
  gtk_widget_set_visible (GTK_WIDGET (step->sides_row), !breathing);
  gtk_widget_set_visible (GTK_WIDGET (step->repetitions_row), !breathing);
  gtk_widget_set_visible (GTK_WIDGET (step->rest_row), !breathing);
  gtk_widget_set_sensitive (GTK_WIDGET (step->rest_row),
                            gtk_spin_button_get_value_as_int (step->repetitions_spin) > 1);
  gtk_widget_set_visible (GTK_WIDGET (step->release_row), !breathing);
  gtk_widget_set_visible (GTK_WIDGET (step->inhale_row), breathing);
  gtk_widget_set_visible (GTK_WIDGET (step->top_up_row), breathing);
  gtk_widget_set_visible (GTK_WIDGET (step->hold_in_row), breathing);
  gtk_widget_set_visible (GTK_WIDGET (step->exhale_row), breathing);
  gtk_widget_set_visible (GTK_WIDGET (step->hold_out_row), breathing);
  gtk_widget_set_visible (GTK_WIDGET (step->cycles_row), breathing);
  gtk_widget_set_visible (GTK_WIDGET (step->placement_row), ball);
  gtk_widget_set_visible (GTK_WIDGET (step->pressure_row), ball);
  gtk_widget_set_visible (GTK_WIDGET (step->avoid_row), ball);

  gtk_widget_set_sensitive (GTK_WIDGET (step->up_button), index > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (step->down_button), index + 1 < n_steps);

  /* Every step has these buttons: their names say which step they act on. */
  /* Translators: the accessible name of a button; %u is a step's number */
  up_name = g_strdup_printf (_("Move Step %u Up"), index + 1);
  /* Translators: the accessible name of a button; %u is a step's number */
  down_name = g_strdup_printf (_("Move Step %u Down"), index + 1);
  /* Translators: the accessible name of a button; %u is a step's number */
  remove_name = g_strdup_printf (_("Remove Step %u"), index + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (step->up_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, up_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (step->down_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, down_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (step->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
}

static void
move_step (KlRoutineEditor *self,
           guint            index,
           int              delta,
           GtkWidget       *refocus)
{
  gpointer row;
  guint to;

  if ((delta < 0 && index == 0) || (delta > 0 && index + 1 >= self->step_rows->len))
    return;

  to = index + delta;
  row = self->step_rows->pdata[index];
  self->step_rows->pdata[index] = self->step_rows->pdata[to];
  self->step_rows->pdata[to] = row;
  relayout_steps (self);
  update (self);

  /* Focus stays where it was, or on the step when its button can no longer move it. */
  if (refocus == NULL || !gtk_widget_get_sensitive (refocus) ||
      !gtk_widget_grab_focus (refocus))
    gtk_widget_grab_focus (row);
}

/* The whole routine */

static void
clear_marks (KlRoutineEditor *self)
{
  for (guint i = 0; i < self->marked->len; i++)
    gtk_widget_remove_css_class (g_ptr_array_index (self->marked, i), "error");
  g_ptr_array_set_size (self->marked, 0);
  gtk_revealer_set_reveal_child (self->problem_revealer, FALSE);
}

static void
update (KlRoutineEditor *self)
{
  g_autoptr(KlRoutine) routine = NULL;
  g_autofree char *total = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GString) equipment = g_string_new (NULL);

  /* Called while the template is built, before there is anything to describe. */
  if (self->original == NULL)
    return;

  clear_marks (self);

  for (guint i = 0; i < self->step_rows->len; i++)
    step_update (step_at (self, i), i, self->step_rows->len);

  for (guint i = 0; i < self->equipment_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->equipment_checks, i);

      if (!gtk_check_button_get_active (check))
        continue;
      if (equipment->len > 0)
        g_string_append (equipment, _(", "));
      g_string_append (equipment,
                       kl_routine_equipment_get_name (g_object_get_data (G_OBJECT (check),
                                                                         "equipment")));
    }
  adw_expander_row_set_subtitle (self->equipment_row,
                                 equipment->len > 0 ? equipment->str : _("Nothing"));

  routine = kl_routine_editor_dup_routine (self);
  total = format_total (kl_routine_get_duration_us (routine));
  /* Translators: the length of the routine being edited, as it changes: "Total time 3:20" */
  subtitle = g_strdup_printf (_("Total time %s"), total);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  adw_preferences_group_set_description (self->steps_group, subtitle);
}

KlRoutine *
kl_routine_editor_dup_routine (KlRoutineEditor *self)
{
  g_autoptr(KlRoutine) routine = NULL;
  g_autoptr(GPtrArray) regions = g_ptr_array_new ();
  g_autoptr(GPtrArray) equipment = g_ptr_array_new ();
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *cautions = NULL;

  g_return_val_if_fail (KL_IS_ROUTINE_EDITOR (self), NULL);

  routine = kl_routine_copy (self->original);
  name = dup_trimmed (GTK_EDITABLE (self->name_row));
  summary = dup_trimmed (GTK_EDITABLE (self->summary_row));
  cautions = dup_trimmed (GTK_EDITABLE (self->cautions_row));
  kl_routine_set_name (routine, name);
  kl_routine_set_summary (routine, summary);
  kl_routine_set_cautions (routine, cautions);
  kl_routine_set_kind (routine, adw_combo_row_get_selected (self->kind_row));

  for (guint i = 0; i < self->equipment_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->equipment_checks, i);

      if (gtk_check_button_get_active (check))
        g_ptr_array_add (equipment, g_object_get_data (G_OBJECT (check), "equipment"));
    }
  g_ptr_array_add (equipment, NULL);
  kl_routine_set_equipment (routine, (const char * const *) equipment->pdata);

  while (kl_routine_get_n_steps (routine) > 0)
    kl_routine_remove_step (routine, 0);
  for (guint i = 0; i < self->step_rows->len; i++)
    {
      StepEditor *step = step_at (self, i);

      kl_routine_append_step (routine, step_build (step));
      for (guint r = 0; r < step->regions->len; r++)
        {
          const char *id = g_ptr_array_index (step->regions, r);

          if (!g_ptr_array_find_with_equal_func (regions, id, g_str_equal, NULL))
            g_ptr_array_add (regions, (gpointer) id);
        }
    }

  /* The routine works on what its steps work on: that is what the library filters and "For
   * your knots" look at. */
  if (regions->len > 0)
    {
      g_ptr_array_sort (regions, compare_regions);
      g_ptr_array_add (regions, NULL);
      kl_routine_set_regions (routine, (const char * const *) regions->pdata);
    }

  /* The lengths to choose from are whole numbers of the breathing step's cycles: steps that no
   * longer fit them leave one length, the routine's own. */
  if (kl_routine_get_lengths (routine, NULL) != NULL)
    {
      const char *key = NULL;
      int index;

      if (!kl_routine_validate (routine, &index, &key, NULL) && g_strcmp0 (key, "Lengths") == 0)
        kl_routine_set_lengths (routine, NULL, 0);
    }

  return g_steal_pointer (&routine);
}

gboolean
kl_routine_editor_has_changes (KlRoutineEditor *self)
{
  g_autoptr(KlRoutine) routine = NULL;
  g_autoptr(GBytes) now = NULL;

  g_return_val_if_fail (KL_IS_ROUTINE_EDITOR (self), FALSE);

  routine = kl_routine_editor_dup_routine (self);
  now = kl_routine_to_bytes (routine);
  return !g_bytes_equal (now, self->opened);
}

/* Validation */

static void
mark (KlRoutineEditor *self,
      GtkWidget       *widget)
{
  gtk_widget_add_css_class (widget, "error");
  g_ptr_array_add (self->marked, g_object_ref (widget));
}

/* Marks and focuses @widget, opening its step, and says what is wrong above the form. */
static gboolean
report (KlRoutineEditor  *self,
        StepEditor       *step,
        GtkWidget        *widget,
        GtkWidget        *focus,
        GError          **error,
        const char       *message)
{
  clear_marks (self);

  /* Only the field: on the step's row, the style would colour every field of the step. */
  if (step != NULL)
    adw_expander_row_set_expanded (step->row, TRUE);
  if (widget != NULL)
    mark (self, widget);
  if (focus != NULL && focus != widget)
    mark (self, focus);

  gtk_label_set_text (self->problem_label, message);
  gtk_revealer_set_reveal_child (self->problem_revealer, TRUE);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  else if (widget != NULL)
    gtk_widget_grab_focus (widget);

  g_set_error_literal (error, KL_ROUTINE_ERROR, KL_ROUTINE_ERROR_INVALID, message);
  return FALSE;
}

typedef struct
{
  const char    *key;
  AdwActionRow  *row;
  GtkSpinButton *spin;
  const char    *name;
  gboolean       may_be_zero;
} Timing;

/* The times a user types, checked here to name them as the form does. */
static gboolean
check_step_times (KlRoutineEditor  *self,
                  StepEditor       *step,
                  guint             index,
                  GError          **error)
{
  gboolean breathing = adw_combo_row_get_selected (step->kind_row) == KL_ROUTINE_STEP_BREATHING;
  gboolean repeated = gtk_spin_button_get_value_as_int (step->repetitions_spin) > 1;
  const Timing timings[] = {
    /* Translators: the names of a step's times in "Step 3: the duration must be …" */
    { "Duration", step->duration_row, step->duration_spin, N_("the duration"), FALSE },
    { "Rest", step->rest_row, step->rest_spin, N_("the rest between repetitions"), TRUE },
    { "Release", step->release_row, step->release_spin, N_("the release"), TRUE },
    { "Inhale", step->inhale_row, step->inhale_spin, N_("breathing in"), FALSE },
    { "TopUp", step->top_up_row, step->top_up_spin, N_("the top-up breath"), TRUE },
    { "HoldIn", step->hold_in_row, step->hold_in_spin, N_("the hold after breathing in"), TRUE },
    { "Exhale", step->exhale_row, step->exhale_spin, N_("breathing out"), FALSE },
    { "HoldOut", step->hold_out_row, step->hold_out_spin, N_("the hold after breathing out"),
      TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (timings); i++)
    {
      gint64 us = spin_us (timings[i].spin);
      gboolean for_breathing = i >= 3;
      g_autofree char *message = NULL;

      if (for_breathing != breathing || (i == 1 && !repeated))
        continue;
      if (timings[i].may_be_zero && us == 0)
        continue;
      if (us >= KL_ROUTINE_MIN_US && us <= KL_ROUTINE_MAX_US)
        continue;

      if (timings[i].may_be_zero)
        /* Translators: a step's number, then the name of one of its times */
        message = g_strdup_printf (_("Step %u: %s must be 0 or between 1 s and 60 min"),
                                   index + 1, _(timings[i].name));
      else
        /* Translators: a step's number, then the name of one of its times */
        message = g_strdup_printf (_("Step %u: %s must be between 1 s and 60 min"),
                                   index + 1, _(timings[i].name));
      return report (self, step, GTK_WIDGET (timings[i].row), GTK_WIDGET (timings[i].spin),
                     error, message);
    }

  return TRUE;
}

static GtkWidget *
step_field (StepEditor  *step,
            const char  *key,
            GtkWidget  **out_focus)
{
  const struct { const char *key; gpointer row; gpointer focus; } fields[] = {
    { "Kind", step->kind_row, NULL },
    { "Title", step->title_row, NULL },
    { "Instruction", step->instruction_row, NULL },
    { "Regions", step->regions_row, NULL },
    { "Placement", step->placement_row, NULL },
    { "Pressure", step->pressure_row, NULL },
    { "Avoid", step->avoid_row, NULL },
    { "Duration", step->duration_row, step->duration_spin },
    { "Release", step->release_row, step->release_spin },
    { "Sides", step->sides_row, NULL },
    { "Repetitions", step->repetitions_row, step->repetitions_spin },
    { "Rest", step->rest_row, step->rest_spin },
    { "Inhale", step->inhale_row, step->inhale_spin },
    { "TopUp", step->top_up_row, step->top_up_spin },
    { "HoldIn", step->hold_in_row, step->hold_in_spin },
    { "Exhale", step->exhale_row, step->exhale_spin },
    { "HoldOut", step->hold_out_row, step->hold_out_spin },
    { "Cycles", step->cycles_row, step->cycles_spin },
  };

  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (fields); i++)
    {
      if (g_str_equal (fields[i].key, key))
        {
          *out_focus = fields[i].focus;
          return fields[i].row;
        }
    }

  *out_focus = NULL;
  return GTK_WIDGET (step->row);
}

/* "a routine needs a name" → "A routine needs a name" */
static char *
dup_sentence (const char *fragment)
{
  gunichar first = g_utf8_get_char (fragment);
  char upper[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (first), upper);
  return g_strconcat (upper, g_utf8_next_char (fragment), NULL);
}

/* kl_routine_validate () names the step and the key-file key of what is wrong: here that is
 * a field of the form. Its message is the part after "[Step 3] Duration: ". */
static gboolean
check (KlRoutineEditor  *self,
       KlRoutine        *routine,
       GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;
  const char *key = NULL;
  GtkWidget *widget = NULL;
  GtkWidget *focus = NULL;
  StepEditor *step = NULL;
  int index = -1;

  for (guint i = 0; i < self->step_rows->len; i++)
    {
      if (!check_step_times (self, step_at (self, i), i, error))
        return FALSE;
    }

  if (kl_routine_validate (routine, &index, &key, &local_error))
    return TRUE;

  if (index >= 0 && (guint) index < self->step_rows->len)
    {
      step = step_at (self, index);
      widget = step_field (step, key, &focus);
      /* Translators: a step's number, then what is wrong with it */
      message = g_strdup_printf (_("Step %d: %s"), index + 1, local_error->message);
    }
  else
    {
      message = dup_sentence (local_error->message);
      if (g_strcmp0 (key, "Name") == 0)
        widget = GTK_WIDGET (self->name_row);
      else if (g_strcmp0 (key, "Kind") == 0)
        widget = GTK_WIDGET (self->kind_row);
      else if (g_strcmp0 (key, "Equipment") == 0)
        widget = GTK_WIDGET (self->equipment_row);
      else if (g_error_matches (local_error, KL_ROUTINE_ERROR, KL_ROUTINE_ERROR_NO_STEPS))
        widget = GTK_WIDGET (self->add_step_button);
      else if (self->step_rows->len > 0)
        widget = g_ptr_array_index (self->step_rows, 0);
    }

  return report (self, step, widget, focus, error, message);
}

gboolean
kl_routine_editor_save (KlRoutineEditor  *self,
                        GError          **error)
{
  g_autoptr(KlRoutine) routine = NULL;
  g_autoptr(GError) local_error = NULL;
  GtkWidget *focus;
  GtkWidget *spin;

  g_return_val_if_fail (KL_IS_ROUTINE_EDITOR (self), FALSE);

  /* A number typed and saved with Ctrl+S at once: a spin button takes it only on leaving. */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus != NULL && (spin = gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON)) != NULL)
    gtk_spin_button_update (GTK_SPIN_BUTTON (spin));

  routine = kl_routine_editor_dup_routine (self);
  if (!check (self, routine, error))
    return FALSE;

  if (self->is_new)
    {
      g_autofree char *slug = NULL;
      KlRoutine *named;

      if (!(slug = kl_store_dup_free_routine_slug (self->store, kl_routine_get_name (routine),
                                                   &local_error)))
        return report (self, NULL, NULL, NULL, error, local_error->message);
      named = kl_routine_copy_as (routine, slug);
      g_object_unref (routine);
      routine = named;
    }

  if (!kl_store_save_routine (self->store, routine, &local_error))
    return report (self, NULL, NULL, NULL, error, local_error->message);

  /* Saved: from here on the editor shows what is stored. */
  self->is_new = FALSE;
  g_set_object (&self->original, routine);
  g_clear_pointer (&self->opened, g_bytes_unref);
  self->opened = kl_routine_to_bytes (routine);
  g_signal_emit (self, signals[SAVED], 0, kl_routine_get_slug (routine));

  return TRUE;
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlRoutineEditor *self = KL_ROUTINE_EDITOR (widget);

  /* A failure is shown in the form itself. */
  if (kl_routine_editor_save (self, NULL))
    {
      self->discard = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KlRoutineEditor *self = KL_ROUTINE_EDITOR (widget);
  g_autoptr(KlRoutineStep) blank = kl_routine_step_new (KL_ROUTINE_STEP_STRETCH);
  StepEditor *step;

  blank->duration_us = 30 * G_USEC_PER_SEC;
  step = add_step (self, blank);
  update (self);
  adw_expander_row_set_expanded (step->row, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (step->title_row));
}

/* Alt+↑ and Alt+↓: the step that has the focus, or one of its fields. */
static void
move_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KlRoutineEditor *self = KL_ROUTINE_EDITOR (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  for (guint i = 0; focus != NULL && i < self->step_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->step_rows, i);

      if (focus == row || gtk_widget_is_ancestor (focus, row))
        {
          move_step (self, i, g_variant_get_int32 (parameter), focus);
          return;
        }
    }
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (KlRoutineEditor *self,
                     const char      *response)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* Not while the question, transient for the editor, is still answering. */
  self->discard = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

static gboolean
kl_routine_editor_close_request (GtkWindow *window)
{
  KlRoutineEditor *self = KL_ROUTINE_EDITOR (window);
  GtkWidget *dialog;

  if (self->discard || !kl_routine_editor_has_changes (self))
    return GTK_WINDOW_CLASS (kl_routine_editor_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Discard Changes?"),
                                   _("The changes to this routine have not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* Setting up */

static void
fill (KlRoutineEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  const char * const *ids = kl_routine_equipment_ids ();
  const char * const *equipment = kl_routine_get_equipment (self->original);

  for (guint i = 0; i <= KL_ROUTINE_KIND_RELAX; i++)
    gtk_string_list_append (kinds, kl_routine_kind_get_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row, kl_routine_get_kind (self->original));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), kl_routine_get_name (self->original));
  gtk_editable_set_text (GTK_EDITABLE (self->summary_row),
                         kl_routine_get_summary (self->original));
  gtk_editable_set_text (GTK_EDITABLE (self->cautions_row),
                         kl_routine_get_cautions (self->original));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     kl_routine_equipment_get_name (ids[i]));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   equipment != NULL && g_strv_contains (equipment, ids[i]));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (check), "equipment", (gpointer) ids[i]);
      g_signal_connect_object (check, "toggled", G_CALLBACK (changed_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (self->equipment_row, row);
      g_ptr_array_add (self->equipment_checks, check);
    }

  for (guint i = 0; i < kl_routine_get_n_steps (self->original); i++)
    add_step (self, kl_routine_get_step (self->original, i));

  update (self);
}

static KlRoutineEditor *
editor_new (GtkWindow  *parent,
            KlStore    *store,
            KlRoutine  *routine,
            gboolean    is_new)
{
  KlRoutineEditor *self = g_object_new (KL_TYPE_ROUTINE_EDITOR, NULL);
  g_autoptr(KlRoutine) opened = NULL;

  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
    }

  self->store = g_object_ref (store);
  self->original = routine;
  self->is_new = is_new;
  gtk_window_set_title (GTK_WINDOW (self), is_new ? _("New Routine") : _("Edit Routine"));
  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  fill (self);

  /* What the fields make of the routine, which may differ from it in what the form does not
   * show: a change is a difference from this. */
  g_clear_pointer (&self->opened, g_bytes_unref);
  opened = kl_routine_editor_dup_routine (self);
  self->opened = kl_routine_to_bytes (opened);

  if (self->step_rows->len == 1)
    adw_expander_row_set_expanded (g_ptr_array_index (self->step_rows, 0), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

KlRoutineEditor *
kl_routine_editor_new_edit (GtkWindow *parent,
                            KlStore   *store,
                            KlRoutine *routine)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KL_IS_STORE (store), NULL);
  g_return_val_if_fail (KL_IS_ROUTINE (routine), NULL);

  return editor_new (parent, store, kl_routine_copy (routine), FALSE);
}

KlRoutineEditor *
kl_routine_editor_new_routine (GtkWindow *parent,
                               KlStore   *store,
                               KlRoutine *original)
{
  KlRoutine *routine;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KL_IS_STORE (store), NULL);
  g_return_val_if_fail (original == NULL || KL_IS_ROUTINE (original), NULL);

  if (original != NULL)
    {
      g_autofree char *name = NULL;

      routine = kl_routine_copy_as (original, UNSAVED_SLUG);
      /* Translators: the name of a user's copy of a routine */
      name = g_strdup_printf (_("%s (copy)"), kl_routine_get_name (original));
      kl_routine_set_name (routine, name);
    }
  else
    {
      KlRoutineStep *step = kl_routine_step_new (KL_ROUTINE_STEP_STRETCH);

      routine = kl_routine_new (UNSAVED_SLUG);
      kl_routine_set_kind (routine, KL_ROUTINE_KIND_STRETCH);
      step->duration_us = 30 * G_USEC_PER_SEC;
      kl_routine_append_step (routine, step);
    }
  kl_routine_set_version (routine, 1);

  return editor_new (parent, store, routine, TRUE);
}

static void
kl_routine_editor_dispose (GObject *object)
{
  KlRoutineEditor *self = KL_ROUTINE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_ROUTINE_EDITOR);
  g_clear_pointer (&self->step_rows, g_ptr_array_unref);
  g_clear_pointer (&self->equipment_checks, g_ptr_array_unref);
  g_clear_pointer (&self->marked, g_ptr_array_unref);

  G_OBJECT_CLASS (kl_routine_editor_parent_class)->dispose (object);
}

static void
kl_routine_editor_finalize (GObject *object)
{
  KlRoutineEditor *self = KL_ROUTINE_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->original);
  g_clear_pointer (&self->opened, g_bytes_unref);

  G_OBJECT_CLASS (kl_routine_editor_parent_class)->finalize (object);
}

static void
kl_routine_editor_class_init (KlRoutineEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kl_routine_editor_dispose;
  object_class->finalize = kl_routine_editor_finalize;
  window_class->close_request = kl_routine_editor_close_request;

  /**
   * KlRoutineEditor::saved:
   * @slug: the routine's slug
   *
   * The routine was stored.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/knotless/Knotless/kl-routine-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KlRoutineEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KlRoutineEditor, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, KlRoutineEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, KlRoutineEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, KlRoutineEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, KlRoutineEditor, summary_row);
  gtk_widget_class_bind_template_child (widget_class, KlRoutineEditor, cautions_row);
  gtk_widget_class_bind_template_child (widget_class, KlRoutineEditor, equipment_row);
  gtk_widget_class_bind_template_child (widget_class, KlRoutineEditor, steps_group);
  gtk_widget_class_bind_template_child (widget_class, KlRoutineEditor, add_step_button);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-step", NULL, add_step_action);
  gtk_widget_class_install_action (widget_class, "editor.move-step", "i", move_step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "editor.move-step",
                                       "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "editor.move-step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kl_routine_editor_init (KlRoutineEditor *self)
{
  self->step_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->equipment_checks = g_ptr_array_new ();
  /* Held: a marked step may be removed before the marks are cleared. */
  self->marked = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
}
