/* kl-export.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kl-csv.h"
#include "kl-pain-entry.h"
#include "kl-session.h"
#include "kl-store.h"

G_BEGIN_DECLS

/* What can be exported, one CSV file each. */
typedef enum
{
  KL_EXPORT_PAIN,
  KL_EXPORT_KNOTS,
  KL_EXPORT_SESSIONS,
  KL_EXPORT_BREAKS,
} KlExportDataset;

#define KL_EXPORT_N_DATASETS (KL_EXPORT_BREAKS + 1)

/* Rows written so far, and the rows there are to write (0 when unknown). */
typedef void (*KlExportProgressFunc) (guint64  done,
                                      guint64  total,
                                      gpointer user_data);

const char *kl_export_dataset_to_string   (KlExportDataset       dataset);
gboolean    kl_export_dataset_from_string (const char           *name,
                                           KlExportDataset      *out_dataset);
const char *kl_export_dataset_get_label   (KlExportDataset       dataset);
char       *kl_export_file_name           (KlExportDataset       dataset,
                                           GDateTime            *day);
gboolean    kl_export_write               (KlStore              *store,
                                           KlExportDataset       dataset,
                                           GDateTime            *from,
                                           GDateTime            *to,
                                           KlCsvWriter          *csv,
                                           GCancellable         *cancellable,
                                           KlExportProgressFunc  progress,
                                           gpointer              user_data,
                                           GError              **error);
gboolean    kl_export_to_file             (KlStore              *store,
                                           KlExportDataset       dataset,
                                           GDateTime            *from,
                                           GDateTime            *to,
                                           const char           *path,
                                           gboolean              bom,
                                           GCancellable         *cancellable,
                                           KlExportProgressFunc  progress,
                                           gpointer              user_data,
                                           GError              **error);

/* The pain entries file, as README.md documents it: one row per check-in. Lists are
 * ';'-separated: knots as ID or ID=PAIN, regions (areas without a knot) as REGION or
 * REGION=PAIN, factors by name. */
gboolean kl_export_write_pain_header (KlCsvWriter  *csv,
                                      GError      **error);
gboolean kl_export_write_pain_row    (KlCsvWriter      *csv,
                                      const KlPainRow  *row,
                                      GError          **error);
void     kl_export_add_instant       (KlCsvWriter  *csv,
                                      gint64        at_ms,
                                      int           utc_offset_min);
void     kl_export_add_date_time     (KlCsvWriter  *csv,
                                      GDateTime    *date_time);

/* The sessions file, as README.md documents it: one row per routine session. */
/* The break history, one row per event. */
gboolean kl_export_write_break_header   (KlCsvWriter         *csv,
                                         GError             **error);
gboolean kl_export_write_break_event    (KlCsvWriter         *csv,
                                         const KlBreakEvent  *event,
                                         GError             **error);
gboolean kl_export_write_session_header (KlCsvWriter  *csv,
                                         GError      **error);
gboolean kl_export_write_session        (KlCsvWriter  *csv,
                                         KlSession    *session,
                                         GError      **error);

G_END_DECLS
