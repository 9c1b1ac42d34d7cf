/* kl-knot-editor.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Everything about one knot, saved as it changes: each tenderness button press is a new rating
 * in the knot's history, every other change an update of the knot. */

#define G_LOG_DOMAIN "kl-knot-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "kl-body-chart.h"
#include "kl-body-geometry.h"
#include "kl-knot-editor.h"
#include "kl-trend-chart.h"
#include "kl-window.h"

#define NOTE_SAVE_DELAY_MS 600

struct _KlKnotEditor
{
  AdwBin          parent_instance;

  KlStore        *store;
  KlKnot         *knot;
  GPtrArray      *bases;        /* the region bases of the knot's view, in the region row */
  GtkWidget      *tenderness_buttons[11];
  guint           note_timeout;
  gboolean        updating;

  GtkLabel       *title;
  GtkFlowBox     *tenderness_box;
  GtkLabel       *rating_label;
  KlTrendChart   *trend_chart;
  AdwComboRow    *region_row;
  AdwComboRow    *side_row;
  AdwComboRow    *state_row;
  AdwExpanderRow *referred_row;
  AdwEntryRow    *referred_entry;
  AdwComboRow    *twitch_row;
  GtkTextView    *note_view;
  AdwActionRow   *resolved_row;
  GtkSwitch      *resolved_switch;
};

G_DEFINE_FINAL_TYPE (KlKnotEditor, kl_knot_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_KNOT,
  N_PROPS
};

enum {
  DELETE_REQUESTED,
  CLOSE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
kl_knot_editor_new (void)
{
  return g_object_new (KL_TYPE_KNOT_EDITOR, NULL);
}

static void
save (KlKnotEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->knot == NULL || self->store == NULL)
    return;

  if (!kl_store_save_knot (self->store, self->knot, &error))
    kl_window_report_error (GTK_WIDGET (self), error);
}

static void
update_title (KlKnotEditor *self)
{
  const KlBodyRegion *region = kl_body_regions_lookup (kl_knot_get_region (self->knot));
  g_autofree char *label = region != NULL ? kl_body_region_dup_label (region) : NULL;

  gtk_label_set_text (self->title, label != NULL ? label : "");
}

/* The knot's tenderness day by day, once there are two days to compare. */
static void
update_trend (KlKnotEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  guint n_rated = 0;

  if (self->store != NULL && self->knot != NULL &&
      !(days = kl_store_list_knot_days (self->store, kl_knot_get_id (self->knot), &error)) &&
      error != NULL)
    kl_window_report_error (GTK_WIDGET (self), error);

  for (guint i = 0; days != NULL && i < days->len; i++)
    if (g_array_index (days, KlPainDay, i).n_entries > 0)
      n_rated++;

  kl_trend_chart_set_days (self->trend_chart, n_rated >= 2 ? days : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->trend_chart), n_rated >= 2);
}

static void
update_ratings (KlKnotEditor *self)
{
  int tenderness = kl_knot_get_tenderness (self->knot);
  int previous = kl_knot_get_previous_tenderness (self->knot);
  g_autofree char *text = NULL;

  for (int i = 0; i <= 10; i++)
    {
      if (i == tenderness)
        gtk_widget_add_css_class (self->tenderness_buttons[i], "suggested-action");
      else
        gtk_widget_remove_css_class (self->tenderness_buttons[i], "suggested-action");
    }

  if (tenderness == KL_KNOT_NO_RATING)
    text = g_strdup (_("Not rated yet. Press the knot firmly and pick how much it hurts."));
  else if (previous == KL_KNOT_NO_RATING)
    text = g_strdup_printf (_("Rated %d of 10."), tenderness);
  else
    /* Translators: the knot's latest tenderness rating and the one before it */
    text = g_strdup_printf (_("Rated %d of 10; %d the time before."), tenderness, previous);

  gtk_label_set_text (self->rating_label, text);
  update_trend (self);
}

static void
update_state_subtitle (KlKnotEditor *self)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->state_row),
                               kl_knot_get_state (self->knot) == KL_KNOT_LATENT
                                 ? _("Hurts only when pressed")
                                 : _("Hurts without being touched; pressing it brings on the "
                                     "familiar pain"));
}

static void
update_resolved (KlKnotEditor *self)
{
  GDateTime *resolved = kl_knot_get_resolved (self->knot);
  g_autofree char *date = resolved != NULL ? g_date_time_format (resolved, "%x") : NULL;
  g_autofree char *subtitle = NULL;

  if (date != NULL)
    subtitle = g_strdup_printf (_("Since %s"), date);

  gtk_switch_set_active (self->resolved_switch, resolved != NULL);
  adw_action_row_set_subtitle (self->resolved_row,
                               subtitle != NULL ? subtitle : _("It no longer hurts when pressed"));
}

/* The region row lists the muscles and areas of the knot's view, one entry a base; the side row
 * picks left or right where there are two. */
static void
fill_regions (KlKnotEditor *self,
              KlBodyView    view)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->bases, 0);
  for (guint i = 0; i < kl_body_regions_get_n (); i++)
    {
      const KlBodyRegion *region = kl_body_regions_get (i);
      gboolean seen = FALSE;

      if (region->view != view)
        continue;

      for (guint j = 0; j < self->bases->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (self->bases, j), region->base);
      if (seen)
        continue;

      g_ptr_array_add (self->bases, (gpointer)region->base);
      gtk_string_list_append (names, _(region->name));
    }

  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (names));
}

static void
show_region (KlKnotEditor *self)
{
  const KlBodyRegion *region = kl_body_regions_lookup (kl_knot_get_region (self->knot));

  if (region == NULL)
    return;

  fill_regions (self, region->view);
  for (guint i = 0; i < self->bases->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->bases, i), region->base))
        adw_combo_row_set_selected (self->region_row, i);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->side_row), region->side != KL_BODY_SIDE_NONE);
  adw_combo_row_set_selected (self->side_row, region->side == KL_BODY_SIDE_RIGHT ? 1 : 0);
  update_title (self);
}

static void
knot_notify_cb (KlKnotEditor *self,
                GParamSpec   *pspec)
{
  gboolean was_updating = self->updating;

  self->updating = TRUE;
  if (g_str_equal (pspec->name, "tenderness"))
    update_ratings (self);
  else if (g_str_equal (pspec->name, "resolved"))
    update_resolved (self);
  else if (g_str_equal (pspec->name, "region"))
    show_region (self);
  self->updating = was_updating;
}

static void
flush_note (KlKnotEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  g_autofree char *note = NULL;
  GtkTextIter start, end;

  g_clear_handle_id (&self->note_timeout, g_source_remove);
  if (self->knot == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (note, kl_knot_get_note (self->knot)) == 0)
    return;

  kl_knot_set_note (self->knot, note);
  save (self);
}

void
kl_knot_editor_set_knot (KlKnotEditor *self,
                         KlKnot       *knot)
{
  g_return_if_fail (KL_IS_KNOT_EDITOR (self));
  g_return_if_fail (knot == NULL || KL_IS_KNOT (knot));

  if (self->knot == knot)
    return;

  /* The note typed into the knot that was open is its, not the next one's. */
  flush_note (self);

  if (self->knot != NULL)
    g_signal_handlers_disconnect_by_func (self->knot, knot_notify_cb, self);

  g_set_object (&self->knot, knot);

  if (knot != NULL)
    {
      self->updating = TRUE;
      g_signal_connect_object (knot, "notify", G_CALLBACK (knot_notify_cb), self,
                               G_CONNECT_SWAPPED);
      show_region (self);
      update_ratings (self);
      adw_combo_row_set_selected (self->state_row, kl_knot_get_state (knot));
      update_state_subtitle (self);
      adw_expander_row_set_enable_expansion (self->referred_row, kl_knot_get_referred (knot));
      gtk_editable_set_text (GTK_EDITABLE (self->referred_entry), kl_knot_get_referred_to (knot));
      adw_combo_row_set_selected (self->twitch_row, kl_knot_get_twitch (knot));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view),
                                kl_knot_get_note (knot), -1);
      update_resolved (self);
      self->updating = FALSE;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KNOT]);
}

KlKnot *
kl_knot_editor_get_knot (KlKnotEditor *self)
{
  g_return_val_if_fail (KL_IS_KNOT_EDITOR (self), NULL);

  return self->knot;
}

void
kl_knot_editor_set_store (KlKnotEditor *self,
                          KlStore      *store)
{
  g_return_if_fail (KL_IS_KNOT_EDITOR (self));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
tenderness_clicked_cb (GtkButton    *button,
                       KlKnotEditor *self)
{
  int tenderness = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "tenderness"));
  g_autoptr(GError) error = NULL;

  if (self->knot == NULL || self->store == NULL)
    return;

  if (!kl_store_rate_knot (self->store, self->knot, tenderness, &error))
    kl_window_report_error (GTK_WIDGET (self), error);
}

/* Moves the knot to another region: to its centre, since where it was belongs to the old one. */
static void
move_to_region (KlKnotEditor       *self,
                const KlBodyRegion *region)
{
  g_autoptr(GError) error = NULL;
  KlBodyGeometry *geometry;
  double x, y;

  if (region == NULL || g_strcmp0 (region->id, kl_knot_get_region (self->knot)) == 0)
    return;

  if (!(geometry = kl_body_geometry_get_for_view (region->view, &error)) ||
      !kl_body_geometry_get_region_centre (geometry, region->id, &x, &y))
    {
      if (error != NULL)
        kl_window_report_error (GTK_WIDGET (self), error);
      return;
    }

  kl_knot_set_position (self->knot,
                        x / kl_body_geometry_get_width (geometry),
                        y / kl_body_geometry_get_height (geometry));
  kl_knot_set_region (self->knot, region->id);
  save (self);
}

static void
region_selected_cb (KlKnotEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->region_row);
  const KlBodyRegion *current;
  const KlBodyRegion *region;
  const char *base;

  if (self->updating || self->knot == NULL || selected >= self->bases->len)
    return;

  base = g_ptr_array_index (self->bases, selected);
  current = kl_body_regions_lookup (kl_knot_get_region (self->knot));
  region = kl_body_regions_lookup_sided (base, current->side);
  if (region == NULL)
    region = kl_body_regions_lookup_sided (base, KL_BODY_SIDE_NONE);
  if (region == NULL)
    region = kl_body_regions_lookup_sided (base, KL_BODY_SIDE_LEFT);

  move_to_region (self, region);
}

static void
side_selected_cb (KlKnotEditor *self)
{
  const KlBodyRegion *current;

  if (self->updating || self->knot == NULL)
    return;

  current = kl_body_regions_lookup (kl_knot_get_region (self->knot));
  move_to_region (self,
                  kl_body_regions_lookup_sided (current->base,
                                                adw_combo_row_get_selected (self->side_row) == 1
                                                  ? KL_BODY_SIDE_RIGHT : KL_BODY_SIDE_LEFT));
}

static void
state_selected_cb (KlKnotEditor *self)
{
  if (self->updating || self->knot == NULL)
    return;

  kl_knot_set_state (self->knot, adw_combo_row_get_selected (self->state_row) == 1
                                   ? KL_KNOT_LATENT : KL_KNOT_ACTIVE);
  update_state_subtitle (self);
  save (self);
}

static void
referred_changed_cb (KlKnotEditor *self)
{
  if (self->updating || self->knot == NULL)
    return;

  kl_knot_set_referred (self->knot, adw_expander_row_get_enable_expansion (self->referred_row));
  save (self);
}

static void
referred_to_changed_cb (KlKnotEditor *self)
{
  if (self->updating || self->knot == NULL)
    return;

  kl_knot_set_referred_to (self->knot, gtk_editable_get_text (GTK_EDITABLE (self->referred_entry)));
  save (self);
}

static void
twitch_selected_cb (KlKnotEditor *self)
{
  if (self->updating || self->knot == NULL)
    return;

  kl_knot_set_twitch (self->knot, adw_combo_row_get_selected (self->twitch_row));
  save (self);
}

static void
resolved_changed_cb (KlKnotEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_switch_get_active (self->resolved_switch);

  if (self->updating || self->knot == NULL || active == kl_knot_is_resolved (self->knot))
    return;

  if (!kl_store_set_knot_resolved (self->store, self->knot, active, &error))
    kl_window_report_error (GTK_WIDGET (self), error);
}

static gboolean
note_timeout_cb (gpointer user_data)
{
  KlKnotEditor *self = user_data;

  self->note_timeout = 0;
  flush_note (self);
  return G_SOURCE_REMOVE;
}

static void
note_changed_cb (KlKnotEditor *self)
{
  if (self->updating)
    return;

  /* Saved once typing pauses, and at once when the editor closes or shows another knot. */
  g_clear_handle_id (&self->note_timeout, g_source_remove);
  self->note_timeout = g_timeout_add (NOTE_SAVE_DELAY_MS, note_timeout_cb, self);
}

static void
kl_knot_editor_delete_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  KlKnotEditor *self = KL_KNOT_EDITOR (widget);

  if (self->knot != NULL)
    g_signal_emit (self, signals[DELETE_REQUESTED], 0, self->knot);
}

static void
kl_knot_editor_close_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  flush_note (KL_KNOT_EDITOR (widget));
  g_signal_emit (widget, signals[CLOSE_REQUESTED], 0);
}

/* A side pane, not half the window: wrapped text asks for its whole width as natural width, so
 * the editor measures its child itself and caps that. (AdwBin's layout manager would bypass a
 * measure vfunc; the editor has none.) */
#define NATURAL_WIDTH 360

static void
kl_knot_editor_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  gtk_widget_measure (child, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, MIN (*natural, NATURAL_WIDTH));
}

static void
kl_knot_editor_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  gtk_widget_allocate (adw_bin_get_child (ADW_BIN (widget)), width, height, baseline, NULL);
}

static void
kl_knot_editor_unmap (GtkWidget *widget)
{
  flush_note (KL_KNOT_EDITOR (widget));

  GTK_WIDGET_CLASS (kl_knot_editor_parent_class)->unmap (widget);
}

static void
kl_knot_editor_dispose (GObject *object)
{
  KlKnotEditor *self = (KlKnotEditor *)object;

  flush_note (self);
  kl_knot_editor_set_knot (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_KNOT_EDITOR);

  G_OBJECT_CLASS (kl_knot_editor_parent_class)->dispose (object);
}

static void
kl_knot_editor_finalize (GObject *object)
{
  KlKnotEditor *self = (KlKnotEditor *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->bases, g_ptr_array_unref);

  G_OBJECT_CLASS (kl_knot_editor_parent_class)->finalize (object);
}

static void
kl_knot_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KlKnotEditor *self = KL_KNOT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_KNOT:
      g_value_set_object (value, self->knot);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_knot_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KlKnotEditor *self = KL_KNOT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      kl_knot_editor_set_store (self, g_value_get_object (value));
      break;
    case PROP_KNOT:
      kl_knot_editor_set_knot (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_knot_editor_class_init (KlKnotEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kl_knot_editor_dispose;
  object_class->finalize = kl_knot_editor_finalize;
  object_class->get_property = kl_knot_editor_get_property;
  object_class->set_property = kl_knot_editor_set_property;

  g_type_ensure (KL_TYPE_TREND_CHART);

  widget_class->measure = kl_knot_editor_measure;
  widget_class->size_allocate = kl_knot_editor_size_allocate;
  widget_class->unmap = kl_knot_editor_unmap;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, KL_TYPE_STORE, flags);
  properties[PROP_KNOT] = g_param_spec_object ("knot", NULL, NULL, KL_TYPE_KNOT, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, KL_TYPE_KNOT);
  signals[CLOSE_REQUESTED] = g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/kl-knot-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KlKnotEditor, title);
  gtk_widget_class_bind_template_child (widget_class, KlKnotEditor, tenderness_box);
  gtk_widget_class_bind_template_child (widget_class, KlKnotEditor, rating_label);
  gtk_widget_class_bind_template_child (widget_class, KlKnotEditor, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, KlKnotEditor, region_row);
  gtk_widget_class_bind_template_child (widget_class, KlKnotEditor, side_row);
  gtk_widget_class_bind_template_child (widget_class, KlKnotEditor, state_row);
  gtk_widget_class_bind_template_child (widget_class, KlKnotEditor, referred_row);
  gtk_widget_class_bind_template_child (widget_class, KlKnotEditor, referred_entry);
  gtk_widget_class_bind_template_child (widget_class, KlKnotEditor, twitch_row);
  gtk_widget_class_bind_template_child (widget_class, KlKnotEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, KlKnotEditor, resolved_row);
  gtk_widget_class_bind_template_child (widget_class, KlKnotEditor, resolved_switch);
  gtk_widget_class_bind_template_callback (widget_class, region_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, side_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, state_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, referred_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, referred_to_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, twitch_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, resolved_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.delete", NULL,
                                   kl_knot_editor_delete_action);
  gtk_widget_class_install_action (widget_class, "editor.close", NULL,
                                   kl_knot_editor_close_action);
}

static void
kl_knot_editor_init (KlKnotEditor *self)
{
  self->bases = g_ptr_array_new ();

  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  kl_trend_chart_set_y_label (self->trend_chart, _("Tenderness"));

  for (int i = 0; i <= 10; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i);
      g_autofree char *name = NULL;
      GtkWidget *button = gtk_button_new_with_label (number);

      if (i == 0)
        name = g_strdup (_("0, no pain"));
      else if (i == 10)
        name = g_strdup (_("10, the worst pain you can imagine"));
      else
        name = g_strdup_printf (_("Tenderness %d"), i);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_tooltip_text (button, name);
      g_object_set_data (G_OBJECT (button), "tenderness", GINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (tenderness_clicked_cb), self);
      gtk_flow_box_append (self->tenderness_box, button);
      /* One Tab stop per rating: the button, not also the flow box's cell around it. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
      self->tenderness_buttons[i] = button;
    }

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (note_changed_cb), self);
}
