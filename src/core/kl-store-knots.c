/* kl-store-knots.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-store"

#include "config.h"

#include <glib/gi18n.h>

#include "kl-body-regions.h"
#include "kl-knot-private.h"
#include "kl-store-private.h"

#define KNOT_COLUMNS \
  "k.id, k.region, k.x, k.y, k.state, k.referred, k.referred_to, k.twitch, k.note," \
  " k.created_ms, k.created_offset_min, k.resolved_ms, k.resolved_offset_min," \
  " (SELECT r.tenderness FROM knot_ratings r WHERE r.knot_id = k.id" \
  "   ORDER BY r.at_ms DESC, r.id DESC LIMIT 1)," \
  " (SELECT r.tenderness FROM knot_ratings r WHERE r.knot_id = k.id" \
  "   ORDER BY r.at_ms DESC, r.id DESC LIMIT 1 OFFSET 1)"

static KlKnotState
state_from_string (const char *string)
{
  return g_strcmp0 (string, "latent") == 0 ? KL_KNOT_LATENT : KL_KNOT_ACTIVE;
}

static KlTwitch
twitch_from_string (const char *string)
{
  if (g_strcmp0 (string, "yes") == 0)
    return KL_TWITCH_YES;
  if (g_strcmp0 (string, "no") == 0)
    return KL_TWITCH_NO;
  return KL_TWITCH_UNSURE;
}

static KlKnot *
knot_from_row (sqlite3_stmt *stmt)
{
  KlKnot *knot = kl_knot_new ();
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) resolved = NULL;

  kl_knot_set_region (knot, (const char *)sqlite3_column_text (stmt, 1));
  kl_knot_set_position (knot, sqlite3_column_double (stmt, 2), sqlite3_column_double (stmt, 3));
  kl_knot_set_state (knot, state_from_string ((const char *)sqlite3_column_text (stmt, 4)));
  kl_knot_set_referred (knot, sqlite3_column_int (stmt, 5));
  kl_knot_set_referred_to (knot, (const char *)sqlite3_column_text (stmt, 6));
  kl_knot_set_twitch (knot, twitch_from_string ((const char *)sqlite3_column_text (stmt, 7)));
  kl_knot_set_note (knot, (const char *)sqlite3_column_text (stmt, 8));

  created = _kl_store_date_time (sqlite3_column_int64 (stmt, 9), sqlite3_column_int (stmt, 10));
  if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
    resolved = _kl_store_date_time (sqlite3_column_int64 (stmt, 11),
                                    sqlite3_column_int (stmt, 12));

  _kl_knot_set_stored (knot,
                       sqlite3_column_int64 (stmt, 0),
                       sqlite3_column_type (stmt, 13) == SQLITE_NULL
                         ? KL_KNOT_NO_RATING : sqlite3_column_int (stmt, 13),
                       sqlite3_column_type (stmt, 14) == SQLITE_NULL
                         ? KL_KNOT_NO_RATING : sqlite3_column_int (stmt, 14),
                       created, resolved);
  return knot;
}

/* The schema checks these too; checking first gives a message that names the value. */
static gboolean
validate_knot (KlKnot  *knot,
               GError **error)
{
  const char *region = kl_knot_get_region (knot);

  if (region == NULL || kl_body_regions_lookup (region) == NULL)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                   _("“%s” is not a region of the body chart"), region != NULL ? region : "");
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_tenderness (int      tenderness,
                     GError **error)
{
  if (tenderness < 0 || tenderness > 10)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                   _("Tenderness must be between 0 and 10, not %d"), tenderness);
      return FALSE;
    }

  return TRUE;
}

/* The knot's own fields, as @first … @first + 7 of an INSERT or UPDATE: region, x, y, state,
 * referred, referred_to, twitch, note. */
static void
bind_knot_fields (sqlite3_stmt *stmt,
                  KlKnot       *knot,
                  int           first)
{
  sqlite3_bind_text (stmt, first, kl_knot_get_region (knot), -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, first + 1, kl_knot_get_x (knot));
  sqlite3_bind_double (stmt, first + 2, kl_knot_get_y (knot));
  sqlite3_bind_text (stmt, first + 3, kl_knot_state_to_string (kl_knot_get_state (knot)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_int (stmt, first + 4, kl_knot_get_referred (knot));
  sqlite3_bind_text (stmt, first + 5, kl_knot_get_referred_to (knot), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, first + 6, kl_twitch_to_string (kl_knot_get_twitch (knot)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 7, kl_knot_get_note (knot), -1, SQLITE_TRANSIENT);
}

static gboolean
insert_rating (KlStore  *self,
               gint64    knot_id,
               int       tenderness,
               gint64    at_ms,
               int       offset_min,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _kl_store_prepare (self,
                            "INSERT INTO knot_ratings (knot_id, tenderness, at_ms, utc_offset_min)"
                            " VALUES (?1, ?2, ?3, ?4)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, knot_id);
  sqlite3_bind_int (stmt, 2, tenderness);
  sqlite3_bind_int64 (stmt, 3, at_ms);
  sqlite3_bind_int (stmt, 4, offset_min);
  return _kl_store_step_done (self, stmt, error);
}

static gboolean
reload_knot (KlStore  *self,
             KlKnot   *knot,
             gint64    id,
             GError  **error)
{
  g_autoptr(KlKnot) stored = kl_store_get_knot (self, id, error);

  if (stored == NULL)
    return FALSE;

  _kl_knot_set_stored (knot, id,
                       kl_knot_get_tenderness (stored),
                       kl_knot_get_previous_tenderness (stored),
                       kl_knot_get_created (stored),
                       kl_knot_get_resolved (stored));
  return TRUE;
}

gboolean
kl_store_add_knot (KlStore  *self,
                   KlKnot   *knot,
                   int       tenderness,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now_ms;
  gint64 id;
  int offset_min;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_KNOT (knot), FALSE);
  g_return_val_if_fail (kl_knot_get_id (knot) == 0, FALSE);

  if (!validate_knot (knot, error) ||
      (tenderness != KL_KNOT_NO_RATING && !validate_tenderness (tenderness, error)))
    return FALSE;

  stmt = _kl_store_prepare (self,
                            "INSERT INTO knots (region, x, y, state, referred, referred_to, twitch,"
                            "                   note, created_ms, created_offset_min)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                            error);
  if (stmt == NULL)
    return FALSE;

  _kl_store_now (&now_ms, &offset_min);
  bind_knot_fields (stmt, knot, 1);
  sqlite3_bind_int64 (stmt, 9, now_ms);
  sqlite3_bind_int (stmt, 10, offset_min);

  /* The knot and its first rating are one change: both or neither. */
  if (!_kl_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!_kl_store_step_done (self, stmt, error))
    goto failed;

  id = sqlite3_last_insert_rowid (_kl_store_get_db (self));

  if (tenderness != KL_KNOT_NO_RATING &&
      !insert_rating (self, id, tenderness, now_ms, offset_min, error))
    goto failed;

  if (!_kl_store_exec (self, "COMMIT", error))
    goto failed;

  return reload_knot (self, knot, id, error);

failed:
  _kl_store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

GPtrArray *
kl_store_list_knots (KlStore   *self,
                     gboolean   include_resolved,
                     GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) knots = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  stmt = _kl_store_prepare (self,
                            "SELECT " KNOT_COLUMNS " FROM knots k"
                            " WHERE ?1 OR k.resolved_ms IS NULL ORDER BY k.id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, !!include_resolved);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (knots, knot_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the knots"));
      return NULL;
    }

  return g_steal_pointer (&knots);
}

KlKnot *
kl_store_get_knot (KlStore  *self,
                   gint64    id,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  stmt = _kl_store_prepare (self, "SELECT " KNOT_COLUMNS " FROM knots k WHERE k.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return knot_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND,
                 _("There is no knot %" G_GINT64_FORMAT), id);
  else
    _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the knot"));

  return NULL;
}

static gboolean
expect_one_change (KlStore  *self,
                   gint64    id,
                   GError  **error)
{
  if (sqlite3_changes (_kl_store_get_db (self)) == 1)
    return TRUE;

  g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND,
               _("There is no knot %" G_GINT64_FORMAT), id);
  return FALSE;
}

gboolean
kl_store_save_knot (KlStore  *self,
                    KlKnot   *knot,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_KNOT (knot), FALSE);

  if (!validate_knot (knot, error))
    return FALSE;

  stmt = _kl_store_prepare (self,
                            "UPDATE knots SET region = ?2, x = ?3, y = ?4, state = ?5,"
                            " referred = ?6, referred_to = ?7, twitch = ?8, note = ?9"
                            " WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  id = kl_knot_get_id (knot);
  sqlite3_bind_int64 (stmt, 1, id);
  bind_knot_fields (stmt, knot, 2);

  return _kl_store_step_done (self, stmt, error) && expect_one_change (self, id, error);
}

gboolean
kl_store_rate_knot (KlStore  *self,
                    KlKnot   *knot,
                    int       tenderness,
                    GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 now_ms;
  int offset_min;
  gint64 id;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_KNOT (knot), FALSE);

  if (!validate_tenderness (tenderness, error))
    return FALSE;

  id = kl_knot_get_id (knot);
  _kl_store_now (&now_ms, &offset_min);

  /* The foreign key refuses a rating of a knot that is gone. */
  if (!insert_rating (self, id, tenderness, now_ms, offset_min, &local_error))
    {
      if (g_error_matches (local_error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID))
        g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND,
                     _("There is no knot %" G_GINT64_FORMAT), id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return reload_knot (self, knot, id, error);
}

gboolean
kl_store_set_knot_resolved (KlStore   *self,
                            KlKnot    *knot,
                            gboolean   resolved,
                            GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now_ms;
  int offset_min;
  gint64 id;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_KNOT (knot), FALSE);

  stmt = _kl_store_prepare (self,
                            "UPDATE knots SET resolved_ms = ?2, resolved_offset_min = ?3"
                            " WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  id = kl_knot_get_id (knot);
  _kl_store_now (&now_ms, &offset_min);
  sqlite3_bind_int64 (stmt, 1, id);
  if (resolved)
    {
      sqlite3_bind_int64 (stmt, 2, now_ms);
      sqlite3_bind_int (stmt, 3, offset_min);
    }

  return _kl_store_step_done (self, stmt, error) &&
         expect_one_change (self, id, error) &&
         reload_knot (self, knot, id, error);
}

GArray *
kl_store_list_knot_ratings (KlStore  *self,
                            gint64    knot_id,
                            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ratings = g_array_new (FALSE, FALSE, sizeof (KlKnotRating));
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  stmt = _kl_store_prepare (self,
                            "SELECT at_ms, utc_offset_min, tenderness FROM knot_ratings"
                            " WHERE knot_id = ?1 ORDER BY at_ms, id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, knot_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KlKnotRating rating = {
        .at_ms = sqlite3_column_int64 (stmt, 0),
        .utc_offset_min = sqlite3_column_int (stmt, 1),
        .tenderness = sqlite3_column_int (stmt, 2),
      };
      g_array_append_val (ratings, rating);
    }

  if (rc != SQLITE_DONE)
    {
      _kl_store_set_error (_kl_store_get_db (self), rc, error, _("Could not read the ratings"));
      return NULL;
    }

  return g_steal_pointer (&ratings);
}

gboolean
kl_store_delete_knot (KlStore  *self,
                      KlKnot   *knot,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_KNOT (knot), FALSE);

  if (!(stmt = _kl_store_prepare (self, "DELETE FROM knots WHERE id = ?1", error)))
    return FALSE;

  id = kl_knot_get_id (knot);
  sqlite3_bind_int64 (stmt, 1, id);
  return _kl_store_step_done (self, stmt, error) && expect_one_change (self, id, error);
}

gboolean
kl_store_restore_knot (KlStore  *self,
                       KlKnot   *knot,
                       GArray   *ratings,
                       GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDateTime *created;
  GDateTime *resolved;
  gint64 id;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_KNOT (knot), FALSE);
  g_return_val_if_fail (ratings != NULL, FALSE);

  if (!validate_knot (knot, error))
    return FALSE;

  stmt = _kl_store_prepare (self,
                            "INSERT INTO knots (id, region, x, y, state, referred, referred_to,"
                            "                   twitch, note, created_ms, created_offset_min,"
                            "                   resolved_ms, resolved_offset_min)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                            error);
  if (stmt == NULL)
    return FALSE;

  id = kl_knot_get_id (knot);
  created = kl_knot_get_created (knot);
  resolved = kl_knot_get_resolved (knot);
  sqlite3_bind_int64 (stmt, 1, id);
  bind_knot_fields (stmt, knot, 2);
  _kl_store_bind_date_time (stmt, 10, created);
  if (resolved != NULL)
    _kl_store_bind_date_time (stmt, 12, resolved);

  if (!_kl_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!_kl_store_step_done (self, stmt, error))
    goto failed;

  for (guint i = 0; i < ratings->len; i++)
    {
      const KlKnotRating *rating = &g_array_index (ratings, KlKnotRating, i);

      if (!insert_rating (self, id, rating->tenderness, rating->at_ms, rating->utc_offset_min,
                          error))
        goto failed;
    }

  if (!_kl_store_exec (self, "COMMIT", error))
    goto failed;

  return TRUE;

failed:
  _kl_store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}
