/* kl-body-page.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Body page: the chart, the list of the user's knots beside it (selection shared between the
 * two), the knot editor, and "Where does it hurt?", which lights the muscles that commonly send
 * pain to a chosen place, the user's own knots in them first. */

#define G_LOG_DOMAIN "kl-body-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kl-body-chart.h"
#include "kl-body-page.h"
#include "kl-knot-editor.h"
#include "kl-window.h"

struct _KlBodyPage
{
  AdwBin              parent_instance;

  KlStore            *store;
  GListStore         *knots;          /* every knot, resolved ones too */
  GtkFilterListModel *shown;          /* without resolved ones unless "Show resolved" is on */
  GtkCustomFilter    *filter;
  GtkSortListModel   *sorted;
  GtkCustomSorter    *sorter;
  GtkSingleSelection *selection;
  GStrv               lookup_regions; /* the muscles "Where does it hurt?" lit, or NULL */
  guint               reload_idle;
  gboolean            show_resolved;
  gboolean            syncing;

  AdwFlap            *editor_flap;
  AdwFlap            *list_flap;
  KlKnotEditor       *editor;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkToggleButton    *front_button;
  GtkToggleButton    *back_button;
  GtkWidget          *zoom_reset_button;
  GtkPopover         *lookup_popover;
  GtkSearchEntry     *lookup_entry;
  GtkListBox         *lookup_list;
  GtkRevealer        *lookup_revealer;
  GtkLabel           *lookup_label;
  KlBodyChart        *chart;
};

G_DEFINE_FINAL_TYPE (KlBodyPage, kl_body_page, ADW_TYPE_BIN)

GtkWidget *
kl_body_page_new (void)
{
  return g_object_new (KL_TYPE_BODY_PAGE, NULL);
}

static void
toast (KlBodyPage *self,
       AdwToast   *toast_)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (KL_IS_WINDOW (root))
    kl_window_add_toast (KL_WINDOW (root), toast_);
  else
    g_object_unref (g_object_ref_sink (toast_));
}

static gboolean
in_lookup (KlBodyPage *self,
           KlKnot     *knot)
{
  return self->lookup_regions != NULL &&
         g_strv_contains ((const char * const *)self->lookup_regions, kl_knot_get_region (knot));
}

static gboolean
filter_knot (gpointer item,
             gpointer user_data)
{
  KlBodyPage *self = user_data;

  return self->show_resolved || !kl_knot_is_resolved (item);
}

/* The knots in the muscles of the lookup first, then the newest first. */
static int
sort_knots (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  KlBodyPage *self = user_data;
  gboolean a_in = in_lookup (self, (KlKnot *)a);
  gboolean b_in = in_lookup (self, (KlKnot *)b);
  gint64 a_id = kl_knot_get_id ((KlKnot *)a);
  gint64 b_id = kl_knot_get_id ((KlKnot *)b);

  if (a_in != b_in)
    return a_in ? -1 : 1;

  return a_id < b_id ? 1 : a_id > b_id ? -1 : 0;
}

static void
update_empty_state (KlBodyPage *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->shown)) == 0;

  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
}

static guint
position_of (KlBodyPage *self,
             KlKnot     *knot)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; knot != NULL && i < n; i++)
    {
      g_autoptr(KlKnot) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (item == knot)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* The editor */

static void select_knot (KlBodyPage *self,
                         KlKnot     *knot);
static void delete_knot (KlBodyPage *self,
                         KlKnot     *knot);

static void
editor_delete_requested_cb (KlBodyPage   *self,
                            KlKnot       *knot,
                            KlKnotEditor *editor)
{
  delete_knot (self, knot);
}

static void
editor_close_requested_cb (KlBodyPage *self)
{
  select_knot (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->chart));
}

/* The editor is built the first time a knot is chosen: until then the window's first frame
 * does not pay for it. */
static KlKnotEditor *
ensure_editor (KlBodyPage *self)
{
  if (self->editor != NULL)
    return self->editor;

  self->editor = g_object_new (KL_TYPE_KNOT_EDITOR,
                               /* Explicit: the title inside expands, and that must not make the
                                * pane grab room. */
                               "hexpand", FALSE,
                               NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->editor), "background");
  g_signal_connect_object (self->editor, "delete-requested",
                           G_CALLBACK (editor_delete_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "close-requested",
                           G_CALLBACK (editor_close_requested_cb), self, G_CONNECT_SWAPPED);
  if (self->store != NULL)
    kl_knot_editor_set_store (self->editor, self->store);
  adw_flap_set_flap (self->editor_flap, GTK_WIDGET (self->editor));

  return self->editor;
}

static void
select_knot (KlBodyPage *self,
             KlKnot     *knot)
{
  const KlBodyRegion *region = knot != NULL ? kl_body_regions_lookup (kl_knot_get_region (knot))
                                            : NULL;

  if (self->syncing)
    return;

  self->syncing = TRUE;

  /* A knot chosen in the list may be on the other side of the body. */
  if (region != NULL && region->view != kl_body_chart_get_view (self->chart))
    gtk_toggle_button_set_active (region->view == KL_BODY_VIEW_FRONT
                                    ? self->front_button
                                    : self->back_button,
                                  TRUE);

  kl_body_chart_set_selected (self->chart, knot);
  gtk_single_selection_set_selected (self->selection, position_of (self, knot));
  if (knot != NULL || self->editor != NULL)
    kl_knot_editor_set_knot (ensure_editor (self), knot);
  adw_flap_set_reveal_flap (self->editor_flap, knot != NULL);

  self->syncing = FALSE;
}

static void
reload (KlBodyPage *self)
{
  g_autoptr(GPtrArray) knots = NULL;
  g_autoptr(GError) error = NULL;

  select_knot (self, NULL);
  g_list_store_remove_all (self->knots);

  if (self->store == NULL)
    return;

  if (!(knots = kl_store_list_knots (self->store, TRUE, &error)))
    {
      kl_window_report_error (GTK_WIDGET (self), error);
      return;
    }

  g_list_store_splice (self->knots, 0, 0, knots->pdata, knots->len);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  KlBodyPage *self = user_data;

  self->reload_idle = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

void
kl_body_page_set_store (KlBodyPage *self,
                        KlStore    *store)
{
  g_return_if_fail (KL_IS_BODY_PAGE (self));
  g_return_if_fail (store == NULL || KL_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  if (self->editor != NULL)
    kl_knot_editor_set_store (self->editor, store);

  /* The window's first frame comes first; the knots follow right after it. */
  g_clear_handle_id (&self->reload_idle, g_source_remove);
  self->reload_idle = g_idle_add_full (G_PRIORITY_LOW, reload_idle_cb, self, NULL);
}

/* The chart */

static void
chart_add_knot_cb (KlBodyPage  *self,
                   const char  *region,
                   double       x,
                   double       y,
                   KlBodyChart *chart)
{
  g_autoptr(KlKnot) knot = kl_knot_new ();
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  kl_knot_set_region (knot, region);
  kl_knot_set_position (knot, x, y);

  if (!kl_store_add_knot (self->store, knot, KL_KNOT_NO_RATING, &error))
    {
      kl_window_report_error (GTK_WIDGET (self), error);
      return;
    }

  g_list_store_append (self->knots, knot);
  /* Straight to the editor: the next thing to do is say how tender it is. */
  select_knot (self, knot);
}

static void
chart_knot_moved_cb (KlBodyPage  *self,
                     KlKnot      *knot,
                     const char  *region,
                     double       x,
                     double       y,
                     KlBodyChart *chart)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old_region = g_strdup (kl_knot_get_region (knot));
  double old_x = kl_knot_get_x (knot);
  double old_y = kl_knot_get_y (knot);

  kl_knot_set_region (knot, region);
  kl_knot_set_position (knot, x, y);

  if (!kl_store_save_knot (self->store, knot, &error))
    {
      /* What is shown stays what is stored. */
      kl_knot_set_region (knot, old_region);
      kl_knot_set_position (knot, old_x, old_y);
      kl_window_report_error (GTK_WIDGET (self), error);
    }
}

static void
chart_rate_knot_cb (KlBodyPage  *self,
                    KlKnot      *knot,
                    int          tenderness,
                    KlBodyChart *chart)
{
  g_autoptr(GError) error = NULL;

  if (!kl_store_rate_knot (self->store, knot, tenderness, &error))
    kl_window_report_error (GTK_WIDGET (self), error);
}

typedef struct
{
  KlBodyPage *page;
  KlKnot     *knot;
  GArray     *ratings;
} DeletedKnot;

static void
deleted_knot_free (gpointer  data,
                   GClosure *closure)
{
  DeletedKnot *deleted = data;

  g_object_unref (deleted->page);
  g_object_unref (deleted->knot);
  g_array_unref (deleted->ratings);
  g_free (deleted);
}

static void
undo_delete_cb (AdwToast    *toast_,
                DeletedKnot *deleted)
{
  KlBodyPage *self = deleted->page;
  g_autoptr(GError) error = NULL;

  if (!kl_store_restore_knot (self->store, deleted->knot, deleted->ratings, &error))
    {
      kl_window_report_error (GTK_WIDGET (self), error);
      return;
    }

  g_list_store_append (self->knots, deleted->knot);
  select_knot (self, deleted->knot);
}

static void
delete_knot (KlBodyPage *self,
             KlKnot     *knot)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ratings = NULL;
  DeletedKnot *deleted;
  AdwToast *undo_toast;
  guint position;

  /* The history goes with the knot; keep it for the undo. */
  if (!(ratings = kl_store_list_knot_ratings (self->store, kl_knot_get_id (knot), &error)) ||
      !kl_store_delete_knot (self->store, knot, &error))
    {
      kl_window_report_error (GTK_WIDGET (self), error);
      return;
    }

  select_knot (self, NULL);
  if (g_list_store_find (self->knots, knot, &position))
    g_list_store_remove (self->knots, position);

  deleted = g_new0 (DeletedKnot, 1);
  deleted->page = g_object_ref (self);
  deleted->knot = g_object_ref (knot);
  deleted->ratings = g_steal_pointer (&ratings);

  undo_toast = adw_toast_new (_("Knot deleted"));
  adw_toast_set_button_label (undo_toast, _("_Undo"));
  adw_toast_set_priority (undo_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (undo_toast, "button-clicked", G_CALLBACK (undo_delete_cb), deleted,
                         deleted_knot_free, 0);
  toast (self, undo_toast);
}

static void
chart_delete_knot_cb (KlBodyPage  *self,
                      KlKnot      *knot,
                      KlBodyChart *chart)
{
  delete_knot (self, knot);
}

static void
chart_selected_cb (KlBodyPage *self)
{
  select_knot (self, kl_body_chart_get_selected (self->chart));
}

static void
chart_zoom_cb (KlBodyPage *self)
{
  gtk_widget_set_visible (self->zoom_reset_button, kl_body_chart_get_zoom (self->chart) > 1.0);
}

static void
view_toggled_cb (KlBodyPage *self)
{
  KlBodyView view = gtk_toggle_button_get_active (self->front_button) ? KL_BODY_VIEW_FRONT
                                                                      : KL_BODY_VIEW_BACK;
  KlKnot *selected = kl_body_chart_get_selected (self->chart);

  kl_body_chart_set_view (self->chart, view);

  /* A knot of the other view is out of sight: let it go rather than edit it blind. */
  if (selected != NULL && !self->syncing)
    {
      const KlBodyRegion *region = kl_body_regions_lookup (kl_knot_get_region (selected));

      if (region != NULL && region->view != view)
        select_knot (self, NULL);
    }
}

static void
kl_body_page_show_view_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  KlBodyPage *self = KL_BODY_PAGE (widget);
  gboolean front = g_str_equal (g_variant_get_string (parameter, NULL), "front");

  gtk_toggle_button_set_active (front ? self->front_button
                                      : self->back_button,
                                TRUE);
}

static void
kl_body_page_reset_zoom_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  kl_body_chart_set_zoom (KL_BODY_PAGE (widget)->chart, 1.0);
}

static void
show_resolved_toggled_cb (KlBodyPage      *self,
                          GtkToggleButton *button)
{
  self->show_resolved = gtk_toggle_button_get_active (button);
  gtk_filter_changed (GTK_FILTER (self->filter), self->show_resolved
                                                   ? GTK_FILTER_CHANGE_LESS_STRICT
                                                   : GTK_FILTER_CHANGE_MORE_STRICT);
}

/* A resolved knot leaves the list (unless shown), so the filter looks again when one changes. */
static void
knot_resolved_changed_cb (KlKnot     *knot,
                          GParamSpec *pspec,
                          KlBodyPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
knots_items_changed_cb (KlBodyPage *self,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GListModel *model)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(KlKnot) knot = g_list_model_get_item (model, i);

      g_signal_connect_object (knot, "notify::resolved", G_CALLBACK (knot_resolved_changed_cb),
                               self, 0);
    }
}

/* The list */

static void
list_selection_changed_cb (KlBodyPage *self)
{
  select_knot (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
list_activate_cb (KlBodyPage *self,
                  guint       position)
{
  g_autoptr(KlKnot) knot = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  select_knot (self, knot);
  /* On a narrow window the list covers the chart: get it out of the way. */
  if (adw_flap_get_folded (self->list_flap))
    adw_flap_set_reveal_flap (self->list_flap, FALSE);
}

static void
draw_chip (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  KlKnot *knot = g_object_get_data (G_OBJECT (area), "knot");
  double r = MIN (width, height) / 2.0 - 2;
  GdkRGBA color;

  if (knot == NULL)
    return;

  kl_tenderness_color (kl_knot_get_tenderness (knot), &color);
  gdk_cairo_set_source_rgba (cr, &color);

  if (kl_knot_get_state (knot) == KL_KNOT_LATENT)
    {
      cairo_move_to (cr, width / 2.0, height / 2.0 - r);
      cairo_line_to (cr, width / 2.0 + r, height / 2.0);
      cairo_line_to (cr, width / 2.0, height / 2.0 + r);
      cairo_line_to (cr, width / 2.0 - r, height / 2.0);
      cairo_close_path (cr);
    }
  else
    cairo_arc (cr, width / 2.0, height / 2.0, r * 0.85, 0, 2 * G_PI);

  cairo_fill (cr);
}

static char *
describe_age (GDateTime *created)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GTimeSpan span = g_date_time_difference (now, created);
  int days = (int)(span / G_TIME_SPAN_DAY);

  if (days < 1)
    return g_strdup (_("since today"));
  if (days < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), days);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months", days / 30),
                          days / 30);
}

static void
update_row (GtkListItem *item)
{
  KlKnot *knot = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *chip = gtk_widget_get_first_child (box);
  GtkWidget *labels = gtk_widget_get_next_sibling (chip);
  GtkWidget *title = gtk_widget_get_first_child (labels);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *trend = gtk_widget_get_next_sibling (labels);
  const KlBodyRegion *region = kl_body_regions_lookup (kl_knot_get_region (knot));
  g_autofree char *label = region != NULL ? kl_body_region_dup_label (region) : NULL;
  g_autofree char *age = describe_age (kl_knot_get_created (knot));
  g_autofree char *details = NULL;
  g_autofree char *rating = NULL;
  g_autofree char *accessible = NULL;
  int tenderness = kl_knot_get_tenderness (knot);
  int previous = kl_knot_get_previous_tenderness (knot);
  const char *arrow = "";
  const char *arrow_text = "";

  if (tenderness == KL_KNOT_NO_RATING)
    rating = g_strdup (_("not rated"));
  else
    rating = g_strdup_printf (_("%d of 10"), tenderness);

  /* Translators: a knot in the list: "Active · 6 of 10 · 3 days" */
  details = g_strdup_printf (_("%s · %s · %s"),
                             kl_knot_is_resolved (knot)
                               ? _("Resolved")
                               : kl_knot_get_state (knot) == KL_KNOT_LATENT ? _("Latent")
                                                                             : _("Active"),
                             rating, age);

  if (tenderness != KL_KNOT_NO_RATING && previous != KL_KNOT_NO_RATING)
    {
      if (tenderness > previous)
        {
          arrow = "↑";
          arrow_text = _("more tender than the time before");
        }
      else if (tenderness < previous)
        {
          arrow = "↓";
          arrow_text = _("less tender than the time before");
        }
      else
        {
          arrow = "→";
          arrow_text = _("as tender as the time before");
        }
    }

  g_object_set_data_full (G_OBJECT (chip), "knot", g_object_ref (knot), g_object_unref);
  gtk_widget_queue_draw (chip);
  gtk_label_set_text (GTK_LABEL (title), label != NULL ? label : "");
  gtk_label_set_text (GTK_LABEL (subtitle), details);
  gtk_label_set_text (GTK_LABEL (trend), arrow);
  gtk_widget_set_tooltip_text (trend, arrow_text[0] != '\0' ? arrow_text : NULL);

  accessible = g_strdup_printf ("%s, %s%s%s", label != NULL ? label : "", details,
                                arrow_text[0] != '\0' ? ", " : "", arrow_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
row_knot_notify_cb (GtkListItem *item)
{
  if (gtk_list_item_get_item (item) != NULL)
    update_row (item);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *chip = gtk_drawing_area_new ();
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *trend = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "knot-row");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (chip), 20);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (chip), 20);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (chip), draw_chip, NULL, NULL);
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  /* Ellipsized labels still ask for their whole text: keep the list a sidebar, not a half. */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 26);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 26);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (trend, "trend");

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), chip);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), trend);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  KlKnot *knot = gtk_list_item_get_item (item);

  update_row (item);
  /* The row follows its knot as it is rated, moved or resolved. */
  g_signal_connect_object (knot, "notify", G_CALLBACK (row_knot_notify_cb), item,
                           G_CONNECT_SWAPPED);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  KlKnot *knot = gtk_list_item_get_item (item);

  if (knot != NULL)
    g_signal_handlers_disconnect_by_func (knot, row_knot_notify_cb, item);
}

/* Where does it hurt? */

static gboolean
lookup_filter (GtkListBoxRow *row,
               gpointer       user_data)
{
  KlBodyPage *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->lookup_entry));
  const char *label = g_object_get_data (G_OBJECT (row), "label");
  g_autofree char *folded_label = NULL;
  g_autofree char *folded_search = NULL;

  if (search == NULL || search[0] == '\0')
    return TRUE;

  folded_label = g_utf8_casefold (label, -1);
  folded_search = g_utf8_casefold (search, -1);
  return strstr (folded_label, folded_search) != NULL;
}

static void
fill_lookup_list (KlBodyPage *self)
{
  /* Every region, muscles and areas alike: pain is felt in both. */
  for (guint i = 0; i < kl_body_regions_get_n (); i++)
    {
      const KlBodyRegion *region = kl_body_regions_get (i);
      g_autofree char *label = kl_body_region_dup_label (region);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *text = gtk_label_new (label);

      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), text);
      g_object_set_data (G_OBJECT (row), "region", (gpointer)region->id);
      g_object_set_data_full (G_OBJECT (row), "label", g_steal_pointer (&label), g_free);
      gtk_list_box_append (self->lookup_list, row);
    }

  gtk_list_box_set_filter_func (self->lookup_list, lookup_filter, self, NULL);
}

static void
lookup_popover_show_cb (KlBodyPage *self)
{
  /* Ninety-odd rows nobody needs until the popover opens: not made at start-up. */
  if (gtk_widget_get_first_child (GTK_WIDGET (self->lookup_list)) == NULL)
    fill_lookup_list (self);

  gtk_editable_set_text (GTK_EDITABLE (self->lookup_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->lookup_entry));
}

static void
lookup_search_changed_cb (KlBodyPage *self)
{
  gtk_list_box_invalidate_filter (self->lookup_list);
}

static void
show_lookup (KlBodyPage *self,
             const char *painful)
{
  const KlBodyRegion *place = kl_body_regions_lookup (painful);
  g_autoptr(GStrvBuilder) sources = g_strv_builder_new ();
  g_autoptr(GString) muscles = g_string_new (NULL);
  g_autoptr(GString) own = g_string_new (NULL);
  g_autofree char *place_label = NULL;
  g_autofree char *text = NULL;
  guint n_front = 0, n_back = 0, n_sources = 0;

  g_return_if_fail (place != NULL);

  for (guint i = 0; i < kl_body_regions_get_n (); i++)
    {
      const KlBodyRegion *region = kl_body_regions_get (i);
      g_autofree char *label = NULL;

      if (region->refers_to == NULL ||
          !g_strv_contains ((const char * const *)region->refers_to, painful))
        continue;

      g_strv_builder_add (sources, region->id);
      n_sources++;
      if (region->view == KL_BODY_VIEW_FRONT)
        n_front++;
      else
        n_back++;

      label = kl_body_region_dup_label (region);
      if (muscles->len > 0)
        g_string_append (muscles, ", ");
      g_string_append (muscles, label);
    }

  g_clear_pointer (&self->lookup_regions, g_strfreev);
  self->lookup_regions = g_strv_builder_end (sources);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->shown)); i++)
    {
      g_autoptr(KlKnot) knot = g_list_model_get_item (G_LIST_MODEL (self->shown), i);
      const KlBodyRegion *region = kl_body_regions_lookup (kl_knot_get_region (knot));
      g_autofree char *label = NULL;

      if (!in_lookup (self, knot) || region == NULL)
        continue;

      label = kl_body_region_dup_label (region);
      if (own->len > 0)
        g_string_append (own, ", ");
      g_string_append (own, label);
    }

  place_label = kl_body_region_dup_label (place);
  if (n_sources == 0)
    text = g_strdup_printf (_("No muscle on the chart commonly sends pain to %s."), place_label);
  else if (own->len > 0)
    /* Translators: reverse lookup; the place, the muscles, then the user's own knots in them */
    text = g_strdup_printf (_("Pain felt in %s often comes from: %s. Your knots there: %s."),
                            place_label, muscles->str, own->str);
  else
    text = g_strdup_printf (_("Pain felt in %s often comes from: %s. You have no knots there "
                              "yet."), place_label, muscles->str);

  gtk_label_set_text (self->lookup_label, text);
  gtk_revealer_set_reveal_child (self->lookup_revealer, TRUE);
  kl_body_chart_set_highlighted_regions (self->chart, (const char * const *)self->lookup_regions);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);

  /* Show the side of the body where most of those muscles are. */
  if (n_sources > 0)
    kl_body_page_show_view_action (GTK_WIDGET (self), NULL,
                                   g_variant_new_string (n_front > n_back ? "front" : "back"));
}

static void
lookup_row_activated_cb (KlBodyPage    *self,
                         GtkListBoxRow *row)
{
  gtk_popover_popdown (self->lookup_popover);
  show_lookup (self, g_object_get_data (G_OBJECT (row), "region"));
}

static void
lookup_entry_activate_cb (KlBodyPage *self)
{
  /* Enter picks the first match. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->lookup_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row) &&
          lookup_filter (GTK_LIST_BOX_ROW (row), self))
        {
          lookup_row_activated_cb (self, GTK_LIST_BOX_ROW (row));
          return;
        }
    }
}

static void
kl_body_page_clear_lookup_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  KlBodyPage *self = KL_BODY_PAGE (widget);

  g_clear_pointer (&self->lookup_regions, g_strfreev);
  gtk_revealer_set_reveal_child (self->lookup_revealer, FALSE);
  kl_body_chart_set_highlighted_regions (self->chart, NULL);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

/* Life cycle */

static void
kl_body_page_dispose (GObject *object)
{
  KlBodyPage *self = (KlBodyPage *)object;

  /* The flap is both the bin's child and a template child: let the bin let go of it first, or
   * both would unparent it. */
  g_clear_handle_id (&self->reload_idle, g_source_remove);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_BODY_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->sorter);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_object (&self->knots);

  G_OBJECT_CLASS (kl_body_page_parent_class)->dispose (object);
}

static void
kl_body_page_finalize (GObject *object)
{
  KlBodyPage *self = (KlBodyPage *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->lookup_regions, g_strfreev);

  G_OBJECT_CLASS (kl_body_page_parent_class)->finalize (object);
}

static void
kl_body_page_class_init (KlBodyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_body_page_dispose;
  object_class->finalize = kl_body_page_finalize;

  g_type_ensure (KL_TYPE_BODY_CHART);
  g_type_ensure (KL_TYPE_KNOT_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/kl-body-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlBodyPage, editor_flap);
  gtk_widget_class_bind_template_child (widget_class, KlBodyPage, list_flap);
  gtk_widget_class_bind_template_child (widget_class, KlBodyPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KlBodyPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, KlBodyPage, front_button);
  gtk_widget_class_bind_template_child (widget_class, KlBodyPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, KlBodyPage, zoom_reset_button);
  gtk_widget_class_bind_template_child (widget_class, KlBodyPage, lookup_popover);
  gtk_widget_class_bind_template_child (widget_class, KlBodyPage, lookup_entry);
  gtk_widget_class_bind_template_child (widget_class, KlBodyPage, lookup_list);
  gtk_widget_class_bind_template_child (widget_class, KlBodyPage, lookup_revealer);
  gtk_widget_class_bind_template_child (widget_class, KlBodyPage, lookup_label);
  gtk_widget_class_bind_template_child (widget_class, KlBodyPage, chart);
  gtk_widget_class_bind_template_callback (widget_class, chart_add_knot_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_knot_moved_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_rate_knot_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_delete_knot_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_zoom_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_resolved_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, lookup_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, lookup_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, lookup_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, lookup_entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "body.show-view", "s",
                                   kl_body_page_show_view_action);
  gtk_widget_class_install_action (widget_class, "body.reset-zoom", NULL,
                                   kl_body_page_reset_zoom_action);
  gtk_widget_class_install_action (widget_class, "body.clear-lookup", NULL,
                                   kl_body_page_clear_lookup_action);
}

static void
kl_body_page_init (KlBodyPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->knots = g_list_store_new (KL_TYPE_KNOT);
  g_signal_connect_object (self->knots, "items-changed", G_CALLBACK (knots_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* The list-model constructors take ownership of what they are given: hand them references. */
  self->filter = gtk_custom_filter_new (filter_knot, self, NULL);
  self->shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->knots)),
                                           g_object_ref (GTK_FILTER (self->filter)));
  self->sorter = gtk_custom_sorter_new (sort_knots, self, NULL);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->shown)),
                                          g_object_ref (GTK_SORTER (self->sorter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (list_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->shown, "items-changed", G_CALLBACK (update_empty_state), self,
                           G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  kl_body_chart_set_knots (self->chart, G_LIST_MODEL (self->shown));
  update_empty_state (self);
}
