/* kl-store-routines.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Routines, the sessions played and the safety screening. */

#define G_LOG_DOMAIN "kl-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kl-session-private.h"
#include "kl-store-private.h"

#define MAX_SLUG_LENGTH 64

#define SESSION_COLUMNS \
  "id, routine, started_ms, started_offset_min, ended_ms, ended_offset_min, completed," \
  " stopped_at_step, pain_before, pain_after, knot_id, active_seconds"

/* Routines ------------------------------------------------------------------------------------ */

static KlRoutine *
routine_from_text (const char  *slug,
                   const void  *text,
                   int          length,
                   GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);
  g_autofree char *filename = g_strconcat (slug, ".routine", NULL);
  g_autoptr(KlRoutine) routine = NULL;

  if (!(routine = kl_routine_load_from_bytes (bytes, filename, error)))
    return NULL;

  if (g_strcmp0 (kl_routine_get_slug (routine), slug) != 0)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_DAMAGED,
                   _("The stored routine “%s” calls itself “%s”"), slug,
                   kl_routine_get_slug (routine));
      return NULL;
    }

  return g_steal_pointer (&routine);
}

/* The version of every stored routine by slug, a user routine's as 0: only built-ins are
 * seeded, and a user routine that took a later built-in's slug stays the user's. */
static GHashTable *
read_versions (KlStore  *self,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  if (!(stmt = _kl_store_prepare (self,
                                  "SELECT slug, CASE WHEN builtin THEN version ELSE 0 END"
                                  " FROM routines",
                                  error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (versions, g_strdup ((const char *)sqlite3_column_text (stmt, 0)),
                         GUINT_TO_POINTER (sqlite3_column_int (stmt, 1)));

  if (rc != SQLITE_DONE)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the routines"));
      return NULL;
    }

  return g_steal_pointer (&versions);
}

static gboolean
write_builtin (KlStore     *self,
               const char  *slug,
               GBytes      *file,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(KlRoutine) routine = NULL;
  gsize size;
  const char *data = g_bytes_get_data (file, &size);

  if (!(routine = routine_from_text (slug, data, (int)size, error)))
    return FALSE;

  /* Only a built-in older than the file is replaced, decided in the statement itself, so that
   * two programs seeding at once come to the same result. */
  if (!(stmt = _kl_store_prepare (self,
                                  "INSERT INTO routines (slug, builtin, version, name, kind,"
                                  " definition) VALUES (?1, 1, ?2, ?3, ?4, ?5)"
                                  " ON CONFLICT (slug) DO UPDATE SET version = excluded.version,"
                                  " name = excluded.name, kind = excluded.kind,"
                                  " definition = excluded.definition"
                                  " WHERE routines.builtin = 1"
                                  " AND routines.version < excluded.version",
                                  error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, kl_routine_get_version (routine));
  sqlite3_bind_text (stmt, 3, kl_routine_get_name (routine), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, kl_routine_kind_to_string (kl_routine_get_kind (routine)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, data, (int)size, SQLITE_STATIC);
  return _kl_store_step_done (self, stmt, error);
}

gboolean
_kl_store_seed_routines_from (KlStore            *self,
                              const char * const *slugs,
                              GBytes * const     *files,
                              GError            **error)
{
  g_autoptr(GHashTable) versions = NULL;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));

  g_assert (KL_IS_STORE (self));

  /* The common case, every built-in up to date, reads one small table and the Version lines,
   * and takes no write lock: this runs each time the app or a command starts. */
  if (!(versions = read_versions (self, error)))
    return FALSE;

  for (guint i = 0; slugs[i] != NULL; i++)
    {
      gpointer stored;
      guint version;

      if (!kl_routine_peek_version (files[i], &version, error))
        {
          g_prefix_error (error, "%s.routine: ", slugs[i]);
          return FALSE;
        }

      if (!g_hash_table_lookup_extended (versions, slugs[i], NULL, &stored) ||
          (GPOINTER_TO_UINT (stored) != 0 && GPOINTER_TO_UINT (stored) < version))
        g_array_append_val (changed, i);
    }

  if (changed->len == 0)
    return TRUE;

  if (!_kl_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < changed->len; i++)
    {
      guint index = g_array_index (changed, guint, i);

      if (!write_builtin (self, slugs[index], files[index], error))
        {
          _kl_store_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }

  if (!_kl_store_exec (self, "COMMIT", error))
    {
      _kl_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  g_debug ("Seeded %u built-in routines", changed->len);
  return TRUE;
}

gboolean
kl_store_seed_routines (KlStore  *self,
                        GError  **error)
{
  const char * const *slugs = kl_routine_get_builtin_slugs ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);

  for (guint i = 0; slugs[i] != NULL; i++)
    {
      GBytes *file = kl_routine_get_builtin_bytes (slugs[i], error);

      if (file == NULL)
        return FALSE;
      g_ptr_array_add (files, file);
    }

  return _kl_store_seed_routines_from (self, slugs, (GBytes * const *)files->pdata, error);
}

typedef struct
{
  KlRoutine *routine;
  guint      order;     /* the built-ins first, in CONTENT.md's order */
} ListedRoutine;

static int
compare_listed (gconstpointer a,
                gconstpointer b)
{
  const ListedRoutine *la = a;
  const ListedRoutine *lb = b;
  int by_name;

  if (la->order != lb->order)
    return la->order < lb->order ? -1 : 1;

  by_name = g_utf8_collate (kl_routine_get_name (la->routine), kl_routine_get_name (lb->routine));
  if (by_name != 0)
    return by_name;

  return strcmp (kl_routine_get_slug (la->routine), kl_routine_get_slug (lb->routine));
}

static guint
builtin_order (const char *slug,
               gboolean    builtin)
{
  const char * const *slugs = kl_routine_get_builtin_slugs ();
  guint i;

  if (!builtin)
    return G_MAXUINT;

  /* One that a later version no longer ships comes after those it does. */
  for (i = 0; slugs[i] != NULL; i++)
    {
      if (g_str_equal (slugs[i], slug))
        break;
    }

  return i;
}

/* The built-ins in CONTENT.md's order, then the user's by name. */
GPtrArray *
kl_store_list_routines (KlStore  *self,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (ListedRoutine));
  GPtrArray *routines;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  if (!(stmt = _kl_store_prepare (self, "SELECT slug, builtin, definition FROM routines", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *slug = (const char *)sqlite3_column_text (stmt, 0);
      ListedRoutine item;

      item.routine = routine_from_text (slug, sqlite3_column_blob (stmt, 2),
                                        sqlite3_column_bytes (stmt, 2), error);
      if (item.routine == NULL)
        break;
      item.order = builtin_order (slug, sqlite3_column_int (stmt, 1));
      g_array_append_val (listed, item);
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the routines"));

  if (rc != SQLITE_DONE)
    {
      for (guint i = 0; i < listed->len; i++)
        g_object_unref (g_array_index (listed, ListedRoutine, i).routine);
      return NULL;
    }

  g_array_sort (listed, compare_listed);
  routines = g_ptr_array_new_full (listed->len, g_object_unref);
  for (guint i = 0; i < listed->len; i++)
    g_ptr_array_add (routines, g_array_index (listed, ListedRoutine, i).routine);

  return routines;
}

/* Whether a routine of that slug is stored, and whether it is a built-in; FALSE only when the
 * database cannot be read. */
static gboolean
find_routine (KlStore     *self,
              const char  *slug,
              gboolean    *out_found,
              gboolean    *out_builtin,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _kl_store_prepare (self, "SELECT builtin FROM routines WHERE slug = ?1", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the routines"));
      return FALSE;
    }

  *out_found = rc == SQLITE_ROW;
  if (out_builtin != NULL)
    *out_builtin = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
set_no_routine (GError     **error,
                const char  *slug)
{
  g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND,
               _("There is no routine “%s”"), slug);
  return FALSE;
}

KlRoutine *
kl_store_get_routine (KlStore     *self,
                      const char  *slug,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);
  g_return_val_if_fail (slug != NULL, NULL);

  if (!(stmt = _kl_store_prepare (self, "SELECT definition FROM routines WHERE slug = ?1",
                                  error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_no_routine (error, slug);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the routines"));
      return NULL;
    }

  return routine_from_text (slug, sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0),
                            error);
}

/* Checks a user routine and turns it into the text to store. */
static GBytes *
user_routine_text (KlRoutine  *routine,
                   GError    **error)
{
  const char *slug = kl_routine_get_slug (routine);
  g_autoptr(GBytes) text = NULL;
  g_autoptr(KlRoutine) again = NULL;

  if (!kl_routine_validate (routine, NULL, NULL, error))
    return NULL;

  if (strlen (slug) > MAX_SLUG_LENGTH)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                   _("The slug “%s” is longer than %d characters"), slug, MAX_SLUG_LENGTH);
      return NULL;
    }

  if (kl_routine_is_builtin_slug (slug))
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                   _("“%s” is a built-in routine: duplicate it to make one of your own"), slug);
      return NULL;
    }

  /* What is stored must load again, or the user would lose the routine the next time. */
  text = kl_routine_to_bytes (routine);
  if (!(again = kl_routine_load_from_bytes (text, slug, error)))
    return NULL;

  return g_steal_pointer (&text);
}

static gboolean
write_user_routine (KlStore     *self,
                    KlRoutine   *routine,
                    gboolean     replace,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) text = NULL;
  const char *slug = kl_routine_get_slug (routine);
  gboolean found = FALSE;
  gboolean builtin = FALSE;
  gsize size;
  const char *data;

  if (!(text = user_routine_text (routine, error)))
    return FALSE;

  if (!_kl_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!find_routine (self, slug, &found, &builtin, error))
    goto failed;

  if (builtin)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                   _("“%s” is a built-in routine: duplicate it to make one of your own"), slug);
      goto failed;
    }
  if (found && !replace)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                   _("There is already a routine “%s”"), slug);
      goto failed;
    }

  if (!(stmt = _kl_store_prepare (self,
                                  "INSERT OR REPLACE INTO routines (slug, builtin, version, name,"
                                  " kind, definition) VALUES (?1, 0, ?2, ?3, ?4, ?5)",
                                  error)))
    goto failed;

  data = g_bytes_get_data (text, &size);
  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, kl_routine_get_version (routine));
  sqlite3_bind_text (stmt, 3, kl_routine_get_name (routine), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, kl_routine_kind_to_string (kl_routine_get_kind (routine)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, data, (int)size, SQLITE_STATIC);

  if (!_kl_store_step_done (self, stmt, error) ||
      !_kl_store_exec (self, "COMMIT", error))
    goto failed;

  return TRUE;

failed:
  _kl_store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

gboolean
kl_store_save_routine (KlStore    *self,
                       KlRoutine  *routine,
                       GError    **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_ROUTINE (routine), FALSE);

  return write_user_routine (self, routine, TRUE, error);
}

gboolean
kl_store_restore_routine (KlStore    *self,
                          KlRoutine  *routine,
                          GError    **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_ROUTINE (routine), FALSE);

  return write_user_routine (self, routine, FALSE, error);
}

/* @base if free, else "BASE-2", "BASE-3" …: taken by neither a stored routine nor a built-in
 * that a later version might seed. @base is short enough to take the number. */
static char *
free_slug_from (KlStore     *self,
                const char  *base,
                const char  *what,
                GError     **error)
{
  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);
      gboolean found = FALSE;

      if (kl_routine_is_builtin_slug (candidate))
        continue;
      if (!find_routine (self, candidate, &found, NULL, error))
        return NULL;
      if (!found)
        return g_steal_pointer (&candidate);
    }

  g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
               _("There are too many routines called “%s”"), what);
  return NULL;
}

/* "SLUG-copy", then "SLUG-copy-2" …, short enough for the schema and taken by nothing. */
static char *
free_copy_slug (KlStore     *self,
                const char  *slug,
                GError     **error)
{
  g_autofree char *base = NULL;

  base = g_strdup_printf ("%.*s-copy", MAX_SLUG_LENGTH - (int)strlen ("-copy-999"), slug);
  return free_slug_from (self, base, slug, error);
}

char *
kl_store_dup_free_routine_slug (KlStore     *self,
                                const char  *name,
                                GError     **error)
{
  g_autoptr(GString) base = g_string_new (NULL);
  g_autofree char *ascii = NULL;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* The name's letters and digits, the rest as single hyphens: "Hips & back" → "hips-back". */
  ascii = g_str_to_ascii (name, "C");
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (base->len >= MAX_SLUG_LENGTH - strlen ("-999"))
        break;
      if (g_ascii_isalnum (*p))
        g_string_append_c (base, g_ascii_tolower (*p));
      else if (base->len > 0 && base->str[base->len - 1] != '-')
        g_string_append_c (base, '-');
    }
  while (base->len > 0 && base->str[base->len - 1] == '-')
    g_string_truncate (base, base->len - 1);
  if (base->len == 0)
    g_string_append (base, "my-routine");

  return free_slug_from (self, base->str, name, error);
}

KlRoutine *
kl_store_duplicate_routine (KlStore     *self,
                            const char  *slug,
                            const char  *new_slug,
                            GError     **error)
{
  g_autoptr(KlRoutine) original = NULL;
  g_autoptr(KlRoutine) copy = NULL;
  g_autofree char *free_slug = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);
  g_return_val_if_fail (slug != NULL, NULL);

  if (!(original = kl_store_get_routine (self, slug, error)))
    return NULL;

  if (new_slug == NULL && !(new_slug = free_slug = free_copy_slug (self, slug, error)))
    return NULL;

  copy = kl_routine_copy_as (original, new_slug);
  /* Translators: the name of a user's copy of a routine */
  name = g_strdup_printf (_("%s (copy)"), kl_routine_get_name (original));
  kl_routine_set_name (copy, name);
  kl_routine_set_version (copy, 1);

  if (!write_user_routine (self, copy, FALSE, error))
    return NULL;

  return g_steal_pointer (&copy);
}

gboolean
kl_store_delete_routine (KlStore     *self,
                         const char  *slug,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found = FALSE;
  gboolean builtin = FALSE;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (slug != NULL, FALSE);

  if (!find_routine (self, slug, &found, &builtin, error))
    return FALSE;
  if (!found)
    return set_no_routine (error, slug);

  if (builtin)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                   _("“%s” is a built-in routine, which cannot be deleted"), slug);
      return FALSE;
    }

  if (!(stmt = _kl_store_prepare (self, "DELETE FROM routines WHERE slug = ?1 AND builtin = 0",
                                  error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_STATIC);
  return _kl_store_step_done (self, stmt, error);
}

/* Sessions ------------------------------------------------------------------------------------ */

static KlSession *
session_from_row (sqlite3_stmt *stmt)
{
  KlSession *session = kl_session_new ((const char *)sqlite3_column_text (stmt, 1));
  g_autoptr(GDateTime) started = _kl_store_date_time (sqlite3_column_int64 (stmt, 2),
                                                      sqlite3_column_int (stmt, 3));

  _kl_session_set_id (session, sqlite3_column_int64 (stmt, 0));
  kl_session_set_started (session, started);
  if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    {
      g_autoptr(GDateTime) ended = _kl_store_date_time (sqlite3_column_int64 (stmt, 4),
                                                        sqlite3_column_int (stmt, 5));
      kl_session_set_ended (session, ended);
    }
  kl_session_set_completed (session, sqlite3_column_int (stmt, 6));
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    kl_session_set_stopped_at_step (session, sqlite3_column_int (stmt, 7));
  if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
    kl_session_set_pain_before (session, sqlite3_column_int (stmt, 8));
  if (sqlite3_column_type (stmt, 9) != SQLITE_NULL)
    kl_session_set_pain_after (session, sqlite3_column_int (stmt, 9));
  if (sqlite3_column_type (stmt, 10) != SQLITE_NULL)
    kl_session_set_knot_id (session, sqlite3_column_int64 (stmt, 10));
  kl_session_set_active_seconds (session, sqlite3_column_int64 (stmt, 11));

  return session;
}

static void
bind_optional_int (sqlite3_stmt *stmt,
                   int           index,
                   gint64        value,
                   gint64        none)
{
  if (value == none)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

/* The schema checks these too; checking first gives a message that names the value. */
static gboolean
validate_session (KlStore    *self,
                  KlSession  *session,
                  GError    **error)
{
  GDateTime *started = kl_session_get_started (session);
  GDateTime *ended = kl_session_get_ended (session);
  gint64 knot_id = kl_session_get_knot_id (session);
  g_autoptr(GError) local_error = NULL;
  gboolean found = FALSE;

  if (kl_session_get_completed (session) &&
      kl_session_get_stopped_at_step (session) != KL_SESSION_NO_STEP)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                   _("A session that was completed was not stopped at step %d"),
                   kl_session_get_stopped_at_step (session) + 1);
      return FALSE;
    }

  if (ended == NULL && (kl_session_get_completed (session) ||
                        kl_session_get_stopped_at_step (session) != KL_SESSION_NO_STEP))
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                   _("A session that has not ended cannot be completed or stopped"));
      return FALSE;
    }

  if (ended != NULL && started != NULL &&
      _kl_store_date_time_to_ms (ended) < _kl_store_date_time_to_ms (started))
    {
      g_autofree char *text = g_date_time_format_iso8601 (ended);

      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                   _("A session cannot end (%s) before it starts"), text);
      return FALSE;
    }

  if (!find_routine (self, kl_session_get_routine (session), &found, NULL, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                   _("There is no routine “%s”"), kl_session_get_routine (session));
      return FALSE;
    }

  if (knot_id != 0)
    {
      g_autoptr(KlKnot) knot = kl_store_get_knot (self, knot_id, &local_error);

      if (knot == NULL)
        {
          if (!g_error_matches (local_error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                       _("There is no knot with id %" G_GINT64_FORMAT), knot_id);
          return FALSE;
        }
    }

  return TRUE;
}

/* The fields of a session after its routine and start, as ?3 … ?10 of an INSERT or UPDATE. */
static void
bind_session_outcome (sqlite3_stmt *stmt,
                      KlSession    *session)
{
  GDateTime *ended = kl_session_get_ended (session);

  if (ended != NULL)
    _kl_store_bind_date_time (stmt, 3, ended);
  else
    {
      sqlite3_bind_null (stmt, 3);
      sqlite3_bind_null (stmt, 4);
    }
  sqlite3_bind_int (stmt, 5, kl_session_get_completed (session));
  bind_optional_int (stmt, 6, kl_session_get_stopped_at_step (session), KL_SESSION_NO_STEP);
  bind_optional_int (stmt, 7, kl_session_get_pain_before (session), KL_PAIN_NONE);
  bind_optional_int (stmt, 8, kl_session_get_pain_after (session), KL_PAIN_NONE);
  bind_optional_int (stmt, 9, kl_session_get_knot_id (session), 0);
  sqlite3_bind_int64 (stmt, 10, kl_session_get_active_seconds (session));
}

gboolean
kl_store_add_session (KlStore    *self,
                      KlSession  *session,
                      GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = NULL;
  GDateTime *started;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_SESSION (session), FALSE);
  g_return_val_if_fail (kl_session_get_id (session) == 0, FALSE);

  if (!validate_session (self, session, error))
    return FALSE;

  if (!(stmt = _kl_store_prepare (self,
                                  "INSERT INTO routine_sessions (started_ms, started_offset_min,"
                                  " ended_ms, ended_offset_min, completed, stopped_at_step,"
                                  " pain_before, pain_after, knot_id, active_seconds, routine)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                                  error)))
    return FALSE;

  started = kl_session_get_started (session);
  if (started == NULL)
    {
      gint64 now_ms;
      int offset_min;

      _kl_store_now (&now_ms, &offset_min);
      now = _kl_store_date_time (now_ms, offset_min);
      started = now;
    }

  _kl_store_bind_date_time (stmt, 1, started);
  bind_session_outcome (stmt, session);
  sqlite3_bind_text (stmt, 11, kl_session_get_routine (session), -1, SQLITE_STATIC);

  if (!_kl_store_step_done (self, stmt, error))
    return FALSE;

  kl_session_set_started (session, started);
  _kl_session_set_id (session, sqlite3_last_insert_rowid (_kl_store_get_db (self)));
  return TRUE;
}

gboolean
kl_store_finish_session (KlStore    *self,
                         KlSession  *session,
                         GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) old_ended = NULL;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_SESSION (session), FALSE);
  g_return_val_if_fail (kl_session_get_id (session) != 0, FALSE);

  if (kl_session_get_ended (session) == NULL)
    {
      g_autoptr(GDateTime) now = NULL;
      gint64 now_ms;
      int offset_min;

      _kl_store_now (&now_ms, &offset_min);
      now = _kl_store_date_time (now_ms, offset_min);
      kl_session_set_ended (session, now);
    }
  else
    {
      old_ended = g_date_time_ref (kl_session_get_ended (session));
    }

  if (!validate_session (self, session, error) ||
      !(stmt = _kl_store_prepare (self,
                                  "UPDATE routine_sessions SET ended_ms = ?3,"
                                  " ended_offset_min = ?4, completed = ?5, stopped_at_step = ?6,"
                                  " pain_before = ?7, pain_after = ?8, knot_id = ?9,"
                                  " active_seconds = ?10 WHERE id = ?1",
                                  error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, kl_session_get_id (session));
  bind_session_outcome (stmt, session);
  if (!_kl_store_step_done (self, stmt, error))
    goto failed;

  if (sqlite3_changes (_kl_store_get_db (self)) == 0)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND,
                   _("There is no session with id %" G_GINT64_FORMAT),
                   kl_session_get_id (session));
      goto failed;
    }

  return TRUE;

failed:
  /* Nothing was written: the session is left as the caller had it. */
  kl_session_set_ended (session, old_ended);
  return FALSE;
}

KlSession *
kl_store_get_session (KlStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  if (!(stmt = _kl_store_prepare (self,
                                  "SELECT " SESSION_COLUMNS " FROM routine_sessions WHERE id = ?1",
                                  error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return session_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND,
                 _("There is no session with id %" G_GINT64_FORMAT), id);
  else
    _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the sessions"));

  return NULL;
}

GPtrArray *
kl_store_list_sessions (KlStore    *self,
                        GDateTime  *from,
                        GDateTime  *to,
                        GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  if (!(stmt = _kl_store_prepare (self,
                                  "SELECT " SESSION_COLUMNS " FROM routine_sessions"
                                  " WHERE started_ms >= ?1 AND started_ms < ?2"
                                  " ORDER BY started_ms, id",
                                  error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, from != NULL ? _kl_store_date_time_to_ms (from) : G_MININT64);
  sqlite3_bind_int64 (stmt, 2, to != NULL ? _kl_store_date_time_to_ms (to) : G_MAXINT64);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sessions, session_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the sessions"));
      return NULL;
    }

  return g_steal_pointer (&sessions);
}

gboolean
kl_store_get_routine_stats (KlStore         *self,
                            const char      *slug,
                            KlRoutineStats  *out_stats,
                            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) after = g_array_new (FALSE, FALSE, sizeof (int));
  KlRoutineStats stats = { 0 };
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (slug != NULL, FALSE);
  g_return_val_if_fail (out_stats != NULL, FALSE);

  if (!(stmt = _kl_store_prepare (self,
                                  "SELECT completed, pain_before, pain_after"
                                  " FROM routine_sessions WHERE routine = ?1",
                                  error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      stats.n_sessions++;
      stats.n_completed += sqlite3_column_int (stmt, 0) != 0;
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL &&
          sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          int pain_before = sqlite3_column_int (stmt, 1);
          int pain_after = sqlite3_column_int (stmt, 2);

          g_array_append_val (before, pain_before);
          g_array_append_val (after, pain_after);
        }
    }

  if (rc != SQLITE_DONE)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the sessions"));
      return FALSE;
    }

  kl_pain_stats_relief ((const int *)before->data, (const int *)after->data, before->len,
                        &stats.relief);
  *out_stats = stats;
  return TRUE;
}

/* Safety screening ---------------------------------------------------------------------------- */

static gboolean
validate_question (const char  *question,
                   GError     **error)
{
  gsize length = strlen (question);

  for (const char *p = question; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
        length = 0;
    }

  if (length == 0 || length > MAX_SLUG_LENGTH)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                   _("“%s” is not a screening question’s id"), question);
      return FALSE;
    }

  return TRUE;
}

gboolean
kl_store_get_screening_answer (KlStore            *self,
                               const char         *question,
                               KlScreeningAnswer  *out_answer,
                               GDateTime         **out_answered_at,
                               GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (question != NULL, FALSE);
  g_return_val_if_fail (out_answer != NULL, FALSE);

  if (!validate_question (question, error) ||
      !(stmt = _kl_store_prepare (self,
                                  "SELECT answer, at_ms, utc_offset_min FROM screening_answers"
                                  " WHERE question = ?1",
                                  error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, question, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error,
                           _("Could not read the screening answers"));
      return FALSE;
    }

  if (rc == SQLITE_DONE)
    {
      *out_answer = KL_SCREENING_UNANSWERED;
      if (out_answered_at != NULL)
        *out_answered_at = NULL;
      return TRUE;
    }

  *out_answer = sqlite3_column_int (stmt, 0) ? KL_SCREENING_YES : KL_SCREENING_NO;
  if (out_answered_at != NULL)
    *out_answered_at = _kl_store_date_time (sqlite3_column_int64 (stmt, 1),
                                            sqlite3_column_int (stmt, 2));
  return TRUE;
}

gboolean
kl_store_set_screening_answer (KlStore            *self,
                               const char         *question,
                               KlScreeningAnswer   answer,
                               GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now_ms;
  int offset_min;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (question != NULL, FALSE);
  g_return_val_if_fail (answer == KL_SCREENING_UNANSWERED || answer == KL_SCREENING_NO ||
                        answer == KL_SCREENING_YES, FALSE);

  if (!validate_question (question, error))
    return FALSE;

  if (answer == KL_SCREENING_UNANSWERED)
    stmt = _kl_store_prepare (self, "DELETE FROM screening_answers WHERE question = ?1", error);
  else
    stmt = _kl_store_prepare (self,
                              "INSERT INTO screening_answers (question, answer, at_ms,"
                              " utc_offset_min) VALUES (?1, ?2, ?3, ?4)"
                              " ON CONFLICT (question) DO UPDATE SET answer = excluded.answer,"
                              " at_ms = excluded.at_ms, utc_offset_min = excluded.utc_offset_min",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, question, -1, SQLITE_STATIC);
  if (answer != KL_SCREENING_UNANSWERED)
    {
      _kl_store_now (&now_ms, &offset_min);
      sqlite3_bind_int (stmt, 2, answer == KL_SCREENING_YES);
      sqlite3_bind_int64 (stmt, 3, now_ms);
      sqlite3_bind_int (stmt, 4, offset_min);
    }

  return _kl_store_step_done (self, stmt, error);
}
