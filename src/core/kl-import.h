/* kl-import.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_IMPORT_ERROR (kl_import_error_quark ())

typedef enum
{
  KL_IMPORT_ERROR_NO_COLUMN,   /* the file has no column for the time or the pain */
  KL_IMPORT_ERROR_INVALID,     /* a row holds a value that cannot be imported */
} KlImportError;

typedef enum
{
  KL_IMPORT_FORMAT_KNOTLESS,   /* Knotless's own pain file: every column */
  KL_IMPORT_FORMAT_GENERIC,    /* another program's: columns matched by their names */
} KlImportFormat;

#define KL_TYPE_PAIN_IMPORT (kl_pain_import_get_type ())

G_DECLARE_FINAL_TYPE (KlPainImport, kl_pain_import, KL, PAIN_IMPORT, GObject)

GQuark          kl_import_error_quark          (void);
GDateTime      *kl_import_parse_date_time      (const char     *text,
                                                int             date_hour);

KlPainImport   *kl_pain_import_new             (GInputStream   *stream);
gboolean        kl_pain_import_read_header     (KlPainImport   *self,
                                                GCancellable   *cancellable,
                                                GError        **error);
KlImportFormat  kl_pain_import_get_format      (KlPainImport   *self);
guint           kl_pain_import_get_n_columns   (KlPainImport   *self);
const char     *kl_pain_import_get_column_name (KlPainImport   *self,
                                                guint           column);
const char     *kl_pain_import_get_column_use  (KlPainImport   *self,
                                                guint           column);
gboolean        kl_pain_import_run             (KlPainImport   *self,
                                                KlStore        *store,
                                                gboolean        dry_run,
                                                GCancellable   *cancellable,
                                                guint          *out_added,
                                                guint          *out_skipped,
                                                GError        **error);

G_END_DECLS
