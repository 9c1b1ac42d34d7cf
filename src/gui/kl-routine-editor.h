/* kl-routine-editor.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_ROUTINE_EDITOR (kl_routine_editor_get_type ())

G_DECLARE_FINAL_TYPE (KlRoutineEditor, kl_routine_editor, KL, ROUTINE_EDITOR, AdwWindow)

/* Edits the user routine @routine, saved under its own slug. */
KlRoutineEditor *kl_routine_editor_new_edit      (GtkWindow       *parent,
                                                  KlStore         *store,
                                                  KlRoutine       *routine);
/* A new routine, empty or, with @original, a copy of it; stored under a slug made from its
 * name only when saved. */
KlRoutineEditor *kl_routine_editor_new_routine   (GtkWindow       *parent,
                                                  KlStore         *store,
                                                  KlRoutine       *original);
/* Checks and stores the routine as the Save button does; on failure the bad field is marked
 * and focused, and the message says which it is. */
gboolean         kl_routine_editor_save          (KlRoutineEditor *self,
                                                  GError         **error);
/* Whether anything differs from what was opened. */
gboolean         kl_routine_editor_has_changes   (KlRoutineEditor *self);
/* The routine as the editor's fields describe it now, not validated. */
KlRoutine       *kl_routine_editor_dup_routine   (KlRoutineEditor *self);

G_END_DECLS
