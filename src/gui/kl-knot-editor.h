/* kl-knot-editor.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_KNOT_EDITOR (kl_knot_editor_get_type ())

G_DECLARE_FINAL_TYPE (KlKnotEditor, kl_knot_editor, KL, KNOT_EDITOR, AdwBin)

GtkWidget *kl_knot_editor_new       (void);
KlKnot    *kl_knot_editor_get_knot  (KlKnotEditor *self);
void       kl_knot_editor_set_knot  (KlKnotEditor *self,
                                     KlKnot       *knot);
void       kl_knot_editor_set_store (KlKnotEditor *self,
                                     KlStore      *store);

G_END_DECLS
