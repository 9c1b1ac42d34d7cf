/* kl-export.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kl-body-regions.h"
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
gboolean
kl_export_write_pain_header (KlCsvWriter  *csv,
                             GError      **error)
{
  g_return_val_if_fail (KL_IS_CSV_WRITER (csv), FALSE);

  return kl_csv_writer_write_header (csv, pain_columns, NULL, error);
}

static void
put_digits (char   *at,
            guint64 value,
            guint   width)
{
  for (guint i = width; i > 0; i--, value /= 10)
    at[i - 1] = '0' + value % 10;
}

/* An instant as stored (Unix milliseconds and the offset it was recorded in) as ISO 8601 with
 * that offset, to the second, like kl_export_add_date_time () but without a GDateTime: this is
 * the one cell of every row of the biggest export. */
void
kl_export_add_instant (KlCsvWriter *csv,
                       gint64       at_ms,
                       int          utc_offset_min)
{
  /* Floor divisions: instants before 1970 are negative. */
  gint64 seconds = at_ms / 1000 - (at_ms % 1000 < 0) + (gint64)utc_offset_min * 60;
  gint64 days = seconds / 86400 - (seconds % 86400 < 0);
  gint64 second_of_day = seconds - days * 86400;
  gint64 era, year;
  guint day_of_era, year_of_era, day_of_year, mp, month, day;
  int offset = ABS (utc_offset_min);
  char text[64];
  char *end;

  /* Days since 1970-01-01 to a civil date (H. Hinnant's days_from_civil, inverted). */
  days += 719468;
  era = (days >= 0 ? days : days - 146096) / 146097;
  day_of_era = days - era * 146097;
  year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  year = year_of_era + era * 400;
  day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  mp = (5 * day_of_year + 2) / 153;
  day = day_of_year - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year += month <= 2;

  if (year < 0 || year > 9999)
    g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT "-%02u-%02uT", year, month, day);
  else
    {
      put_digits (text, year, 4);
      text[4] = '-';
      put_digits (text + 5, month, 2);
      text[7] = '-';
      put_digits (text + 8, day, 2);
      text[10] = 'T';
      text[11] = '\0';
    }
  end = text + strlen (text);
  put_digits (end, second_of_day / 3600, 2);
  end[2] = ':';
  put_digits (end + 3, second_of_day / 60 % 60, 2);
  end[5] = ':';
  put_digits (end + 6, second_of_day % 60, 2);
  end[8] = utc_offset_min < 0 ? '-' : '+';
  put_digits (end + 9, offset / 60, 2);
  end[11] = ':';
  put_digits (end + 12, offset % 60, 2);
  end[14] = '\0';
  kl_csv_writer_add_text (csv, text);
}

gboolean
kl_export_write_pain_row (KlCsvWriter      *csv,
                          const KlPainRow  *row,
                          GError          **error)
{
  g_return_val_if_fail (KL_IS_CSV_WRITER (csv), FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  kl_csv_writer_add_int (csv, row->id);
  kl_export_add_instant (csv, row->at_ms, row->utc_offset_min);
  add_rating (csv, row->pain);
  add_rating (csv, row->worst);
  add_rating (csv, row->least);
  kl_csv_writer_add_text (csv, row->knots != NULL ? row->knots : "");
  kl_csv_writer_add_text (csv, row->regions != NULL ? row->regions : "");
  kl_csv_writer_add_text (csv, row->factors != NULL ? row->factors : "");
  for (guint i = 0; i < KL_N_INTERFERENCES; i++)
    add_rating (csv, row->interference[i]);
  kl_csv_writer_add_text (csv, row->medication);
  add_rating (csv, row->medication_helped);
  kl_csv_writer_add_text (csv, row->note);

  return kl_csv_writer_end_row (csv, NULL, error);
}

static const char * const break_columns[] = {
  "id", "reminder_id", "kind", "outcome", "at", "duration_seconds", NULL
};

gboolean
kl_export_write_break_header (KlCsvWriter  *csv,
                              GError      **error)
{
  g_return_val_if_fail (KL_IS_CSV_WRITER (csv), FALSE);

  return kl_csv_writer_write_header (csv, break_columns, NULL, error);
}

gboolean
kl_export_write_break_event (KlCsvWriter         *csv,
                             const KlBreakEvent  *event,
                             GError             **error)
{
  gint64 duration_ms;

  g_return_val_if_fail (KL_IS_CSV_WRITER (csv), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  duration_ms = event->duration / 1000;
  kl_csv_writer_add_int (csv, event->id);
  if (event->reminder_id != 0)
    kl_csv_writer_add_int (csv, event->reminder_id);
  else
    kl_csv_writer_add_empty (csv);
  kl_csv_writer_add_text (csv, kl_reminder_kind_to_string (event->reminder_kind));
  kl_csv_writer_add_text (csv, kl_break_outcome_kind_to_string (event->outcome));
  kl_export_add_date_time (csv, event->at);
  /* Whole seconds as they are; the history keeps milliseconds, and shows them when there are
   * some. */
  if (duration_ms % 1000 == 0)
    kl_csv_writer_add_int (csv, duration_ms / 1000);
  else
    kl_csv_writer_add_double (csv, duration_ms / 1000.0, 3);

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

/* Datasets */

static const struct {
  const char *name;
  const char *label;
} datasets[] = {
  [KL_EXPORT_PAIN] = { "pain", N_("Pain entries") },
  [KL_EXPORT_KNOTS] = { "knots", N_("Knots and their tenderness") },
  [KL_EXPORT_SESSIONS] = { "sessions", N_("Routine sessions") },
  [KL_EXPORT_BREAKS] = { "breaks", N_("Breaks") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (datasets) == KL_EXPORT_N_DATASETS);

const char *
kl_export_dataset_to_string (KlExportDataset dataset)
{
  g_return_val_if_fail (dataset < KL_EXPORT_N_DATASETS, NULL);

  return datasets[dataset].name;
}

gboolean
kl_export_dataset_from_string (const char      *name,
                               KlExportDataset *out_dataset)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (out_dataset != NULL, FALSE);

  for (guint i = 0; i < KL_EXPORT_N_DATASETS; i++)
    if (g_str_equal (name, datasets[i].name))
      {
        *out_dataset = i;
        return TRUE;
      }

  return FALSE;
}

const char *
kl_export_dataset_get_label (KlExportDataset dataset)
{
  g_return_val_if_fail (dataset < KL_EXPORT_N_DATASETS, NULL);

  return _(datasets[dataset].label);
}

/* "knotless-pain-2026-11-21.csv": the dataset and the day of the export. */
char *
kl_export_file_name (KlExportDataset  dataset,
                     GDateTime       *day)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (dataset < KL_EXPORT_N_DATASETS, NULL);
  g_return_val_if_fail (day != NULL, NULL);

  date = g_date_time_format (day, "%Y-%m-%d");
  return g_strdup_printf ("knotless-%s-%s.csv", datasets[dataset].name, date);
}

/* Pain entries */

typedef struct
{
  KlCsvWriter          *csv;
  GCancellable         *cancellable;
  KlExportProgressFunc  progress;
  gpointer              user_data;
  guint64               done;
  guint64               total;
} Export;

/* Often enough for a smooth bar, rarely enough to cost nothing. */
#define PROGRESS_EVERY 2048

static gboolean
row_written (Export  *export,
             GError **error)
{
  export->done++;
  if (export->progress != NULL && export->done % PROGRESS_EVERY == 0)
    export->progress (export->done, export->total, export->user_data);

  return !g_cancellable_set_error_if_cancelled (export->cancellable, error);
}

static gboolean
write_pain_cb (const KlPainRow  *row,
               gpointer          user_data,
               GError          **error)
{
  Export *export = user_data;

  return kl_export_write_pain_row (export->csv, row, error) && row_written (export, error);
}

static gboolean
write_pain (KlStore    *store,
            GDateTime  *from,
            GDateTime  *to,
            Export     *export,
            GError    **error)
{
  KlEntryFilter filter = { .from = from, .to = to };

  /* Counting costs a pass over the index: only for a progress bar. */
  return kl_export_write_pain_header (export->csv, error) &&
         (export->progress == NULL ||
          kl_store_count_entries (store, &filter, &export->total, error)) &&
         kl_store_foreach_pain_row (store, &filter, write_pain_cb, export, error);
}

/* Knots: one row per rating, the knot's fields repeated, so that a spreadsheet can chart any
 * knot without splitting cells; a knot never rated has one row with the rating empty. */

static const char * const knot_columns[] = {
  "knot_id", "region", "view", "side", "state", "referred", "referred_to", "twitch",
  "created_at", "resolved_at", "note", "rated_at", "tenderness", NULL
};

static void
add_knot_fields (KlCsvWriter *csv,
                 KlKnot      *knot)
{
  const KlBodyRegion *region = kl_body_regions_lookup (kl_knot_get_region (knot));

  kl_csv_writer_add_int (csv, kl_knot_get_id (knot));
  kl_csv_writer_add_text (csv, kl_knot_get_region (knot));
  kl_csv_writer_add_text (csv, region != NULL ? kl_body_view_to_string (region->view) : "");
  kl_csv_writer_add_text (csv, region != NULL ? kl_body_side_to_string (region->side) : "");
  kl_csv_writer_add_text (csv, kl_knot_state_to_string (kl_knot_get_state (knot)));
  kl_csv_writer_add_text (csv, kl_knot_get_referred (knot) ? "yes" : "no");
  kl_csv_writer_add_text (csv, kl_knot_get_referred_to (knot));
  kl_csv_writer_add_text (csv, kl_twitch_to_string (kl_knot_get_twitch (knot)));
  kl_export_add_date_time (csv, kl_knot_get_created (knot));
  kl_export_add_date_time (csv, kl_knot_get_resolved (knot));
  kl_csv_writer_add_text (csv, kl_knot_get_note (knot));
}

static gboolean
in_range (GDateTime *at,
          GDateTime *from,
          GDateTime *to)
{
  return (from == NULL || g_date_time_compare (at, from) >= 0) &&
         (to == NULL || g_date_time_compare (at, to) < 0);
}

static gboolean
write_knots (KlStore    *store,
             GDateTime  *from,
             GDateTime  *to,
             Export     *export,
             GError    **error)
{
  g_autoptr(GPtrArray) knots = NULL;

  if (!kl_csv_writer_write_header (export->csv, knot_columns, export->cancellable, error) ||
      !(knots = kl_store_list_knots (store, TRUE, error)))
    return FALSE;

  export->total = knots->len;
  for (guint i = 0; i < knots->len; i++)
    {
      KlKnot *knot = g_ptr_array_index (knots, i);
      g_autoptr(GArray) ratings = kl_store_list_knot_ratings (store, kl_knot_get_id (knot), error);
      guint written = 0;

      if (ratings == NULL)
        return FALSE;

      for (guint j = 0; j < ratings->len; j++)
        {
          const KlKnotRating *rating = &g_array_index (ratings, KlKnotRating, j);
          g_autoptr(GTimeZone) zone = g_time_zone_new_offset (rating->utc_offset_min * 60);
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (rating->at_ms / 1000);
          g_autoptr(GDateTime) at = g_date_time_to_timezone (utc, zone);

          if (!in_range (at, from, to))
            continue;

          add_knot_fields (export->csv, knot);
          kl_export_add_date_time (export->csv, at);
          kl_csv_writer_add_int (export->csv, rating->tenderness);
          if (!kl_csv_writer_end_row (export->csv, export->cancellable, error))
            return FALSE;
          written++;
        }

      if (written == 0 && in_range (kl_knot_get_created (knot), from, to))
        {
          add_knot_fields (export->csv, knot);
          kl_csv_writer_add_empty (export->csv);
          kl_csv_writer_add_empty (export->csv);
          if (!kl_csv_writer_end_row (export->csv, export->cancellable, error))
            return FALSE;
        }

      if (!row_written (export, error))
        return FALSE;
    }

  return TRUE;
}

/* Sessions and breaks: a few a day, listed whole (the objects, not the file) and written. */

static gboolean
write_sessions (KlStore    *store,
                GDateTime  *from,
                GDateTime  *to,
                Export     *export,
                GError    **error)
{
  g_autoptr(GPtrArray) sessions = NULL;

  if (!kl_export_write_session_header (export->csv, error) ||
      !(sessions = kl_store_list_sessions (store, from, to, error)))
    return FALSE;

  export->total = sessions->len;
  for (guint i = 0; i < sessions->len; i++)
    if (!kl_export_write_session (export->csv, g_ptr_array_index (sessions, i), error) ||
        !row_written (export, error))
      return FALSE;

  return TRUE;
}

static gboolean
write_breaks (KlStore    *store,
              GDateTime  *from,
              GDateTime  *to,
              Export     *export,
              GError    **error)
{
  g_autoptr(GArray) events = NULL;

  if (!kl_export_write_break_header (export->csv, error) ||
      !(events = kl_store_list_break_events (store, from, to, error)))
    return FALSE;

  export->total = events->len;
  for (guint i = 0; i < events->len; i++)
    if (!kl_export_write_break_event (export->csv, &g_array_index (events, KlBreakEvent, i),
                                      error) ||
        !row_written (export, error))
      return FALSE;

  return TRUE;
}

/* Writes @dataset, from @from (included) to @to (excluded), either NULL for no limit, row by
 * row: nothing is held beyond one knot's ratings or one entry. @progress is called from this
 * thread. */
gboolean
kl_export_write (KlStore              *store,
                 KlExportDataset       dataset,
                 GDateTime            *from,
                 GDateTime            *to,
                 KlCsvWriter          *csv,
                 GCancellable         *cancellable,
                 KlExportProgressFunc  progress,
                 gpointer              user_data,
                 GError              **error)
{
  Export export = { csv, cancellable, progress, user_data, 0, 0 };
  gboolean ok;

  g_return_val_if_fail (KL_IS_STORE (store), FALSE);
  g_return_val_if_fail (dataset < KL_EXPORT_N_DATASETS, FALSE);
  g_return_val_if_fail (KL_IS_CSV_WRITER (csv), FALSE);

  switch (dataset)
    {
    case KL_EXPORT_PAIN:
      ok = write_pain (store, from, to, &export, error);
      break;
    case KL_EXPORT_KNOTS:
      ok = write_knots (store, from, to, &export, error);
      break;
    case KL_EXPORT_SESSIONS:
      ok = write_sessions (store, from, to, &export, error);
      break;
    case KL_EXPORT_BREAKS:
      ok = write_breaks (store, from, to, &export, error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ok || !kl_csv_writer_flush (csv, cancellable, error))
    return FALSE;

  if (progress != NULL)
    progress (export.done, MAX (export.total, export.done), user_data);
  return TRUE;
}

/* Writes @dataset to @path as kl_export_write () does, atomically: into a new file beside it
 * (mode 0600: this is health data), synced, then renamed over @path. On any failure, or when
 * cancelled, the new file is removed and whatever was at @path is left as it was. */
gboolean
kl_export_to_file (KlStore              *store,
                   KlExportDataset       dataset,
                   GDateTime            *from,
                   GDateTime            *to,
                   const char           *path,
                   gboolean              bom,
                   GCancellable         *cancellable,
                   KlExportProgressFunc  progress,
                   gpointer              user_data,
                   GError              **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *temporary = NULL;
  g_autoptr(GOutputStream) file_stream = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(KlCsvWriter) csv = NULL;
  g_autoptr(GError) local_error = NULL;
  int fd;

  g_return_val_if_fail (KL_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  folder = g_path_get_dirname (path);
  temporary = g_build_filename (folder, ".knotless-export-XXXXXX", NULL);
  fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write in “%s”: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }

  file_stream = g_unix_output_stream_new (fd, TRUE);
  stream = g_buffered_output_stream_new_sized (file_stream, 64 * 1024);
  csv = kl_csv_writer_new (stream);
  kl_csv_writer_set_bom (csv, bom);

  if (!kl_export_write (store, dataset, from, to, csv, cancellable, progress, user_data,
                        &local_error))
    goto failed;

  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      g_set_error (&local_error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      goto failed;
    }

  if (!g_output_stream_close (stream, NULL, &local_error))
    goto failed;

  if (g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (&local_error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not save “%s”: %s"), path, g_strerror (saved_errno));
      goto failed;
    }

  return TRUE;

failed:
  g_unlink (temporary);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
