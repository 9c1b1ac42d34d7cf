/* kl-gen-db.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes a benchmark database of ten years of use into DIR/knotless.db, through the store so the
 * schema is the real one (the history itself is written with SQL, to date it). With --empty, only
 * the acknowledged welcome. Each issue that adds a table adds its share of the decade here; so far
 * 300 knots with their tenderness ratings, and about 40,000 pain journal entries ending today with
 * their factors (the built-in ones and 3 of the user's own) and the knots and areas that hurt.
 * The same seed gives the same history; only its dates follow today. */

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <sqlite3.h>

#include "kl-body-geometry.h"
#include "kl-body-regions.h"
#include "kl-store.h"

#define MINUTE_MS (60 * (gint64)1000)
#define DAY_MS    (24 * 60 * 60 * (gint64)1000)
#define N_DAYS    3650
#define N_KNOTS   300
#define MAX_PER_DAY 20

typedef struct
{
  gint64      id;
  const char *region;      /* static, from the body regions catalogue */
  gint64      created_ms;
  gint64      resolved_ms; /* G_MAXINT64 while open */
} KnotInfo;

static int
step_done (sqlite3      *db,
           sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (db);

  sqlite3_reset (stmt);
  return rc;
}

static void
bind_optional (sqlite3_stmt *stmt,
               int           index,
               gboolean      given,
               int           value)
{
  if (given)
    sqlite3_bind_int (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/* Straight SQL, not the store's API: ten years of history need dates in the past. */
static int
add_knots (sqlite3  *db,
           GArray   *knots,
           GError  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  gint64 now_ms = g_get_real_time () / 1000;
  sqlite3_stmt *knot = NULL, *rating = NULL;
  int rc;

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
      KnotInfo info = { 0, NULL, created, G_MAXINT64 };
      double x, y;
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
          info.resolved_ms = created + g_rand_int_range (rand, 3, 60) * DAY_MS;
          sqlite3_bind_int64 (knot, 7, info.resolved_ms);
          sqlite3_bind_int (knot, 8, 60);
        }
      rc = step_done (db, knot);
      info.id = sqlite3_last_insert_rowid (db);
      info.region = region->id;
      if (rc == SQLITE_OK)
        g_array_append_val (knots, info);

      for (int r = 0; rc == SQLITE_OK && r < n_ratings; r++)
        {
          sqlite3_bind_int64 (rating, 1, info.id);
          sqlite3_bind_int (rating, 2, g_rand_int_range (rand, 1, 10));
          sqlite3_bind_int64 (rating, 3, created + r * DAY_MS);
          rc = step_done (db, rating);
        }
    }

  sqlite3_finalize (knot);
  sqlite3_finalize (rating);
  return rc;
}

/* Phrases a note is made of: a few words to a long paragraph, some of them not in ASCII. */
static const char * const note_phrases[] = {
  "Stiff neck after the long meeting.",
  "Woke up with the right shoulder aching again",
  "Better after a walk at lunch.",
  "Heat pack helped a bit",
  "Sat too long at the desk, forgot the breaks.",
  "Pain spreading up into the head, like a band around the temples.",
  "Slept badly; the pillow is not working.",
  "Stretching in the morning made a real difference",
  "Carried the shopping home — both arms tired.",
  "Massage appointment on Thursday.",
  "Physio says to keep the shoulders down and back",
  "Nacken verspannt, schlecht geschlafen.",
  "Douleur à l'épaule après le ménage.",
  "肩こりがひどい。",
  "Dolor en la zona lumbar después de conducir.",
  "Felt almost normal today 🙂",
  "Bad one 😣 had to lie down for an hour.",
  "Jaw tight → probably clenching at night.",
  "Took ½ tablet, then the rest an hour later.",
  "Cold weather, everything hurts more.",
  "- stiff in the morning, easing by noon",
  "Rained all day; knees and lower back complaining.",
  "Three hours of gardening, paid for it in the evening.",
  "No pain at the trigger point when pressing, first time in weeks!",
};

static const char * const medications[] = {
  "ibuprofen 400 mg", "paracetamol 1 g", "naproxen 250 mg", "diclofenac gel",
  "magnesium", "heat patch", "ibuprofen 200 mg",
};

/* The user's own factors, beside the ten the schema seeds. */
static const char * const user_factors[] = { "long drive", "gardening", "Büro-Stress" };

/* The built-in and the user's factors, the everyday ones more likely. */
static const double factor_weights[] = {
  /* stress, poor posture, prolonged sitting, lifting, repetitive motion, poor sleep, injury,
   * dehydration, skipped exercise, cold, then the user's */
  9, 7, 8, 2, 3, 6, 0.3, 1, 4, 2,   2, 1.5, 3,
};

static double
uniform (GRand *rand)
{
  return g_rand_double (rand);
}

/* Roughly normal, mean 0 and deviation 1, cheap and deterministic. */
static double
noise (GRand *rand)
{
  double sum = 0;

  for (int i = 0; i < 4; i++)
    sum += g_rand_double (rand);
  return (sum - 2.0) * sqrt (3.0);
}

static int
clamp_rating (double value)
{
  long rating = lround (value);

  return CLAMP (rating, 0, 10);
}

static char *
make_note (GRand *rand)
{
  /* Mostly short, now and then long: 10–400 characters. */
  double u = uniform (rand);
  glong length = 10 + (glong)(391 * u * u * u);
  GString *note = g_string_new (NULL);

  while (g_utf8_strlen (note->str, -1) < length)
    {
      if (note->len > 0)
        g_string_append_c (note, ' ');
      g_string_append (note,
                       note_phrases[g_rand_int_range (rand, 0, G_N_ELEMENTS (note_phrases))]);
    }

  /* Cut on a character, never inside one. */
  g_string_truncate (note, g_utf8_offset_to_pointer (note->str, length) - note->str);
  if (note->str[note->len - 1] == ' ')
    note->str[note->len - 1] = '.';
  return g_string_free (note, FALSE);
}

/* A Central European summer and winter, close enough for dates. */
static int
offset_min_for (const GDate *date)
{
  GDateMonth month = g_date_get_month (date);

  return month >= G_DATE_APRIL && month <= G_DATE_OCTOBER ? 120 : 60;
}

static void
date_from_unix_day (GDate  *date,
                    gint64  unix_day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 1, G_DATE_JANUARY, 1970);
  g_date_add_days (date, unix_day);
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *)a - *(const int *)b;
}

static int
add_entries (sqlite3      *db,
             const GArray *knots)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2027);
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();
  gint64 factor_ids[G_N_ELEMENTS (factor_weights)];
  double weight_sum = 0;
  guint n_factor_ids = 0;
  gint64 now_ms = g_get_real_time () / 1000;
  gint64 today, today_start_ms;
  int today_offset;
  double flare = 0;
  int gap_days = 0;
  guint first_knot = 0;
  GDate date;
  sqlite3_stmt *entry = NULL, *factor = NULL, *link = NULL, *location = NULL, *ids = NULL;
  int rc;

  /* Today where the user lives. */
  date_from_unix_day (&date, (now_ms + 60 * MINUTE_MS) / DAY_MS);
  today_offset = offset_min_for (&date);
  today = (now_ms + today_offset * MINUTE_MS) / DAY_MS;
  today_start_ms = today * DAY_MS - today_offset * MINUTE_MS;

  /* Areas are named by the regions the knots are in, all of them muscles of the chart. */
  for (guint i = 0; i < knots->len; i++)
    {
      const char *region = g_array_index (knots, KnotInfo, i).region;

      if (!g_ptr_array_find_with_equal_func (areas, region, g_str_equal, NULL))
        g_ptr_array_add (areas, (gpointer)region);
    }
  if (areas->len == 0)
    g_ptr_array_add (areas, (gpointer)"spine");

  rc = sqlite3_prepare_v2 (db, "INSERT INTO factors (name) VALUES (?1)", -1, &factor, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (user_factors); i++)
    {
      sqlite3_bind_text (factor, 1, user_factors[i], -1, SQLITE_STATIC);
      rc = step_done (db, factor);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT id FROM factors ORDER BY id", -1, &ids, NULL);
  while (rc == SQLITE_OK && sqlite3_step (ids) == SQLITE_ROW &&
         n_factor_ids < G_N_ELEMENTS (factor_ids))
    factor_ids[n_factor_ids++] = sqlite3_column_int64 (ids, 0);
  for (guint i = 0; i < n_factor_ids; i++)
    weight_sum += factor_weights[i];

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "INSERT INTO pain_entries (at_ms, utc_offset_min, pain_now,"
                             " pain_worst, pain_least, interference_activity, interference_mood,"
                             " interference_sleep, interference_work, medication,"
                             " medication_helped, note)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                             -1, &entry, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "INSERT INTO entry_factors (entry_id, factor_id) VALUES (?1, ?2)",
                             -1, &link, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "INSERT INTO entry_locations (entry_id, knot_id, region, pain)"
                             " VALUES (?1, ?2, ?3, ?4)", -1, &location, NULL);

  for (int day = 0; rc == SQLITE_OK && day < N_DAYS; day++)
    {
      gint64 unix_day = today - (N_DAYS - 1 - day);
      double t = day;
      double level;
      int minutes[MAX_PER_DAY];
      int n_entries, offset_min;
      gboolean weekend;
      gint64 start_ms, span_min;

      date_from_unix_day (&date, unix_day);
      offset_min = offset_min_for (&date);
      weekend = g_date_get_weekday (&date) >= G_DATE_SATURDAY;
      start_ms = unix_day * DAY_MS - offset_min * MINUTE_MS;

      /* Slow trends: a decade of slowly getting better, winters worse, a wave of months. */
      level = 4.6 - 1.4 * t / N_DAYS
              + 0.8 * cos (2 * G_PI * g_date_get_day_of_year (&date) / 365.25)
              + 0.6 * sin (2 * G_PI * t / 170);
      /* Now and then a flare of a few days, fading. */
      if (flare < 0.2 && uniform (rand) < 1.0 / 40)
        flare = 1.5 + 2.5 * uniform (rand);
      level += flare;
      flare *= 0.8;
      /* Desk days hurt more than weekends. */
      level += weekend ? -0.7 : 0.35;

      /* A few stretches of days with no entries: holidays, forgetting. */
      if (gap_days == 0 && uniform (rand) < 1.0 / 250)
        gap_days = g_rand_int_range (rand, 1, 7);
      if (gap_days > 0)
        {
          gap_days--;
          continue;
        }

      /* More check-ins on the bad days. */
      n_entries = (int)lround (10.9 + 1.2 * (level - 4) + 5.0 * noise (rand));
      n_entries = CLAMP (n_entries, 2, MAX_PER_DAY);
      for (int i = 0; i < n_entries; i++)
        minutes[i] = g_rand_int_range (rand, 7 * 60, 23 * 60);
      qsort (minutes, n_entries, sizeof minutes[0], compare_int);

      /* Today's check-ins are squeezed into the part of today that is over. */
      span_min = unix_day == today ? (now_ms - today_start_ms) / MINUTE_MS : -1;

      for (int i = 0; rc == SQLITE_OK && i < n_entries; i++)
        {
          int minute = span_min < 0 ? minutes[i]
                                    : (int)((minutes[i] - 7 * 60) * span_min / (16 * 60));
          gint64 at_ms = start_ms + minute * MINUTE_MS + g_rand_int_range (rand, 0, 60000);
          double hour = minute / 60.0;
          /* Stiff in the morning, worn out in the evening. */
          double diurnal = hour < 9 ? 0.5 : hour > 18 ? 0.6 : -0.2;
          int pain = clamp_rating (level + diurnal + 1.1 * noise (rand));
          gboolean ranged = uniform (rand) < 0.5;
          gboolean interfered = uniform (rand) < 0.25;
          gboolean medicated = uniform (rand) < 0.1;
          g_autofree char *note = uniform (rand) < 0.4 ? make_note (rand) : NULL;
          guint used_factors = 0;
          int n_factors, n_locations;
          gint64 entry_id;
          double u;

          if (unix_day == today)
            at_ms = MIN (at_ms, now_ms);

          sqlite3_bind_int64 (entry, 1, at_ms);
          sqlite3_bind_int (entry, 2, offset_min);
          sqlite3_bind_int (entry, 3, pain);
          /* Worst and least of the day around the pain of the moment. */
          bind_optional (entry, 4, ranged, clamp_rating (pain + 3 * uniform (rand)));
          bind_optional (entry, 5, ranged, clamp_rating (pain - 3 * uniform (rand)));
          for (int k = 0; k < 4; k++)
            bind_optional (entry, 6 + k, interfered,
                           clamp_rating (pain - 1 + (k == 2 ? 1.0 : 0.0) + 1.5 * noise (rand)));
          sqlite3_bind_text (entry, 10,
                             medicated
                             ? medications[g_rand_int_range (rand, 0, G_N_ELEMENTS (medications))]
                             : "", -1, SQLITE_STATIC);
          bind_optional (entry, 11, medicated && uniform (rand) < 0.8,
                         5 * g_rand_int_range (rand, 0, 21));
          sqlite3_bind_text (entry, 12, note != NULL ? note : "", -1, SQLITE_STATIC);
          rc = step_done (db, entry);
          entry_id = sqlite3_last_insert_rowid (db);

          /* 0–3 distinct factors, more of them when it hurts. */
          u = uniform (rand) + (pain - 4) * 0.05;
          n_factors = u < 0.3 ? 0 : u < 0.65 ? 1 : u < 0.9 ? 2 : 3;
          for (int f = 0; rc == SQLITE_OK && f < n_factors && n_factor_ids > 0; f++)
            {
              double pick = uniform (rand) * weight_sum;
              guint k = 0;

              while (k + 1 < n_factor_ids && pick >= factor_weights[k])
                pick -= factor_weights[k++];
              if (used_factors & (1u << k))
                continue;
              used_factors |= 1u << k;

              sqlite3_bind_int64 (link, 1, entry_id);
              sqlite3_bind_int64 (link, 2, factor_ids[k]);
              rc = step_done (db, link);
            }

          /* 0–2 places: a knot open at the time, or an area. */
          while (first_knot < knots->len &&
                 g_array_index (knots, KnotInfo, first_knot).resolved_ms <= at_ms)
            first_knot++;
          u = uniform (rand);
          n_locations = u < 0.35 ? 0 : u < 0.75 ? 1 : 2;
          for (int l = 0; rc == SQLITE_OK && l < n_locations; l++)
            {
              const KnotInfo *open_knot = NULL;
              guint n_open = 0;

              /* One of the knots open then, chosen evenly among them. */
              for (guint k = first_knot; k < knots->len; k++)
                {
                  const KnotInfo *info = &g_array_index (knots, KnotInfo, k);

                  if (info->created_ms > at_ms)
                    break;
                  if (info->resolved_ms > at_ms && g_rand_int_range (rand, 0, ++n_open) == 0)
                    open_knot = info;
                }

              sqlite3_bind_int64 (location, 1, entry_id);
              if (open_knot != NULL && uniform (rand) < 0.7)
                {
                  sqlite3_bind_int64 (location, 2, open_knot->id);
                  sqlite3_bind_text (location, 3, open_knot->region, -1, SQLITE_STATIC);
                }
              else
                {
                  sqlite3_bind_null (location, 2);
                  sqlite3_bind_text (location, 3,
                                     g_ptr_array_index (areas,
                                                        g_rand_int_range (rand, 0, areas->len)),
                                     -1, SQLITE_STATIC);
                }
              bind_optional (location, 4, uniform (rand) < 0.6,
                             clamp_rating (pain + 1.5 * noise (rand)));
              rc = step_done (db, location);
            }
        }
    }

  sqlite3_finalize (ids);
  sqlite3_finalize (factor);
  sqlite3_finalize (entry);
  sqlite3_finalize (link);
  sqlite3_finalize (location);
  return rc;
}

/* All of the history in one transaction, on a connection of its own. */
static gboolean
add_history (const char  *path,
             GError     **error)
{
  g_autoptr(GArray) knots = g_array_new (FALSE, FALSE, sizeof (KnotInfo));
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open (path, &db);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = add_knots (db, knots, error);
  if (rc == SQLITE_OK && (error == NULL || *error == NULL))
    rc = add_entries (db, knots);

  if (rc == SQLITE_OK && (error == NULL || *error == NULL))
    rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db));

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

  if (!empty && !add_history (kl_store_get_path (store), &error))
    {
      g_printerr ("kl-gen-db: %s\n", error->message);
      return 1;
    }

  printf ("%s: schema %d\n", kl_store_get_path (store), kl_store_get_schema_version (store));
  return 0;
}
