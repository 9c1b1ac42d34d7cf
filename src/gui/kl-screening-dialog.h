/* kl-screening-dialog.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kl-routine.h"
#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_SCREENING_DIALOG (kl_screening_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KlScreeningDialog, kl_screening_dialog, KL, SCREENING_DIALOG, AdwWindow)

/* The self-massage safety questions of CONTENT.md "Safety", yes or no each, answered once and
 * changed at will. Emits "saved" once the answers are stored. */
KlScreeningDialog *kl_screening_dialog_new              (KlStore     *store);

/* Whether no question has been answered yet. */
gboolean           kl_screening_is_unanswered          (KlStore     *store,
                                                        gboolean    *out_unanswered,
                                                        GError     **error);
/* The warnings, translated, that the user's "yes" answers give for @routine; empty when none. */
GPtrArray         *kl_screening_dup_warnings           (KlStore     *store,
                                                        KlRoutine   *routine,
                                                        GError     **error);

G_END_DECLS
