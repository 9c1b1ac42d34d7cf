/* kl-test-trickle-stream.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KL_TYPE_TEST_TRICKLE_STREAM (kl_test_trickle_stream_get_type ())

G_DECLARE_FINAL_TYPE (KlTestTrickleStream, kl_test_trickle_stream, KL, TEST_TRICKLE_STREAM,
                      GInputStream)

/* @bytes handed out at most @chunk bytes per read, as a pipe or a slow disk may: a reader
 * must give the same answers however its input is cut. Reads honour their cancellable. */
GInputStream *kl_test_trickle_stream_new (GBytes *bytes,
                                          gsize   chunk);

G_END_DECLS
