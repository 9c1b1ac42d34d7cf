/* kl-journal-page.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-journal-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "kl-body-regions.h"
#include "kl-check-in-dialog.h"
#include "kl-entry-list.h"
#include "kl-entry-row.h"
#include "kl-journal-page.h"
#include "kl-trend-chart.h"
#include "kl-window.h"

struct _KlJournalPage
{
  AdwBin               parent_instance;

  KlStore             *store;
  KlEntryList         *entries;
  GPtrArray           *factor_names;   /* the factor drop-down's names, after "All factors" */
  GPtrArray           *insight_rows;
  guint                period_days;    /* 0 for all */
  GCancellable        *trend_reading;  /* the trend query in flight, cancelled by a newer one */
  guint                n_reading;      /* queries in flight, for the "loading" property */
  gboolean             history_read;
  gboolean             filling;        /* the filters' lists are being replaced: not a change */
  gboolean             stale;          /* to be read when next shown */

  GtkStack            *stack;
  GtkStack            *sections;
  GtkBox              *period_box;
  GtkLabel            *summary_label;
  KlTrendChart        *trend_chart;
  AdwPreferencesGroup *insights_group;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *range_dropdown;
  GtkDropDown         *factor_dropdown;
  GtkDropDown         *area_dropdown;
  GtkStack            *history_stack;
  GtkListView         *history_view;
};

G_DEFINE_FINAL_TYPE (KlJournalPage, kl_journal_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  guint       days;
  const char *label;
} periods[] = {
  { 7, N_("7 Days") }, { 30, N_("30 Days") }, { 90, N_("90 Days") }, { 365, N_("Year") },
  { 0, N_("All") },
};

static const guint ranges[] = { 0, 7, 30, 90, 365 };

GtkWidget *
kl_journal_page_new (void)
{
  return g_object_new (KL_TYPE_JOURNAL_PAGE, NULL);
}

static void
today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* Trends and insights */

static void
add_insight (KlJournalPage *self,
             const char    *title,
             const char    *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (self->insights_group, row);
  g_ptr_array_add (self->insight_rows, row);
}

static void
update_insights (KlJournalPage *self,
                 GArray        *days,
                 GPtrArray     *day_factors)
{
  g_autoptr(GArray) data_days = g_array_new (FALSE, FALSE, sizeof (KlPainDay));
  g_autoptr(GPtrArray) data_factors = g_ptr_array_new ();
  g_autoptr(GArray) comparisons = NULL;
  KlPainChange change;

  for (guint i = 0; i < self->insight_rows->len; i++)
    adw_preferences_group_remove (self->insights_group, g_ptr_array_index (self->insight_rows, i));
  g_ptr_array_set_size (self->insight_rows, 0);

  for (guint i = 0; i < days->len; i++)
    if (g_array_index (days, KlPainDay, i).n_entries > 0)
      {
        g_array_append_val (data_days, g_array_index (days, KlPainDay, i));
        g_ptr_array_add (data_factors, g_ptr_array_index (day_factors, i));
      }

  if (kl_pain_stats_change ((KlPainDay *)data_days->data, data_days->len, &change))
    {
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (change.meaningful)
        title = g_strdup_printf (change.change < 0 ? _("Pain went down by %.1f points (%.0f %%)")
                                                   : _("Pain went up by %.1f points (%.0f %%)"),
                                 fabs (change.change), fabs (change.percent));
      else
        title = g_strdup (_("No meaningful change in this period"));
      /* Translators: averages at the start and the end of the period, and their day counts */
      subtitle = g_strdup_printf (_("Average %.1f at the start (n = %u days), %.1f at the end "
                                    "(n = %u days). A change counts from 2 points or 30 %%."),
                                  change.first, change.n_first, change.last, change.n_last);
      add_insight (self, title, subtitle);
    }

  comparisons = kl_pain_stats_compare_factors ((KlPainDay *)data_days->data,
                                               (const char * const * const *)data_factors->pdata,
                                               data_days->len);
  for (guint i = 0; i < comparisons->len; i++)
    {
      const KlFactorComparison *comparison = &g_array_index (comparisons, KlFactorComparison, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: "Stress: 5.8 on days with it, 4.1 without" */
      title = g_strdup_printf (_("%s: %.1f on days with it, %.1f without"),
                               kl_factor_get_label (comparison->factor), comparison->mean_with,
                               comparison->mean_without);
      subtitle = g_strdup_printf (_("Average pain; n = %u days with, %u days without"),
                                  comparison->days_with, comparison->days_without);
      add_insight (self, title, subtitle);
    }

  if (self->insight_rows->len == 0)
    add_insight (self, _("Not enough check-ins yet"),
                 _("Factors are compared once there are at least 3 days with and 3 without them."));
}

static void
reading_started (KlJournalPage *self)
{
  if (self->n_reading++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
reading_done (KlJournalPage *self)
{
  g_assert (self->n_reading > 0);

  if (--self->n_reading == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
trend_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KlJournalPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GPtrArray) day_factors = NULL;
  g_autofree char *summary = NULL;
  double sum = 0;
  guint n_days = 0;

  reading_done (self);
  days = kl_store_list_pain_days_finish (KL_STORE (source), result, &day_factors, &error);
  if (days == NULL)
    {
      /* A newer period or check-in asked again: its answer is the one to show. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        kl_window_report_error (GTK_WIDGET (self), error);
      return;
    }

  kl_trend_chart_set_days (self->trend_chart, days);

  for (guint i = 0; i < days->len; i++)
    if (g_array_index (days, KlPainDay, i).n_entries > 0)
      {
        sum += g_array_index (days, KlPainDay, i).mean;
        n_days++;
      }
  if (n_days > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Average pain %.1f (n = %u day)",
                                            "Average pain %.1f (n = %u days)", n_days),
                               sum / n_days, n_days);
  else
    summary = g_strdup (_("No check-ins in this period"));
  gtk_label_set_label (self->summary_label, summary);

  update_insights (self, days, day_factors);
}

/* Years of check-ins take a while to add up: the trend is read in a thread. */
static void
update_trend (KlJournalPage *self)
{
  GDate from, to;

  today (&to);
  from = to;
  if (self->period_days > 0)
    g_date_subtract_days (&from, self->period_days - 1);

  g_cancellable_cancel (self->trend_reading);
  g_clear_object (&self->trend_reading);
  self->trend_reading = g_cancellable_new ();

  reading_started (self);
  kl_store_list_pain_days_async (self->store, self->period_days > 0 ? &from : NULL, &to,
                                 self->trend_reading, trend_ready_cb, g_object_ref (self));
}

static void
period_toggled_cb (KlJournalPage   *self,
                   GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  self->period_days = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "days"));
  if (self->store != NULL)
    update_trend (self);
}

/* History */

static gboolean
filter_active (KlJournalPage *self)
{
  return *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0' ||
         gtk_drop_down_get_selected (self->range_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->factor_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->area_dropdown) > 0;
}

static void
update_visible (KlJournalPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  if (!self->history_read)
    return;

  gtk_stack_set_visible_child_name (self->stack, n > 0 || filter_active (self) ? "journal"
                                                                              : "empty");
  gtk_stack_set_visible_child_name (self->history_stack, n > 0 ? "list" : "none");
}

static void
history_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KlJournalPage) self = user_data;
  g_autoptr(GError) error = NULL;

  reading_done (self);
  if (!kl_entry_list_set_filter_finish (KL_ENTRY_LIST (source), result, &error))
    {
      /* Cancelled by a newer filter, which will show its own result. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        kl_window_report_error (GTK_WIDGET (self), error);
      return;
    }

  self->history_read = TRUE;
  update_visible (self);
}

static void
filter_changed_cb (KlJournalPage *self)
{
  g_autoptr(GDateTime) from = NULL;
  guint range = gtk_drop_down_get_selected (self->range_dropdown);
  guint factor = gtk_drop_down_get_selected (self->factor_dropdown);
  guint area = gtk_drop_down_get_selected (self->area_dropdown);
  KlEntryFilter filter = { 0 };

  if (self->entries == NULL || self->filling)
    return;

  if (range > 0 && range < G_N_ELEMENTS (ranges))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now),
                                                             g_date_time_get_month (now),
                                                             g_date_time_get_day_of_month (now),
                                                             0, 0, 0);
      from = g_date_time_add_days (midnight, 1 - (int)ranges[range]);
      filter.from = from;
    }
  if (factor > 0 && factor <= self->factor_names->len)
    filter.factor = g_ptr_array_index (self->factor_names, factor - 1);
  if (area > 0 && area <= kl_body_regions_get_n ())
    filter.region = kl_body_regions_get (area - 1)->id;
  filter.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* A search in the notes of years of check-ins takes a while: the list reads in a thread and
   * keeps showing the last result until the new one is in. */
  reading_started (self);
  kl_entry_list_set_filter_async (self->entries, &filter, history_ready_cb, g_object_ref (self));
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  g_autoptr(GDateTime) la = g_date_time_to_local (a);
  g_autoptr(GDateTime) lb = g_date_time_to_local (b);

  return g_date_time_get_year (la) == g_date_time_get_year (lb) &&
         g_date_time_get_day_of_year (la) == g_date_time_get_day_of_year (lb);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              KlJournalPage            *self)
{
  gtk_list_item_set_child (item, kl_entry_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             KlJournalPage            *self)
{
  KlPainEntry *entry = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  g_autoptr(KlPainEntry) previous = NULL;

  if (entry == NULL)
    return;

  if (position > 0)
    previous = g_list_model_get_item (G_LIST_MODEL (self->entries), position - 1);
  kl_entry_row_set_entry (KL_ENTRY_ROW (gtk_list_item_get_child (item)), entry,
                          previous == NULL ||
                          !same_day (kl_pain_entry_get_at (previous), kl_pain_entry_get_at (entry)));
}

/* Check-ins */

static void refresh (KlJournalPage *self);

static void
undo_delete_cb (AdwToast    *toast,
                KlPainEntry *entry)
{
  KlJournalPage *self = g_object_get_data (G_OBJECT (toast), "page");
  g_autoptr(GError) error = NULL;

  if (!kl_store_add_entry (self->store, entry, &error))
    kl_window_report_error (GTK_WIDGET (self), error);
  refresh (self);
}

static void
delete_entry_cb (KlJournalPage   *self,
                 KlPainEntry     *entry,
                 KlCheckInDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!kl_store_delete_entry (self->store, entry, &error))
    {
      kl_window_report_error (GTK_WIDGET (self), error);
      return;
    }
  refresh (self);

  toast = adw_toast_new (_("Check-in deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "page", g_object_ref (self), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb),
                         g_object_ref (entry), (GClosureNotify)(void (*) (void))g_object_unref, 0);
  if (KL_IS_WINDOW (root))
    kl_window_add_toast (KL_WINDOW (root), toast);
}

static void
saved_cb (KlJournalPage   *self,
          KlPainEntry     *entry,
          gboolean         created,
          KlCheckInDialog *dialog)
{
  g_autofree char *message = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  refresh (self);
  message = created ? g_strdup_printf (_("Check-in saved: pain %d"), kl_pain_entry_get_pain (entry))
                    : g_strdup (_("Check-in updated"));
  if (KL_IS_WINDOW (root))
    kl_window_show_toast (KL_WINDOW (root), message);
}

static void
open_dialog (KlJournalPage *self,
             KlPainEntry   *entry)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->store == NULL)
    return;

  dialog = kl_check_in_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                   entry);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "delete-entry", G_CALLBACK (delete_entry_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
kl_journal_page_check_in (KlJournalPage *self)
{
  g_return_if_fail (KL_IS_JOURNAL_PAGE (self));

  open_dialog (self, NULL);
}

static void
history_activate_cb (KlJournalPage *self,
                     guint          position)
{
  g_autoptr(KlPainEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), position);

  if (entry != NULL)
    open_dialog (self, entry);
}

static void
fill_filters (KlJournalPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) factors = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);

  g_clear_pointer (&self->factor_names, g_ptr_array_unref);
  self->factor_names = kl_store_list_factors (self->store, &error);
  if (self->factor_names == NULL)
    {
      kl_window_report_error (GTK_WIDGET (self), error);
      self->factor_names = g_ptr_array_new_with_free_func (g_free);
    }

  self->filling = TRUE;
  gtk_string_list_append (factors, _("All factors"));
  for (guint i = 0; i < self->factor_names->len; i++)
    gtk_string_list_append (factors, kl_factor_get_label (g_ptr_array_index (self->factor_names, i)));
  gtk_drop_down_set_model (self->factor_dropdown, G_LIST_MODEL (factors));

  gtk_string_list_append (areas, _("All knots and areas"));
  for (guint i = 0; i < kl_body_regions_get_n (); i++)
    {
      g_autofree char *label = kl_body_region_dup_label (kl_body_regions_get (i));
      gtk_string_list_append (areas, label);
    }
  gtk_drop_down_set_model (self->area_dropdown, G_LIST_MODEL (areas));
  self->filling = FALSE;
}

/* The journal is read when the page shows, not before: at start-up the window's first frame
 * and the Body page come first, and years of history cost nothing until they are looked at. */
static void
refresh (KlJournalPage *self)
{
  guint factor = gtk_drop_down_get_selected (self->factor_dropdown);
  g_autoptr(GPtrArray) names = NULL;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  /* A check-in may have brought a factor of the user's own: offer it in the filter too. */
  names = kl_store_list_factors (self->store, NULL);
  if (names != NULL && names->len != self->factor_names->len)
    {
      fill_filters (self);
      self->filling = TRUE;
      gtk_drop_down_set_selected (self->factor_dropdown, factor);
      self->filling = FALSE;
    }

  filter_changed_cb (self);
  update_trend (self);
}

/* Reads the journal again, after check-ins came from elsewhere (an import). */
void
kl_journal_page_reload (KlJournalPage *self)
{
  g_return_if_fail (KL_IS_JOURNAL_PAGE (self));

  if (self->store != NULL)
    refresh (self);
}

gboolean
kl_journal_page_get_loading (KlJournalPage *self)
{
  g_return_val_if_fail (KL_IS_JOURNAL_PAGE (self), FALSE);

  return self->n_reading > 0;
}

void
kl_journal_page_set_store (KlJournalPage *self,
                           KlStore       *store)
{
  g_autoptr(GtkSelectionModel) selection = NULL;

  g_return_if_fail (KL_IS_JOURNAL_PAGE (self));
  g_return_if_fail (KL_IS_STORE (store));

  if (self->store == store)
    return;

  g_set_object (&self->store, store);
  self->history_read = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "loading");
  g_clear_object (&self->entries);
  self->entries = kl_entry_list_new (store);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries))));
  gtk_list_view_set_model (self->history_view, selection);

  /* The filters' lists too are filled on the first read. */
  g_ptr_array_set_size (self->factor_names, 0);
  refresh (self);
}

static void
kl_journal_page_map (GtkWidget *widget)
{
  KlJournalPage *self = KL_JOURNAL_PAGE (widget);

  GTK_WIDGET_CLASS (kl_journal_page_parent_class)->map (widget);

  if (self->stale && self->store != NULL)
    refresh (self);
}

static void
kl_journal_page_dispose (GObject *object)
{
  KlJournalPage *self = (KlJournalPage *)object;

  g_cancellable_cancel (self->trend_reading);
  if (self->history_view != NULL)
    gtk_list_view_set_model (self->history_view, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_JOURNAL_PAGE);

  G_OBJECT_CLASS (kl_journal_page_parent_class)->dispose (object);
}

static void
kl_journal_page_finalize (GObject *object)
{
  KlJournalPage *self = (KlJournalPage *)object;

  g_clear_object (&self->trend_reading);
  g_clear_object (&self->entries);
  g_clear_object (&self->store);
  g_clear_pointer (&self->factor_names, g_ptr_array_unref);
  g_clear_pointer (&self->insight_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (kl_journal_page_parent_class)->finalize (object);
}

static void
kl_journal_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KlJournalPage *self = KL_JOURNAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, kl_journal_page_get_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_journal_page_class_init (KlJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_journal_page_dispose;
  object_class->finalize = kl_journal_page_finalize;
  object_class->get_property = kl_journal_page_get_property;
  widget_class->map = kl_journal_page_map;

  /* TRUE while the history or the trend is being read; what tests and the bench wait for. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KL_TYPE_TREND_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/knotless/Knotless/kl-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlJournalPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KlJournalPage, sections);
  gtk_widget_class_bind_template_child (widget_class, KlJournalPage, period_box);
  gtk_widget_class_bind_template_child (widget_class, KlJournalPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KlJournalPage, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, KlJournalPage, insights_group);
  gtk_widget_class_bind_template_child (widget_class, KlJournalPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KlJournalPage, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KlJournalPage, factor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KlJournalPage, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KlJournalPage, history_stack);
  gtk_widget_class_bind_template_child (widget_class, KlJournalPage, history_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, history_activate_cb);
}

static void
kl_journal_page_init (KlJournalPage *self)
{
  g_autoptr(GtkStringList) range_names = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;
  GtkToggleButton *first = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->insight_rows = g_ptr_array_new ();
  self->factor_names = g_ptr_array_new_with_free_func (g_free);
  self->period_days = 30;

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(periods[i].label));

      g_object_set_data (G_OBJECT (button), "days", GUINT_TO_POINTER (periods[i].days));
      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      else
        first = GTK_TOGGLE_BUTTON (button);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), periods[i].days == 30);
      g_signal_connect_object (button, "toggled", G_CALLBACK (period_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->period_box, button);
    }

  gtk_string_list_append (range_names, _("All dates"));
  gtk_string_list_append (range_names, _("Last 7 days"));
  gtk_string_list_append (range_names, _("Last 30 days"));
  gtk_string_list_append (range_names, _("Last 90 days"));
  gtk_string_list_append (range_names, _("Last year"));
  gtk_drop_down_set_model (self->range_dropdown, G_LIST_MODEL (range_names));
  g_signal_connect_object (self->range_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->factor_dropdown, "notify::selected",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->area_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* Typing in the area list finds the area by its name. */
  gtk_drop_down_set_expression (self->area_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->history_view, factory);
  g_object_unref (factory);

  kl_trend_chart_set_y_label (self->trend_chart, _("Pain"));
}
