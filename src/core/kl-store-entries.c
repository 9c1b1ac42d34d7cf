/* kl-store-entries.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-store"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kl-pain-entry-private.h"
#include "kl-store-private.h"

/* Factors and locations ride along as ';'-joined lists (neither a factor name nor a region id
 * may hold ';' or ':'), so a page of entries is one query. Factors are listed built-in ones
 * first, in catalogue order, then the user's own by name, not by row id: ids differ between a
 * journal and one its export was imported into (a back-dated entry may name a factor first). */
/* The local day of an entry, exactly as the index pain_entries_by_day has it. */
#define ENTRY_DAY "date (at_ms / 1000 + utc_offset_min * 60, 'unixepoch')"

/* An entry's factors, ';'-separated: the built-in ones in CONTENT.md's order, then the user's
 * own by name, so that the same entries export the same in any journal. */
#define FACTOR_LIST \
  " (SELECT group_concat (name, ';') FROM" \
  "   (SELECT f.name FROM entry_factors ef JOIN factors f ON f.id = ef.factor_id" \
  "     WHERE ef.entry_id = e.id" \
  "     ORDER BY f.builtin DESC, CASE WHEN f.builtin THEN f.id END, f.name))"

#define ENTRY_COLUMNS \
  "e.id, e.at_ms, e.utc_offset_min, e.pain_now, e.pain_worst, e.pain_least," \
  " e.interference_activity, e.interference_mood, e.interference_sleep, e.interference_work," \
  " e.medication, e.medication_helped, e.note," FACTOR_LIST "," \
  " (SELECT group_concat (item, ';') FROM" \
  "   (SELECT coalesce (l.knot_id, 0) || ':' || l.region || ':' || coalesce (l.pain, -1) AS item" \
  "     FROM entry_locations l WHERE l.entry_id = e.id ORDER BY l.id))"

static int
column_rating (sqlite3_stmt *stmt,
               int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL
    ? KL_PAIN_NONE : sqlite3_column_int (stmt, column);
}

static KlPainEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) at = _kl_store_date_time (sqlite3_column_int64 (stmt, 1),
                                                 sqlite3_column_int (stmt, 2));
  KlPainEntry *entry = _kl_pain_entry_new_at (at);
  const char *factors = (const char *)sqlite3_column_text (stmt, 13);
  const char *locations = (const char *)sqlite3_column_text (stmt, 14);

  _kl_pain_entry_set_id (entry, sqlite3_column_int64 (stmt, 0));
  kl_pain_entry_set_pain (entry, sqlite3_column_int (stmt, 3));
  kl_pain_entry_set_worst (entry, column_rating (stmt, 4));
  kl_pain_entry_set_least (entry, column_rating (stmt, 5));
  for (guint i = 0; i < KL_N_INTERFERENCES; i++)
    kl_pain_entry_set_interference (entry, i, column_rating (stmt, 6 + i));
  kl_pain_entry_set_medication (entry, (const char *)sqlite3_column_text (stmt, 10));
  kl_pain_entry_set_medication_helped (entry, column_rating (stmt, 11));
  kl_pain_entry_set_note (entry, (const char *)sqlite3_column_text (stmt, 12));

  if (factors != NULL)
    {
      g_auto(GStrv) names = g_strsplit (factors, ";", -1);

      kl_pain_entry_set_factors (entry, (const char * const *)names);
    }

  if (locations != NULL)
    {
      g_auto(GStrv) items = g_strsplit (locations, ";", -1);

      for (guint i = 0; items[i] != NULL; i++)
        {
          g_auto(GStrv) parts = g_strsplit (items[i], ":", 3);

          if (g_strv_length (parts) == 3)
            kl_pain_entry_add_location (entry, g_ascii_strtoll (parts[0], NULL, 10), parts[1],
                                        atoi (parts[2]));
        }
    }

  return entry;
}

static void
bind_rating (sqlite3_stmt *stmt,
             int           index,
             int           value)
{
  if (value == KL_PAIN_NONE)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

/* The checks the schema cannot make with a message that names the value. */
static gboolean
validate_entry (KlStore      *self,
                KlPainEntry  *entry,
                GError      **error)
{
  const char * const *factors = kl_pain_entry_get_factors (entry);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!kl_pain_entry_validate (entry, error))
    return FALSE;

  for (guint i = 0; factors[i] != NULL; i++)
    if (strchr (factors[i], ';') != NULL)
      {
        g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                     _("The factor “%s” holds a “;”, which separates factors in exports"),
                     factors[i]);
        return FALSE;
      }

  stmt = _kl_store_prepare (self, "SELECT region FROM knots WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < kl_pain_entry_get_n_locations (entry); i++)
    {
      const KlPainLocation *location = kl_pain_entry_get_location (entry, i);

      if (location->knot_id == 0)
        continue;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, location->knot_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                       _("There is no knot with id %" G_GINT64_FORMAT), location->knot_id);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_entry_row (KlStore      *self,
                 KlPainEntry  *entry,
                 gboolean      update,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDateTime *at = kl_pain_entry_get_at (entry);

  stmt = _kl_store_prepare (self,
                            update
                            ? "UPDATE pain_entries SET at_ms = ?2, utc_offset_min = ?3,"
                              " pain_now = ?4, pain_worst = ?5, pain_least = ?6,"
                              " interference_activity = ?7, interference_mood = ?8,"
                              " interference_sleep = ?9, interference_work = ?10,"
                              " medication = ?11, medication_helped = ?12, note = ?13"
                              " WHERE id = ?1"
                            : "INSERT INTO pain_entries (id, at_ms, utc_offset_min, pain_now,"
                              " pain_worst, pain_least, interference_activity, interference_mood,"
                              " interference_sleep, interference_work, medication,"
                              " medication_helped, note)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                            error);
  if (stmt == NULL)
    return FALSE;

  /* A new entry gets its id from SQLite; one brought back by undo keeps its own. */
  if (kl_pain_entry_get_id (entry) != 0)
    sqlite3_bind_int64 (stmt, 1, kl_pain_entry_get_id (entry));
  _kl_store_bind_date_time (stmt, 2, at);
  sqlite3_bind_int (stmt, 4, kl_pain_entry_get_pain (entry));
  bind_rating (stmt, 5, kl_pain_entry_get_worst (entry));
  bind_rating (stmt, 6, kl_pain_entry_get_least (entry));
  for (guint i = 0; i < KL_N_INTERFERENCES; i++)
    bind_rating (stmt, 7 + i, kl_pain_entry_get_interference (entry, i));
  sqlite3_bind_text (stmt, 11, kl_pain_entry_get_medication (entry), -1, SQLITE_STATIC);
  bind_rating (stmt, 12, kl_pain_entry_get_medication_helped (entry));
  sqlite3_bind_text (stmt, 13, kl_pain_entry_get_note (entry), -1, SQLITE_STATIC);

  if (!_kl_store_step_done (self, stmt, error))
    return FALSE;

  if (update && sqlite3_changes (_kl_store_get_db (self)) == 0)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND,
                   _("There is no pain entry with id %" G_GINT64_FORMAT),
                   kl_pain_entry_get_id (entry));
      return FALSE;
    }

  if (!update)
    _kl_pain_entry_set_id (entry, sqlite3_last_insert_rowid (_kl_store_get_db (self)));

  return TRUE;
}

static gboolean
write_entry_children (KlStore      *self,
                      KlPainEntry  *entry,
                      GError      **error)
{
  const char * const *factors = kl_pain_entry_get_factors (entry);
  gint64 id = kl_pain_entry_get_id (entry);
  g_autoptr(sqlite3_stmt) clear_factors = NULL;
  g_autoptr(sqlite3_stmt) clear_locations = NULL;
  g_autoptr(sqlite3_stmt) add_factor = NULL;
  g_autoptr(sqlite3_stmt) link_factor = NULL;
  g_autoptr(sqlite3_stmt) add_location = NULL;

  if (!(clear_factors = _kl_store_prepare (self, "DELETE FROM entry_factors WHERE entry_id = ?1",
                                           error)) ||
      !(clear_locations = _kl_store_prepare (self,
                                             "DELETE FROM entry_locations WHERE entry_id = ?1",
                                             error)) ||
      !(add_factor = _kl_store_prepare (self, "INSERT OR IGNORE INTO factors (name) VALUES (?1)",
                                        error)) ||
      !(link_factor = _kl_store_prepare (self,
                                         "INSERT OR IGNORE INTO entry_factors (entry_id, factor_id)"
                                         " SELECT ?1, id FROM factors WHERE name = ?2",
                                         error)) ||
      !(add_location = _kl_store_prepare (self,
                                          "INSERT INTO entry_locations (entry_id, knot_id, region,"
                                          " pain) VALUES (?1, ?2, ?3, ?4)",
                                          error)))
    return FALSE;

  sqlite3_bind_int64 (clear_factors, 1, id);
  sqlite3_bind_int64 (clear_locations, 1, id);
  if (!_kl_store_step_done (self, clear_factors, error) ||
      !_kl_store_step_done (self, clear_locations, error))
    return FALSE;

  for (guint i = 0; factors[i] != NULL; i++)
    {
      sqlite3_reset (add_factor);
      sqlite3_reset (link_factor);
      sqlite3_bind_text (add_factor, 1, factors[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (link_factor, 1, id);
      sqlite3_bind_text (link_factor, 2, factors[i], -1, SQLITE_STATIC);
      if (!_kl_store_step_done (self, add_factor, error) ||
          !_kl_store_step_done (self, link_factor, error))
        return FALSE;
    }

  for (guint i = 0; i < kl_pain_entry_get_n_locations (entry); i++)
    {
      const KlPainLocation *location = kl_pain_entry_get_location (entry, i);

      sqlite3_reset (add_location);
      sqlite3_bind_int64 (add_location, 1, id);
      if (location->knot_id != 0)
        sqlite3_bind_int64 (add_location, 2, location->knot_id);
      else
        sqlite3_bind_null (add_location, 2);
      sqlite3_bind_text (add_location, 3, location->region, -1, SQLITE_STATIC);
      bind_rating (add_location, 4, location->pain);
      if (!_kl_store_step_done (self, add_location, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_entry (KlStore      *self,
             KlPainEntry  *entry,
             gboolean      update,
             GError      **error)
{
  gint64 old_id = kl_pain_entry_get_id (entry);

  if (!validate_entry (self, entry, error))
    return FALSE;

  if (!_kl_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!write_entry_row (self, entry, update, error) ||
      !write_entry_children (self, entry, error) ||
      !_kl_store_exec (self, "COMMIT", error))
    {
      _kl_store_exec (self, "ROLLBACK", NULL);
      _kl_pain_entry_set_id (entry, old_id);
      return FALSE;
    }

  return TRUE;
}

/* Saves a new check-in, or brings back a deleted one with its id. */
gboolean
kl_store_add_entry (KlStore      *self,
                    KlPainEntry  *entry,
                    GError      **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_PAIN_ENTRY (entry), FALSE);

  return write_entry (self, entry, FALSE, error);
}

/* Imports: kl_store_begin_import (), then kl_store_import_entry () for each row, then
 * kl_store_end_import (), which commits all of them or none. */
gboolean
kl_store_begin_import (KlStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), FALSE);

  return _kl_store_exec (self, "BEGIN IMMEDIATE", error);
}

static gboolean
find_equal_entry (KlStore      *self,
                  KlPainEntry  *entry,
                  gboolean     *out_found,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) stored = NULL;
  gint64 at_ms = _kl_store_date_time_to_ms (kl_pain_entry_get_at (entry));
  /* Exports give whole seconds: an entry logged at 09:30:12.345 comes back as 09:30:12, and is
   * still the same check-in. */
  gboolean whole_second = at_ms % 1000 == 0;
  int rc;

  *out_found = FALSE;
  stmt = _kl_store_prepare (self, "SELECT id FROM pain_entries WHERE at_ms BETWEEN ?1 AND ?2",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, at_ms);
  sqlite3_bind_int64 (stmt, 2, whole_second ? at_ms + 999 : at_ms);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the journal"));
      return FALSE;
    }
  if (ids->len == 0)
    return TRUE;

  if (!(stored = kl_store_get_entries (self, (gint64 *)ids->data, ids->len, error)))
    return FALSE;

  for (guint i = 0; i < stored->len && !*out_found; i++)
    {
      KlPainEntry *other = g_ptr_array_index (stored, i);

      if (whole_second)
        {
          GDateTime *at = kl_pain_entry_get_at (other);
          g_autoptr(GDateTime) second = g_date_time_add (at, -g_date_time_get_microsecond (at));

          kl_pain_entry_set_at (other, second);
        }
      *out_found = kl_pain_entry_equal (entry, other);
    }

  return TRUE;
}

/* Adds @entry unless an identical one is stored (then *@out_added is FALSE). It keeps its id
 * when that id is free, so an export imported into an empty journal exports the same again. */
gboolean
kl_store_import_entry (KlStore      *self,
                       KlPainEntry  *entry,
                       gboolean     *out_added,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_PAIN_ENTRY (entry), FALSE);
  g_return_val_if_fail (out_added != NULL, FALSE);

  *out_added = FALSE;
  if (!validate_entry (self, entry, error) || !find_equal_entry (self, entry, &found, error))
    return FALSE;
  if (found)
    return TRUE;

  if (kl_pain_entry_get_id (entry) != 0)
    {
      if (!(stmt = _kl_store_prepare (self, "SELECT 1 FROM pain_entries WHERE id = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, kl_pain_entry_get_id (entry));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        _kl_pain_entry_set_id (entry, 0);
    }

  if (!write_entry_row (self, entry, FALSE, error) || !write_entry_children (self, entry, error))
    return FALSE;

  *out_added = TRUE;
  return TRUE;
}

gboolean
kl_store_end_import (KlStore   *self,
                     gboolean   commit,
                     GError   **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), FALSE);

  if (commit)
    {
      if (_kl_store_exec (self, "COMMIT", error))
        return TRUE;
      _kl_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  return _kl_store_exec (self, "ROLLBACK", error);
}

gboolean
kl_store_update_entry (KlStore      *self,
                       KlPainEntry  *entry,
                       GError      **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_PAIN_ENTRY (entry), FALSE);
  g_return_val_if_fail (kl_pain_entry_get_id (entry) != 0, FALSE);

  return write_entry (self, entry, TRUE, error);
}

gboolean
kl_store_delete_entry (KlStore      *self,
                       KlPainEntry  *entry,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_PAIN_ENTRY (entry), FALSE);

  stmt = _kl_store_prepare (self, "DELETE FROM pain_entries WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, kl_pain_entry_get_id (entry));
  return _kl_store_step_done (self, stmt, error);
}

KlPainEntry *
kl_store_get_entry (KlStore  *self,
                    gint64    id,
                    GError  **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  entries = kl_store_get_entries (self, &id, 1, error);
  if (entries == NULL)
    return NULL;

  if (entries->len == 0)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND,
                   _("There is no pain entry with id %" G_GINT64_FORMAT), id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (entries, 0));
}

/* LIKE's wildcards in the user's words are matched literally. */
static char *
like_pattern (const char *words)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = words; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

static sqlite3_stmt *
prepare_filtered (KlStore             *self,
                  const char          *select,
                  const KlEntryFilter *filter,
                  const char          *order,
                  GError             **error)
{
  g_autoptr(GString) sql = g_string_new (select);
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;

  g_string_append (sql, " FROM pain_entries e WHERE 1");
  if (filter != NULL && filter->from != NULL)
    g_string_append (sql, " AND e.at_ms >= :from");
  if (filter != NULL && filter->to != NULL)
    g_string_append (sql, " AND e.at_ms < :to");
  if (filter != NULL && filter->search != NULL && *filter->search != '\0')
    g_string_append (sql, " AND (e.note LIKE :search ESCAPE '\\'"
                          " OR e.medication LIKE :search ESCAPE '\\')");
  if (filter != NULL && filter->factor != NULL)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM entry_factors ef"
                          " JOIN factors f ON f.id = ef.factor_id"
                          " WHERE ef.entry_id = e.id AND f.name = :factor)");
  if (filter != NULL && filter->region != NULL)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM entry_locations l"
                          " WHERE l.entry_id = e.id AND l.region = :region)");
  g_string_append (sql, order);

  stmt = _kl_store_prepare (self, sql->str, error);
  if (stmt == NULL || filter == NULL)
    return stmt;

  if (filter->from != NULL)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":from"),
                        _kl_store_date_time_to_ms (filter->from));
  if (filter->to != NULL)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":to"),
                        _kl_store_date_time_to_ms (filter->to));
  if (filter->search != NULL && *filter->search != '\0')
    {
      pattern = like_pattern (filter->search);
      sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":search"), pattern, -1,
                         SQLITE_TRANSIENT);
    }
  if (filter->factor != NULL)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":factor"), filter->factor, -1,
                       SQLITE_TRANSIENT);
  if (filter->region != NULL)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":region"), filter->region, -1,
                       SQLITE_TRANSIENT);

  return stmt;
}

/* The ids of the matching entries, newest first: all a lazy list needs up front. */
GArray *
kl_store_list_entry_ids (KlStore              *self,
                         const KlEntryFilter  *filter,
                         GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  stmt = prepare_filtered (self, "SELECT e.id", filter, " ORDER BY e.at_ms DESC, e.id DESC",
                           error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not list the journal"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* The entries of @ids, in the order given; ids that no longer exist are left out. */
GPtrArray *
kl_store_get_entries (KlStore       *self,
                      const gint64  *ids,
                      guint          n_ids,
                      GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       g_object_unref);
  g_autoptr(GString) list = g_string_new ("[");
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (list, ']');

  stmt = _kl_store_prepare (self,
                            "SELECT " ENTRY_COLUMNS " FROM pain_entries e"
                            " WHERE e.id IN (SELECT value FROM json_each (?1))",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, list->str, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KlPainEntry *entry = entry_from_row (stmt);
      gint64 id = kl_pain_entry_get_id (entry);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), entry);
    }

  if (rc != SQLITE_DONE)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the journal"));
      return NULL;
    }

  for (guint i = 0; i < n_ids; i++)
    {
      KlPainEntry *entry = g_hash_table_lookup (by_id, &ids[i]);

      if (entry != NULL)
        g_ptr_array_add (entries, g_object_ref (entry));
    }

  return g_steal_pointer (&entries);
}

/* How many entries match: the total an export's progress counts towards. */
gboolean
kl_store_count_entries (KlStore              *self,
                        const KlEntryFilter  *filter,
                        guint64              *out_count,
                        GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_count != NULL, FALSE);

  if (!(stmt = prepare_filtered (self, "SELECT count (*)", filter, "", error)))
    return FALSE;

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the journal"));
      return FALSE;
    }

  *out_count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The pain file's rows, oldest first, without making an entry of each: exports of millions
 * of rows run at the speed of SQLite's own CSV printer. The lists are joined here, in the
 * order ENTRY_COLUMNS reads them, so both paths write the same file. */
gboolean
kl_store_foreach_pain_row (KlStore              *self,
                           const KlEntryFilter  *filter,
                           KlPainRowFunc         func,
                           gpointer              user_data,
                           GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = prepare_filtered (self,
                           "SELECT e.id, e.at_ms, e.utc_offset_min, e.pain_now, e.pain_worst,"
                           " e.pain_least, e.interference_activity, e.interference_mood,"
                           " e.interference_sleep, e.interference_work, e.medication,"
                           " e.medication_helped, e.note," FACTOR_LIST ","
                           " (SELECT group_concat (item, ';') FROM"
                           "   (SELECT l.knot_id || coalesce ('=' || l.pain, '') AS item"
                           "     FROM entry_locations l WHERE l.entry_id = e.id"
                           "     AND l.knot_id IS NOT NULL ORDER BY l.id)),"
                           " (SELECT group_concat (item, ';') FROM"
                           "   (SELECT l.region || coalesce ('=' || l.pain, '') AS item"
                           "     FROM entry_locations l WHERE l.entry_id = e.id"
                           "     AND l.knot_id IS NULL ORDER BY l.id))",
                           filter, " ORDER BY e.at_ms, e.id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KlPainRow row = {
        .id = sqlite3_column_int64 (stmt, 0),
        .at_ms = sqlite3_column_int64 (stmt, 1),
        .utc_offset_min = sqlite3_column_int (stmt, 2),
        .pain = sqlite3_column_int (stmt, 3),
        .worst = column_rating (stmt, 4),
        .least = column_rating (stmt, 5),
        .medication = (const char *)sqlite3_column_text (stmt, 10),
        .medication_helped = column_rating (stmt, 11),
        .note = (const char *)sqlite3_column_text (stmt, 12),
        .factors = (const char *)sqlite3_column_text (stmt, 13),
        .knots = (const char *)sqlite3_column_text (stmt, 14),
        .regions = (const char *)sqlite3_column_text (stmt, 15),
      };

      for (guint i = 0; i < KL_N_INTERFERENCES; i++)
        row.interference[i] = column_rating (stmt, 6 + i);
      if (!func (&row, user_data, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the journal"));
      return FALSE;
    }

  return TRUE;
}

/* Every matching entry, oldest first, one at a time: for listings and exports of any size. */
gboolean
kl_store_foreach_entry (KlStore              *self,
                        const KlEntryFilter  *filter,
                        KlEntryFunc           func,
                        gpointer              user_data,
                        GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = prepare_filtered (self, "SELECT " ENTRY_COLUMNS, filter,
                           " ORDER BY e.at_ms, e.id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(KlPainEntry) entry = entry_from_row (stmt);

      if (!func (entry, user_data, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the journal"));
      return FALSE;
    }

  return TRUE;
}

/* The factors to offer: CONTENT.md's first, in their order, then the user's own by name. */
GPtrArray *
kl_store_list_factors (KlStore  *self,
                       GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  stmt = _kl_store_prepare (self,
                            "SELECT name FROM factors"
                            " ORDER BY builtin DESC, CASE builtin WHEN 1 THEN id END,"
                            " name COLLATE NOCASE",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));

  if (rc != SQLITE_DONE)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not list the factors"));
      return NULL;
    }

  return g_steal_pointer (&names);
}

static char *
date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static gboolean
date_from_iso (const char *text,
               GDate      *date)
{
  unsigned year, month, day;

  if (text == NULL || sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* One KlPainDay per calendar day from @from to @to (at most about 30 years). */
static GArray *
new_days (const GDate *from,
          const GDate *to)
{
  gint n = g_date_days_between (from, to) + 1;
  GArray *days = g_array_sized_new (FALSE, TRUE, sizeof (KlPainDay), MAX (n, 0));

  g_array_set_size (days, MAX (n, 0));
  for (gint i = 0; i < n; i++)
    {
      KlPainDay *day = &g_array_index (days, KlPainDay, i);

      day->date = *from;
      g_date_add_days (&day->date, i);
    }

  return days;
}

/* Fills @days (from new_days ()) from rows of (day, count, mean, min, max). */
static gboolean
fill_days (KlStore       *self,
           sqlite3_stmt  *stmt,
           GArray        *days,
           GError       **error)
{
  const GDate *first = &g_array_index (days, KlPainDay, 0).date;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate date;
      gint index;
      KlPainDay *day;

      if (!date_from_iso ((const char *)sqlite3_column_text (stmt, 0), &date))
        continue;
      index = g_date_days_between (first, &date);
      if (index < 0 || (guint)index >= days->len)
        continue;

      day = &g_array_index (days, KlPainDay, index);
      day->n_entries = sqlite3_column_int (stmt, 1);
      day->mean = sqlite3_column_double (stmt, 2);
      day->min = sqlite3_column_int (stmt, 3);
      day->max = sqlite3_column_int (stmt, 4);
    }

  if (rc != SQLITE_DONE)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the trend"));
      return FALSE;
    }

  return TRUE;
}

/* Routines done and breaks taken per local day, for the trend's overlays. The instants are
 * bounded first (a day and the widest UTC offsets either side) so the time indexes do the work;
 * the local day decides. */
static gboolean
fill_overlays (KlStore      *self,
               const GDate  *from,
               const GDate  *to,
               const char   *from_iso,
               const char   *to_iso,
               GArray       *days,
               GError      **error)
{
  static const struct {
    const char *sql;
    gsize       field;
  } overlays[] = {
    { "SELECT date (started_ms / 1000 + started_offset_min * 60, 'unixepoch') AS d, count (*)"
      " FROM routine_sessions WHERE started_ms BETWEEN ?3 AND ?4 AND ended_ms IS NOT NULL"
      " AND d BETWEEN ?1 AND ?2 GROUP BY d",
      G_STRUCT_OFFSET (KlPainDay, n_sessions) },
    { "SELECT date (at_ms / 1000 + utc_offset_min * 60, 'unixepoch') AS d, count (*)"
      " FROM break_events WHERE at_ms BETWEEN ?3 AND ?4 AND outcome IN ('taken', 'natural')"
      " AND d BETWEEN ?1 AND ?2 GROUP BY d",
      G_STRUCT_OFFSET (KlPainDay, n_breaks) },
  };
  const gint64 day_ms = 24 * 60 * 60 * (gint64)1000;
  gint64 from_ms, to_ms;
  GDate epoch;

  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1970);
  from_ms = (g_date_days_between (&epoch, from) - 1) * day_ms;
  to_ms = (g_date_days_between (&epoch, to) + 2) * day_ms;

  for (guint i = 0; i < G_N_ELEMENTS (overlays); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = _kl_store_prepare (self, overlays[i].sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, from_iso, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, to_iso, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, from_ms);
      sqlite3_bind_int64 (stmt, 4, to_ms);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          GDate date;
          gint index;

          if (!date_from_iso ((const char *)sqlite3_column_text (stmt, 0), &date))
            continue;
          index = g_date_days_between (from, &date);
          if (index < 0 || (guint)index >= days->len)
            continue;
          G_STRUCT_MEMBER (guint, &g_array_index (days, KlPainDay, index), overlays[i].field) =
            sqlite3_column_int (stmt, 1);
        }

      if (rc != SQLITE_DONE)
        {
          _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the trend"));
          return FALSE;
        }
    }

  return TRUE;
}

/* Daily pain from @from to @to, both included, with a day for every date; and, when
 * @out_day_factors is given, the factors of each day (a GStrv or NULL, same index). */
GArray *
kl_store_list_pain_days (KlStore      *self,
                         const GDate  *from,
                         const GDate  *to,
                         GPtrArray   **out_day_factors,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) days = NULL;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);
  g_return_val_if_fail (g_date_valid (from) && g_date_valid (to), NULL);
  g_return_val_if_fail (g_date_compare (from, to) <= 0, NULL);

  days = new_days (from, to);
  from_iso = date_to_iso (from);
  to_iso = date_to_iso (to);

  stmt = _kl_store_prepare (self,
                            "SELECT " ENTRY_DAY " AS d, count (*), avg (pain_now), min (pain_now),"
                            " max (pain_now) FROM pain_entries"
                            " WHERE " ENTRY_DAY " BETWEEN ?1 AND ?2 GROUP BY d ORDER BY d",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, from_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to_iso, -1, SQLITE_STATIC);
  if (!fill_days (self, stmt, days, error) ||
      !fill_overlays (self, from, to, from_iso, to_iso, days, error))
    return NULL;

  if (out_day_factors != NULL)
    {
      g_autoptr(GPtrArray) day_factors = g_ptr_array_new_full (days->len,
                                                               (GDestroyNotify)g_strfreev);
      g_autoptr(sqlite3_stmt) factors = NULL;
      g_autoptr(GStrvBuilder) builder = NULL;
      gint current = -1;
      int rc;

      g_ptr_array_set_size (day_factors, days->len);
      factors = _kl_store_prepare (self,
                                   "SELECT " ENTRY_DAY " AS d, f.name FROM pain_entries"
                                   " JOIN entry_factors ef ON ef.entry_id = pain_entries.id"
                                   " JOIN factors f ON f.id = ef.factor_id"
                                   " WHERE " ENTRY_DAY " BETWEEN ?1 AND ?2"
                                   " GROUP BY d, f.id ORDER BY d",
                                   error);
      if (factors == NULL)
        return NULL;

      sqlite3_bind_text (factors, 1, from_iso, -1, SQLITE_STATIC);
      sqlite3_bind_text (factors, 2, to_iso, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (factors)) == SQLITE_ROW)
        {
          GDate date;
          gint index;

          if (!date_from_iso ((const char *)sqlite3_column_text (factors, 0), &date))
            continue;
          index = g_date_days_between (from, &date);
          if (index < 0 || (guint)index >= days->len)
            continue;

          if (index != current)
            {
              if (builder != NULL)
                g_ptr_array_index (day_factors, current) = g_strv_builder_end (builder);
              g_clear_pointer (&builder, g_strv_builder_unref);
              builder = g_strv_builder_new ();
              current = index;
            }
          g_strv_builder_add (builder, (const char *)sqlite3_column_text (factors, 1));
        }
      if (builder != NULL)
        g_ptr_array_index (day_factors, current) = g_strv_builder_end (builder);

      if (rc != SQLITE_DONE)
        {
          _kl_store_set_error (_kl_store_get_db (self), rc, error,
                               _("Could not read the factors"));
          return NULL;
        }

      *out_day_factors = g_steal_pointer (&day_factors);
    }

  return g_steal_pointer (&days);
}

/* The local day of the first check-in; FALSE without error when the journal is empty. */
gboolean
kl_store_get_first_entry_date (KlStore  *self,
                               GDate    *out_date,
                               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  stmt = _kl_store_prepare (self, "SELECT min (" ENTRY_DAY ") FROM pain_entries", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the journal"));
      return FALSE;
    }

  return date_from_iso ((const char *)sqlite3_column_text (stmt, 0), out_date);
}

/* One knot's tenderness per day, from its first rating to today; NULL with no error when it
 * has never been rated. */
GArray *
kl_store_list_knot_days (KlStore  *self,
                         gint64    knot_id,
                         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate first, today;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  stmt = _kl_store_prepare (self,
                            "SELECT min (date (at_ms / 1000 + utc_offset_min * 60, 'unixepoch'))"
                            " FROM knot_ratings WHERE knot_id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, knot_id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the ratings"));
      return NULL;
    }
  if (!date_from_iso ((const char *)sqlite3_column_text (stmt, 0), &first))
    return NULL;

  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (g_date_compare (&first, &today) > 0)
    today = first;
  days = new_days (&first, &today);

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = _kl_store_prepare (self,
                            "SELECT date (at_ms / 1000 + utc_offset_min * 60, 'unixepoch') AS d,"
                            " count (*), avg (tenderness), min (tenderness), max (tenderness)"
                            " FROM knot_ratings WHERE knot_id = ?1 GROUP BY d ORDER BY d",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, knot_id);
  if (!fill_days (self, stmt, days, error))
    return NULL;

  return g_steal_pointer (&days);
}

/* Off the main thread: the queries whose time grows with the years of the journal run on a
 * reader connection (kl_store_open_reader ()) in a GTask thread, so the window never waits. */

typedef struct
{
  KlEntryFilter  filter;
  GDate          from;
  GDate          to;
  gboolean       since_first;
  GPtrArray     *day_factors;
} QueryData;

static void
query_data_free (QueryData *data)
{
  g_clear_pointer (&data->filter.from, g_date_time_unref);
  g_clear_pointer (&data->filter.to, g_date_time_unref);
  g_free ((char *)data->filter.search);
  g_free ((char *)data->filter.factor);
  g_free ((char *)data->filter.region);
  g_clear_pointer (&data->day_factors, g_ptr_array_unref);
  g_free (data);
}

static void
list_entry_ids_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  QueryData *data = task_data;
  g_autoptr(KlStore) reader = NULL;
  GError *error = NULL;
  GArray *ids;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!(reader = kl_store_open_reader (source_object, &error)) ||
      !(ids = kl_store_list_entry_ids (reader, &data->filter, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, ids, (GDestroyNotify)g_array_unref);
}

/* kl_store_list_entry_ids () in a thread; @filter is copied. */
void
kl_store_list_entry_ids_async (KlStore             *self,
                               const KlEntryFilter *filter,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  QueryData *data;

  g_return_if_fail (KL_IS_STORE (self));

  data = g_new0 (QueryData, 1);
  if (filter != NULL)
    {
      data->filter.from = filter->from != NULL ? g_date_time_ref (filter->from) : NULL;
      data->filter.to = filter->to != NULL ? g_date_time_ref (filter->to) : NULL;
      data->filter.search = g_strdup (filter->search);
      data->filter.factor = g_strdup (filter->factor);
      data->filter.region = g_strdup (filter->region);
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kl_store_list_entry_ids_async);
  g_task_set_task_data (task, data, (GDestroyNotify)query_data_free);
  g_task_run_in_thread (task, list_entry_ids_thread);
}

GArray *
kl_store_list_entry_ids_finish (KlStore       *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
list_pain_days_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  QueryData *data = task_data;
  g_autoptr(KlStore) reader = NULL;
  GError *error = NULL;
  GArray *days;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!(reader = kl_store_open_reader (source_object, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (data->since_first)
    {
      if (!kl_store_get_first_entry_date (reader, &data->from, &error))
        {
          if (error != NULL)
            {
              g_task_return_error (task, error);
              return;
            }
          data->from = data->to;
        }
      if (g_date_compare (&data->from, &data->to) > 0)
        data->from = data->to;
    }

  if (!(days = kl_store_list_pain_days (reader, &data->from, &data->to, &data->day_factors,
                                        &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, days, (GDestroyNotify)g_array_unref);
}

/* kl_store_list_pain_days () in a thread, always with the day factors. A NULL @from means
 * "since the first check-in" (only @to when the journal is empty). */
void
kl_store_list_pain_days_async (KlStore             *self,
                               const GDate         *from,
                               const GDate         *to,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  QueryData *data;

  g_return_if_fail (KL_IS_STORE (self));
  g_return_if_fail (from == NULL || g_date_valid (from));
  g_return_if_fail (g_date_valid (to));
  g_return_if_fail (from == NULL || g_date_compare (from, to) <= 0);

  data = g_new0 (QueryData, 1);
  data->since_first = from == NULL;
  if (from != NULL)
    data->from = *from;
  data->to = *to;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kl_store_list_pain_days_async);
  g_task_set_task_data (task, data, (GDestroyNotify)query_data_free);
  g_task_run_in_thread (task, list_pain_days_thread);
}

GArray *
kl_store_list_pain_days_finish (KlStore       *self,
                                GAsyncResult  *result,
                                GPtrArray    **out_day_factors,
                                GError       **error)
{
  GArray *days;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  days = g_task_propagate_pointer (G_TASK (result), error);
  if (days != NULL && out_day_factors != NULL)
    {
      QueryData *data = g_task_get_task_data (G_TASK (result));

      *out_day_factors = g_steal_pointer (&data->day_factors);
    }

  return days;
}
