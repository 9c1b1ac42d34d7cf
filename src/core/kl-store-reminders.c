/* kl-store-reminders.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-store"

#include "config.h"

#include <glib/gi18n.h>

#include "kl-core-enums.h"
#include "kl-reminder-private.h"
#include "kl-routine.h"
#include "kl-store-private.h"

#define REMINDER_COLUMNS "id, kind, enabled, every_s, at_min, days, routine, break_length_s"

static KlReminder *
reminder_from_row (sqlite3_stmt *stmt)
{
  KlReminderKind kind = KL_REMINDER_KIND_MICRO_BREAK;
  KlReminder *reminder;

  /* The schema's CHECK allows only the kinds there are. */
  if (!kl_reminder_kind_from_string ((const char *)sqlite3_column_text (stmt, 1), &kind, NULL))
    g_assert_not_reached ();

  reminder = kl_reminder_new (kind);
  _kl_reminder_set_id (reminder, sqlite3_column_int64 (stmt, 0));
  kl_reminder_set_enabled (reminder, sqlite3_column_int (stmt, 2));
  if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
    kl_reminder_set_every (reminder, sqlite3_column_int (stmt, 3));
  else
    kl_reminder_set_at (reminder, sqlite3_column_int (stmt, 4));
  kl_reminder_set_days (reminder, sqlite3_column_int (stmt, 5));
  kl_reminder_set_routine (reminder, (const char *)sqlite3_column_text (stmt, 6));
  kl_reminder_set_break_length (reminder, sqlite3_column_int (stmt, 7));

  return reminder;
}

/* The schema checks the shape too; checking first gives a message that says what is wrong. The
 * routine must be one Knotless has: the built-in ones, for now the only ones there are. */
static gboolean
validate_reminder (KlReminder  *reminder,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(KlRoutine) routine = NULL;
  const char *slug;

  if (!kl_reminder_validate (reminder, &local_error))
    {
      g_set_error_literal (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID, local_error->message);
      return FALSE;
    }

  slug = kl_reminder_get_routine (reminder);
  if (slug != NULL && !(routine = kl_routine_load_builtin (slug, &local_error)))
    {
      if (g_error_matches (local_error, KL_ROUTINE_ERROR, KL_ROUTINE_ERROR_MISSING))
        g_set_error_literal (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                             local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* The reminder's fields, as @first … @first + 6: kind, enabled, every_s, at_min, days,
 * routine, break_length_s. */
static void
bind_reminder_fields (sqlite3_stmt *stmt,
                      KlReminder   *reminder,
                      int           first)
{
  sqlite3_bind_text (stmt, first, kl_reminder_kind_to_string (kl_reminder_get_kind (reminder)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, first + 1, kl_reminder_get_enabled (reminder));
  if (kl_reminder_is_interval (reminder))
    {
      sqlite3_bind_int (stmt, first + 2, kl_reminder_get_every (reminder));
      sqlite3_bind_null (stmt, first + 3);
    }
  else
    {
      sqlite3_bind_null (stmt, first + 2);
      sqlite3_bind_int (stmt, first + 3, kl_reminder_get_at (reminder));
    }
  sqlite3_bind_int (stmt, first + 4, kl_reminder_get_days (reminder));
  sqlite3_bind_text (stmt, first + 5, kl_reminder_get_routine (reminder), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, first + 6, kl_reminder_get_break_length (reminder));
}

static gboolean
set_not_found (gint64   id,
               GError **error)
{
  g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND,
               _("There is no reminder %" G_GINT64_FORMAT), id);
  return FALSE;
}

static gboolean
expect_one_change (KlStore  *self,
                   gint64    id,
                   GError  **error)
{
  if (sqlite3_changes (_kl_store_get_db (self)) == 1)
    return TRUE;

  return set_not_found (id, error);
}

GPtrArray *
kl_store_list_reminders (KlStore  *self,
                         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) reminders = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  stmt = _kl_store_prepare (self, "SELECT " REMINDER_COLUMNS " FROM reminders ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (reminders, reminder_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the reminders"));
      return NULL;
    }

  return g_steal_pointer (&reminders);
}

KlReminder *
kl_store_get_reminder (KlStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  stmt = _kl_store_prepare (self, "SELECT " REMINDER_COLUMNS " FROM reminders WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return reminder_from_row (stmt);

  if (rc == SQLITE_DONE)
    set_not_found (id, error);
  else
    _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the reminder"));

  return NULL;
}

gboolean
kl_store_add_reminder (KlStore     *self,
                       KlReminder  *reminder,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_REMINDER (reminder), FALSE);
  g_return_val_if_fail (kl_reminder_get_id (reminder) == 0, FALSE);

  if (!validate_reminder (reminder, error))
    return FALSE;

  stmt = _kl_store_prepare (self,
                            "INSERT INTO reminders (kind, enabled, every_s, at_min, days, routine,"
                            "                       break_length_s)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            error);
  if (stmt == NULL)
    return FALSE;

  bind_reminder_fields (stmt, reminder, 1);
  if (!_kl_store_step_done (self, stmt, error))
    return FALSE;

  _kl_reminder_set_id (reminder, sqlite3_last_insert_rowid (_kl_store_get_db (self)));
  return TRUE;
}

gboolean
kl_store_update_reminder (KlStore     *self,
                          KlReminder  *reminder,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_REMINDER (reminder), FALSE);

  if (!validate_reminder (reminder, error))
    return FALSE;

  /* The kind is for life (a construct property), so it is matched, not set: a reminder of
   * another kind under the same id is not this one. */
  stmt = _kl_store_prepare (self,
                            "UPDATE reminders SET enabled = ?3, every_s = ?4, at_min = ?5,"
                            " days = ?6, routine = ?7, break_length_s = ?8"
                            " WHERE id = ?1 AND kind = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;

  id = kl_reminder_get_id (reminder);
  sqlite3_bind_int64 (stmt, 1, id);
  bind_reminder_fields (stmt, reminder, 2);

  return _kl_store_step_done (self, stmt, error) && expect_one_change (self, id, error);
}

gboolean
kl_store_set_reminder_enabled (KlStore     *self,
                               KlReminder  *reminder,
                               gboolean     enabled,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_REMINDER (reminder), FALSE);

  stmt = _kl_store_prepare (self, "UPDATE reminders SET enabled = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  id = kl_reminder_get_id (reminder);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, !!enabled);

  if (!_kl_store_step_done (self, stmt, error) || !expect_one_change (self, id, error))
    return FALSE;

  kl_reminder_set_enabled (reminder, enabled);
  return TRUE;
}

static GArray *
list_event_ids (KlStore  *self,
                gint64    reminder_id,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = _kl_store_prepare (self, "SELECT id FROM break_events WHERE reminder_id = ?1 ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, reminder_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the breaks"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

gboolean
kl_store_remove_reminder (KlStore     *self,
                          KlReminder  *reminder,
                          GArray     **out_event_ids,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) event_ids = NULL;
  gint64 id;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_REMINDER (reminder), FALSE);

  if (!(stmt = _kl_store_prepare (self, "DELETE FROM reminders WHERE id = ?1", error)))
    return FALSE;

  id = kl_reminder_get_id (reminder);
  sqlite3_bind_int64 (stmt, 1, id);

  /* The ids are read in the same transaction as the delete, so none is left out. */
  if (!_kl_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!(event_ids = list_event_ids (self, id, error)) ||
      !_kl_store_step_done (self, stmt, error) ||
      !expect_one_change (self, id, error) ||
      !_kl_store_exec (self, "COMMIT", error))
    {
      _kl_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  if (out_event_ids != NULL)
    *out_event_ids = g_steal_pointer (&event_ids);

  return TRUE;
}

gboolean
kl_store_restore_reminder (KlStore     *self,
                           KlReminder  *reminder,
                           GArray      *event_ids,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) link = NULL;
  gint64 id;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_REMINDER (reminder), FALSE);
  g_return_val_if_fail (kl_reminder_get_id (reminder) > 0, FALSE);

  if (!validate_reminder (reminder, error))
    return FALSE;

  insert = _kl_store_prepare (self,
                              "INSERT INTO reminders (id, kind, enabled, every_s, at_min, days,"
                              "                       routine, break_length_s)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                              error);
  if (insert == NULL)
    return FALSE;

  /* Only events still without a reminder: the link is put back, never moved. */
  link = _kl_store_prepare (self,
                            "UPDATE break_events SET reminder_id = ?1"
                            " WHERE id = ?2 AND reminder_id IS NULL",
                            error);
  if (link == NULL)
    return FALSE;

  id = kl_reminder_get_id (reminder);
  sqlite3_bind_int64 (insert, 1, id);
  bind_reminder_fields (insert, reminder, 2);

  if (!_kl_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!_kl_store_step_done (self, insert, error))
    goto failed;

  for (guint i = 0; event_ids != NULL && i < event_ids->len; i++)
    {
      sqlite3_reset (link);
      sqlite3_bind_int64 (link, 1, id);
      sqlite3_bind_int64 (link, 2, g_array_index (event_ids, gint64, i));
      if (!_kl_store_step_done (self, link, error))
        goto failed;
    }

  if (!_kl_store_exec (self, "COMMIT", error))
    goto failed;

  return TRUE;

failed:
  _kl_store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

/* Working hours */

gboolean
kl_store_get_working_hours (KlStore         *self,
                            KlWorkingHours  *out_hours,
                            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  KlWorkingHours hours = { 0 };
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_hours != NULL, FALSE);

  stmt = _kl_store_prepare (self, "SELECT weekday, start_min, end_min FROM working_hours", error);
  if (stmt == NULL)
    return FALSE;

  /* A weekday without a row (never written by Knotless) is a day off. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KlWorkingDay *day = &hours.days[sqlite3_column_int (stmt, 0) - 1];

      day->start = sqlite3_column_int (stmt, 1);
      day->end = sqlite3_column_int (stmt, 2);
    }

  if (rc != SQLITE_DONE)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error,
                           _("Could not read the working hours"));
      return FALSE;
    }

  *out_hours = hours;
  return TRUE;
}

gboolean
kl_store_set_working_hours (KlStore               *self,
                            const KlWorkingHours  *hours,
                            GError               **error)
{
  g_autoptr(GFlagsClass) weekdays = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (hours != NULL, FALSE);

  weekdays = g_type_class_ref (KL_TYPE_WEEKDAYS);
  for (guint i = 0; i < G_N_ELEMENTS (hours->days); i++)
    {
      const KlWorkingDay *day = &hours->days[i];

      if (day->start > day->end || day->end > KL_REMINDER_MINUTES_PER_DAY)
        {
          const GFlagsValue *name = g_flags_get_first_value (weekdays, 1u << i);

          g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                       _("The working hours of %s must start before they end, within the day,"
                         " not from minute %u to minute %u"),
                       name->value_nick, day->start, day->end);
          return FALSE;
        }
    }

  stmt = _kl_store_prepare (self,
                            "INSERT INTO working_hours (weekday, start_min, end_min)"
                            " VALUES (?1, ?2, ?3) ON CONFLICT (weekday)"
                            " DO UPDATE SET start_min = excluded.start_min,"
                            " end_min = excluded.end_min",
                            error);
  if (stmt == NULL)
    return FALSE;

  /* The week is one change: a half-saved week would be a week nobody chose. */
  if (!_kl_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (hours->days); i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, i + 1);
      sqlite3_bind_int (stmt, 2, hours->days[i].start);
      sqlite3_bind_int (stmt, 3, hours->days[i].end);
      if (!_kl_store_step_done (self, stmt, error))
        goto failed;
    }

  if (!_kl_store_exec (self, "COMMIT", error))
    goto failed;

  return TRUE;

failed:
  _kl_store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

/* Break history */

static int
utc_offset_min_at (GTimeZone *zone,
                   gint64     unix_s)
{
  int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, unix_s);

  return g_time_zone_get_offset (zone, interval) / 60;
}

gboolean
kl_store_add_break_events (KlStore  *self,
                           GArray   *outcomes,
                           GError  **error)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (outcomes != NULL, FALSE);
  g_return_val_if_fail (g_array_get_element_size (outcomes) == sizeof (KlBreakOutcome), FALSE);

  for (guint i = 0; i < outcomes->len; i++)
    {
      const KlBreakOutcome *outcome = &g_array_index (outcomes, KlBreakOutcome, i);

      if ((int)outcome->kind < 0 || (int)outcome->kind >= KL_N_BREAK_OUTCOMES ||
          outcome->duration < 0)
        {
          g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                       _("Not a break event: outcome %d lasting %" G_GINT64_FORMAT " µs"),
                       outcome->kind, outcome->duration);
          return FALSE;
        }
    }

  /* The kind is copied from the reminder, so it outlives the reminder. */
  stmt = _kl_store_prepare (self,
                            "INSERT INTO break_events (reminder_id, kind, outcome, at_ms,"
                            "                          utc_offset_min, duration_ms)"
                            " SELECT id, kind, ?2, ?3, ?4, ?5 FROM reminders WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  local = g_time_zone_new_local ();

  if (!_kl_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < outcomes->len; i++)
    {
      const KlBreakOutcome *outcome = &g_array_index (outcomes, KlBreakOutcome, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, outcome->reminder_id);
      sqlite3_bind_text (stmt, 2, kl_break_outcome_kind_to_string (outcome->kind), -1,
                         SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, outcome->at / 1000);
      sqlite3_bind_int (stmt, 4, utc_offset_min_at (local, outcome->at / G_USEC_PER_SEC));
      sqlite3_bind_int64 (stmt, 5, outcome->duration / 1000);
      if (!_kl_store_step_done (self, stmt, error))
        goto failed;
      if (sqlite3_changes (_kl_store_get_db (self)) != 1)
        {
          set_not_found (outcome->reminder_id, error);
          goto failed;
        }
    }

  if (!_kl_store_exec (self, "COMMIT", error))
    goto failed;

  return TRUE;

failed:
  _kl_store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

static void
break_event_clear (gpointer data)
{
  KlBreakEvent *event = data;

  g_clear_pointer (&event->at, g_date_time_unref);
}

GArray *
kl_store_list_break_events (KlStore    *self,
                            GDateTime  *from,
                            GDateTime  *to,
                            GError    **error)
{
  g_autoptr(GEnumClass) outcomes = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) events = NULL;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  stmt = _kl_store_prepare (self,
                            "SELECT id, reminder_id, kind, outcome, at_ms, utc_offset_min,"
                            "       duration_ms"
                            " FROM break_events"
                            " WHERE at_ms >= ?1 AND at_ms < ?2 ORDER BY at_ms, id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, from != NULL ? _kl_store_date_time_to_ms (from) : G_MININT64);
  sqlite3_bind_int64 (stmt, 2, to != NULL ? _kl_store_date_time_to_ms (to) : G_MAXINT64);

  events = g_array_new (FALSE, TRUE, sizeof (KlBreakEvent));
  g_array_set_clear_func (events, break_event_clear);
  outcomes = g_type_class_ref (KL_TYPE_BREAK_OUTCOME_KIND);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const GEnumValue *outcome;
      KlBreakEvent event = {
        .id = sqlite3_column_int64 (stmt, 0),
        .reminder_id = sqlite3_column_int64 (stmt, 1),
        .duration = sqlite3_column_int64 (stmt, 6) * 1000,
      };

      /* The schema's CHECKs allow only the names there are. */
      if (!kl_reminder_kind_from_string ((const char *)sqlite3_column_text (stmt, 2),
                                         &event.reminder_kind, NULL))
        g_assert_not_reached ();
      outcome = g_enum_get_value_by_nick (outcomes, (const char *)sqlite3_column_text (stmt, 3));
      g_assert (outcome != NULL);
      event.outcome = outcome->value;
      event.at = _kl_store_date_time (sqlite3_column_int64 (stmt, 4),
                                      sqlite3_column_int (stmt, 5));
      g_array_append_val (events, event);
    }

  if (rc != SQLITE_DONE)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the breaks"));
      return NULL;
    }

  return g_steal_pointer (&events);
}

gboolean
kl_store_summarize_breaks (KlStore         *self,
                           GDateTime       *day,
                           KlBreakSummary  *out_summary,
                           GError         **error)
{
  g_autoptr(GEnumClass) outcomes = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  KlBreakSummary summary = { 0 };
  int year, month, day_of_month;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);
  g_return_val_if_fail (out_summary != NULL, FALSE);

  g_date_time_get_ymd (day, &year, &month, &day_of_month);
  start = g_date_time_new (g_date_time_get_timezone (day), year, month, day_of_month, 0, 0, 0);
  end = g_date_time_add_days (start, 1);

  stmt = _kl_store_prepare (self,
                            "SELECT outcome, count(*), sum(duration_ms) FROM break_events"
                            " WHERE at_ms >= ?1 AND at_ms < ?2 GROUP BY outcome",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, _kl_store_date_time_to_ms (start));
  sqlite3_bind_int64 (stmt, 2, _kl_store_date_time_to_ms (end));

  outcomes = g_type_class_ref (KL_TYPE_BREAK_OUTCOME_KIND);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const GEnumValue *outcome =
        g_enum_get_value_by_nick (outcomes, (const char *)sqlite3_column_text (stmt, 0));

      g_assert (outcome != NULL);
      summary.counts[outcome->value] = sqlite3_column_int (stmt, 1);
      if (outcome->value == KL_BREAK_OUTCOME_TAKEN || outcome->value == KL_BREAK_OUTCOME_NATURAL)
        summary.rest += sqlite3_column_int64 (stmt, 2) * 1000;
    }

  if (rc != SQLITE_DONE)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the breaks"));
      return FALSE;
    }

  *out_summary = summary;
  return TRUE;
}

/* Pause */

gboolean
kl_store_get_paused_until (KlStore  *self,
                           gint64   *out_until,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_until != NULL, FALSE);

  stmt = _kl_store_prepare (self, "SELECT paused_until_ms FROM break_settings WHERE id = 1",
                            error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the pause"));
      return FALSE;
    }

  *out_until = rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL
                 ? sqlite3_column_int64 (stmt, 0) * 1000 : 0;
  return TRUE;
}

gboolean
kl_store_set_paused_until (KlStore  *self,
                           gint64    until,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (until >= 0, FALSE);

  /* An upsert: the migration adds the row, but a pause must not vanish if it was lost. */
  stmt = _kl_store_prepare (self,
                            "INSERT INTO break_settings (id, paused_until_ms,"
                            "                            paused_until_offset_min)"
                            " VALUES (1, ?1, ?2) ON CONFLICT (id) DO UPDATE SET"
                            " paused_until_ms = excluded.paused_until_ms,"
                            " paused_until_offset_min = excluded.paused_until_offset_min",
                            error);
  if (stmt == NULL)
    return FALSE;

  if (until > 0)
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      sqlite3_bind_int64 (stmt, 1, until / 1000);
      sqlite3_bind_int (stmt, 2, utc_offset_min_at (local, until / G_USEC_PER_SEC));
    }

  return _kl_store_step_done (self, stmt, error);
}
