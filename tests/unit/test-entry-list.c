/* test-entry-list.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "kl-entry-list.h"
#include "kl-test-utils.h"

#define N_ENTRIES 40000

/* Ten years of check-ins, written straight into a migrated database. */
static char *
make_journal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("knotless-test-XXXXXX", &error);
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *path = NULL;
  g_autoptr(KlStore) store = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  const gint64 start_ms = 1479600000000; /* 2016-11-20 */

  g_assert_no_error (error);
  store = kl_store_open (data_dir, &error);
  g_assert_no_error (error);
  path = g_strdup (kl_store_get_path (store));
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO pain_entries (at_ms, utc_offset_min, pain_now,"
                                       " note) VALUES (?1, 60, ?2, ?3)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (int i = 0; i < N_ENTRIES; i++)
    {
      g_autofree char *note = g_strdup_printf ("entry %d", i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, start_ms + (gint64)i * 7890000);
      sqlite3_bind_int (stmt, 2, i % 11);
      sqlite3_bind_text (stmt, 3, note, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  return g_steal_pointer (&dir);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *changes)
{
  (*changes)++;
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_lazy (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_journal ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autoptr(KlStore) store = kl_store_open (data_dir, &error);
  g_autoptr(KlEntryList) list = NULL;
  g_autoptr(KlPainEntry) newest = NULL;
  g_autoptr(KlPainEntry) oldest = NULL;
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GAsyncResult) stale = NULL;
  g_autoptr(GAsyncResult) filtered = NULL;
  guint changes = 0;

  g_assert_no_error (error);
  list = kl_entry_list_new (store);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  kl_entry_list_reload_async (list, done_cb, &loaded);
  /* The ids are read in a thread: nothing changes until they are in. */
  g_assert_cmpuint (changes, ==, 0);
  g_assert_true (kl_entry_list_reload_finish (list, wait_for (&loaded), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);

  /* All of them are there, and nothing has been read yet but their ids. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ENTRIES);
  g_assert_cmpuint (kl_entry_list_get_n_pages_read (list), ==, 0);

  newest = g_list_model_get_item (G_LIST_MODEL (list), 0);
  oldest = g_list_model_get_item (G_LIST_MODEL (list), N_ENTRIES - 1);
  g_assert_cmpstr (kl_pain_entry_get_note (newest), ==, "entry 39999");
  g_assert_cmpstr (kl_pain_entry_get_note (oldest), ==, "entry 0");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), N_ENTRIES));
  g_assert_cmpuint (kl_entry_list_get_n_pages_read (list), ==, 2);

  /* Scrolling through a screenful reads a page at a time, and reading it again reads nothing. */
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < 120; i++)
      {
        g_autoptr(KlPainEntry) entry = g_list_model_get_item (G_LIST_MODEL (list), 20000 + i);
        g_autofree char *note = g_strdup_printf ("entry %u", N_ENTRIES - 1 - 20000 - i);

        g_assert_cmpstr (kl_pain_entry_get_note (entry), ==, note);
      }
  g_assert_cmpuint (kl_entry_list_get_n_pages_read (list), ==, 2 + 3);

  /* A filter narrows the list and tells the views; one typed over it is never shown. */
  kl_entry_list_set_filter_async (list, &(KlEntryFilter) { .search = "entry 39" },
                                  done_cb, &stale);
  kl_entry_list_set_filter_async (list, &(KlEntryFilter) { .search = "entry 3999" },
                                  done_cb, &filtered);
  g_assert_true (kl_entry_list_set_filter_finish (list, wait_for (&filtered), &error));
  g_assert_no_error (error);
  g_assert_false (kl_entry_list_set_filter_finish (list, wait_for (&stale), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 11);

  kl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/entry-list/lazy", test_lazy);
  return g_test_run ();
}
