/* kl-store-private.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "kl-store.h"

G_BEGIN_DECLS

/* Shared by the kl-store*.c files, which are the only place SQL is written. */

sqlite3      *_kl_store_get_db          (KlStore      *self);
sqlite3_stmt *_kl_store_prepare         (KlStore      *self,
                                         const char   *sql,
                                         GError      **error);
gboolean      _kl_store_exec            (KlStore      *self,
                                         const char   *sql,
                                         GError      **error);
gboolean      _kl_store_step_done       (KlStore      *self,
                                         sqlite3_stmt *stmt,
                                         GError      **error);
void          _kl_store_set_error       (sqlite3      *db,
                                         int           rc,
                                         GError      **error,
                                         const char   *what);
void          _kl_store_now             (gint64       *out_ms,
                                         int          *out_utc_offset_min);
GDateTime    *_kl_store_date_time       (gint64        ms,
                                         int           utc_offset_min);
gint64        _kl_store_date_time_to_ms (GDateTime    *date_time);
void          _kl_store_bind_date_time  (sqlite3_stmt *stmt,
                                         int           index,
                                         GDateTime    *date_time);

/* kl_store_seed_routines () with other built-in files than those compiled in, for tests: @files
 * holds the text of one routine file per slug of @slugs. */
gboolean      _kl_store_seed_routines_from (KlStore            *self,
                                            const char * const *slugs,
                                            GBytes * const     *files,
                                            GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
