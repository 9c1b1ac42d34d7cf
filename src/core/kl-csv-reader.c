/* kl-csv-reader.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-csv-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kl-csv-private.h"
#include "kl-csv-reader.h"

#define BUFFER_SIZE (64 * 1024)
#define END_OF_STREAM (-1)

typedef enum
{
  FIELD_START,    /* nothing of the field read yet */
  UNQUOTED,
  QUOTED,
  QUOTED_QUOTE,   /* a quote inside a quoted field: doubled, or the closing one */
} FieldState;

struct _KlCsvReader
{
  GObject       parent_instance;

  GInputStream *stream;
  guint8       *buffer;
  gsize         buffer_pos;
  gsize         buffer_len;
  gsize         max_record_size;

  /* The line of the next byte, and whether the last byte was a CR: its LF then ends no line. */
  guint64       line;
  gboolean      after_cr;
  gboolean      started;
  gboolean      at_end;
  GError       *failure;

  /* The record: its fields one after the other, each with its NUL, and where each starts. */
  guint64       record_line;
  GString      *record;
  GArray       *offsets;
  GPtrArray    *fields;
};

G_DEFINE_FINAL_TYPE (KlCsvReader, kl_csv_reader, G_TYPE_OBJECT)

G_DEFINE_QUARK (kl-csv-error-quark, kl_csv_error)

static void
kl_csv_reader_finalize (GObject *object)
{
  KlCsvReader *self = (KlCsvReader *)object;

  g_clear_object (&self->stream);
  g_free (self->buffer);
  g_clear_error (&self->failure);
  g_string_free (self->record, TRUE);
  g_array_unref (self->offsets);
  g_ptr_array_unref (self->fields);

  G_OBJECT_CLASS (kl_csv_reader_parent_class)->finalize (object);
}

static void
kl_csv_reader_class_init (KlCsvReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kl_csv_reader_finalize;
}

static void
kl_csv_reader_init (KlCsvReader *self)
{
  self->buffer = g_malloc (BUFFER_SIZE);
  self->max_record_size = KL_CSV_READER_DEFAULT_MAX_RECORD_SIZE;
  self->line = 1;
  self->record = g_string_sized_new (256);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->fields = g_ptr_array_new ();
}

KlCsvReader *
kl_csv_reader_new (GInputStream *stream)
{
  KlCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (KL_TYPE_CSV_READER, NULL);
  self->stream = g_object_ref (stream);
  return self;
}

void
kl_csv_reader_set_max_record_size (KlCsvReader *self,
                                   gsize        max_record_size)
{
  g_return_if_fail (KL_IS_CSV_READER (self));
  g_return_if_fail (max_record_size > 0);

  self->max_record_size = max_record_size;
}

gsize
kl_csv_reader_get_max_record_size (KlCsvReader *self)
{
  g_return_val_if_fail (KL_IS_CSV_READER (self), 0);

  return self->max_record_size;
}

guint64
kl_csv_reader_get_line (KlCsvReader *self)
{
  g_return_val_if_fail (KL_IS_CSV_READER (self), 0);

  return self->record_line;
}

static gboolean
fail (KlCsvReader *self,
      KlCsvError   code,
      guint64      line,
      const char  *what,
      GError     **error)
{
  g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, line);

  g_assert (self->failure == NULL);

  /* TRANSLATORS: the first %s is a line number in a CSV file, the second what is wrong there */
  self->failure = g_error_new (KL_CSV_ERROR, code, _("line %s: %s"), number, what);
  g_propagate_error (error, g_error_copy (self->failure));
  return FALSE;
}

/* Reads more of the stream after what the buffer holds; FALSE on the stream's error. */
static gboolean
fill (KlCsvReader   *self,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize n_read;

  g_assert (self->buffer_len < BUFFER_SIZE);

  n_read = g_input_stream_read (self->stream, self->buffer + self->buffer_len,
                                BUFFER_SIZE - self->buffer_len, cancellable, &local_error);
  if (n_read < 0)
    {
      /* Sticky, as any failure: the stream may have stopped in the middle of a record. */
      self->failure = g_error_copy (local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->buffer_len += n_read;
  self->at_end = n_read == 0;
  return TRUE;
}

/* Skips a UTF-8 byte order mark at the start of the stream, however the stream hands out its
 * first three bytes. */
static gboolean
skip_bom (KlCsvReader   *self,
          GCancellable  *cancellable,
          GError       **error)
{
  while (self->buffer_len < 3 && !self->at_end)
    if (!fill (self, cancellable, error))
      return FALSE;

  if (self->buffer_len >= 3 && memcmp (self->buffer, "\xEF\xBB\xBF", 3) == 0)
    self->buffer_pos = 3;
  return TRUE;
}

/* The next byte, or END_OF_STREAM, into @c; the line count follows the line ends it passes. */
static inline gboolean
next_byte (KlCsvReader   *self,
           int           *c,
           GCancellable  *cancellable,
           GError       **error)
{
  if (G_UNLIKELY (self->buffer_pos == self->buffer_len))
    {
      if (self->at_end)
        {
          *c = END_OF_STREAM;
          return TRUE;
        }
      self->buffer_pos = self->buffer_len = 0;
      if (!fill (self, cancellable, error))
        return FALSE;
      if (self->at_end)
        {
          *c = END_OF_STREAM;
          return TRUE;
        }
    }

  *c = self->buffer[self->buffer_pos++];
  if (*c == '\r' || (*c == '\n' && !self->after_cr))
    self->line++;
  self->after_cr = *c == '\r';
  return TRUE;
}

/* The line where @end is in a field that starts on @line: quoted fields keep their line ends. */
static guint64
line_at (guint64     line,
         const char *start,
         const char *end)
{
  for (const char *p = start; p < end; p++)
    if (*p == '\r' || (*p == '\n' && (p == start || p[-1] != '\r')))
      line++;

  return line;
}

static gboolean
end_field (KlCsvReader  *self,
           guint64       field_line,
           GError      **error)
{
  gsize offset = g_array_index (self->offsets, gsize, self->offsets->len - 1);
  const char *field = self->record->str + offset;
  const char *end;

  if (!g_utf8_validate_len (field, self->record->len - offset, &end))
    return fail (self, KL_CSV_ERROR_ENCODING, line_at (field_line, field, end),
                 *end == '\0' ? _("a NUL byte in a field") : _("a field that is not UTF-8 text"),
                 error);

  g_string_append_c (self->record, '\0');
  return TRUE;
}

static void
begin_field (KlCsvReader *self)
{
  gsize offset = self->record->len;

  g_array_append_val (self->offsets, offset);
}

static gboolean
read_record (KlCsvReader   *self,
             GCancellable  *cancellable,
             GError       **error)
{
  FieldState state = FIELD_START;
  guint64 field_line = self->record_line;
  gsize size = 0;
  int c;

  begin_field (self);

  for (;;)
    {
      guint64 line = self->line;
      gboolean line_end;

      if (!next_byte (self, &c, cancellable, error))
        return FALSE;

      line_end = c == '\r' || c == '\n' || c == END_OF_STREAM;
      if (c != END_OF_STREAM && ++size > self->max_record_size && !(line_end && state != QUOTED))
        {
          g_autofree char *limit = g_format_size_full (self->max_record_size,
                                                       G_FORMAT_SIZE_IEC_UNITS);
          g_autofree char *what = g_strdup_printf (_("the record that starts here is longer "
                                                     "than %s"), limit);

          return fail (self, KL_CSV_ERROR_TOO_LONG, self->record_line, what, error);
        }

      switch (state)
        {
        case FIELD_START:
          field_line = line;
          if (c == '"')
            {
              state = QUOTED;
              continue;
            }
          break;

        case UNQUOTED:
          if (c == '"')
            return fail (self, KL_CSV_ERROR_SYNTAX, line,
                         _("a quote inside a field that does not start with one"), error);
          break;

        case QUOTED:
          if (c == END_OF_STREAM)
            return fail (self, KL_CSV_ERROR_SYNTAX, field_line,
                         _("a quoted field starts here but never ends"), error);
          if (c == '"')
            state = QUOTED_QUOTE;
          else
            g_string_append_c (self->record, c);
          continue;

        case QUOTED_QUOTE:
          if (c == '"')
            {
              g_string_append_c (self->record, '"');
              state = QUOTED;
              continue;
            }
          if (c != ',' && !line_end)
            return fail (self, KL_CSV_ERROR_SYNTAX, line,
                         _("text after the closing quote of a field"), error);
          break;

        default:
          g_assert_not_reached ();
        }

      /* Unquoted text, or the end of a field. */
      if (c == ',')
        {
          if (!end_field (self, field_line, error))
            return FALSE;
          begin_field (self);
          state = FIELD_START;
        }
      else if (line_end)
        {
          return end_field (self, field_line, error);
        }
      else
        {
          g_string_append_c (self->record, c);
          state = UNQUOTED;
        }
    }
}

gboolean
kl_csv_reader_next (KlCsvReader          *self,
                    const char * const  **fields,
                    guint                *n_fields,
                    GCancellable         *cancellable,
                    GError              **error)
{
  int c;

  g_return_val_if_fail (KL_IS_CSV_READER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (fields != NULL)
    *fields = NULL;
  if (n_fields != NULL)
    *n_fields = 0;

  if (self->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (self->failure));
      return FALSE;
    }

  g_string_truncate (self->record, 0);
  g_array_set_size (self->offsets, 0);
  g_ptr_array_set_size (self->fields, 0);

  if (!self->started)
    {
      self->started = TRUE;
      if (!skip_bom (self, cancellable, error))
        return FALSE;
    }

  /* Blank lines hold no record. */
  do
    {
      self->record_line = self->line;
      if (!next_byte (self, &c, cancellable, error))
        return FALSE;
      if (c == END_OF_STREAM)
        return FALSE;
    }
  while (c == '\r' || c == '\n');
  /* Put the record's first byte back, which came from the buffer and was no line end. */
  self->buffer_pos--;

  if (!read_record (self, cancellable, error))
    return FALSE;

  /* Only now that the record has stopped growing can the fields point into it. */
  for (guint i = 0; i < self->offsets->len; i++)
    g_ptr_array_add (self->fields,
                     self->record->str + g_array_index (self->offsets, gsize, i));
  g_ptr_array_add (self->fields, NULL);

  if (fields != NULL)
    *fields = (const char * const *)self->fields->pdata;
  if (n_fields != NULL)
    *n_fields = self->offsets->len;
  return TRUE;
}

int
kl_csv_find_column (const char * const *fields,
                    guint               n_fields,
                    const char         *name)
{
  g_return_val_if_fail (fields != NULL || n_fields == 0, -1);
  g_return_val_if_fail (name != NULL, -1);

  for (guint i = 0; i < n_fields; i++)
    if (g_ascii_strcasecmp (fields[i], name) == 0)
      return (int)i;

  return -1;
}

const char *
kl_csv_unescape_formula (const char *cell)
{
  g_return_val_if_fail (cell != NULL, NULL);

  if (cell[0] == '\'' && _kl_csv_starts_like_formula (cell + 1))
    return cell + 1;
  return cell;
}
