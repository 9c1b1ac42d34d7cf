/* kl-check-in-dialog.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-check-in-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kl-body-regions.h"
#include "kl-check-in-dialog.h"

/* "1" then "0" within this long is 10. */
#define TEN_DELAY_US (1500 * G_TIME_SPAN_MILLISECOND)

struct _KlCheckInDialog
{
  AdwWindow          parent_instance;

  KlStore           *store;
  KlPainEntry       *entry;          /* the entry being edited, or NULL */
  GDateTime         *at;
  int                pain;
  gint64             one_pressed_at; /* when "1" was typed, to make "10" of "1 0" */
  gboolean           updating_time;

  AdwWindowTitle    *window_title;
  GtkRevealer       *error_revealer;
  GtkLabel          *error_label;
  GtkBox            *pain_box;
  GtkToggleButton   *pain_buttons[11];
  AdwExpanderRow    *details_row;
  AdwComboRow       *worst_row;
  AdwComboRow       *least_row;
  AdwComboRow       *interference_rows[KL_N_INTERFERENCES];
  AdwComboRow       *activity_row;
  AdwComboRow       *mood_row;
  AdwComboRow       *sleep_row;
  AdwComboRow       *work_row;
  AdwPreferencesGroup *where_group;
  AdwComboRow       *area_row;
  GPtrArray         *location_rows;  /* AdwActionRow, knots first */
  GtkFlowBox        *factor_box;
  GtkEntry          *factor_entry;
  AdwEntryRow       *medication_row;
  AdwComboRow       *helped_row;
  GtkTextView       *note_view;
  AdwActionRow      *time_row;
  GtkCalendar       *calendar;
  GtkSpinButton     *hour_spin;
  GtkSpinButton     *minute_spin;
  GtkButton         *delete_button;
};

G_DEFINE_FINAL_TYPE (KlCheckInDialog, kl_check_in_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETE_ENTRY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Ratings in drop-downs: "Not rated", then 0 to 10 (or 0 % to 100 % in tens). */
static GListModel *
rating_model (gboolean percent)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Not rated"));
  for (int i = 0; i <= 10; i++)
    {
      g_autofree char *label = percent ? g_strdup_printf (_("%d %%"), i * 10)
                                       : g_strdup_printf ("%d", i);
      gtk_string_list_append (list, label);
    }

  return G_LIST_MODEL (list);
}

static int
get_rating (AdwComboRow *row,
            int          scale)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected == 0 || selected == GTK_INVALID_LIST_POSITION ? KL_PAIN_NONE
                                                                : (int)(selected - 1) * scale;
}

static void
set_rating (AdwComboRow *row,
            int          rating,
            int          scale)
{
  adw_combo_row_set_selected (row, rating == KL_PAIN_NONE ? 0 : rating / scale + 1);
}

static void
show_error (KlCheckInDialog *self,
            const char      *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
}

/* Pain now */

static void
set_pain (KlCheckInDialog *self,
          int              pain)
{
  self->pain = pain;
  for (int i = 0; i <= 10; i++)
    gtk_toggle_button_set_active (self->pain_buttons[i], i == pain);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "check-in.save", pain != KL_PAIN_NONE);
}

static void
pain_toggled_cb (KlCheckInDialog *self,
                 GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    {
      self->pain = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "pain"));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "check-in.save", TRUE);
      show_error (self, NULL);
    }
}

static void
build_pain_buttons (KlCheckInDialog *self)
{
  for (int i = 0; i <= 10; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i);
      g_autofree char *class = g_strdup_printf ("pain-%d", i);
      g_autofree char *name = NULL;
      GtkWidget *button = gtk_toggle_button_new_with_label (number);

      if (i == 0)
        name = g_strdup (_("0, no pain"));
      else if (i == 10)
        name = g_strdup (_("10, worst pain you can imagine"));
      else
        /* Translators: the accessible name of a button of the pain scale */
        name = g_strdup_printf (_("Pain %d"), i);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_tooltip_text (button, name);
      gtk_widget_add_css_class (button, class);
      g_object_set_data (G_OBJECT (button), "pain", GINT_TO_POINTER (i));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->pain_buttons[0]);
      g_signal_connect_object (button, "toggled", G_CALLBACK (pain_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->pain_box, button);
      self->pain_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
}

/* Digits choose the pain from anywhere but a text field; "1" then "0" is 10. */
static gboolean
key_pressed_cb (KlCheckInDialog       *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int digit = -1;

  if ((state & GDK_CONTROL_MASK) && (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "check-in.save", NULL);
      return GDK_EVENT_STOP;
    }

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return GDK_EVENT_PROPAGATE;
  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus) ||
                        gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON) != NULL ||
                        gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL))
    return GDK_EVENT_PROPAGATE;

  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    digit = keyval - GDK_KEY_0;
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    digit = keyval - GDK_KEY_KP_0;
  if (digit < 0)
    return GDK_EVENT_PROPAGATE;

  if (digit == 0 && self->pain == 1 &&
      g_get_monotonic_time () - self->one_pressed_at < TEN_DELAY_US)
    digit = 10;
  self->one_pressed_at = digit == 1 ? g_get_monotonic_time () : 0;

  set_pain (self, digit);
  gtk_widget_grab_focus (GTK_WIDGET (self->pain_buttons[digit]));
  return GDK_EVENT_STOP;
}

/* Where it hurts */

static void
location_check_toggled_cb (GtkCheckButton *check,
                           GtkWidget      *rating)
{
  gtk_widget_set_sensitive (rating, gtk_check_button_get_active (check));
}

static AdwActionRow *
add_location_row (KlCheckInDialog    *self,
                  gint64              knot_id,
                  const KlBodyRegion *region,
                  const char         *subtitle,
                  int                 pain,
                  gboolean            checked)
{
  g_autofree char *label = kl_body_region_dup_label (region);
  g_autofree char *rating_name = NULL;
  g_autoptr(GListModel) ratings = rating_model (FALSE);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *rating = gtk_drop_down_new (g_object_ref (ratings), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), checked);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  gtk_widget_set_valign (rating, GTK_ALIGN_CENTER);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (rating), pain == KL_PAIN_NONE ? 0 : pain + 1);
  gtk_widget_set_sensitive (rating, checked);
  /* Translators: the accessible name of the pain rating of one knot or area */
  rating_name = g_strdup_printf (_("Pain at %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (rating), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rating_name, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), rating);
  g_signal_connect (check, "toggled", G_CALLBACK (location_check_toggled_cb), rating);

  g_object_set_data_full (G_OBJECT (row), "knot-id", g_memdup2 (&knot_id, sizeof knot_id),
                          g_free);
  g_object_set_data (G_OBJECT (row), "region", (gpointer)region->id);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data (G_OBJECT (row), "rating", rating);

  adw_preferences_group_add (self->where_group, row);
  g_ptr_array_add (self->location_rows, row);
  return ADW_ACTION_ROW (row);
}

static void
area_selected_cb (KlCheckInDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->area_row);
  const KlBodyRegion *region;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return;

  region = kl_body_regions_get (selected - 1);
  add_location_row (self, 0, region, _("Area"), KL_PAIN_NONE, TRUE);
  adw_combo_row_set_selected (self->area_row, 0);
}

static void
build_locations (KlCheckInDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) knots = kl_store_list_knots (self->store, FALSE, &error);
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);

  if (knots == NULL)
    show_error (self, error->message);

  for (guint i = 0; knots != NULL && i < knots->len; i++)
    {
      KlKnot *knot = g_ptr_array_index (knots, i);
      const KlBodyRegion *region = kl_body_regions_lookup (kl_knot_get_region (knot));
      g_autofree char *subtitle = NULL;

      if (region == NULL)
        continue;
      subtitle = kl_knot_get_tenderness (knot) != KL_KNOT_NO_RATING
        ? g_strdup_printf (_("Knot, tenderness %d"), kl_knot_get_tenderness (knot))
        : g_strdup (_("Knot"));
      add_location_row (self, kl_knot_get_id (knot), region, subtitle, KL_PAIN_NONE, FALSE);
    }

  gtk_string_list_append (areas, _("Choose…"));
  for (guint i = 0; i < kl_body_regions_get_n (); i++)
    {
      g_autofree char *label = kl_body_region_dup_label (kl_body_regions_get (i));
      gtk_string_list_append (areas, label);
    }
  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (areas));
  g_signal_connect_object (self->area_row, "notify::selected", G_CALLBACK (area_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

static AdwActionRow *
find_location_row (KlCheckInDialog      *self,
                   const KlPainLocation *location)
{
  for (guint i = 0; i < self->location_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->location_rows, i);
      gint64 *knot_id = g_object_get_data (row, "knot-id");

      if (location->knot_id != 0 && *knot_id == location->knot_id)
        return ADW_ACTION_ROW (row);
    }

  return NULL;
}

/* Factors */

static GtkWidget *
add_factor_chip (KlCheckInDialog *self,
                 const char      *name,
                 gboolean         active)
{
  GtkWidget *chip = gtk_toggle_button_new_with_label (kl_factor_get_label (name));

  gtk_widget_add_css_class (chip, "pill");
  gtk_widget_add_css_class (chip, "factor-chip");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip), active);
  g_object_set_data_full (G_OBJECT (chip), "factor", g_strdup (name), g_free);
  gtk_flow_box_append (self->factor_box, chip);
  return chip;
}

/* The chip of @name in any case, as factors are a set regardless of case. */
static GtkToggleButton *
find_factor_chip (KlCheckInDialog *self,
                  const char      *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->factor_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *chip = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      g_autofree char *factor = g_utf8_casefold (g_object_get_data (G_OBJECT (chip), "factor"), -1);

      if (g_str_equal (factor, folded))
        return GTK_TOGGLE_BUTTON (chip);
    }

  return NULL;
}

static void
factor_entry_activate_cb (KlCheckInDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->factor_entry))));
  GtkToggleButton *chip;

  if (*name == '\0')
    return;

  if (strchr (name, ';') != NULL || g_utf8_strlen (name, -1) > 64)
    {
      show_error (self, _("A factor is at most 64 characters long and holds no “;”."));
      return;
    }

  chip = find_factor_chip (self, name);
  if (chip == NULL)
    chip = GTK_TOGGLE_BUTTON (add_factor_chip (self, name, TRUE));
  gtk_toggle_button_set_active (chip, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->factor_entry), "");
  show_error (self, NULL);
}

static void
build_factors (KlCheckInDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = kl_store_list_factors (self->store, &error);

  if (names == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < names->len; i++)
    add_factor_chip (self, g_ptr_array_index (names, i), FALSE);
}

/* Time */

static void
show_time (KlCheckInDialog *self)
{
  g_autofree char *text = g_date_time_format (self->at, "%a %e %b %Y, %H:%M");

  adw_action_row_set_subtitle (self->time_row, g_strstrip (text));

  self->updating_time = TRUE;
  gtk_calendar_select_day (self->calendar, self->at);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (self->at));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (self->at));
  self->updating_time = FALSE;
}

static void
time_changed_cb (KlCheckInDialog *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GTimeZone) local = NULL;
  GDateTime *at;

  if (self->updating_time)
    return;

  day = gtk_calendar_get_date (self->calendar);
  local = g_time_zone_new_local ();
  at = g_date_time_new (local, g_date_time_get_year (day), g_date_time_get_month (day),
                        g_date_time_get_day_of_month (day),
                        gtk_spin_button_get_value_as_int (self->hour_spin),
                        gtk_spin_button_get_value_as_int (self->minute_spin), 0);
  if (at == NULL)
    return;

  g_date_time_unref (self->at);
  self->at = at;
  show_time (self);
}

static void
now_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KlCheckInDialog *self = KL_CHECK_IN_DIALOG (widget);

  g_date_time_unref (self->at);
  self->at = g_date_time_new_now_local ();
  show_time (self);
}

/* Loading and saving */

static void
load_entry (KlCheckInDialog *self,
            KlPainEntry     *entry)
{
  const char * const *factors = kl_pain_entry_get_factors (entry);
  g_autofree char *title = NULL;
  gboolean details;

  g_date_time_unref (self->at);
  self->at = g_date_time_to_local (kl_pain_entry_get_at (entry));
  set_pain (self, kl_pain_entry_get_pain (entry));
  set_rating (self->worst_row, kl_pain_entry_get_worst (entry), 1);
  set_rating (self->least_row, kl_pain_entry_get_least (entry), 1);
  details = kl_pain_entry_get_worst (entry) != KL_PAIN_NONE ||
            kl_pain_entry_get_least (entry) != KL_PAIN_NONE;
  for (guint i = 0; i < KL_N_INTERFERENCES; i++)
    {
      set_rating (self->interference_rows[i], kl_pain_entry_get_interference (entry, i), 1);
      details = details || kl_pain_entry_get_interference (entry, i) != KL_PAIN_NONE;
    }
  adw_expander_row_set_expanded (self->details_row, details);

  for (guint i = 0; i < kl_pain_entry_get_n_locations (entry); i++)
    {
      const KlPainLocation *location = kl_pain_entry_get_location (entry, i);
      AdwActionRow *row = find_location_row (self, location);
      const KlBodyRegion *region = kl_body_regions_lookup (location->region);

      if (row == NULL && region != NULL)
        row = add_location_row (self, location->knot_id, region,
                                location->knot_id != 0 ? _("Knot") : _("Area"),
                                location->pain, TRUE);
      else if (row != NULL)
        {
          gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "check"), TRUE);
          gtk_drop_down_set_selected (g_object_get_data (G_OBJECT (row), "rating"),
                                      location->pain == KL_PAIN_NONE ? 0 : location->pain + 1);
        }
    }

  for (guint i = 0; factors[i] != NULL; i++)
    {
      GtkToggleButton *chip = find_factor_chip (self, factors[i]);

      if (chip == NULL)
        chip = GTK_TOGGLE_BUTTON (add_factor_chip (self, factors[i], TRUE));
      gtk_toggle_button_set_active (chip, TRUE);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->medication_row), kl_pain_entry_get_medication (entry));
  set_rating (self->helped_row, kl_pain_entry_get_medication_helped (entry), 10);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view),
                            kl_pain_entry_get_note (entry), -1);

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Check-In"));
  adw_window_title_set_title (self->window_title, _("Edit Check-In"));
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), TRUE);
  show_time (self);
}

static void
fill_entry (KlCheckInDialog *self,
            KlPainEntry     *entry)
{
  g_autoptr(GStrvBuilder) factors = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autofree char *note = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  kl_pain_entry_set_at (entry, self->at);
  kl_pain_entry_set_pain (entry, self->pain);
  kl_pain_entry_set_worst (entry, get_rating (self->worst_row, 1));
  kl_pain_entry_set_least (entry, get_rating (self->least_row, 1));
  for (guint i = 0; i < KL_N_INTERFERENCES; i++)
    kl_pain_entry_set_interference (entry, i, get_rating (self->interference_rows[i], 1));

  kl_pain_entry_clear_locations (entry);
  for (guint i = 0; i < self->location_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->location_rows, i);
      gint64 *knot_id = g_object_get_data (row, "knot-id");
      guint rating = gtk_drop_down_get_selected (g_object_get_data (row, "rating"));

      if (!gtk_check_button_get_active (g_object_get_data (row, "check")))
        continue;
      kl_pain_entry_add_location (entry, *knot_id, g_object_get_data (row, "region"),
                                  rating == 0 || rating == GTK_INVALID_LIST_POSITION
                                    ? KL_PAIN_NONE : (int)rating - 1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->factor_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *chip = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (chip)))
        g_strv_builder_add (factors, g_object_get_data (G_OBJECT (chip), "factor"));
    }
  names = g_strv_builder_end (factors);
  kl_pain_entry_set_factors (entry, (const char * const *)names);

  kl_pain_entry_set_medication (entry, gtk_editable_get_text (GTK_EDITABLE (self->medication_row)));
  kl_pain_entry_set_medication_helped (entry, get_rating (self->helped_row, 10));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  kl_pain_entry_set_note (entry, note);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlCheckInDialog *self = KL_CHECK_IN_DIALOG (widget);
  g_autoptr(KlPainEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  gboolean created = self->entry == NULL;

  if (self->pain == KL_PAIN_NONE)
    {
      show_error (self, _("Choose how much it hurts now, from 0 to 10."));
      return;
    }

  entry = created ? kl_pain_entry_new () : kl_pain_entry_copy (self->entry);
  fill_entry (self, entry);

  if (!(created ? kl_store_add_entry (self->store, entry, &error)
                : kl_store_update_entry (self->store, entry, &error)))
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, entry, created);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlCheckInDialog *self = KL_CHECK_IN_DIALOG (widget);

  g_signal_emit (self, signals[DELETE_ENTRY], 0, self->entry);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
kl_check_in_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KL_TYPE_CHECK_IN_DIALOG);

  G_OBJECT_CLASS (kl_check_in_dialog_parent_class)->dispose (object);
}

static void
kl_check_in_dialog_finalize (GObject *object)
{
  KlCheckInDialog *self = (KlCheckInDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->entry);
  g_clear_pointer (&self->at, g_date_time_unref);
  g_clear_pointer (&self->location_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (kl_check_in_dialog_parent_class)->finalize (object);
}

static void
kl_check_in_dialog_class_init (KlCheckInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_check_in_dialog_dispose;
  object_class->finalize = kl_check_in_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2,
                                 KL_TYPE_PAIN_ENTRY, G_TYPE_BOOLEAN);
  signals[DELETE_ENTRY] = g_signal_new ("delete-entry", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                        KL_TYPE_PAIN_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/knotless/Knotless/kl-check-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, pain_box);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, details_row);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, worst_row);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, least_row);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, activity_row);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, mood_row);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, sleep_row);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, work_row);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, where_group);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, factor_box);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, factor_entry);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, medication_row);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, helped_row);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, KlCheckInDialog, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, factor_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_changed_cb);

  gtk_widget_class_install_action (widget_class, "check-in.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "check-in.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "check-in.now", NULL, now_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kl_check_in_dialog_init (KlCheckInDialog *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->pain = KL_PAIN_NONE;
  self->at = g_date_time_new_now_local ();
  self->location_rows = g_ptr_array_new ();
  self->interference_rows[KL_INTERFERENCE_ACTIVITY] = self->activity_row;
  self->interference_rows[KL_INTERFERENCE_MOOD] = self->mood_row;
  self->interference_rows[KL_INTERFERENCE_SLEEP] = self->sleep_row;
  self->interference_rows[KL_INTERFERENCE_WORK] = self->work_row;

  build_pain_buttons (self);
  {
    g_autoptr(GListModel) ratings = rating_model (FALSE);
    g_autoptr(GListModel) percents = rating_model (TRUE);

    adw_combo_row_set_model (self->worst_row, ratings);
    adw_combo_row_set_model (self->least_row, ratings);
    for (guint i = 0; i < KL_N_INTERFERENCES; i++)
      adw_combo_row_set_model (self->interference_rows[i], ratings);
    adw_combo_row_set_model (self->helped_row, percents);
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "check-in.save", FALSE);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
kl_check_in_dialog_new (GtkWindow   *parent,
                        KlStore     *store,
                        KlPainEntry *entry)
{
  KlCheckInDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KL_IS_STORE (store), NULL);
  g_return_val_if_fail (entry == NULL || KL_IS_PAIN_ENTRY (entry), NULL);

  self = g_object_new (KL_TYPE_CHECK_IN_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  build_locations (self);
  build_factors (self);

  if (entry != NULL)
    {
      self->entry = g_object_ref (entry);
      load_entry (self, entry);
    }
  else
    show_time (self);

  return GTK_WIDGET (self);
}
