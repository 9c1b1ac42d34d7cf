/* kl-breaks-page.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-breaks-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kl-application.h"
#include "kl-break-timeline.h"
#include "kl-breaks-page.h"
#include "kl-reminder-service.h"
#include "kl-window.h"

struct _KlBreaksPage
{
  AdwBin                parent_instance;

  GtkStack             *stack;
  GtkLabel             *next_label;
  GtkLabel             *detail_label;
  GtkLabel             *desk_label;
  GtkLabel             *idle_label;
  GtkWidget            *pause_button;
  GtkWidget            *resume_button;
  GtkWidget            *waiting_box;
  GtkLabel             *waiting_label;
  GtkButton            *waiting_main_button;
  KlBreakTimeline      *timeline;
  GtkLabel             *counts_label;
  AdwPreferencesGroup  *reminders_group;
  AdwPreferencesGroup  *hours_group;

  KlStore              *store;
  KlReminderService    *service;
  gulong                changed_id;
  GPtrArray            *rows;           /* the rows of reminders_group, placeholder included */
  GtkWidget            *hour_rows[7];
  KlWorkingHours        hours;
  GPtrArray            *routines;       /* KlRoutine, the built-in ones a reminder may offer */

  GTimeSpan             rest_today;     /* taken and natural breaks, from the store */
  gint64                waiting_id;     /* the reminder waiting_box answers, or 0 */
  guint                 tick_id;
  gboolean              stale;
};

G_DEFINE_FINAL_TYPE (KlBreaksPage, kl_breaks_page, ADW_TYPE_BIN)

static const char * const day_names[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
  N_("Sunday"),
};

GtkWidget *
kl_breaks_page_new (void)
{
  return g_object_new (KL_TYPE_BREAKS_PAGE, NULL);
}

static KlApplication *
get_application (KlBreaksPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                             : NULL;

  return KL_IS_APPLICATION (app) ? KL_APPLICATION (app) : NULL;
}

static void
toast (KlBreaksPage *self,
       AdwToast     *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (KL_IS_WINDOW (root))
    kl_window_add_toast (KL_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
say (KlBreaksPage *self,
     const char   *message)
{
  toast (self, adw_toast_new (message));
}

static const char *
kind_name (KlReminderKind kind)
{
  switch (kind)
    {
    case KL_REMINDER_KIND_MICRO_BREAK:
      return _("Micro-break");
    case KL_REMINDER_KIND_STRETCH_BREAK:
      return _("Stretch break");
    case KL_REMINDER_KIND_ROUTINE:
      return _("Routine");
    case KL_REMINDER_KIND_CHECK_IN:
      return _("Check-in");
    case KL_REMINDER_KIND_HYDRATION:
      return _("Hydration");
    default:
      g_assert_not_reached ();
    }
}

static char *
format_instant (gint64 at,
                gint64 now)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (at / G_USEC_PER_SEC);
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now / G_USEC_PER_SEC);

  if (g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (today) &&
      g_date_time_get_year (when) == g_date_time_get_year (today))
    return g_date_time_format (when, "%H:%M");

  /* Translators: a day and time ahead, as in "Mon 09:00"; see g_date_time_format () */
  return g_date_time_format (when, _("%a %H:%M"));
}

static char *
format_span (GTimeSpan span)
{
  gint64 minutes = span / G_TIME_SPAN_MINUTE;

  if (minutes < 1)
    return g_strdup (_("less than a minute"));
  if (minutes < 60)
    return g_strdup_printf (_("%d\u00a0min"), (int) minutes);

  /* Translators: hours and minutes of desk time, as in "2 h 05 min" */
  return g_strdup_printf (_("%d\u00a0h %02d\u00a0min"), (int) (minutes / 60), (int) (minutes % 60));
}

/* Whether @now falls within the working hours of its day. */
static gboolean
in_working_hours (KlBreaksPage *self,
                  gint64        now)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (now / G_USEC_PER_SEC);
  const KlWorkingDay *day = &self->hours.days[g_date_time_get_day_of_week (local) - 1];
  int minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);

  return minute >= day->start && minute < day->end;
}

/* A reminder shown and not answered yet, with its answers. */
static void
update_waiting (KlBreaksPage *self)
{
  KlReminder *waiting = self->service != NULL ? kl_reminder_service_get_waiting (self->service)
                                              : NULL;
  g_autofree char *body = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;
  const char *label = NULL;

  self->waiting_id = waiting != NULL ? kl_reminder_get_id (waiting) : 0;
  gtk_widget_set_visible (self->waiting_box, waiting != NULL);
  if (waiting == NULL)
    return;

  summary = kl_reminder_service_describe (waiting, &body);
  kl_reminder_service_main_answer (waiting, &label);
  text = body != NULL && *body != '\0'
         ? g_markup_printf_escaped ("<b>%s</b>\n%s", summary, body)
         : g_markup_printf_escaped ("<b>%s</b>", summary);
  /* Set only when changed: this runs every second, and a label set again is laid out again. */
  if (g_strcmp0 (gtk_label_get_label (self->waiting_label), text) != 0)
    gtk_label_set_label (self->waiting_label, text);
  if (g_strcmp0 (gtk_button_get_label (self->waiting_main_button), label) != 0)
    gtk_button_set_label (self->waiting_main_button, label);
}

static void
answer_waiting (KlBreaksPage *self,
                const char   *answer)
{
  if (self->service == NULL || self->waiting_id == 0)
    return;

  /* The service stores the outcome, withdraws the notification and says "changed". */
  kl_reminder_service_answer (self->service, self->waiting_id, answer);
}

static void
waiting_main_clicked_cb (KlBreaksPage *self)
{
  KlReminder *waiting = self->service != NULL
                        ? kl_reminder_service_get_reminder (self->service, self->waiting_id)
                        : NULL;

  if (waiting != NULL)
    answer_waiting (self, kl_reminder_service_main_answer (waiting, NULL));
}

static void
waiting_snooze_clicked_cb (KlBreaksPage *self)
{
  answer_waiting (self, "snooze");
}

static void
waiting_skip_clicked_cb (KlBreaksPage *self)
{
  answer_waiting (self, "skip");
}

/* The next reminder and the desk time: every second while the page shows. */
static void
update_countdown (KlBreaksPage *self)
{
  gint64 now = g_get_real_time ();
  gint64 paused_until = 0, at = 0;
  KlReminder *next = NULL;
  g_autofree char *main_text = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *desk = NULL;
  g_autofree char *desk_text = NULL;

  if (self->service != NULL)
    paused_until = kl_reminder_service_get_paused_until (self->service);
  if (paused_until <= now)
    paused_until = 0;

  if (self->service == NULL || !kl_reminder_service_has_enabled (self->service))
    {
      main_text = g_strdup (_("No reminders on"));
      detail = g_strdup (_("Turn one on below, or add one."));
    }
  else if (paused_until != 0)
    {
      g_autofree char *until = format_instant (paused_until, now);

      /* Translators: %s is a time, or a day and time */
      main_text = g_strdup_printf (_("Paused until %s"), until);
      detail = g_strdup (_("Reminders that come due meanwhile are shown once when the pause "
                           "ends."));
    }
  else if (!kl_reminder_service_get_next (self->service, &next, &at))
    {
      if (kl_reminder_service_get_away (self->service))
        {
          main_text = g_strdup (_("Away from the desk"));
          detail = g_strdup (_("Break timers wait until you are back."));
        }
      else
        {
          KlReminder *waiting = kl_reminder_service_get_waiting (self->service);

          /* The card below asks what became of it. */
          if (waiting != NULL)
            /* Translators: %s is a kind of reminder, as in "Micro-break is due now" */
            main_text = g_strdup_printf (_("%s is due now"),
                                         kind_name (kl_reminder_get_kind (waiting)));
          else
            main_text = g_strdup (_("No reminder due"));
        }
    }
  else
    {
      const char *name = kind_name (kl_reminder_get_kind (next));
      GTimeSpan left = at - now;

      if (kl_reminder_is_interval (next) && !in_working_hours (self, now))
        {
          g_autofree char *when = format_instant (at, now);

          /* Translators: %s is a time, or a day and time */
          main_text = g_strdup_printf (_("Outside working hours — next at %s"), when);
          detail = g_strdup (name);
        }
      else if (left <= 0)
        {
          /* Translators: %s is a kind of reminder, as in "Micro-break is due now" */
          main_text = g_strdup_printf (_("%s is due now"), name);
        }
      else if (left < G_TIME_SPAN_HOUR)
        {
          gint64 seconds = (left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

          /* Translators: a reminder and minutes:seconds, as in "Micro-break in 12:34" */
          main_text = g_strdup_printf (_("%s in %d:%02d"), name, (int) (seconds / 60),
                                       (int) (seconds % 60));
        }
      else if (kl_reminder_is_interval (next))
        {
          g_autofree char *span = format_span (left);

          /* Translators: a reminder and a span, as in "Stretch break in 1 h 05 min" */
          main_text = g_strdup_printf (_("%s in %s"), name, span);
        }
      else
        {
          g_autofree char *when = format_instant (at, now);

          /* Translators: a reminder and a time, as in "Routine at 21:00" */
          main_text = g_strdup_printf (_("%s at %s"), name, when);
        }

      if (detail == NULL && kl_reminder_is_interval (next))
        detail = g_strdup (kl_reminder_service_get_idle_backend (self->service) !=
                           KL_IDLE_BACKEND_NONE
                           ? _("Counted in desk time: the timer waits while you are away.")
                           : _("Counted in clock time."));
    }

  gtk_label_set_label (self->next_label, main_text);
  gtk_label_set_label (self->detail_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL);

  desk = format_span (self->service != NULL ? kl_reminder_service_get_active_today (self->service)
                                            : 0);
  if (self->rest_today > 0)
    {
      g_autofree char *rest = format_span (self->rest_today);

      /* Translators: both are spans such as "2 h 05 min" */
      desk_text = g_strdup_printf (_("Desk time today: %s · breaks: %s"), desk, rest);
    }
  else
    /* Translators: %s is a span such as "2 h 05 min" */
    desk_text = g_strdup_printf (_("Desk time today: %s"), desk);
  gtk_label_set_label (self->desk_label, desk_text);

  gtk_widget_set_visible (GTK_WIDGET (self->idle_label),
                          self->service != NULL &&
                          kl_reminder_service_get_idle_backend (self->service) ==
                          KL_IDLE_BACKEND_NONE);
  update_waiting (self);
  gtk_widget_set_visible (self->resume_button, paused_until != 0);
  /* Nothing to pause while every reminder is off. */
  gtk_widget_set_visible (self->pause_button,
                          paused_until == 0 && self->service != NULL &&
                          kl_reminder_service_has_enabled (self->service));
}

static gboolean
tick_cb (gpointer user_data)
{
  update_countdown (user_data);
  return G_SOURCE_CONTINUE;
}

/* Today's breaks, from the store. */
static void
update_today (KlBreaksPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now),
                                                         g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now),
                                                         0, 0, 0);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (midnight, 1);
  g_autoptr(GArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  KlBreakSummary summary = { { 0 }, 0 };
  const KlWorkingDay *day = &self->hours.days[g_date_time_get_day_of_week (now) - 1];
  guint start = day->start, end = day->end;

  events = kl_store_list_break_events (self->store, midnight, tomorrow, &error);
  if (events == NULL || !kl_store_summarize_breaks (self->store, now, &summary, &error))
    {
      gtk_label_set_label (self->counts_label, error->message);
      return;
    }

  /* A day off shows the usual day, stretched to fit the breaks there were. */
  if (start >= end)
    {
      start = 9 * 60;
      end = 17 * 60 + 30;
    }
  kl_break_timeline_set_events (self->timeline, events, start, end,
                                g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now));

  /* Translators: the day's breaks counted */
  counts = g_strdup_printf (_("%u taken · %u natural · %u snoozed · %u skipped"),
                            summary.counts[KL_BREAK_OUTCOME_TAKEN],
                            summary.counts[KL_BREAK_OUTCOME_NATURAL],
                            summary.counts[KL_BREAK_OUTCOME_SNOOZED],
                            summary.counts[KL_BREAK_OUTCOME_SKIPPED]);
  gtk_label_set_label (self->counts_label, counts);
  self->rest_today = summary.rest;
  update_countdown (self);
}

static void
service_changed_cb (KlBreaksPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->store == NULL)
    {
      self->stale = TRUE;
      return;
    }

  update_today (self);
}

/* The application starts a new service when the store is opened again: follow it. */
static void
follow_service (KlBreaksPage *self)
{
  KlApplication *app = get_application (self);
  KlReminderService *service = app != NULL ? kl_application_get_reminders (app) : NULL;

  if (service == self->service)
    return;

  if (self->service != NULL)
    g_clear_signal_handler (&self->changed_id, self->service);
  g_set_object (&self->service, service);
  if (service != NULL)
    self->changed_id = g_signal_connect_object (service, "changed",
                                                G_CALLBACK (service_changed_cb), self,
                                                G_CONNECT_SWAPPED);
}

/* After an edit: the service reads the reminders again, and the page shows what it says. */
static void
reload_service (KlBreaksPage *self)
{
  KlApplication *app = get_application (self);

  if (app != NULL)
    kl_application_reload_reminders (app);
  follow_service (self);
  update_countdown (self);
}

static void rebuild_reminders (KlBreaksPage *self,
                               gint64        expand_id);

static void
mark_error (GtkWidget *row,
            gboolean   bad)
{
  if (bad)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

/* A value the page will not store: the field marked, the reason said. */
static void
refuse (KlBreaksPage *self,
        GtkWidget    *field,
        const char   *message)
{
  mark_error (field, TRUE);
  say (self, message);
}

static char *
describe_schedule (KlBreaksPage *self,
                   KlReminder   *reminder)
{
  if (kl_reminder_is_interval (reminder))
    {
      g_autofree char *every = kl_reminder_format_duration (kl_reminder_get_every (reminder));

      /* Translators: %s is a duration such as 20m */
      return g_strdup_printf (_("Every %s of desk time"), every);
    }
  else
    {
      g_autofree char *at = kl_reminder_format_time ((guint) kl_reminder_get_at (reminder));
      g_autofree char *days = kl_reminder_format_days (kl_reminder_get_days (reminder));
      const char *slug = kl_reminder_get_routine (reminder);

      for (guint i = 0; slug != NULL && self->routines != NULL && i < self->routines->len; i++)
        if (g_str_equal (kl_routine_get_slug (g_ptr_array_index (self->routines, i)), slug))
          /* Translators: a time, days such as "weekdays", and a routine's name */
          return g_strdup_printf (_("At %s, %s · %s"), at, days,
                                  kl_routine_get_name (g_ptr_array_index (self->routines, i)));

      /* Translators: a time and days such as "weekdays" */
      return g_strdup_printf (_("At %s, %s"), at, days);
    }
}

/* Stores @reminder as edited; on failure reads it back as it was. */
static gboolean
save_reminder (KlBreaksPage *self,
               KlReminder   *reminder,
               GtkWidget    *field)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *expander = gtk_widget_get_ancestor (field, ADW_TYPE_EXPANDER_ROW);

  if (!kl_store_update_reminder (self->store, reminder, &error))
    {
      g_autoptr(KlReminder) stored = kl_store_get_reminder (self->store,
                                                            kl_reminder_get_id (reminder), NULL);

      /* The page's copy goes back to what is stored; the field keeps what was typed, marked. */
      if (stored != NULL)
        {
          if (kl_reminder_is_interval (stored))
            kl_reminder_set_every (reminder, kl_reminder_get_every (stored));
          else
            kl_reminder_set_at (reminder, (guint) kl_reminder_get_at (stored));
          kl_reminder_set_days (reminder, kl_reminder_get_days (stored));
          kl_reminder_set_break_length (reminder, kl_reminder_get_break_length (stored));
          kl_reminder_set_routine (reminder, kl_reminder_get_routine (stored));
          kl_reminder_set_enabled (reminder, kl_reminder_get_enabled (stored));
        }
      refuse (self, field, error->message);
      return FALSE;
    }

  mark_error (field, FALSE);
  if (expander != NULL)
    {
      g_autofree char *subtitle = describe_schedule (self, reminder);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
    }
  reload_service (self);
  return TRUE;
}

static void
every_apply_cb (AdwEntryRow  *row,
                KlBreaksPage *self)
{
  KlReminder *reminder = g_object_get_data (G_OBJECT (row), "reminder");
  g_autoptr(GError) error = NULL;
  guint seconds;

  if (!kl_reminder_parse_duration (gtk_editable_get_text (GTK_EDITABLE (row)), &seconds, &error))
    {
      refuse (self, GTK_WIDGET (row), error->message);
      return;
    }

  kl_reminder_set_every (reminder, seconds);
  save_reminder (self, reminder, GTK_WIDGET (row));
}

static void
length_apply_cb (AdwEntryRow  *row,
                 KlBreaksPage *self)
{
  KlReminder *reminder = g_object_get_data (G_OBJECT (row), "reminder");
  g_autoptr(GError) error = NULL;
  guint seconds;

  if (!kl_reminder_parse_duration (gtk_editable_get_text (GTK_EDITABLE (row)), &seconds, &error))
    {
      refuse (self, GTK_WIDGET (row), error->message);
      return;
    }
  if (seconds > KL_REMINDER_MAX_BREAK)
    {
      g_autofree char *max = kl_reminder_format_duration (KL_REMINDER_MAX_BREAK);
      g_autofree char *message = NULL;

      /* Translators: the first %s is what was typed, the second a duration such as 1h */
      message = g_strdup_printf (_("“%s” is too long for a break: at most %s"),
                                 gtk_editable_get_text (GTK_EDITABLE (row)), max);
      refuse (self, GTK_WIDGET (row), message);
      return;
    }

  kl_reminder_set_break_length (reminder, seconds);
  save_reminder (self, reminder, GTK_WIDGET (row));
}

static void
at_apply_cb (AdwEntryRow  *row,
             KlBreaksPage *self)
{
  KlReminder *reminder = g_object_get_data (G_OBJECT (row), "reminder");
  g_autoptr(GError) error = NULL;
  guint minute;

  if (!kl_reminder_parse_time (gtk_editable_get_text (GTK_EDITABLE (row)), &minute, &error))
    {
      refuse (self, GTK_WIDGET (row), error->message);
      return;
    }

  kl_reminder_set_at (reminder, minute);
  save_reminder (self, reminder, GTK_WIDGET (row));
}

static void
days_apply_cb (AdwEntryRow  *row,
               KlBreaksPage *self)
{
  KlReminder *reminder = g_object_get_data (G_OBJECT (row), "reminder");
  g_autoptr(GError) error = NULL;
  KlWeekdays days;

  if (!kl_reminder_parse_days (gtk_editable_get_text (GTK_EDITABLE (row)), &days, &error))
    {
      refuse (self, GTK_WIDGET (row), error->message);
      return;
    }

  kl_reminder_set_days (reminder, days);
  if (save_reminder (self, reminder, GTK_WIDGET (row)))
    {
      g_autofree char *text = kl_reminder_format_days (days);
      gtk_editable_set_text (GTK_EDITABLE (row), text);
    }
}

static void
routine_selected_cb (AdwComboRow  *row,
                     GParamSpec   *pspec,
                     KlBreaksPage *self)
{
  KlReminder *reminder = g_object_get_data (G_OBJECT (row), "reminder");
  guint selected = adw_combo_row_get_selected (row);
  KlRoutine *routine;

  if (reminder == NULL || self->routines == NULL || selected >= self->routines->len)
    return;

  routine = g_ptr_array_index (self->routines, selected);
  if (g_strcmp0 (kl_reminder_get_routine (reminder), kl_routine_get_slug (routine)) == 0)
    return;

  kl_reminder_set_routine (reminder, kl_routine_get_slug (routine));
  save_reminder (self, reminder, GTK_WIDGET (row));
}

static void
enabled_cb (GtkSwitch    *toggle,
            GParamSpec   *pspec,
            KlBreaksPage *self)
{
  KlReminder *reminder = g_object_get_data (G_OBJECT (toggle), "reminder");
  gboolean enabled = gtk_switch_get_active (toggle);
  g_autoptr(GError) error = NULL;

  if (enabled == kl_reminder_get_enabled (reminder))
    return;

  if (!kl_store_set_reminder_enabled (self->store, reminder, enabled, &error))
    {
      say (self, error->message);
      g_signal_handlers_block_by_func (toggle, enabled_cb, self);
      gtk_switch_set_active (toggle, !enabled);
      g_signal_handlers_unblock_by_func (toggle, enabled_cb, self);
      return;
    }

  kl_reminder_set_enabled (reminder, enabled);
  reload_service (self);
}

static void
undo_remove_cb (AdwToast     *toast,
                KlBreaksPage *self)
{
  KlReminder *reminder = g_object_get_data (G_OBJECT (toast), "reminder");
  GArray *event_ids = g_object_get_data (G_OBJECT (toast), "event-ids");
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!kl_store_restore_reminder (self->store, reminder, event_ids, &error))
    {
      say (self, error->message);
      return;
    }

  rebuild_reminders (self, 0);
  reload_service (self);
}

static void
remove_clicked_cb (GtkButton    *button,
                   KlBreaksPage *self)
{
  g_autoptr(KlReminder) reminder = g_object_ref (g_object_get_data (G_OBJECT (button),
                                                                    "reminder"));
  g_autoptr(GArray) event_ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *undo;

  if (!kl_store_remove_reminder (self->store, reminder, &event_ids, &error))
    {
      say (self, error->message);
      return;
    }

  /* Translators: %s is a kind of reminder, such as Micro-break */
  message = g_strdup_printf (_("Removed the reminder “%s”"),
                             kind_name (kl_reminder_get_kind (reminder)));
  undo = adw_toast_new (message);
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_priority (undo, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (undo), "reminder", g_steal_pointer (&reminder),
                          g_object_unref);
  if (event_ids != NULL)
    g_object_set_data_full (G_OBJECT (undo), "event-ids", g_steal_pointer (&event_ids),
                            (GDestroyNotify) g_array_unref);
  g_signal_connect_object (undo, "button-clicked", G_CALLBACK (undo_remove_cb), self, 0);

  rebuild_reminders (self, 0);
  reload_service (self);
  toast (self, undo);
}

static GtkWidget *
new_entry_row (KlReminder   *reminder,
               const char   *title,
               const char   *text,
               GCallback     apply,
               KlBreaksPage *self)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_object_set_data_full (G_OBJECT (row), "reminder", g_object_ref (reminder), g_object_unref);
  g_signal_connect_object (row, "apply", apply, self, 0);

  return row;
}

static GtkWidget *
new_reminder_row (KlBreaksPage *self,
                  KlReminder   *reminder)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  GtkWidget *remove_row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove"));
  const char *name = kind_name (kl_reminder_get_kind (reminder));
  g_autofree char *subtitle = describe_schedule (self, reminder);
  g_autofree char *switch_label = NULL;
  g_autofree char *remove_label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), kl_reminder_get_enabled (reminder));
  /* Translators: the accessible name of a reminder's on/off switch, as in "Micro-break on" */
  switch_label = g_strdup_printf (_("%s on"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  switch_label, -1);
  g_object_set_data_full (G_OBJECT (toggle), "reminder", g_object_ref (reminder), g_object_unref);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (enabled_cb), self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), toggle);

  if (kl_reminder_is_interval (reminder))
    {
      g_autofree char *every = kl_reminder_format_duration (kl_reminder_get_every (reminder));
      guint length = kl_reminder_get_break_length (reminder);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                new_entry_row (reminder, _("Every (desk time, like 20m or 1h30m)"),
                                               every, G_CALLBACK (every_apply_cb), self));
      if (length > 0)
        {
          g_autofree char *text = kl_reminder_format_duration (length);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                    new_entry_row (reminder, _("Break length"), text,
                                                   G_CALLBACK (length_apply_cb), self));
        }
    }
  else
    {
      g_autofree char *at = kl_reminder_format_time ((guint) kl_reminder_get_at (reminder));
      g_autofree char *days = kl_reminder_format_days (kl_reminder_get_days (reminder));

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                new_entry_row (reminder, _("At (HH:MM)"), at,
                                               G_CALLBACK (at_apply_cb), self));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                new_entry_row (reminder,
                                               _("Days (like weekdays, daily or mon,wed,fri)"),
                                               days, G_CALLBACK (days_apply_cb), self));
    }

  if (kl_reminder_get_kind (reminder) == KL_REMINDER_KIND_ROUTINE && self->routines != NULL)
    {
      GtkWidget *combo = adw_combo_row_new ();
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      guint selected = GTK_INVALID_LIST_POSITION;

      for (guint i = 0; i < self->routines->len; i++)
        {
          KlRoutine *routine = g_ptr_array_index (self->routines, i);

          gtk_string_list_append (names, kl_routine_get_name (routine));
          if (g_strcmp0 (kl_routine_get_slug (routine), kl_reminder_get_routine (reminder)) == 0)
            selected = i;
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Routine"));
      adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (names));
      adw_combo_row_set_selected (ADW_COMBO_ROW (combo), selected);
      g_object_set_data_full (G_OBJECT (combo), "reminder", g_object_ref (reminder),
                              g_object_unref);
      g_signal_connect_object (combo, "notify::selected", G_CALLBACK (routine_selected_cb),
                               self, 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), combo);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Remove this reminder"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "destructive-action");
  /* Translators: the accessible name of a reminder's Remove button, as in "Remove Micro-break" */
  remove_label = g_strdup_printf (_("Remove %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  g_object_set_data_full (G_OBJECT (remove), "reminder", g_object_ref (reminder), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove_row);

  return row;
}

/* The reminders' rows, read again from the store; @expand_id (0 for none) opens its row. */
static void
rebuild_reminders (KlBreaksPage *self,
                   gint64        expand_id)
{
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->reminders_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  reminders = kl_store_list_reminders (self->store, &error);
  if (reminders == NULL || reminders->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     reminders == NULL ? error->message : _("No reminders"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add a micro-break to rest your eyes every 20 minutes."));
      adw_preferences_group_add (self->reminders_group, row);
      g_ptr_array_add (self->rows, row);
      return;
    }

  for (guint i = 0; i < reminders->len; i++)
    {
      KlReminder *reminder = g_ptr_array_index (reminders, i);
      GtkWidget *row = new_reminder_row (self, reminder);

      adw_preferences_group_add (self->reminders_group, row);
      g_ptr_array_add (self->rows, row);
      if (kl_reminder_get_id (reminder) == expand_id)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    }
}

static char *
format_working_day (const KlWorkingDay *day)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (day->start >= day->end)
    return g_strdup ("");

  start = kl_reminder_format_time (day->start);
  end = day->end >= KL_REMINDER_MINUTES_PER_DAY ? g_strdup ("24:00")
                                                 : kl_reminder_format_time (day->end);
  return g_strdup_printf ("%s–%s", start, end);
}

/* "09:00–17:30", "9:00-17:30", or nothing for a day off. */
static gboolean
parse_working_day (const char    *text,
                   KlWorkingDay  *out_day,
                   GError       **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_auto(GStrv) parts = NULL;
  guint start, end;

  if (copy[0] == '\0')
    {
      out_day->start = out_day->end = 0;
      return TRUE;
    }

  parts = g_strsplit_set (copy, "-", 2);
  if (g_strv_length (parts) != 2)
    {
      g_strfreev (parts);
      parts = g_strsplit (copy, "–", 2);
    }
  if (g_strv_length (parts) == 2)
    {
      g_strstrip (parts[0]);
      g_strstrip (parts[1]);
    }

  if (g_strv_length (parts) != 2 ||
      !kl_reminder_parse_time (parts[0], &start, NULL) ||
      (!g_str_equal (parts[1], "24:00") && !kl_reminder_parse_time (parts[1], &end, NULL)))
    {
      g_set_error (error, KL_REMINDER_ERROR, KL_REMINDER_ERROR_TIME,
                   /* Translators: %s is what was typed */
                   _("“%s” is not working hours: write them like 09:00–17:30, or leave "
                     "the day empty for a day off"), copy);
      return FALSE;
    }
  if (g_str_equal (parts[1], "24:00"))
    end = KL_REMINDER_MINUTES_PER_DAY;

  if (end <= start)
    {
      g_set_error (error, KL_REMINDER_ERROR, KL_REMINDER_ERROR_TIME,
                   /* Translators: %s is what was typed */
                   _("“%s” ends before it starts: a night shift is two days, one until 24:00 "
                     "and the next from 00:00"), copy);
      return FALSE;
    }

  out_day->start = start;
  out_day->end = end;
  return TRUE;
}

static void
hours_apply_cb (AdwEntryRow  *row,
                KlBreaksPage *self)
{
  guint day = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "day"));
  KlWorkingHours hours = self->hours;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!parse_working_day (gtk_editable_get_text (GTK_EDITABLE (row)), &hours.days[day], &error) ||
      !kl_store_set_working_hours (self->store, &hours, &error))
    {
      refuse (self, GTK_WIDGET (row), error->message);
      return;
    }

  mark_error (GTK_WIDGET (row), FALSE);
  self->hours = hours;
  text = format_working_day (&hours.days[day]);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  reload_service (self);
  update_today (self);
}

static void
fill_hours (KlBreaksPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!kl_store_get_working_hours (self->store, &self->hours, &error))
    {
      say (self, error->message);
      kl_working_hours_init_default (&self->hours);
    }

  for (guint i = 0; i < G_N_ELEMENTS (self->hour_rows); i++)
    {
      g_autofree char *text = format_working_day (&self->hours.days[i]);

      gtk_editable_set_text (GTK_EDITABLE (self->hour_rows[i]), text);
      mark_error (self->hour_rows[i], FALSE);
    }
}

/* Everything read again: when the page first shows, and after the store changed. */
static void
load (KlBreaksPage *self)
{
  g_autoptr(GPtrArray) routines = NULL;

  self->stale = FALSE;
  follow_service (self);

  g_clear_pointer (&self->routines, g_ptr_array_unref);
  routines = kl_store_list_routines (self->store, NULL);
  self->routines = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; routines != NULL && i < routines->len; i++)
    if (kl_routine_is_builtin_slug (kl_routine_get_slug (g_ptr_array_index (routines, i))))
      g_ptr_array_add (self->routines, g_object_ref (g_ptr_array_index (routines, i)));

  fill_hours (self);
  rebuild_reminders (self, 0);
  update_today (self);
  gtk_stack_set_visible_child_name (self->stack, "breaks");
}

void
kl_breaks_page_set_store (KlBreaksPage *self,
                          KlStore      *store)
{
  g_return_if_fail (KL_IS_BREAKS_PAGE (self));
  g_return_if_fail (KL_IS_STORE (store));

  g_set_object (&self->store, store);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  /* Read when the page shows, not at start-up. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  else
    self->stale = TRUE;
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KlBreaksPage *self = KL_BREAKS_PAGE (widget);
  const char *how = g_variant_get_string (parameter, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (g_str_equal (how, "30m"))
    until = g_date_time_add_minutes (now, 30);
  else if (g_str_equal (how, "1h"))
    until = g_date_time_add_hours (now, 1);
  else
    {
      g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now),
                                                             g_date_time_get_month (now),
                                                             g_date_time_get_day_of_month (now),
                                                             0, 0, 0);
      until = g_date_time_add_days (midnight, 1);
    }

  if (!kl_store_set_paused_until (self->store, g_date_time_to_unix (until) * G_USEC_PER_SEC,
                                  &error))
    {
      say (self, error->message);
      return;
    }
  reload_service (self);
}

static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlBreaksPage *self = KL_BREAKS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!kl_store_set_paused_until (self->store, 0, &error))
    {
      say (self, error->message);
      return;
    }
  reload_service (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KlBreaksPage *self = KL_BREAKS_PAGE (widget);
  g_autoptr(KlReminder) reminder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  KlReminderKind kind;

  if (self->store == NULL ||
      !kl_reminder_kind_from_string (g_variant_get_string (parameter, NULL), &kind, &error))
    return;

  reminder = kl_reminder_new (kind);
  if (kind == KL_REMINDER_KIND_ROUTINE && self->routines != NULL && self->routines->len > 0)
    {
      const char *slug = "upper-trapezius-ball";

      if (!kl_routine_is_builtin_slug (slug))
        slug = kl_routine_get_slug (g_ptr_array_index (self->routines, 0));
      kl_reminder_set_routine (reminder, slug);
    }

  if (!kl_store_add_reminder (self->store, reminder, &error))
    {
      say (self, error->message);
      return;
    }

  rebuild_reminders (self, kl_reminder_get_id (reminder));
  reload_service (self);
  /* Translators: %s is a kind of reminder, such as Micro-break */
  message = g_strdup_printf (_("Added a reminder: %s"), kind_name (kind));
  say (self, message);
}

static void
kl_breaks_page_map (GtkWidget *widget)
{
  KlBreaksPage *self = KL_BREAKS_PAGE (widget);

  GTK_WIDGET_CLASS (kl_breaks_page_parent_class)->map (widget);

  if (self->store == NULL)
    return;

  if (self->stale)
    load (self);
  else
    {
      follow_service (self);
      update_today (self);
    }

  /* The countdown runs only while it can be seen. */
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
}

static void
kl_breaks_page_unmap (GtkWidget *widget)
{
  KlBreaksPage *self = KL_BREAKS_PAGE (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (kl_breaks_page_parent_class)->unmap (widget);
}

static void
kl_breaks_page_dispose (GObject *object)
{
  KlBreaksPage *self = KL_BREAKS_PAGE (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->service != NULL)
    g_clear_signal_handler (&self->changed_id, self->service);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_BREAKS_PAGE);

  G_OBJECT_CLASS (kl_breaks_page_parent_class)->dispose (object);
}

static void
kl_breaks_page_finalize (GObject *object)
{
  KlBreaksPage *self = KL_BREAKS_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->routines, g_ptr_array_unref);
  g_clear_object (&self->service);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_breaks_page_parent_class)->finalize (object);
}

static void
kl_breaks_page_class_init (KlBreaksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_breaks_page_dispose;
  object_class->finalize = kl_breaks_page_finalize;
  widget_class->map = kl_breaks_page_map;
  widget_class->unmap = kl_breaks_page_unmap;

  g_type_ensure (KL_TYPE_BREAK_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/knotless/Knotless/kl-breaks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlBreaksPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KlBreaksPage, next_label);
  gtk_widget_class_bind_template_child (widget_class, KlBreaksPage, detail_label);
  gtk_widget_class_bind_template_child (widget_class, KlBreaksPage, desk_label);
  gtk_widget_class_bind_template_child (widget_class, KlBreaksPage, idle_label);
  gtk_widget_class_bind_template_child (widget_class, KlBreaksPage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, KlBreaksPage, resume_button);
  gtk_widget_class_bind_template_child (widget_class, KlBreaksPage, waiting_box);
  gtk_widget_class_bind_template_child (widget_class, KlBreaksPage, waiting_label);
  gtk_widget_class_bind_template_child (widget_class, KlBreaksPage, waiting_main_button);
  gtk_widget_class_bind_template_callback (widget_class, waiting_main_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, waiting_snooze_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, waiting_skip_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, KlBreaksPage, timeline);
  gtk_widget_class_bind_template_child (widget_class, KlBreaksPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, KlBreaksPage, reminders_group);
  gtk_widget_class_bind_template_child (widget_class, KlBreaksPage, hours_group);

  gtk_widget_class_install_action (widget_class, "breaks.pause", "s", pause_action);
  gtk_widget_class_install_action (widget_class, "breaks.resume", NULL, resume_action);
  gtk_widget_class_install_action (widget_class, "breaks.add", "s", add_action);
}

static void
kl_breaks_page_init (KlBreaksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  kl_working_hours_init_default (&self->hours);

  for (guint i = 0; i < G_N_ELEMENTS (self->hour_rows); i++)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(day_names[i]));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "day", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "apply", G_CALLBACK (hours_apply_cb), self, 0);
      adw_preferences_group_add (self->hours_group, row);
      self->hour_rows[i] = row;
    }
}
