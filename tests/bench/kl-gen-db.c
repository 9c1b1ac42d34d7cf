/* kl-gen-db.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes a benchmark database of ten years of use into DIR/knotless.db, through the store so the
 * schema is the real one. Each issue that adds a table adds its share of the decade here: about
 * 40,000 pain entries, 300 knots, 6,000 routine sessions and 20,000 break events in all. */

#include "config.h"

#include <stdio.h>

#include "kl-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: kl-gen-db DIR\n");
      return 2;
    }

  store = kl_store_open (argv[1], &error);

  /* A user of ten years said yes to the welcome long ago. */
  if (store == NULL || !kl_store_acknowledge (store, KL_ACK_WELCOME, &error))
    {
      g_printerr ("kl-gen-db: %s\n", error->message);
      return 1;
    }

  printf ("%s: schema %d\n", kl_store_get_path (store), kl_store_get_schema_version (store));
  return 0;
}
