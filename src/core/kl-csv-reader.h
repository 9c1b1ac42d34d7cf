/* kl-csv-reader.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KL_CSV_ERROR (kl_csv_error_quark ())

/* Every message starts with "line N: ", N the physical line (1-based) where the trouble is. */
typedef enum
{
  KL_CSV_ERROR_SYNTAX,    /* a quote left open, inside an unquoted field, or text after one */
  KL_CSV_ERROR_TOO_LONG,  /* a record longer than the maximum record size */
  KL_CSV_ERROR_ENCODING,  /* a field that is not UTF-8, or holds a NUL byte */
} KlCsvError;

/* Room for a 1 MB note whose every character is a quote (doubled: 2 MB) and then some. */
#define KL_CSV_READER_DEFAULT_MAX_RECORD_SIZE (8 * 1024 * 1024)

#define KL_TYPE_CSV_READER (kl_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (KlCsvReader, kl_csv_reader, KL, CSV_READER, GObject)

GQuark       kl_csv_error_quark                 (void);

/* RFC 4180, read one record at a time through a 64 KiB buffer: memory stays at one record,
 * however big the file. Also accepted, as spreadsheets write them: LF and lone CR line ends as
 * well as CRLF (each one line end, inside quotes too), a leading UTF-8 byte order mark (skipped),
 * and a last record without a line end. Blank lines are skipped: no record comes from them, so
 * a file with a single column cannot hold an empty value. Fields with quotes, commas or line
 * ends must be quoted as a whole, their quotes doubled; every field must be UTF-8 without NUL
 * bytes. */
KlCsvReader *kl_csv_reader_new                  (GInputStream         *stream);

/* The longest record accepted, in bytes as they are in the file, quotes and commas included but
 * not the line end; a longer one fails with KL_CSV_ERROR_TOO_LONG as soon as it is seen to be,
 * having read no more than this. */
void         kl_csv_reader_set_max_record_size  (KlCsvReader          *self,
                                                 gsize                 max_record_size);
gsize        kl_csv_reader_get_max_record_size  (KlCsvReader          *self);

/* Reads the next record. @fields (NULL-terminated, @n_fields long, either may be NULL) stay
 * valid until the next call or the reader is gone. FALSE without an error at the end of the
 * stream; FALSE with a KL_CSV_ERROR for bad content, or the stream's own error (such as
 * G_IO_ERROR_CANCELLED). After an error every call fails again the same way. */
gboolean     kl_csv_reader_next                 (KlCsvReader          *self,
                                                 const char * const  **fields,
                                                 guint                *n_fields,
                                                 GCancellable         *cancellable,
                                                 GError              **error);

/* The physical line (1-based) where the record that kl_csv_reader_next () last returned, or
 * failed on, starts; 0 before the first. */
guint64      kl_csv_reader_get_line             (KlCsvReader          *self);

/* The index of the first of @n_fields header @fields named @name, compared case-insensitively
 * (ASCII), or -1. */
int          kl_csv_find_column                 (const char * const   *fields,
                                                 guint                 n_fields,
                                                 const char           *name);

/* A text cell as it was before KlCsvWriter guarded it against formula injection: @cell without
 * its first ' when what follows, after any further ', is =, +, -, @, tab or CR; otherwise @cell
 * itself. Points into @cell. */
const char  *kl_csv_unescape_formula            (const char           *cell);

G_END_DECLS
