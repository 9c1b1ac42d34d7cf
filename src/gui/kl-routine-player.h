/* kl-routine-player.h
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

#define KL_TYPE_ROUTINE_PLAYER (kl_routine_player_get_type ())

G_DECLARE_FINAL_TYPE (KlRoutinePlayer, kl_routine_player, KL, ROUTINE_PLAYER, AdwWindow)

/* Plays @routine over @parent: a pain rating before, the coach, a rating after. The session is
 * stored in @store when the coach starts and finished when it ends or is stopped. */
KlRoutinePlayer *kl_routine_player_new (GtkWindow *parent,
                                        KlStore   *store,
                                        KlRoutine *routine);

G_END_DECLS
