/* kl-test-trickle-stream.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kl-test-trickle-stream.h"

struct _KlTestTrickleStream
{
  GInputStream  parent_instance;

  GBytes       *bytes;
  gsize         pos;
  gsize         chunk;
};

G_DEFINE_FINAL_TYPE (KlTestTrickleStream, kl_test_trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
kl_test_trickle_stream_read (GInputStream  *stream,
                             void          *buffer,
                             gsize          count,
                             GCancellable  *cancellable,
                             GError       **error)
{
  KlTestTrickleStream *self = KL_TEST_TRICKLE_STREAM (stream);
  gsize size;
  const guint8 *data = g_bytes_get_data (self->bytes, &size);
  gsize n = MIN (MIN (count, self->chunk), size - self->pos);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;

  if (n > 0)
    memcpy (buffer, data + self->pos, n);
  self->pos += n;
  return n;
}

static void
kl_test_trickle_stream_finalize (GObject *object)
{
  KlTestTrickleStream *self = KL_TEST_TRICKLE_STREAM (object);

  g_bytes_unref (self->bytes);

  G_OBJECT_CLASS (kl_test_trickle_stream_parent_class)->finalize (object);
}

static void
kl_test_trickle_stream_class_init (KlTestTrickleStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kl_test_trickle_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = kl_test_trickle_stream_read;
}

static void
kl_test_trickle_stream_init (KlTestTrickleStream *self)
{
}

GInputStream *
kl_test_trickle_stream_new (GBytes *bytes,
                            gsize   chunk)
{
  KlTestTrickleStream *self;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (chunk > 0, NULL);

  self = g_object_new (KL_TYPE_TEST_TRICKLE_STREAM, NULL);
  self->bytes = g_bytes_ref (bytes);
  self->chunk = chunk;
  return G_INPUT_STREAM (self);
}
