/* kl-routine-runner.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "kl-body-regions.h"
#include "kl-routine.h"

G_BEGIN_DECLS

#define KL_ROUTINE_GET_READY_US  (5 * G_USEC_PER_SEC)
/* Phases at least this long get a 3-2-1 countdown before they end. */
#define KL_ROUTINE_COUNTDOWN_MIN_US  (5 * G_USEC_PER_SEC)
/* Back within this much of a segment's start goes to the one before; later, to its start. */
#define KL_ROUTINE_BACK_GRACE_US  (2 * G_USEC_PER_SEC)

typedef enum
{
  KL_ROUTINE_RUNNER_READY,      /* not started yet */
  KL_ROUTINE_RUNNER_RUNNING,
  KL_ROUTINE_RUNNER_PAUSED,
  KL_ROUTINE_RUNNER_FINISHED,   /* reached the end, by running or skipping */
  KL_ROUTINE_RUNNER_STOPPED,    /* stopped before the end */
} KlRoutineRunnerState;

typedef enum
{
  KL_ROUTINE_SEGMENT_GET_READY,
  KL_ROUTINE_SEGMENT_STEP,          /* one repetition on one side, or a breathing step */
  KL_ROUTINE_SEGMENT_SWITCH_SIDES,
  KL_ROUTINE_SEGMENT_REST,          /* between repetitions */
} KlRoutineSegmentKind;

typedef enum
{
  KL_ROUTINE_PHASE_GET_READY,
  KL_ROUTINE_PHASE_WORK,            /* the step itself: stretch, hold, press, move, look… */
  KL_ROUTINE_PHASE_RELEASE,
  KL_ROUTINE_PHASE_REST,
  KL_ROUTINE_PHASE_SWITCH_SIDES,
  KL_ROUTINE_PHASE_INHALE,
  KL_ROUTINE_PHASE_TOP_UP,          /* a second, short breath in on top of the first */
  KL_ROUTINE_PHASE_HOLD_IN,
  KL_ROUTINE_PHASE_EXHALE,
  KL_ROUTINE_PHASE_HOLD_OUT,
} KlRoutinePhase;

#define KL_ROUTINE_MAX_PHASES 5

typedef struct
{
  KlRoutinePhase phase;
  gint64         duration_us;
} KlRoutinePhaseSpan;

/* One stretch of the timeline: a cycle of phases (one cycle but for breathing) repeated
 * n_cycles times. */
typedef struct
{
  KlRoutineSegmentKind  kind;
  int                   step;           /* the routine's step it belongs to; -1 for get-ready */
  KlBodySide            side;           /* the side worked on; NONE for transitions */
  guint                 repetition;     /* 1-based; 0 for transitions */
  guint                 n_repetitions;
  gint64                start_us;       /* from the start of the timeline */
  gint64                duration_us;
  guint                 n_cycles;
  guint                 n_phases;
  KlRoutinePhaseSpan    phases[KL_ROUTINE_MAX_PHASES];
  const char           *title;          /* translated: the step's title, "Switch sides"… */
} KlRoutineSegment;

/* What is happening at one point of the timeline. */
typedef struct
{
  gint64                  position_us;          /* pauses excluded */
  gint64                  total_us;
  gint64                  remaining_us;
  guint                   segment_index;
  const KlRoutineSegment *segment;
  gint64                  segment_elapsed_us;
  gint64                  segment_remaining_us;
  guint                   cycle;                /* 1-based, of segment->n_cycles */
  KlRoutinePhase          phase;
  gint64                  phase_elapsed_us;
  gint64                  phase_remaining_us;
  double                  phase_progress;       /* 0 … 1 */
  const KlRoutineSegment *next;                 /* NULL in the last segment */
  const char             *next_title;           /* next->title, or NULL */
} KlRoutineMoment;

typedef enum
{
  KL_ROUTINE_CUE_COUNTDOWN,     /* count is 3, 2, 1: seconds left of a phase */
  KL_ROUTINE_CUE_GO,            /* a hold, repetition or rest begins */
  KL_ROUTINE_CUE_SWITCH_SIDES,
  KL_ROUTINE_CUE_PHASE,         /* a breathing phase or a release begins: see phase */
  KL_ROUTINE_CUE_DONE,
} KlRoutineCueKind;

/* Something to say or sound, so that the routine can be followed with eyes closed. */
typedef struct
{
  gint64            at_us;      /* on the timeline */
  KlRoutineCueKind  kind;
  guint             segment;
  KlRoutinePhase    phase;
  guint             count;
} KlRoutineCue;

/* Microseconds from any fixed point that only moves forward, like g_get_monotonic_time (). */
typedef gint64 (*KlRoutineClockFunc) (gpointer user_data);

#define KL_TYPE_ROUTINE_RUNNER (kl_routine_runner_get_type ())

G_DECLARE_FINAL_TYPE (KlRoutineRunner, kl_routine_runner, KL, ROUTINE_RUNNER, GObject)

/* Plays a routine: a 5 s get-ready, then every step flattened into segments (each side, each
 * repetition, the switches and rests between them). The position is computed from clock
 * readings (when it started, minus the time spent paused), never by counting ticks, so it does
 * not drift however late the caller wakes. The runner has no timer of its own: the caller asks
 * kl_routine_runner_get_next_change_us () how long it may sleep, then reads the moment and
 * takes the cues. It finishes when a call finds the clock past the end. The routine must not
 * change while a runner plays it. */
KlRoutineRunner        *kl_routine_runner_new              (KlRoutine           *routine);
/* For tests; NULL goes back to g_get_monotonic_time (). Call it before starting. */
void                    kl_routine_runner_set_clock        (KlRoutineRunner     *self,
                                                            KlRoutineClockFunc   clock,
                                                            gpointer             user_data);
KlRoutine              *kl_routine_runner_get_routine      (KlRoutineRunner     *self);

guint                   kl_routine_runner_get_n_segments   (KlRoutineRunner     *self);
const KlRoutineSegment *kl_routine_runner_get_segment      (KlRoutineRunner     *self,
                                                            guint                index);
/* With the get-ready. */
gint64                  kl_routine_runner_get_total_us     (KlRoutineRunner     *self);
guint                   kl_routine_runner_get_n_cues       (KlRoutineRunner     *self);
const KlRoutineCue     *kl_routine_runner_get_cue          (KlRoutineRunner     *self,
                                                            guint                index);

KlRoutineRunnerState    kl_routine_runner_get_state        (KlRoutineRunner     *self);
gint64                  kl_routine_runner_get_position_us  (KlRoutineRunner     *self);
/* The time spent running, pauses excluded, skips and backs included: what the session took. */
gint64                  kl_routine_runner_get_active_us    (KlRoutineRunner     *self);
void                    kl_routine_runner_get_moment       (KlRoutineRunner     *self,
                                                            KlRoutineMoment     *out_moment);
/* The same at any position, clamped to the timeline, whatever the state. */
void                    kl_routine_runner_get_moment_at    (KlRoutineRunner     *self,
                                                            gint64               position_us,
                                                            KlRoutineMoment     *out_moment);
/* How long until the next phase or segment boundary or cue: 0 when a cue is waiting, -1 when
 * not running. */
gint64                  kl_routine_runner_get_next_change_us (KlRoutineRunner   *self);
/* The next cue whose time has come since the last call; FALSE when there is none. Cues skipped
 * over by kl_routine_runner_skip () are not given; one that a late caller missed is, with its
 * time, for the caller to judge. */
gboolean                kl_routine_runner_pop_cue          (KlRoutineRunner     *self,
                                                            KlRoutineCue        *out_cue);

/* Each returns FALSE, changing nothing, when it does not apply to the state. */
gboolean                kl_routine_runner_start            (KlRoutineRunner     *self);
gboolean                kl_routine_runner_pause            (KlRoutineRunner     *self);
gboolean                kl_routine_runner_resume           (KlRoutineRunner     *self);
gboolean                kl_routine_runner_stop             (KlRoutineRunner     *self);
/* Running or paused, and staying so. */
gboolean                kl_routine_runner_back             (KlRoutineRunner     *self);
gboolean                kl_routine_runner_skip             (KlRoutineRunner     *self);
/* @index may be the number of segments: the end. */
gboolean                kl_routine_runner_skip_to          (KlRoutineRunner     *self,
                                                            guint                index);

/* The word for a phase ("Inhale"); NULL for KL_ROUTINE_PHASE_WORK, which the segment's title
 * names. */
const char             *kl_routine_phase_get_label         (KlRoutinePhase       phase);

G_END_DECLS
