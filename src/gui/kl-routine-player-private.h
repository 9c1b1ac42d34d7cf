/* kl-routine-player-private.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kl-routine-player.h"
#include "kl-routine-runner.h"
#include "kl-session.h"

G_BEGIN_DECLS

/* For tests: a clock of their own (before the coach starts), and a way to show what the clock
 * says now without waiting for a frame or a timeout. */
void       _kl_routine_player_set_clock   (KlRoutinePlayer    *self,
                                           KlRoutineClockFunc  clock,
                                           gpointer            user_data);
void       _kl_routine_player_update      (KlRoutinePlayer    *self);
KlRoutineRunner *_kl_routine_player_get_runner (KlRoutinePlayer *self);
/* NULL before the coach starts. */
KlSession *_kl_routine_player_get_session (KlRoutinePlayer    *self);

G_END_DECLS
