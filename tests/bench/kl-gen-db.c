/* kl-gen-db.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes a benchmark database of ten years of use into DIR/knotless.db, through the store so the
 * schema is the real one (the history itself is written with SQL, to date it). With --empty, only
 * the acknowledged welcome. Each issue that adds a table adds its share of the decade here: about
 * 40,000 pain entries, 300 knots, 6,000 routine sessions and 20,000 break events in all. */

#include "config.h"

#include <stdio.h>

#include <sqlite3.h>

#include "kl-body-geometry.h"
#include "kl-body-regions.h"
#include "kl-store.h"

#define DAY_MS    (24 * 60 * 60 * (gint64)1000)
#define N_DAYS    3650
#define N_KNOTS   300

/* Straight SQL, not the store's API: ten years of history need dates in the past. */
static gboolean
add_knots (const char  *path,
           GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  gint64 now_ms = g_get_real_time () / 1000;
  sqlite3_stmt *knot = NULL, *rating = NULL;
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open (path, &db);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "INSERT INTO knots (region, x, y, state, note, created_ms,"
                             " created_offset_min, resolved_ms, resolved_offset_min)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 60, ?7, ?8)", -1, &knot, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "INSERT INTO knot_ratings (knot_id, tenderness, at_ms, utc_offset_min)"
                             " VALUES (?1, ?2, ?3, 60)", -1, &rating, NULL);

  for (int i = 0; rc == SQLITE_OK && i < N_KNOTS; i++)
    {
      const KlBodyRegion *region;
      KlBodyGeometry *geometry;
      gint64 created = now_ms - (gint64)(N_DAYS - i * (N_DAYS / N_KNOTS)) * DAY_MS;
      gboolean open = i >= N_KNOTS - 40;
      double x, y;
      gint64 id;
      int n_ratings = g_rand_int_range (rand, 2, 15);

      /* Muscles only, the back a little more often, as in life. */
      do
        region = kl_body_regions_get (g_rand_int_range (rand, 0, kl_body_regions_get_n ()));
      while (region->kind != KL_BODY_REGION_MUSCLE);

      geometry = kl_body_geometry_get_for_view (region->view, error);
      if (geometry == NULL || !kl_body_geometry_get_region_centre (geometry, region->id, &x, &y))
        break;

      sqlite3_bind_text (knot, 1, region->id, -1, SQLITE_STATIC);
      sqlite3_bind_double (knot, 2, x / kl_body_geometry_get_width (geometry));
      sqlite3_bind_double (knot, 3, y / kl_body_geometry_get_height (geometry));
      sqlite3_bind_text (knot, 4, g_rand_boolean (rand) ? "active" : "latent", -1, SQLITE_STATIC);
      sqlite3_bind_text (knot, 5, "Generated for the benchmark", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (knot, 6, created);
      if (open)
        {
          sqlite3_bind_null (knot, 7);
          sqlite3_bind_null (knot, 8);
        }
      else
        {
          sqlite3_bind_int64 (knot, 7, created + g_rand_int_range (rand, 3, 60) * DAY_MS);
          sqlite3_bind_int (knot, 8, 60);
        }
      rc = sqlite3_step (knot) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (db);
      sqlite3_reset (knot);
      id = sqlite3_last_insert_rowid (db);

      for (int r = 0; rc == SQLITE_OK && r < n_ratings; r++)
        {
          sqlite3_bind_int64 (rating, 1, id);
          sqlite3_bind_int (rating, 2, g_rand_int_range (rand, 1, 10));
          sqlite3_bind_int64 (rating, 3, created + r * DAY_MS);
          rc = sqlite3_step (rating) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (db);
          sqlite3_reset (rating);
        }
    }

  if (rc == SQLITE_OK && (error == NULL || *error == NULL))
    rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db));

  sqlite3_finalize (knot);
  sqlite3_finalize (rating);
  sqlite3_close (db);
  return rc == SQLITE_OK && (error == NULL || *error == NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  gboolean empty;

  if (argc < 2 || argc > 3 || (argc == 3 && !g_str_equal (argv[2], "--empty")))
    {
      g_printerr ("usage: kl-gen-db DIR [--empty]\n");
      return 2;
    }
  empty = argc == 3;

  store = kl_store_open (argv[1], &error);

  /* A user of ten years said yes to the welcome long ago. */
  if (store == NULL || !kl_store_acknowledge (store, KL_ACK_WELCOME, &error))
    {
      g_printerr ("kl-gen-db: %s\n", error->message);
      return 1;
    }

  if (!empty && !add_knots (kl_store_get_path (store), &error))
    {
      g_printerr ("kl-gen-db: %s\n", error->message);
      return 1;
    }

  printf ("%s: schema %d\n", kl_store_get_path (store), kl_store_get_schema_version (store));
  return 0;
}
