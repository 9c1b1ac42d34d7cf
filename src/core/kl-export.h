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

G_BEGIN_DECLS

/* The pain entries file, as README.md documents it: one row per check-in. Lists are
 * ';'-separated: knots as ID or ID=PAIN, regions (areas without a knot) as REGION or
 * REGION=PAIN, factors by name. */
gboolean kl_export_write_pain_header (KlCsvWriter  *csv,
                                      GError      **error);
gboolean kl_export_write_pain_entry  (KlCsvWriter  *csv,
                                      KlPainEntry  *entry,
                                      GError      **error);
void     kl_export_add_date_time     (KlCsvWriter  *csv,
                                      GDateTime    *date_time);

/* The sessions file, as README.md documents it: one row per routine session. */
gboolean kl_export_write_session_header (KlCsvWriter  *csv,
                                         GError      **error);
gboolean kl_export_write_session        (KlCsvWriter  *csv,
                                         KlSession    *session,
                                         GError      **error);

G_END_DECLS
