/* kl-pain-entry-private.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kl-pain-entry.h"

G_BEGIN_DECLS

/* The row id, which only the store gives (and keeps when a deleted entry comes back). */
void         _kl_pain_entry_set_id (KlPainEntry *self,
                                    gint64       id);
KlPainEntry *_kl_pain_entry_new_at (GDateTime   *at);

G_END_DECLS
