/* kl-store.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kl-store-private.h"

#define DATABASE_NAME     "knotless.db"
#define BACKUP_FOLDER     "backups"
#define BACKUPS_KEPT      7
#define BUSY_TIMEOUT_MS   5000

/* "KNOT": marks a database file as ours, so another program's SQLite file is never migrated. */
#define KL_APPLICATION_ID 0x4B4E4F54

struct _KlStore
{
  GObject  parent_instance;

  sqlite3 *db;
  char    *data_dir;
  char    *path;
  int      schema_version;
};

G_DEFINE_FINAL_TYPE (KlStore, kl_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (kl-store-error-quark, kl_store_error)

/* The schema, one step per entry, in order. A shipped step is never edited or reordered: later
 * versions append new steps. Each step runs in its own transaction together with the bump of
 * PRAGMA user_version, so a crash leaves the file at one version or the next, never between. */
static const char * const migrations[] = {
  /* 1: the foundation. */
  "PRAGMA application_id = 1263423316;" /* KL_APPLICATION_ID */
  "CREATE TABLE acknowledgements ("
  "  what           TEXT    PRIMARY KEY CHECK (length (what) BETWEEN 1 AND 64),"
  "  at_ms          INTEGER NOT NULL,"
  "  utc_offset_min INTEGER NOT NULL CHECK (utc_offset_min BETWEEN -1080 AND 1080)"
  ") STRICT;",

  /* 2: knots on the body chart and their tenderness history. */
  "CREATE TABLE knots ("
  "  id                  INTEGER PRIMARY KEY,"
  "  region              TEXT    NOT NULL CHECK (length (region) BETWEEN 1 AND 64),"
  "  x                   REAL    NOT NULL CHECK (x BETWEEN 0 AND 1),"
  "  y                   REAL    NOT NULL CHECK (y BETWEEN 0 AND 1),"
  "  state               TEXT    NOT NULL CHECK (state IN ('active', 'latent')),"
  "  referred            INTEGER NOT NULL DEFAULT 0 CHECK (referred IN (0, 1)),"
  "  referred_to         TEXT    NOT NULL DEFAULT '',"
  "  twitch              TEXT    NOT NULL DEFAULT 'unsure'"
  "                              CHECK (twitch IN ('yes', 'no', 'unsure')),"
  "  note                TEXT    NOT NULL DEFAULT '',"
  "  created_ms          INTEGER NOT NULL,"
  "  created_offset_min  INTEGER NOT NULL CHECK (created_offset_min BETWEEN -1080 AND 1080),"
  "  resolved_ms         INTEGER,"
  "  resolved_offset_min INTEGER CHECK (resolved_offset_min BETWEEN -1080 AND 1080),"
  "  CHECK ((resolved_ms IS NULL) = (resolved_offset_min IS NULL))"
  ") STRICT;"
  "CREATE INDEX knots_open ON knots (resolved_ms, id);"
  "CREATE TABLE knot_ratings ("
  "  id             INTEGER PRIMARY KEY,"
  "  knot_id        INTEGER NOT NULL REFERENCES knots (id) ON DELETE CASCADE,"
  "  tenderness     INTEGER NOT NULL CHECK (tenderness BETWEEN 0 AND 10),"
  "  at_ms          INTEGER NOT NULL,"
  "  utc_offset_min INTEGER NOT NULL CHECK (utc_offset_min BETWEEN -1080 AND 1080)"
  ") STRICT;"
  "CREATE INDEX knot_ratings_by_knot ON knot_ratings (knot_id, at_ms, id);",

  /* 3: the pain journal. The local day is derived from the instant and its offset, never
   * stored apart from them; the trend reads it through an index on that expression (a
   * generated column would break VACUUM INTO in SQLite 3.40). Factors keep CONTENT.md's
   * names (shown translated) beside the user's own. */
  "CREATE TABLE pain_entries ("
  "  id                    INTEGER PRIMARY KEY,"
  "  at_ms                 INTEGER NOT NULL,"
  "  utc_offset_min        INTEGER NOT NULL CHECK (utc_offset_min BETWEEN -1080 AND 1080),"
  "  pain_now              INTEGER NOT NULL CHECK (pain_now BETWEEN 0 AND 10),"
  "  pain_worst            INTEGER CHECK (pain_worst BETWEEN 0 AND 10),"
  "  pain_least            INTEGER CHECK (pain_least BETWEEN 0 AND 10),"
  "  interference_activity INTEGER CHECK (interference_activity BETWEEN 0 AND 10),"
  "  interference_mood     INTEGER CHECK (interference_mood BETWEEN 0 AND 10),"
  "  interference_sleep    INTEGER CHECK (interference_sleep BETWEEN 0 AND 10),"
  "  interference_work     INTEGER CHECK (interference_work BETWEEN 0 AND 10),"
  "  medication            TEXT    NOT NULL DEFAULT '',"
  "  medication_helped     INTEGER CHECK (medication_helped BETWEEN 0 AND 100),"
  "  note                  TEXT    NOT NULL DEFAULT '',"
  "  CHECK (pain_least IS NULL OR pain_worst IS NULL OR pain_least <= pain_worst)"
  ") STRICT;"
  "CREATE INDEX pain_entries_by_time ON pain_entries (at_ms, id);"
  "CREATE INDEX pain_entries_by_day"
  "  ON pain_entries (date (at_ms / 1000 + utc_offset_min * 60, 'unixepoch'), pain_now);"
  "CREATE TABLE factors ("
  "  id      INTEGER PRIMARY KEY,"
  "  name    TEXT    NOT NULL UNIQUE COLLATE NOCASE"
  "                  CHECK (length (name) BETWEEN 1 AND 64 AND instr (name, ';') = 0),"
  "  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1))"
  ") STRICT;"
  "INSERT INTO factors (name, builtin) VALUES ('stress', 1), ('poor posture', 1),"
  "  ('prolonged sitting', 1), ('lifting', 1), ('repetitive motion', 1), ('poor sleep', 1),"
  "  ('injury', 1), ('dehydration', 1), ('skipped exercise', 1), ('cold', 1);"
  "CREATE TABLE entry_factors ("
  "  entry_id  INTEGER NOT NULL REFERENCES pain_entries (id) ON DELETE CASCADE,"
  "  factor_id INTEGER NOT NULL REFERENCES factors (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (entry_id, factor_id)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX entry_factors_by_factor ON entry_factors (factor_id, entry_id);"
  "CREATE TABLE entry_locations ("
  "  id       INTEGER PRIMARY KEY,"
  "  entry_id INTEGER NOT NULL REFERENCES pain_entries (id) ON DELETE CASCADE,"
  "  knot_id  INTEGER REFERENCES knots (id) ON DELETE SET NULL,"
  "  region   TEXT    NOT NULL CHECK (length (region) BETWEEN 1 AND 64),"
  "  pain     INTEGER CHECK (pain BETWEEN 0 AND 10)"
  ") STRICT;"
  "CREATE INDEX entry_locations_by_entry ON entry_locations (entry_id);"
  "CREATE INDEX entry_locations_by_region ON entry_locations (region, entry_id);"
  "CREATE INDEX entry_locations_by_knot ON entry_locations (knot_id);",

  /* 4: guided routines, the sessions played and the safety screening. A routine is kept whole
   * as the text of a routine file (data/routines/README.md), not as a table of steps: a
   * built-in is stored byte for byte as shipped, so it is translated when read, into the
   * language of the day, and one loader with one set of checks reads built-in and user
   * routines alike; a user's routine is written back in the same format when edited. name,
   * kind and version are copies for listing and for `sqlite3`; the seeding compares version.
   * A session names its routine by slug without a foreign key: its history stays when the
   * user deletes the routine. */
  "CREATE TABLE routines ("
  "  slug       TEXT    PRIMARY KEY"
  "                     CHECK (length (slug) BETWEEN 1 AND 64 AND slug NOT GLOB '*[^a-z0-9-]*'),"
  "  builtin    INTEGER NOT NULL CHECK (builtin IN (0, 1)),"
  "  version    INTEGER NOT NULL CHECK (version >= 1),"
  "  name       TEXT    NOT NULL CHECK (length (name) >= 1),"
  "  kind       TEXT    NOT NULL"
  "                     CHECK (kind IN ('breathing', 'stretch', 'ball', 'break', 'thermal',"
  "                                     'relax')),"
  "  definition TEXT    NOT NULL CHECK (length (definition) >= 1)"
  ") STRICT;"
  "CREATE TABLE routine_sessions ("
  "  id                 INTEGER PRIMARY KEY,"
  "  routine            TEXT    NOT NULL CHECK (length (routine) BETWEEN 1 AND 64),"
  "  started_ms         INTEGER NOT NULL,"
  "  started_offset_min INTEGER NOT NULL CHECK (started_offset_min BETWEEN -1080 AND 1080),"
  "  ended_ms           INTEGER CHECK (ended_ms >= started_ms),"
  "  ended_offset_min   INTEGER CHECK (ended_offset_min BETWEEN -1080 AND 1080),"
  "  completed          INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),"
  "  stopped_at_step    INTEGER CHECK (stopped_at_step >= 0),"
  "  pain_before        INTEGER CHECK (pain_before BETWEEN 0 AND 10),"
  "  pain_after         INTEGER CHECK (pain_after BETWEEN 0 AND 10),"
  "  knot_id            INTEGER REFERENCES knots (id) ON DELETE SET NULL,"
  "  active_seconds     INTEGER NOT NULL DEFAULT 0 CHECK (active_seconds >= 0),"
  "  CHECK ((ended_ms IS NULL) = (ended_offset_min IS NULL)),"
  "  CHECK (completed = 0 OR stopped_at_step IS NULL),"
  "  CHECK (ended_ms IS NOT NULL OR (completed = 0 AND stopped_at_step IS NULL))"
  ") STRICT;"
  "CREATE INDEX routine_sessions_by_time ON routine_sessions (started_ms, id);"
  "CREATE INDEX routine_sessions_by_routine ON routine_sessions (routine, started_ms);"
  "CREATE INDEX routine_sessions_by_knot ON routine_sessions (knot_id);"
  "CREATE TABLE screening_answers ("
  "  question       TEXT    PRIMARY KEY"
  "                         CHECK (length (question) BETWEEN 1 AND 64"
  "                                AND question NOT GLOB '*[^a-z0-9-]*'),"
  "  answer         INTEGER NOT NULL CHECK (answer IN (0, 1)),"
  "  at_ms          INTEGER NOT NULL,"
  "  utc_offset_min INTEGER NOT NULL CHECK (utc_offset_min BETWEEN -1080 AND 1080)"
  ") STRICT;",
  /* 5: break reminders, working hours, the break history and the pause. A reminder is an
   * interval or a time of day, never both. A break event keeps the kind of its reminder, so the
   * history still reads right once the reminder is removed. The rows inserted here are the
   * first-run defaults of kl_reminder_new_defaults () and kl_working_hours_init_default () as
   * they are at this schema (test-store-reminders checks that they agree): a person upgrading
   * gets them once, like a new one, and a later change of defaults never reaches someone who
   * already has their own. */
  "CREATE TABLE reminders ("
  "  id             INTEGER PRIMARY KEY,"
  "  kind           TEXT    NOT NULL CHECK (kind IN ('micro-break', 'stretch-break', 'routine',"
  "                                                  'check-in', 'hydration')),"
  "  enabled        INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),"
  "  every_s        INTEGER CHECK (every_s BETWEEN 5 AND 86400),"
  "  at_min         INTEGER CHECK (at_min BETWEEN 0 AND 1439),"
  "  days           INTEGER NOT NULL DEFAULT 127 CHECK (days BETWEEN 0 AND 127),"
  "  routine        TEXT    CHECK (length (routine) BETWEEN 1 AND 64),"
  "  break_length_s INTEGER NOT NULL DEFAULT 0 CHECK (break_length_s BETWEEN 0 AND 3600),"
  "  CHECK ((every_s IS NULL) <> (at_min IS NULL)),"
  "  CHECK (at_min IS NULL OR days <> 0),"
  "  CHECK (kind <> 'routine' OR routine IS NOT NULL)"
  ") STRICT;"
  "INSERT INTO reminders (kind, enabled, every_s, at_min, days, routine, break_length_s) VALUES"
  "  ('micro-break', 1, 1200, NULL, 127, NULL, 20),"
  "  ('stretch-break', 1, 3000, NULL, 127, 'desk-break', 120),"
  "  ('check-in', 1, NULL, 1200, 127, NULL, 0),"
  "  ('routine', 0, NULL, 1260, 127, 'upper-trapezius-ball', 0),"
  "  ('hydration', 0, 3600, NULL, 127, NULL, 0);"
  /* Weekdays as GDateWeekday: 1 is Monday. start = end is a day off. */
  "CREATE TABLE working_hours ("
  "  weekday   INTEGER PRIMARY KEY CHECK (weekday BETWEEN 1 AND 7),"
  "  start_min INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1440),"
  "  end_min   INTEGER NOT NULL CHECK (end_min BETWEEN 0 AND 1440),"
  "  CHECK (start_min <= end_min)"
  ") STRICT;"
  "INSERT INTO working_hours (weekday, start_min, end_min) VALUES"
  "  (1, 540, 1050), (2, 540, 1050), (3, 540, 1050), (4, 540, 1050), (5, 540, 1050),"
  "  (6, 0, 0), (7, 0, 0);"
  "CREATE TABLE break_events ("
  "  id             INTEGER PRIMARY KEY,"
  "  reminder_id    INTEGER REFERENCES reminders (id) ON DELETE SET NULL,"
  "  kind           TEXT    NOT NULL CHECK (kind IN ('micro-break', 'stretch-break', 'routine',"
  "                                                  'check-in', 'hydration')),"
  "  outcome        TEXT    NOT NULL CHECK (outcome IN ('shown', 'taken', 'natural', 'snoozed',"
  "                                                     'skipped')),"
  "  at_ms          INTEGER NOT NULL,"
  "  utc_offset_min INTEGER NOT NULL CHECK (utc_offset_min BETWEEN -1080 AND 1080),"
  "  duration_ms    INTEGER NOT NULL DEFAULT 0 CHECK (duration_ms >= 0)"
  ") STRICT;"
  "CREATE INDEX break_events_by_time ON break_events (at_ms, id);"
  /* Removing a reminder looks up its events to unlink them. */
  "CREATE INDEX break_events_by_reminder ON break_events (reminder_id);"
  /* Settings of the breaks as a whole: one row, always there. */
  "CREATE TABLE break_settings ("
  "  id                      INTEGER PRIMARY KEY CHECK (id = 1),"
  "  paused_until_ms         INTEGER,"
  "  paused_until_offset_min INTEGER CHECK (paused_until_offset_min BETWEEN -1080 AND 1080),"
  "  CHECK ((paused_until_ms IS NULL) = (paused_until_offset_min IS NULL))"
  ") STRICT;"
  "INSERT INTO break_settings (id) VALUES (1);",
};

G_STATIC_ASSERT (KL_APPLICATION_ID == 1263423316);

int
kl_store_latest_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static void
kl_store_finalize (GObject *object)
{
  KlStore *self = (KlStore *)object;

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (kl_store_parent_class)->finalize (object);
}

static void
kl_store_class_init (KlStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kl_store_finalize;
}

static void
kl_store_init (KlStore *self)
{
}

void
_kl_store_set_error (sqlite3    *db,
                     int         rc,
                     GError    **error,
                     const char *what)
{
  KlStoreError code;
  const char *detail;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = KL_STORE_ERROR_BUSY;
      break;
    case SQLITE_CORRUPT:
      code = KL_STORE_ERROR_DAMAGED;
      break;
    case SQLITE_NOTADB:
      code = KL_STORE_ERROR_NOT_DATABASE;
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = KL_STORE_ERROR_IO;
      break;
    case SQLITE_CONSTRAINT:
      code = KL_STORE_ERROR_INVALID;
      break;
    default:
      code = KL_STORE_ERROR_FAILED;
      break;
    }

  detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  g_set_error (error, KL_STORE_ERROR, code, "%s: %s", what, detail);
}

void
_kl_store_now (gint64 *out_ms,
               int    *out_utc_offset_min)
{
  gint64 now_us = g_get_real_time ();
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (now_us / G_USEC_PER_SEC);

  *out_ms = now_us / 1000;
  *out_utc_offset_min = (int)(g_date_time_get_utc_offset (local) / G_TIME_SPAN_MINUTE);
}

/* An instant as stored, in the time zone it was recorded in. */
GDateTime *
_kl_store_date_time (gint64 ms,
                     int    utc_offset_min)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (utc_offset_min * 60);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) exact = g_date_time_add (utc, (ms % 1000) * 1000);

  return g_date_time_to_timezone (exact, zone);
}

/* The instant as stored: Unix milliseconds. */
gint64
_kl_store_date_time_to_ms (GDateTime *date_time)
{
  return g_date_time_to_unix (date_time) * 1000 + g_date_time_get_microsecond (date_time) / 1000;
}

/* Binds @date_time as stored: Unix milliseconds at @index, its UTC offset in minutes at
 * @index + 1. */
void
_kl_store_bind_date_time (sqlite3_stmt *stmt,
                          int           index,
                          GDateTime    *date_time)
{
  sqlite3_bind_int64 (stmt, index, _kl_store_date_time_to_ms (date_time));
  sqlite3_bind_int (stmt, index + 1,
                    (int)(g_date_time_get_utc_offset (date_time) / G_TIME_SPAN_MINUTE));
}

sqlite3 *
_kl_store_get_db (KlStore *self)
{
  g_assert (KL_IS_STORE (self));

  return self->db;
}

sqlite3_stmt *
_kl_store_prepare (KlStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert (KL_IS_STORE (self));

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _kl_store_set_error (self->db, rc, error, _("Could not read the database"));
      return NULL;
    }

  return stmt;
}

gboolean
_kl_store_exec (KlStore     *self,
                const char  *sql,
                GError     **error)
{
  int rc;

  g_assert (KL_IS_STORE (self));

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _kl_store_set_error (self->db, rc, error, _("Could not write to the database"));
      return FALSE;
    }

  return TRUE;
}

gboolean
_kl_store_step_done (KlStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _kl_store_set_error (self->db, rc, error, _("Could not write to the database"));
      return FALSE;
    }

  return TRUE;
}

char *
kl_store_default_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "knotless", NULL);
}

char *
kl_store_database_path (const char *data_dir)
{
  g_return_val_if_fail (data_dir != NULL, NULL);

  return g_build_filename (data_dir, DATABASE_NAME, NULL);
}

static gboolean set_io_error_from_errno (GError     **error,
                                         int          saved_errno,
                                         const char  *format,
                                         ...) G_GNUC_PRINTF (3, 4);

static gboolean
set_io_error_from_errno (GError     **error,
                         int          saved_errno,
                         const char  *format,
                         ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_IO,
               "%s: %s", what, g_strerror (saved_errno));
  return FALSE;
}

/* Health data: only the user may enter the folder. An existing folder the user named with
 * --data-dir is theirs, so its mode is left alone; the database file itself is always 0600. */
static gboolean
ensure_private_dir (const char  *dir,
                    gboolean     ours,
                    GError     **error)
{
  GStatBuf st;

  if (g_stat (dir, &st) != 0)
    {
      if (errno != ENOENT)
        return set_io_error_from_errno (error, errno, _("Could not open the folder “%s”"), dir);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        return set_io_error_from_errno (error, errno, _("Could not create the folder “%s”"), dir);

      return TRUE;
    }

  if (!S_ISDIR (st.st_mode))
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_IO,
                   _("“%s” is not a folder"), dir);
      return FALSE;
    }

  if (ours && (st.st_mode & 077) != 0 && g_chmod (dir, 0700) != 0)
    return set_io_error_from_errno (error, errno, _("Could not protect the folder “%s”"), dir);

  return TRUE;
}

static gboolean
make_private (const char  *path,
              GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return errno == ENOENT ? TRUE
                           : set_io_error_from_errno (error, errno, _("Could not open “%s”"), path);

  if ((st.st_mode & 077) != 0 && g_chmod (path, 0600) != 0)
    return set_io_error_from_errno (error, errno, _("Could not protect “%s”"), path);

  return TRUE;
}

static gboolean
has_sqlite_header (const char  *path,
                   gboolean    *out_has_header,
                   GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16];
  ssize_t n;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (fd < 0)
    return set_io_error_from_errno (error, errno, _("Could not open “%s”"), path);

  n = read (fd, header, sizeof header);
  close (fd);

  *out_has_header = n == sizeof header && memcmp (header, magic, sizeof magic) == 0;
  return TRUE;
}

/* Looks at an existing file through a read-only connection, so that a file we refuse is never
 * written to: not migrated, not checkpointed, not even switched to WAL. */
static gboolean
inspect_existing (const char  *path,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = NULL;
  gboolean has_header = FALSE;
  gboolean ok = FALSE;
  g_autofree char *problem = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *uri = NULL;
  gint64 application_id;
  gint64 user_version;
  gint64 n_objects;
  int rc;

  if (!has_sqlite_header (path, &has_header, error))
    return FALSE;

  if (!has_header)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Knotless database: it is not an SQLite file at all."), path);
      return FALSE;
    }

  /* Without a -wal file nobody has the database open, and there is no log to replay: read it
   * as immutable, which creates no -wal or -shm beside a file we may be about to refuse. With
   * one, another Knotless may be writing, so read through the normal locks. */
  wal = g_strconcat (path, "-wal", NULL);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    uri = g_filename_to_uri (path, NULL, NULL);
  else
    {
      g_autofree char *file_uri = g_filename_to_uri (path, NULL, NULL);
      uri = g_strconcat (file_uri, "?immutable=1", NULL);
    }

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_URI,
                        NULL);
  if (rc != SQLITE_OK)
    goto sqlite_failed;

  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check (1)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    goto sqlite_failed;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    goto sqlite_failed;

  if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      problem = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_DAMAGED,
                   _("The database “%s” is damaged (%s)."), path, problem);
      goto out;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  rc = sqlite3_prepare_v2 (db,
                           "SELECT (SELECT application_id FROM pragma_application_id),"
                           "       (SELECT user_version FROM pragma_user_version),"
                           "       (SELECT count(*) FROM sqlite_schema)",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    goto sqlite_failed;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    goto sqlite_failed;

  application_id = sqlite3_column_int64 (stmt, 0);
  user_version = sqlite3_column_int64 (stmt, 1);
  n_objects = sqlite3_column_int64 (stmt, 2);

  if (application_id != KL_APPLICATION_ID && !(application_id == 0 && n_objects == 0))
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Knotless database: it is an SQLite database of another "
                     "program."), path);
      goto out;
    }

  if (user_version > kl_store_latest_schema_version ())
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Knotless (schema %d; "
                     "this version knows up to %d). Update Knotless to open it."),
                   path, (int)user_version, kl_store_latest_schema_version ());
      goto out;
    }

  ok = TRUE;
  goto out;

sqlite_failed:
  if ((rc & 0xff) == SQLITE_NOTADB)
    g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_DATABASE,
                 _("“%s” is not a Knotless database: %s."), path,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else if ((rc & 0xff) == SQLITE_CORRUPT)
    g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_DAMAGED,
                 _("The database “%s” is damaged (%s)."), path,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else
    {
      g_autofree char *what = g_strdup_printf (_("Could not read “%s”"), path);
      _kl_store_set_error (db, rc, error, what);
    }

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  return ok;
}

static gboolean
get_user_version (sqlite3  *db,
                  int      *out_version,
                  GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      _kl_store_set_error (db, rc, error, _("Could not read the schema version"));
      return FALSE;
    }

  *out_version = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
migrate (KlStore  *self,
         GError  **error)
{
  int version;

  if (!get_user_version (self->db, &version, error))
    return FALSE;

  while (version < kl_store_latest_schema_version ())
    {
      g_autofree char *bump = NULL;
      int current;

      /* IMMEDIATE takes the write lock first, so two processes opening an old file at once
       * do not both run the same step: the second waits, then sees the new version. */
      if (!_kl_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!get_user_version (self->db, &current, error))
        goto failed;

      if (current != version)
        {
          version = current;
          if (!_kl_store_exec (self, "COMMIT", error))
            goto failed;
          continue;
        }

      bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!_kl_store_exec (self, migrations[version], error) ||
          !_kl_store_exec (self, bump, error) ||
          !_kl_store_exec (self, "COMMIT", error))
        goto failed;

      g_debug ("Migrated %s to schema %d", self->path, version + 1);
      version++;
    }

  self->schema_version = version;
  return TRUE;

failed:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_prefix_error (error, _("Could not update the database to schema %d: "), version + 1);
  return FALSE;
}

static gboolean
configure (KlStore  *self,
           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (!(stmt = _kl_store_prepare (self, "PRAGMA journal_mode = WAL", error)))
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW ||
      g_ascii_strcasecmp ((const char *)sqlite3_column_text (stmt, 0), "wal") != 0)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_IO,
                   _("Could not switch “%s” to write-ahead logging: %s"),
                   self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }

  /* FULL: an entry the app calls saved survives a power cut. */
  return _kl_store_exec (self, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON", error);
}

struct _KlStorePrecheck
{
  char    *data_dir;
  GThread *thread;
  /* Set by the thread, read after joining it: */
  gboolean inspected;   /* there was a non-empty regular file, and it was read through */
  GError  *error;       /* why it was refused */
};

static gpointer
precheck_thread (gpointer data)
{
  KlStorePrecheck *precheck = data;
  g_autofree char *path = kl_store_database_path (precheck->data_dir);
  GStatBuf st;

  /* Anything unusual (no file yet, not a regular file) is left to kl_store_open's own steps. */
  if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > 0)
    {
      precheck->inspected = TRUE;
      inspect_existing (path, &precheck->error);
    }

  return NULL;
}

KlStorePrecheck *
kl_store_precheck_start (const char *data_dir)
{
  KlStorePrecheck *precheck = g_new0 (KlStorePrecheck, 1);

  precheck->data_dir = data_dir != NULL ? g_strdup (data_dir) : kl_store_default_data_dir ();
  precheck->thread = g_thread_new ("kl-store-check", precheck_thread, precheck);

  return precheck;
}

static void
precheck_join (KlStorePrecheck *precheck)
{
  if (precheck->thread != NULL)
    g_thread_join (g_steal_pointer (&precheck->thread));
}

void
kl_store_precheck_free (KlStorePrecheck *precheck)
{
  if (precheck == NULL)
    return;

  precheck_join (precheck);
  g_clear_error (&precheck->error);
  g_free (precheck->data_dir);
  g_free (precheck);
}

static KlStore *
open_store (const char       *data_dir,
            KlStorePrecheck  *precheck,
            GError          **error)
{
  g_autoptr(KlStore) self = NULL;
  g_autofree char *default_dir = kl_store_default_data_dir ();
  GStatBuf st;
  int rc;

  self = g_object_new (KL_TYPE_STORE, NULL);
  self->data_dir = g_strdup (data_dir != NULL ? data_dir : default_dir);
  self->path = kl_store_database_path (self->data_dir);

  if (!ensure_private_dir (self->data_dir, g_strcmp0 (self->data_dir, default_dir) == 0, error))
    return NULL;

  if (g_lstat (self->path, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_DATABASE,
                       _("“%s” is not a Knotless database: it is not a regular file."),
                       self->path);
          return NULL;
        }

      if (precheck != NULL && precheck->inspected)
        {
          /* Read through in the precheck's thread, before anything was opened here. */
          if (precheck->error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&precheck->error));
              return NULL;
            }
        }
      else if (st.st_size > 0 && !inspect_existing (self->path, error))
        return NULL;
    }
  else if (errno == ENOENT)
    {
      int fd = g_open (self->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd < 0 && errno != EEXIST)
        {
          set_io_error_from_errno (error, errno, _("Could not create “%s”"), self->path);
          return NULL;
        }
      if (fd >= 0)
        close (fd);
    }
  else
    {
      set_io_error_from_errno (error, errno, _("Could not open “%s”"), self->path);
      return NULL;
    }

  /* One thread at a time uses a KlStore (other threads open readers), so SQLite's own
   * locking of every call is not needed. */
  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not open “%s”"), self->path);
      _kl_store_set_error (self->db, rc, error, what);
      return NULL;
    }

  if (!make_private (self->path, error) ||
      !configure (self, error) ||
      !migrate (self, error) ||
      !kl_store_seed_routines (self, error))
    return NULL;

  /* SQLite gives -wal and -shm the main file's mode, but tighten old files from looser days. */
  {
    g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);

    if (!make_private (wal, error) || !make_private (shm, error))
      return NULL;
  }

  return g_steal_pointer (&self);
}

KlStore *
kl_store_open (const char  *data_dir,
               GError     **error)
{
  return open_store (data_dir, NULL, error);
}

KlStore *
kl_store_open_prechecked (KlStorePrecheck  *precheck,
                          GError          **error)
{
  g_return_val_if_fail (precheck != NULL, NULL);

  precheck_join (precheck);
  return open_store (precheck->data_dir, precheck, error);
}

/* Another connection to the database of @self, opened with @flags as @self's was, without
 * looking at the file first (see kl_store_open_writer ()). */
static KlStore *
open_another (KlStore  *self,
              int       flags,
              GError  **error)
{
  g_autoptr(KlStore) other = g_object_new (KL_TYPE_STORE, NULL);
  int rc;

  other->data_dir = g_strdup (self->data_dir);
  other->path = g_strdup (self->path);
  other->schema_version = self->schema_version;

  rc = sqlite3_open_v2 (other->path, &other->db,
                        flags | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not open “%s”"), other->path);
      _kl_store_set_error (other->db, rc, error, what);
      return NULL;
    }

  return g_steal_pointer (&other);
}

/* Another read-write connection to the database of @self, for a thread that writes (an
 * import): configured as @self is, without looking at the file first. That look opens and
 * closes the file, and closing any descriptor of a file drops every POSIX lock this process
 * holds on it, @self's included: another process could then remove the -wal and -shm files
 * from under the window. */
KlStore *
kl_store_open_writer (KlStore  *self,
                      GError  **error)
{
  g_autoptr(KlStore) writer = NULL;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  if (!(writer = open_another (self, SQLITE_OPEN_READWRITE, error)) ||
      !configure (writer, error))
    return NULL;

  return g_steal_pointer (&writer);
}

/* A second, read-only connection to the database of @self, for work that must not hold up the
 * window: daily aggregates over years, searches in notes, exports. It sees what was committed
 * when each of its reads starts (the database is in WAL mode, so it never waits for the
 * writer, nor the writer for it). Like any KlStore, use it from one thread at a time; open it in
 * the thread that uses it. Writing through it fails with KL_STORE_ERROR_IO. */
KlStore *
kl_store_open_reader (KlStore  *self,
                      GError  **error)
{
  KlStore *reader;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  if (!(reader = open_another (self, SQLITE_OPEN_READONLY, error)))
    return NULL;

  sqlite3_busy_timeout (reader->db, BUSY_TIMEOUT_MS);
  return reader;
}

const char *
kl_store_get_data_dir (KlStore *self)
{
  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  return self->data_dir;
}

const char *
kl_store_get_path (KlStore *self)
{
  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  return self->path;
}

int
kl_store_get_schema_version (KlStore *self)
{
  g_return_val_if_fail (KL_IS_STORE (self), 0);

  return self->schema_version;
}

gboolean
kl_store_is_acknowledged (KlStore     *self,
                          const char  *what,
                          gboolean    *out_acknowledged,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (what != NULL, FALSE);
  g_return_val_if_fail (out_acknowledged != NULL, FALSE);

  if (!(stmt = _kl_store_prepare (self, "SELECT 1 FROM acknowledgements WHERE what = ?1", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, what, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _kl_store_set_error (self->db, rc, error, _("Could not read the database"));
      return FALSE;
    }

  *out_acknowledged = rc == SQLITE_ROW;
  return TRUE;
}

gboolean
kl_store_acknowledge (KlStore     *self,
                      const char  *what,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now_ms;
  int offset_min;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (what != NULL, FALSE);

  stmt = _kl_store_prepare (self,
                            "INSERT INTO acknowledgements (what, at_ms, utc_offset_min)"
                            " VALUES (?1, ?2, ?3) ON CONFLICT (what) DO NOTHING",
                            error);
  if (stmt == NULL)
    return FALSE;

  _kl_store_now (&now_ms, &offset_min);
  sqlite3_bind_text (stmt, 1, what, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now_ms);
  sqlite3_bind_int (stmt, 3, offset_min);

  return _kl_store_step_done (self, stmt, error);
}

gboolean
kl_store_forget_acknowledgement (KlStore     *self,
                                 const char  *what,
                                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (what != NULL, FALSE);

  if (!(stmt = _kl_store_prepare (self, "DELETE FROM acknowledgements WHERE what = ?1", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, what, -1, SQLITE_STATIC);
  return _kl_store_step_done (self, stmt, error);
}

/* Backups */

static int
compare_names_descending (gconstpointer a,
                          gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static gboolean
is_backup_name (const char *name)
{
  /* knotless-YYYY-MM-DD.db */
  static const char pattern[] = "knotless-0000-00-00.db";

  if (strlen (name) != strlen (pattern))
    return FALSE;

  for (guint i = 0; pattern[i] != '\0'; i++)
    {
      if (pattern[i] == '0' ? !g_ascii_isdigit (name[i]) : name[i] != pattern[i])
        return FALSE;
    }

  return TRUE;
}

GPtrArray *
kl_store_list_backups (const char  *data_dir,
                       GError     **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folder = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (data_dir != NULL, NULL);

  folder = g_build_filename (data_dir, BACKUP_FOLDER, NULL);
  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&paths);

      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_IO,
                   _("Could not list the backups in “%s”: %s"), folder, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (is_backup_name (name))
        g_ptr_array_add (paths, g_build_filename (folder, name, NULL));
    }

  /* The names hold the date, so name order is age order. */
  g_ptr_array_sort (paths, compare_names_descending);
  return g_steal_pointer (&paths);
}

static gboolean
rotate_backups (const char  *data_dir,
                GError     **error)
{
  g_autoptr(GPtrArray) paths = kl_store_list_backups (data_dir, error);

  if (paths == NULL)
    return FALSE;

  for (guint i = BACKUPS_KEPT; i < paths->len; i++)
    {
      const char *old = g_ptr_array_index (paths, i);

      if (g_unlink (old) != 0 && errno != ENOENT)
        return set_io_error_from_errno (error, errno, _("Could not remove the old backup “%s”"),
                                        old);
    }

  return TRUE;
}

static gboolean
copy_database (const char  *source_path,
               const char  *target_path,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *partial = g_strconcat (target_path, ".partial", NULL);
  sqlite3 *db = NULL;
  int rc;

  g_unlink (partial);

  rc = sqlite3_open_v2 (source_path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
      rc = sqlite3_prepare_v2 (db, "VACUUM INTO ?1", -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, partial, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not copy the database to “%s”"),
                                               target_path);
      _kl_store_set_error (db, rc, error, what);
      g_clear_pointer (&stmt, sqlite3_finalize);
      sqlite3_close (db);
      g_unlink (partial);
      return FALSE;
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);

  if (g_chmod (partial, 0600) != 0 || g_rename (partial, target_path) != 0)
    {
      int saved_errno = errno;
      g_unlink (partial);
      return set_io_error_from_errno (error, saved_errno, _("Could not write “%s”"), target_path);
    }

  return TRUE;
}

gboolean
kl_store_backup (KlStore   *self,
                 gboolean   force,
                 char     **out_path,
                 GError   **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);

  if (out_path != NULL)
    *out_path = NULL;

  folder = g_build_filename (self->data_dir, BACKUP_FOLDER, NULL);
  if (!ensure_private_dir (folder, TRUE, error))
    return FALSE;

  name = g_date_time_format (now, "knotless-%Y-%m-%d.db");
  target = g_build_filename (folder, name, NULL);

  if (!force && g_file_test (target, G_FILE_TEST_EXISTS))
    return TRUE;

  if (!copy_database (self->path, target, error) || !rotate_backups (self->data_dir, error))
    return FALSE;

  if (out_path != NULL)
    *out_path = g_steal_pointer (&target);

  return TRUE;
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  KlStore *self = source_object;
  GError *error = NULL;
  char *path = NULL;

  /* Only immutable fields of self are used here: the copy reads through its own connection. */
  if (kl_store_backup (self, GPOINTER_TO_INT (task_data), &path, &error))
    g_task_return_pointer (task, path, g_free);
  else
    g_task_return_error (task, error);
}

void
kl_store_backup_async (KlStore             *self,
                       gboolean             force,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KL_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kl_store_backup_async);
  g_task_set_task_data (task, GINT_TO_POINTER (!!force), NULL);
  g_task_run_in_thread (task, backup_thread);
}

char *
kl_store_backup_finish (KlStore       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Recovery */

gboolean
kl_store_move_aside (const char  *data_dir,
                     char       **out_moved_to,
                     GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *path = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (data_dir != NULL, FALSE);

  path = kl_store_database_path (data_dir);
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  target = g_strdup_printf ("%s.damaged-%s", path, stamp);

  for (guint n = 2; g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.damaged-%s-%u", path, stamp, n);
    }

  /* The -wal and -shm files belong to the file they sit beside: they move with it. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      if (g_rename (from, to) != 0 && !(i > 0 && errno == ENOENT))
        return set_io_error_from_errno (error, errno, _("Could not move “%s” aside"), from);
    }

  if (out_moved_to != NULL)
    *out_moved_to = g_steal_pointer (&target);

  return TRUE;
}

gboolean
kl_store_restore_backup (const char  *data_dir,
                         const char  *backup_path,
                         char       **out_moved_to,
                         GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *moved_to = NULL;

  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  /* A backup is only worth restoring if it is itself sound. */
  if (!inspect_existing (backup_path, error))
    {
      g_prefix_error (error, _("The backup cannot be used: "));
      return FALSE;
    }

  path = kl_store_database_path (data_dir);
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !kl_store_move_aside (data_dir, &moved_to, error))
    return FALSE;

  if (!copy_database (backup_path, path, error))
    return FALSE;

  if (out_moved_to != NULL)
    *out_moved_to = g_steal_pointer (&moved_to);

  return TRUE;
}
