/* kl-csv.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KL_TYPE_CSV_WRITER (kl_csv_writer_get_type ())

G_DECLARE_FINAL_TYPE (KlCsvWriter, kl_csv_writer, KL, CSV_WRITER, GObject)

/* RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, quote, CR or
 * LF or starts with U+FEFF (which could pass for a byte order mark), quotes doubled. A text field
 * that a spreadsheet would take for a formula (it starts with =, +, -, @, tab or CR, after any ')
 * gets one more leading ' (OWASP CSV injection), which kl_csv_unescape_formula () takes off
 * again; numbers are written as they are. Rows are written through a buffer as they come:
 * nothing is held beyond one row. KlCsvReader reads them back. */
KlCsvWriter *kl_csv_writer_new        (GOutputStream  *stream);
/* Whether the file starts with a UTF-8 byte order mark, which some spreadsheets need to take it
 * for UTF-8 (off by default: RFC 4180 has none). Only before the first field. */
void         kl_csv_writer_set_bom    (KlCsvWriter    *self,
                                       gboolean        bom);
void         kl_csv_writer_add_text   (KlCsvWriter    *self,
                                       const char     *text);
void         kl_csv_writer_add_int    (KlCsvWriter    *self,
                                       gint64          value);
void         kl_csv_writer_add_double (KlCsvWriter    *self,
                                       double          value,
                                       int             decimals);
void         kl_csv_writer_add_empty  (KlCsvWriter    *self);
gboolean     kl_csv_writer_end_row    (KlCsvWriter    *self,
                                       GCancellable   *cancellable,
                                       GError        **error);
gboolean     kl_csv_writer_write_header (KlCsvWriter  *self,
                                         const char * const *names,
                                         GCancellable *cancellable,
                                         GError      **error);
gboolean     kl_csv_writer_flush      (KlCsvWriter    *self,
                                       GCancellable   *cancellable,
                                       GError        **error);

G_END_DECLS
