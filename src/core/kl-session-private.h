/* kl-session-private.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kl-session.h"

G_BEGIN_DECLS

/* What only the store knows: the row id. */
void _kl_session_set_id (KlSession *self,
                         gint64     id);

G_END_DECLS
