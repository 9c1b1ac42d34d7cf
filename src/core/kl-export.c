/* kl-export.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-export"

#include "config.h"

#include "kl-export.h"

static const char * const pain_columns[] = {
  "id", "recorded_at", "pain_now", "pain_worst_24h", "pain_least_24h", "knots", "regions",
  "factors", "interference_activity", "interference_mood", "interference_sleep",
  "interference_work", "medication", "medication_helped_pct", "note", NULL
};

static const char * const session_columns[] = {
  "id", "routine", "started_at", "ended_at", "completed", "stopped_at_step", "pain_before",
  "pain_after", "knot_id", "active_seconds", NULL
};

/* ISO 8601 with the offset the instant was recorded at; empty for none. */
void
kl_export_add_date_time (KlCsvWriter *csv,
                         GDateTime   *date_time)
{
  g_autofree char *text = NULL;

  g_return_if_fail (KL_IS_CSV_WRITER (csv));

  if (date_time == NULL)
    {
      kl_csv_writer_add_empty (csv);
      return;
    }

  text = g_date_time_format (date_time, "%Y-%m-%dT%H:%M:%S%:z");
  kl_csv_writer_add_text (csv, text);
}

static void
add_rating (KlCsvWriter *csv,
            int          rating)
{
  if (rating == KL_PAIN_NONE)
    kl_csv_writer_add_empty (csv);
  else
    kl_csv_writer_add_int (csv, rating);
}

/* The knots (@knots TRUE) or the areas of @entry as "ID=PAIN;ID" or "REGION=PAIN;REGION". */
static char *
join_locations (KlPainEntry *entry,
                gboolean     knots)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < kl_pain_entry_get_n_locations (entry); i++)
    {
      const KlPainLocation *location = kl_pain_entry_get_location (entry, i);

      if ((location->knot_id != 0) != knots)
        continue;

      if (list->len > 0)
        g_string_append_c (list, ';');
      if (knots)
        g_string_append_printf (list, "%" G_GINT64_FORMAT, location->knot_id);
      else
        g_string_append (list, location->region);
      if (location->pain != KL_PAIN_NONE)
        g_string_append_printf (list, "=%d", location->pain);
    }

  return g_string_free (list, FALSE);
}

gboolean
kl_export_write_pain_header (KlCsvWriter  *csv,
                             GError      **error)
{
  g_return_val_if_fail (KL_IS_CSV_WRITER (csv), FALSE);

  return kl_csv_writer_write_header (csv, pain_columns, NULL, error);
}

gboolean
kl_export_write_pain_entry (KlCsvWriter  *csv,
                            KlPainEntry  *entry,
                            GError      **error)
{
  g_autofree char *knots = NULL;
  g_autofree char *regions = NULL;
  g_autofree char *factors = NULL;

  g_return_val_if_fail (KL_IS_CSV_WRITER (csv), FALSE);
  g_return_val_if_fail (KL_IS_PAIN_ENTRY (entry), FALSE);

  knots = join_locations (entry, TRUE);
  regions = join_locations (entry, FALSE);
  factors = g_strjoinv (";", (char **)kl_pain_entry_get_factors (entry));

  kl_csv_writer_add_int (csv, kl_pain_entry_get_id (entry));
  kl_export_add_date_time (csv, kl_pain_entry_get_at (entry));
  add_rating (csv, kl_pain_entry_get_pain (entry));
  add_rating (csv, kl_pain_entry_get_worst (entry));
  add_rating (csv, kl_pain_entry_get_least (entry));
  kl_csv_writer_add_text (csv, knots);
  kl_csv_writer_add_text (csv, regions);
  kl_csv_writer_add_text (csv, factors);
  for (guint i = 0; i < KL_N_INTERFERENCES; i++)
    add_rating (csv, kl_pain_entry_get_interference (entry, i));
  kl_csv_writer_add_text (csv, kl_pain_entry_get_medication (entry));
  add_rating (csv, kl_pain_entry_get_medication_helped (entry));
  kl_csv_writer_add_text (csv, kl_pain_entry_get_note (entry));

  return kl_csv_writer_end_row (csv, NULL, error);
}

gboolean
kl_export_write_session_header (KlCsvWriter  *csv,
                                GError      **error)
{
  g_return_val_if_fail (KL_IS_CSV_WRITER (csv), FALSE);

  return kl_csv_writer_write_header (csv, session_columns, NULL, error);
}

/* The step it was stopped in is counted from 1, as the routine file numbers its steps. */
gboolean
kl_export_write_session (KlCsvWriter  *csv,
                         KlSession    *session,
                         GError      **error)
{
  int stopped_at_step;

  g_return_val_if_fail (KL_IS_CSV_WRITER (csv), FALSE);
  g_return_val_if_fail (KL_IS_SESSION (session), FALSE);

  stopped_at_step = kl_session_get_stopped_at_step (session);

  kl_csv_writer_add_int (csv, kl_session_get_id (session));
  kl_csv_writer_add_text (csv, kl_session_get_routine (session));
  kl_export_add_date_time (csv, kl_session_get_started (session));
  kl_export_add_date_time (csv, kl_session_get_ended (session));
  kl_csv_writer_add_text (csv, kl_session_get_completed (session) ? "yes" : "no");
  if (stopped_at_step == KL_SESSION_NO_STEP)
    kl_csv_writer_add_empty (csv);
  else
    kl_csv_writer_add_int (csv, stopped_at_step + 1);
  add_rating (csv, kl_session_get_pain_before (session));
  add_rating (csv, kl_session_get_pain_after (session));
  if (kl_session_get_knot_id (session) == 0)
    kl_csv_writer_add_empty (csv);
  else
    kl_csv_writer_add_int (csv, kl_session_get_knot_id (session));
  kl_csv_writer_add_int (csv, kl_session_get_active_seconds (session));

  return kl_csv_writer_end_row (csv, NULL, error);
}
