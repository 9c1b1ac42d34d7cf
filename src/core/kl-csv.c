/* kl-csv.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-csv"

#include "config.h"

#include <string.h>

#include "kl-csv.h"
#include "kl-csv-private.h"

#define UTF8_BOM "\xEF\xBB\xBF"

struct _KlCsvWriter
{
  GObject        parent_instance;

  GOutputStream *stream;
  GString       *row;
  guint          n_fields;
  /* A field or a row has been started: too late to choose the byte order mark. */
  guint          started : 1;
};

G_DEFINE_FINAL_TYPE (KlCsvWriter, kl_csv_writer, G_TYPE_OBJECT)

static void
kl_csv_writer_finalize (GObject *object)
{
  KlCsvWriter *self = (KlCsvWriter *)object;

  g_clear_object (&self->stream);
  g_string_free (self->row, TRUE);

  G_OBJECT_CLASS (kl_csv_writer_parent_class)->finalize (object);
}

static void
kl_csv_writer_class_init (KlCsvWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kl_csv_writer_finalize;
}

static void
kl_csv_writer_init (KlCsvWriter *self)
{
  self->row = g_string_sized_new (256);
}

KlCsvWriter *
kl_csv_writer_new (GOutputStream *stream)
{
  KlCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_object_new (KL_TYPE_CSV_WRITER, NULL);
  self->stream = g_object_ref (stream);
  return self;
}

void
kl_csv_writer_set_bom (KlCsvWriter *self,
                       gboolean     bom)
{
  g_return_if_fail (KL_IS_CSV_WRITER (self));
  g_return_if_fail (!self->started);

  /* The mark goes out with the first row: the row buffer holds nothing else yet. */
  g_string_assign (self->row, bom ? UTF8_BOM : "");
}

gboolean
_kl_csv_starts_like_formula (const char *text)
{
  while (*text == '\'')
    text++;

  return *text != '\0' && strchr ("=+-@\t\r", *text) != NULL;
}

static void
begin_field (KlCsvWriter *self)
{
  self->started = TRUE;
  if (self->n_fields++ > 0)
    g_string_append_c (self->row, ',');
}

void
kl_csv_writer_add_text (KlCsvWriter *self,
                        const char  *text)
{
  gboolean formula;

  g_return_if_fail (KL_IS_CSV_WRITER (self));

  begin_field (self);
  if (text == NULL || text[0] == '\0')
    return;

  formula = _kl_csv_starts_like_formula (text);

  /* A text that starts with U+FEFF is quoted: first in the file, it would pass for a byte order
   * mark, which readers take off. */
  if (strpbrk (text, ",\"\r\n") == NULL && !formula && !g_str_has_prefix (text, UTF8_BOM))
    {
      g_string_append (self->row, text);
      return;
    }

  g_string_append_c (self->row, '"');
  if (formula)
    g_string_append_c (self->row, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (self->row, '"');
      g_string_append_c (self->row, *p);
    }
  g_string_append_c (self->row, '"');
}

void
kl_csv_writer_add_int (KlCsvWriter *self,
                       gint64       value)
{
  char digits[24];
  guint64 magnitude = value < 0 ? -(guint64)value : (guint64)value;
  guint i = sizeof digits;

  g_return_if_fail (KL_IS_CSV_WRITER (self));

  /* By hand: printf would be a fifth of a million-row export. */
  do
    digits[--i] = '0' + magnitude % 10;
  while ((magnitude /= 10) > 0);
  if (value < 0)
    digits[--i] = '-';

  begin_field (self);
  g_string_append_len (self->row, digits + i, sizeof digits - i);
}

void
kl_csv_writer_add_double (KlCsvWriter *self,
                          double       value,
                          int          decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = NULL;

  g_return_if_fail (KL_IS_CSV_WRITER (self));
  g_return_if_fail (decimals >= 0 && decimals <= 9);

  /* Always a point, whatever the locale: a comma would split the field. */
  format = g_strdup_printf ("%%.%df", decimals);
  begin_field (self);
  g_string_append (self->row, g_ascii_formatd (buffer, sizeof buffer, format, value));
}

void
kl_csv_writer_add_empty (KlCsvWriter *self)
{
  g_return_if_fail (KL_IS_CSV_WRITER (self));

  begin_field (self);
}

gboolean
kl_csv_writer_end_row (KlCsvWriter   *self,
                       GCancellable  *cancellable,
                       GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (KL_IS_CSV_WRITER (self), FALSE);

  self->started = TRUE;
  g_string_append (self->row, "\r\n");
  ok = g_output_stream_write_all (self->stream, self->row->str, self->row->len, NULL,
                                  cancellable, error);
  g_string_truncate (self->row, 0);
  self->n_fields = 0;
  return ok;
}

gboolean
kl_csv_writer_write_header (KlCsvWriter         *self,
                            const char * const  *names,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_return_val_if_fail (KL_IS_CSV_WRITER (self), FALSE);
  g_return_val_if_fail (names != NULL, FALSE);

  for (guint i = 0; names[i] != NULL; i++)
    kl_csv_writer_add_text (self, names[i]);

  return kl_csv_writer_end_row (self, cancellable, error);
}

gboolean
kl_csv_writer_flush (KlCsvWriter   *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (KL_IS_CSV_WRITER (self), FALSE);

  return g_output_stream_flush (self->stream, cancellable, error);
}
