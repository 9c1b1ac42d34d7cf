/* kl-import.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-import"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kl-body-regions.h"
#include "kl-csv-reader.h"
#include "kl-import.h"
#include "kl-pain-entry-private.h"

/* Pain entries from a CSV file: Knotless's own pain file, or another program's, whose columns
 * are matched by their names. Read record by record, written in one transaction: all rows or
 * none, and a row identical to a stored entry is skipped. */

typedef enum
{
  ROLE_NONE,
  ROLE_ID,
  ROLE_AT,
  ROLE_DATE,
  ROLE_TIME,
  ROLE_PAIN,
  ROLE_WORST,
  ROLE_LEAST,
  ROLE_KNOTS,
  ROLE_REGIONS,
  ROLE_FACTORS,
  ROLE_ACTIVITY,
  ROLE_MOOD,
  ROLE_SLEEP,
  ROLE_WORK,
  ROLE_MEDICATION,
  ROLE_HELPED,
  ROLE_NOTE,
  N_ROLES
} Role;

/* Header names, after folding to lower case with spaces and dashes as underscores; the first
 * of each role is the name Knotless writes. */
static const struct {
  Role        role;
  const char *names[9];
  const char *use;
} roles[] = {
  { ROLE_ID, { "id" }, N_("Id (kept when free)") },
  { ROLE_AT, { "recorded_at", "datetime", "date_time", "timestamp", "logged_at", "when" },
    N_("Date and time") },
  { ROLE_DATE, { "date", "day" }, N_("Date") },
  { ROLE_TIME, { "time" }, N_("Time of day") },
  { ROLE_PAIN, { "pain_now", "pain", "pain_level", "pain_score", "level", "score", "rating",
                 "intensity" }, N_("Pain") },
  { ROLE_WORST, { "pain_worst_24h", "worst", "worst_pain" }, N_("Worst pain in 24 hours") },
  { ROLE_LEAST, { "pain_least_24h", "least", "least_pain" }, N_("Least pain in 24 hours") },
  { ROLE_KNOTS, { "knots" }, N_("Knots") },
  { ROLE_REGIONS, { "regions", "areas" }, N_("Areas") },
  { ROLE_FACTORS, { "factors", "triggers", "tags" }, N_("Factors") },
  { ROLE_ACTIVITY, { "interference_activity" }, N_("Interference with activity") },
  { ROLE_MOOD, { "interference_mood" }, N_("Interference with mood") },
  { ROLE_SLEEP, { "interference_sleep" }, N_("Interference with sleep") },
  { ROLE_WORK, { "interference_work" }, N_("Interference with work") },
  { ROLE_MEDICATION, { "medication", "medicine", "treatment" }, N_("Medication or treatment") },
  { ROLE_HELPED, { "medication_helped_pct", "helped" }, N_("How much it helped (%)") },
  { ROLE_NOTE, { "note", "notes", "comment", "comments" }, N_("Note") },
};

struct _KlPainImport
{
  GObject         parent_instance;

  KlCsvReader    *reader;
  KlImportFormat  format;
  GPtrArray      *names;            /* the header's names, as written */
  GArray         *column_roles;     /* Role, per column */
  int             columns[N_ROLES]; /* the column of each role, or -1 */
  GHashTable     *knot_regions;     /* knot id → region, looked up once */
};

G_DEFINE_FINAL_TYPE (KlPainImport, kl_pain_import, G_TYPE_OBJECT)

G_DEFINE_QUARK (kl-import-error-quark, kl_import_error)

static void
kl_pain_import_finalize (GObject *object)
{
  KlPainImport *self = (KlPainImport *)object;

  g_clear_object (&self->reader);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->column_roles, g_array_unref);
  g_clear_pointer (&self->knot_regions, g_hash_table_unref);

  G_OBJECT_CLASS (kl_pain_import_parent_class)->finalize (object);
}

static void
kl_pain_import_class_init (KlPainImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kl_pain_import_finalize;
}

static void
kl_pain_import_init (KlPainImport *self)
{
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->column_roles = g_array_new (FALSE, TRUE, sizeof (Role));
  self->knot_regions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < N_ROLES; i++)
    self->columns[i] = -1;
}

KlPainImport *
kl_pain_import_new (GInputStream *stream)
{
  KlPainImport *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (KL_TYPE_PAIN_IMPORT, NULL);
  self->reader = kl_csv_reader_new (stream);
  return self;
}

static Role
role_for_name (const char *name)
{
  g_autofree char *folded = g_ascii_strdown (name, -1);

  g_strstrip (folded);
  g_strdelimit (folded, " -", '_');
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    for (guint j = 0; j < G_N_ELEMENTS (roles[i].names) && roles[i].names[j] != NULL; j++)
      if (g_str_equal (folded, roles[i].names[j]))
        return roles[i].role;

  return ROLE_NONE;
}

/* Reads the header row and decides what each column holds. Fails, naming what is missing,
 * when no column gives the time or the pain. */
gboolean
kl_pain_import_read_header (KlPainImport  *self,
                            GCancellable  *cancellable,
                            GError       **error)
{
  const char * const *fields;
  guint n_fields;

  g_return_val_if_fail (KL_IS_PAIN_IMPORT (self), FALSE);

  if (!kl_csv_reader_next (self->reader, &fields, &n_fields, cancellable, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, KL_IMPORT_ERROR, KL_IMPORT_ERROR_NO_COLUMN,
                     _("The file is empty: it has not even a header row"));
      return FALSE;
    }

  for (guint i = 0; i < n_fields; i++)
    {
      Role role = role_for_name (fields[i]);

      /* The first column of a role is the one used; a second is shown as ignored. */
      if (role != ROLE_NONE && self->columns[role] >= 0)
        role = ROLE_NONE;
      if (role != ROLE_NONE)
        self->columns[role] = i;
      g_ptr_array_add (self->names, g_strdup (fields[i]));
      g_array_append_val (self->column_roles, role);
    }

  if (self->columns[ROLE_AT] < 0 && self->columns[ROLE_DATE] < 0)
    {
      g_set_error (error, KL_IMPORT_ERROR, KL_IMPORT_ERROR_NO_COLUMN,
                   _("No column gives the time of each entry: name one “date”, “recorded_at” "
                     "or “timestamp”"));
      return FALSE;
    }
  if (self->columns[ROLE_PAIN] < 0)
    {
      g_set_error (error, KL_IMPORT_ERROR, KL_IMPORT_ERROR_NO_COLUMN,
                   _("No column gives the pain of each entry: name one “pain” or “pain_now”"));
      return FALSE;
    }

  self->format = self->columns[ROLE_ID] >= 0 && self->columns[ROLE_AT] >= 0 &&
                 g_str_equal (fields[self->columns[ROLE_PAIN]], "pain_now")
                   ? KL_IMPORT_FORMAT_KNOTLESS : KL_IMPORT_FORMAT_GENERIC;
  return TRUE;
}

KlImportFormat
kl_pain_import_get_format (KlPainImport *self)
{
  g_return_val_if_fail (KL_IS_PAIN_IMPORT (self), KL_IMPORT_FORMAT_GENERIC);

  return self->format;
}

guint
kl_pain_import_get_n_columns (KlPainImport *self)
{
  g_return_val_if_fail (KL_IS_PAIN_IMPORT (self), 0);

  return self->names->len;
}

const char *
kl_pain_import_get_column_name (KlPainImport *self,
                                guint         column)
{
  g_return_val_if_fail (KL_IS_PAIN_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->names->len, NULL);

  return g_ptr_array_index (self->names, column);
}

/* What the column is imported as, translated, or NULL when it is ignored. */
const char *
kl_pain_import_get_column_use (KlPainImport *self,
                               guint         column)
{
  Role role;

  g_return_val_if_fail (KL_IS_PAIN_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->column_roles->len, NULL);

  role = g_array_index (self->column_roles, Role, column);
  if (role == ROLE_TIME && self->columns[ROLE_AT] >= 0)
    return NULL;
  if (role == ROLE_DATE && self->columns[ROLE_AT] >= 0)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i].role == role)
      return _(roles[i].use);

  return NULL;
}

/* Rows */

typedef struct
{
  KlPainImport *self;
  KlStore      *store;
  const char * const *fields;
  char         *line_text;        /* the line the row starts on, for messages */
} Row;

static gboolean G_GNUC_PRINTF (4, 5)
row_error (Row         *row,
           Role         role,
           GError     **error,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: where a bad value is: "line 12, column “pain”: …" */
  g_set_error (error, KL_IMPORT_ERROR, KL_IMPORT_ERROR_INVALID, _("line %s, column “%s”: %s"),
               row->line_text,
               (const char *)g_ptr_array_index (row->self->names, row->self->columns[role]),
               message);
  return FALSE;
}

/* The cell of @role, or NULL when the file has no such column. Knotless's own file guards text
 * that a spreadsheet would take for a formula with a ': that comes off again here. */
static const char *
cell (Row  *row,
      Role  role)
{
  int column = row->self->columns[role];

  if (column < 0)
    return NULL;
  if (row->self->format == KL_IMPORT_FORMAT_KNOTLESS)
    return kl_csv_unescape_formula (row->fields[column]);
  return row->fields[column];
}

static gboolean
parse_number (const char *text,
              gint64      max,
              gint64     *out_value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  return g_ascii_string_to_signed (trimmed, 10, 0, max, out_value, NULL);
}

/* A rating 0–10 or, empty, KL_PAIN_NONE. */
static gboolean
parse_rating (Row     *row,
              Role     role,
              gboolean required,
              int     *out_rating,
              GError **error)
{
  const char *text = cell (row, role);
  gint64 value;

  *out_rating = KL_PAIN_NONE;
  if (text == NULL || (*text == '\0' && !required))
    return TRUE;
  if (*text == '\0')
    return row_error (row, role, error, _("the pain is missing"));
  if (!parse_number (text, 10, &value))
    return row_error (row, role, error, _("“%s” is not a rating from 0 to 10"), text);

  *out_rating = value;
  return TRUE;
}

/* ISO 8601, with a space or a T between date and time, with or without seconds, with or
 * without an offset (local time then); a date alone is taken at @date_hour. NULL when it is
 * none of these. Shared with the command line's --at, --from and --to. */
GDateTime *
kl_import_parse_date_time (const char *text,
                           int         date_hour)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *iso = NULL;
  unsigned year, month, day;
  char rest;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (date_hour >= 0 && date_hour < 24, NULL);

  iso = g_strstrip (g_strdup (text));
  if (strlen (iso) > 10 && iso[10] == ' ')
    iso[10] = 'T';
  if (strchr (iso, 'T') != NULL)
    {
      const char *time = strchr (iso, 'T') + 1;

      /* Hours and minutes without seconds, as spreadsheets write them. */
      if (g_ascii_isdigit (time[0]) && g_ascii_isdigit (time[1]) && time[2] == ':' &&
          g_ascii_isdigit (time[3]) && g_ascii_isdigit (time[4]) && time[5] != ':')
        {
          g_autofree char *whole = g_strdup_printf ("%.*s:00%s", (int)(time + 5 - iso), iso,
                                                    time + 5);
          return g_date_time_new_from_iso8601 (whole, local);
        }
      return g_date_time_new_from_iso8601 (iso, local);
    }

  if (sscanf (iso, "%4u-%2u-%2u%c", &year, &month, &day, &rest) == 3 &&
      g_date_valid_dmy (day, month, year))
    return g_date_time_new (local, year, month, day, date_hour, 0, 0);

  return NULL;
}

static GDateTime *
parse_at (Row     *row,
          GError **error)
{
  Role role = row->self->columns[ROLE_AT] >= 0 ? ROLE_AT : ROLE_DATE;
  const char *text = cell (row, role);
  g_autofree char *joined = NULL;
  GDateTime *at;

  /* A date column and a time column: read together. */
  if (role == ROLE_DATE && row->self->columns[ROLE_TIME] >= 0 && *cell (row, ROLE_TIME) != '\0')
    {
      g_autofree char *date = g_strstrip (g_strdup (text));
      g_autofree char *time = g_strstrip (g_strdup (cell (row, ROLE_TIME)));

      text = joined = g_strdup_printf ("%sT%s", date, time);
    }

  /* A date alone stands for the day: noon, its middle. */
  at = kl_import_parse_date_time (text, 12);
  if (at == NULL)
    {
      row_error (row, role, error,
                 _("“%s” is not a date and time like 2026-11-21T09:30 or 2026-11-21 09:30"),
                 text);
      return NULL;
    }

  return at;
}

/* "ID" or "ID=PAIN" (knots), "REGION" or "REGION=PAIN" (areas), ';'-separated. */
static gboolean
parse_locations (Row          *row,
                 Role          role,
                 KlPainEntry  *entry,
                 GError      **error)
{
  const char *text = cell (row, role);
  g_auto(GStrv) items = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;

  items = g_strsplit (text, ";", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);
      char *equals = strchr (item, '=');
      int pain = KL_PAIN_NONE;
      gint64 value;

      if (*item == '\0')
        continue;
      if (equals != NULL)
        {
          *equals = '\0';
          if (!parse_number (equals + 1, 10, &value))
            return row_error (row, role, error, _("“%s” is not a rating from 0 to 10"),
                              equals + 1);
          pain = value;
        }

      if (role == ROLE_KNOTS)
        {
          const char *region;
          gint64 id;

          if (!parse_number (item, G_MAXINT64, &id) || id == 0)
            return row_error (row, role, error, _("“%s” is not a knot id"), item);

          region = g_hash_table_lookup (row->self->knot_regions, &id);
          if (region == NULL)
            {
              g_autoptr(GError) local_error = NULL;
              g_autoptr(KlKnot) knot = kl_store_get_knot (row->store, id, &local_error);

              if (knot == NULL)
                return row_error (row, role, error,
                                  _("there is no knot %" G_GINT64_FORMAT " in this journal"), id);
              region = g_strdup (kl_knot_get_region (knot));
              g_hash_table_insert (row->self->knot_regions, g_memdup2 (&id, sizeof id),
                                   (char *)region);
            }
          kl_pain_entry_add_location (entry, id, region, pain);
        }
      else
        {
          if (kl_body_regions_lookup (item) == NULL)
            return row_error (row, role, error,
                              _("“%s” is not an area of the body chart (see knotless regions)"),
                              item);
          kl_pain_entry_add_location (entry, 0, item, pain);
        }
    }

  return TRUE;
}

static KlPainEntry *
parse_row (Row     *row,
           GError **error)
{
  g_autoptr(KlPainEntry) entry = kl_pain_entry_new ();
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GError) invalid = NULL;
  static const Role interference_roles[KL_N_INTERFERENCES] = {
    ROLE_ACTIVITY, ROLE_MOOD, ROLE_SLEEP, ROLE_WORK,
  };
  const char *text;
  int rating;

  if ((text = cell (row, ROLE_ID)) != NULL && *text != '\0')
    {
      gint64 id;

      if (!parse_number (text, G_MAXINT64, &id) || id == 0)
        {
          row_error (row, ROLE_ID, error, _("“%s” is not an id"), text);
          return NULL;
        }
      /* An id is kept where it is free: an export brought back into an empty journal. */
      _kl_pain_entry_set_id (entry, id);
    }

  if (!(at = parse_at (row, error)))
    return NULL;
  kl_pain_entry_set_at (entry, at);

  if (!parse_rating (row, ROLE_PAIN, TRUE, &rating, error))
    return NULL;
  kl_pain_entry_set_pain (entry, rating);
  if (!parse_rating (row, ROLE_WORST, FALSE, &rating, error))
    return NULL;
  kl_pain_entry_set_worst (entry, rating);
  if (!parse_rating (row, ROLE_LEAST, FALSE, &rating, error))
    return NULL;
  kl_pain_entry_set_least (entry, rating);
  for (guint i = 0; i < KL_N_INTERFERENCES; i++)
    {
      if (!parse_rating (row, interference_roles[i], FALSE, &rating, error))
        return NULL;
      kl_pain_entry_set_interference (entry, i, rating);
    }

  if (!parse_locations (row, ROLE_KNOTS, entry, error) ||
      !parse_locations (row, ROLE_REGIONS, entry, error))
    return NULL;

  if ((text = cell (row, ROLE_FACTORS)) != NULL && *text != '\0')
    {
      g_auto(GStrv) factors = g_strsplit (text, ";", -1);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) kept = NULL;

      for (guint i = 0; factors[i] != NULL; i++)
        if (*g_strstrip (factors[i]) != '\0')
          g_strv_builder_add (builder, factors[i]);
      kept = g_strv_builder_end (builder);
      kl_pain_entry_set_factors (entry, (const char * const *)kept);
    }

  if ((text = cell (row, ROLE_MEDICATION)) != NULL)
    kl_pain_entry_set_medication (entry, text);
  if ((text = cell (row, ROLE_HELPED)) != NULL && *text != '\0')
    {
      gint64 helped;

      if (!parse_number (text, 100, &helped))
        {
          row_error (row, ROLE_HELPED, error, _("“%s” is not a percentage from 0 to 100"), text);
          return NULL;
        }
      kl_pain_entry_set_medication_helped (entry, helped);
    }
  if ((text = cell (row, ROLE_NOTE)) != NULL)
    kl_pain_entry_set_note (entry, text);

  /* The rules of a check-in (least not above worst, not in the future), with the line. */
  if (!kl_pain_entry_validate (entry, &invalid))
    {
      /* Translators: a line of an imported file and what is wrong with it */
      g_set_error (error, KL_IMPORT_ERROR, KL_IMPORT_ERROR_INVALID, _("line %s: %s"),
                   row->line_text, invalid->message);
      return NULL;
    }

  return g_steal_pointer (&entry);
}

/* Imports every row into @store in one transaction: on any error nothing is written, and the
 * error names the line (and the column). A @dry_run checks and counts every row the same way,
 * then writes nothing. */
gboolean
kl_pain_import_run (KlPainImport  *self,
                    KlStore       *store,
                    gboolean       dry_run,
                    GCancellable  *cancellable,
                    guint         *out_added,
                    guint         *out_skipped,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  const char * const *fields;
  guint n_fields;
  guint added = 0, skipped = 0;

  g_return_val_if_fail (KL_IS_PAIN_IMPORT (self), FALSE);
  g_return_val_if_fail (KL_IS_STORE (store), FALSE);
  g_return_val_if_fail (self->names->len > 0, FALSE);

  if (!kl_store_begin_import (store, error))
    return FALSE;

  while (kl_csv_reader_next (self->reader, &fields, &n_fields, cancellable, &local_error))
    {
      g_autofree char *line_text = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                                    kl_csv_reader_get_line (self->reader));
      Row row = { self, store, fields, line_text };
      g_autoptr(KlPainEntry) entry = NULL;
      gboolean was_added;

      if (n_fields != self->names->len)
        {
          g_set_error (&local_error, KL_IMPORT_ERROR, KL_IMPORT_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE, "line %s: %u field where the header has %u",
                                    "line %s: %u fields where the header has %u", n_fields),
                       line_text, n_fields, self->names->len);
          break;
        }

      if (!(entry = parse_row (&row, &local_error)))
        break;

      if (!kl_store_import_entry (store, entry, &was_added, &local_error))
        {
          g_prefix_error (&local_error, _("line %s: "), line_text);
          break;
        }

      if (was_added)
        added++;
      else
        skipped++;

      if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
        break;
    }

  if (local_error != NULL)
    {
      kl_store_end_import (store, FALSE, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!kl_store_end_import (store, !dry_run, error))
    return FALSE;

  if (out_added != NULL)
    *out_added = added;
  if (out_skipped != NULL)
    *out_skipped = skipped;
  return TRUE;
}
