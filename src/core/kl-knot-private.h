/* kl-knot-private.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kl-knot.h"

G_BEGIN_DECLS

/* What only the store knows: the row id, the ratings and the dates. */
void _kl_knot_set_stored (KlKnot    *self,
                          gint64     id,
                          int        tenderness,
                          int        previous_tenderness,
                          GDateTime *created,
                          GDateTime *resolved);

G_END_DECLS
