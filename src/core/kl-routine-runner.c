/* kl-routine-runner.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-routine-runner"

#include "config.h"

#include <glib/gi18n.h>

#include "kl-core-enums.h"
#include "kl-routine-runner.h"

struct _KlRoutineRunner
{
  GObject               parent_instance;

  KlRoutine            *routine;
  GArray               *segments;      /* KlRoutineSegment, end to end */
  GArray               *cues;          /* KlRoutineCue, by time */
  gint64                total_us;

  KlRoutineClockFunc    clock;
  gpointer              clock_data;

  KlRoutineRunnerState  state;
  /* Running: the clock reading at which the position was 0. Otherwise: the position. */
  gint64                origin_us;
  gint64                position_us;
  /* The running time before the latest start or resume, and the clock at that moment. */
  gint64                active_us;
  gint64                resumed_at_us;
  guint                 next_cue;
};

G_DEFINE_FINAL_TYPE (KlRoutineRunner, kl_routine_runner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROUTINE,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
monotonic_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

/* The timeline -------------------------------------------------------------------------------- */

static void
add_segment (KlRoutineRunner          *self,
             KlRoutineSegmentKind      kind,
             int                       step,
             KlBodySide                side,
             guint                     repetition,
             guint                     n_repetitions,
             const KlRoutinePhaseSpan *phases,
             guint                     n_phases,
             guint                     n_cycles,
             const char               *title)
{
  KlRoutineSegment segment = {
    .kind = kind,
    .step = step,
    .side = side,
    .repetition = repetition,
    .n_repetitions = n_repetitions,
    .start_us = self->total_us,
    .n_cycles = n_cycles,
    .title = title,
  };
  gint64 cycle_us = 0;

  g_assert (n_phases >= 1 && n_phases <= KL_ROUTINE_MAX_PHASES);

  for (guint i = 0; i < n_phases; i++)
    {
      segment.phases[segment.n_phases++] = phases[i];
      cycle_us += phases[i].duration_us;
    }

  segment.duration_us = cycle_us * n_cycles;
  self->total_us += segment.duration_us;
  g_array_append_val (self->segments, segment);
}

static void
add_transition (KlRoutineRunner      *self,
                KlRoutineSegmentKind  kind,
                int                   step,
                gint64                duration_us)
{
  KlRoutinePhaseSpan span = { KL_ROUTINE_PHASE_REST, duration_us };
  const char *title = _("Rest");

  if (kind == KL_ROUTINE_SEGMENT_SWITCH_SIDES)
    {
      span.phase = KL_ROUTINE_PHASE_SWITCH_SIDES;
      title = _("Switch sides");
    }

  add_segment (self, kind, step, KL_BODY_SIDE_NONE, 0, 0, &span, 1, 1, title);
}

static void
add_breathing (KlRoutineRunner     *self,
               const KlRoutineStep *step,
               int                  index)
{
  const KlRoutinePhaseSpan all[] = {
    { KL_ROUTINE_PHASE_INHALE, step->inhale_us },
    { KL_ROUTINE_PHASE_TOP_UP, step->top_up_us },
    { KL_ROUTINE_PHASE_HOLD_IN, step->hold_in_us },
    { KL_ROUTINE_PHASE_EXHALE, step->exhale_us },
    { KL_ROUTINE_PHASE_HOLD_OUT, step->hold_out_us },
  };
  KlRoutinePhaseSpan phases[KL_ROUTINE_MAX_PHASES];
  guint n_phases = 0;

  G_STATIC_ASSERT (G_N_ELEMENTS (all) == KL_ROUTINE_MAX_PHASES);

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      if (all[i].duration_us > 0)
        phases[n_phases++] = all[i];
    }

  add_segment (self, KL_ROUTINE_SEGMENT_STEP, index, KL_BODY_SIDE_NONE, 1, 1,
               phases, n_phases, step->cycles, step->title);
}

/* Each repetition does the left side, then the right; a switch goes between two sides, and a
 * rest, when the step has one, between two repetitions (taking the place of the switch). */
static void
add_timed (KlRoutineRunner     *self,
           const KlRoutineStep *step,
           int                  index)
{
  static const KlBodySide both[] = { KL_BODY_SIDE_LEFT, KL_BODY_SIDE_RIGHT };
  static const KlBodySide none[] = { KL_BODY_SIDE_NONE };
  const KlBodySide *sides = step->sides == KL_ROUTINE_SIDES_BOTH ? both : none;
  guint n_sides = step->sides == KL_ROUTINE_SIDES_BOTH ? 2 : 1;
  KlRoutinePhaseSpan phases[] = {
    { KL_ROUTINE_PHASE_WORK, step->duration_us },
    { KL_ROUTINE_PHASE_RELEASE, step->release_us },
  };

  for (guint repetition = 1; repetition <= step->repetitions; repetition++)
    {
      for (guint i = 0; i < n_sides; i++)
        {
          gboolean first = repetition == 1 && i == 0;

          if (!first && i == 0 && step->rest_us > 0)
            add_transition (self, KL_ROUTINE_SEGMENT_REST, index, step->rest_us);
          else if (!first && n_sides == 2)
            add_transition (self, KL_ROUTINE_SEGMENT_SWITCH_SIDES, index,
                            KL_ROUTINE_SWITCH_SIDES_US);

          add_segment (self, KL_ROUTINE_SEGMENT_STEP, index, sides[i], repetition,
                       step->repetitions, phases, step->release_us > 0 ? 2 : 1, 1,
                       step->title);
        }
    }
}

static void
add_cue (KlRoutineRunner  *self,
         gint64            at_us,
         KlRoutineCueKind  kind,
         guint             segment,
         KlRoutinePhase    phase,
         guint             count)
{
  KlRoutineCue cue = { at_us, kind, segment, phase, count };

  /* Built in time order; the lookups rely on it. */
  g_assert (self->cues->len == 0 ||
            g_array_index (self->cues, KlRoutineCue, self->cues->len - 1).at_us <= at_us);

  g_array_append_val (self->cues, cue);
}

/* Breathing says every phase; everything else says when it begins, and counts down the last
 * three seconds of any phase long enough for that not to crowd its start. */
static void
add_cues (KlRoutineRunner *self)
{
  const KlRoutineSegment *last;

  for (guint i = 0; i < self->segments->len; i++)
    {
      const KlRoutineSegment *segment = &g_array_index (self->segments, KlRoutineSegment, i);
      gint64 at_us = segment->start_us;

      for (guint cycle = 0; cycle < segment->n_cycles; cycle++)
        {
          for (guint p = 0; p < segment->n_phases; p++)
            {
              const KlRoutinePhaseSpan *span = &segment->phases[p];

              switch (span->phase)
                {
                case KL_ROUTINE_PHASE_GET_READY:
                  break;
                case KL_ROUTINE_PHASE_WORK:
                case KL_ROUTINE_PHASE_REST:
                  add_cue (self, at_us, KL_ROUTINE_CUE_GO, i, span->phase, 0);
                  break;
                case KL_ROUTINE_PHASE_SWITCH_SIDES:
                  add_cue (self, at_us, KL_ROUTINE_CUE_SWITCH_SIDES, i, span->phase, 0);
                  break;
                case KL_ROUTINE_PHASE_RELEASE:
                case KL_ROUTINE_PHASE_INHALE:
                case KL_ROUTINE_PHASE_TOP_UP:
                case KL_ROUTINE_PHASE_HOLD_IN:
                case KL_ROUTINE_PHASE_EXHALE:
                case KL_ROUTINE_PHASE_HOLD_OUT:
                default:
                  add_cue (self, at_us, KL_ROUTINE_CUE_PHASE, i, span->phase, 0);
                  break;
                }

              if (segment->kind != KL_ROUTINE_SEGMENT_STEP || segment->step < 0 ||
                  kl_routine_get_step (self->routine, segment->step)->kind !=
                  KL_ROUTINE_STEP_BREATHING)
                {
                  if (span->duration_us >= KL_ROUTINE_COUNTDOWN_MIN_US)
                    {
                      for (guint count = 3; count >= 1; count--)
                        add_cue (self, at_us + span->duration_us - count * G_USEC_PER_SEC,
                                 KL_ROUTINE_CUE_COUNTDOWN, i, span->phase, count);
                    }
                }

              at_us += span->duration_us;
            }
        }
    }

  last = &g_array_index (self->segments, KlRoutineSegment, self->segments->len - 1);
  add_cue (self, self->total_us, KL_ROUTINE_CUE_DONE, self->segments->len - 1,
           last->phases[last->n_phases - 1].phase, 0);
}

static void
build_timeline (KlRoutineRunner *self)
{
  KlRoutinePhaseSpan get_ready = { KL_ROUTINE_PHASE_GET_READY, KL_ROUTINE_GET_READY_US };
  guint n_steps = kl_routine_get_n_steps (self->routine);

  add_segment (self, KL_ROUTINE_SEGMENT_GET_READY, -1, KL_BODY_SIDE_NONE, 0, 0,
               &get_ready, 1, 1, _("Get ready"));

  for (guint i = 0; i < n_steps; i++)
    {
      const KlRoutineStep *step = kl_routine_get_step (self->routine, i);

      if (step->kind == KL_ROUTINE_STEP_BREATHING)
        add_breathing (self, step, i);
      else
        add_timed (self, step, i);
    }

  add_cues (self);
}

/* The object ---------------------------------------------------------------------------------- */

KlRoutineRunner *
kl_routine_runner_new (KlRoutine *routine)
{
  g_return_val_if_fail (KL_IS_ROUTINE (routine), NULL);

  return g_object_new (KL_TYPE_ROUTINE_RUNNER, "routine", routine, NULL);
}

static void
kl_routine_runner_constructed (GObject *object)
{
  KlRoutineRunner *self = (KlRoutineRunner *)object;

  G_OBJECT_CLASS (kl_routine_runner_parent_class)->constructed (object);

  g_assert (KL_IS_ROUTINE (self->routine));
  build_timeline (self);
}

static void
kl_routine_runner_finalize (GObject *object)
{
  KlRoutineRunner *self = (KlRoutineRunner *)object;

  g_clear_object (&self->routine);
  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->cues, g_array_unref);

  G_OBJECT_CLASS (kl_routine_runner_parent_class)->finalize (object);
}

static void
kl_routine_runner_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KlRoutineRunner *self = KL_ROUTINE_RUNNER (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      g_value_set_object (value, self->routine);
      break;
    case PROP_STATE:
      g_value_set_enum (value, kl_routine_runner_get_state (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_routine_runner_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KlRoutineRunner *self = KL_ROUTINE_RUNNER (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      self->routine = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_routine_runner_class_init (KlRoutineRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = kl_routine_runner_constructed;
  object_class->finalize = kl_routine_runner_finalize;
  object_class->get_property = kl_routine_runner_get_property;
  object_class->set_property = kl_routine_runner_set_property;

  properties[PROP_ROUTINE] = g_param_spec_object ("routine", NULL, NULL, KL_TYPE_ROUTINE,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  /* Also notified when a call finds that the routine has run to its end. */
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL,
                                              KL_TYPE_ROUTINE_RUNNER_STATE,
                                              KL_ROUTINE_RUNNER_READY,
                                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                              G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kl_routine_runner_init (KlRoutineRunner *self)
{
  self->segments = g_array_new (FALSE, FALSE, sizeof (KlRoutineSegment));
  self->cues = g_array_new (FALSE, FALSE, sizeof (KlRoutineCue));
  self->clock = monotonic_clock;
  self->state = KL_ROUTINE_RUNNER_READY;
}

void
kl_routine_runner_set_clock (KlRoutineRunner    *self,
                             KlRoutineClockFunc  clock,
                             gpointer            user_data)
{
  g_return_if_fail (KL_IS_ROUTINE_RUNNER (self));

  self->clock = clock != NULL ? clock : monotonic_clock;
  self->clock_data = clock != NULL ? user_data : NULL;
}

KlRoutine *
kl_routine_runner_get_routine (KlRoutineRunner *self)
{
  g_return_val_if_fail (KL_IS_ROUTINE_RUNNER (self), NULL);
  return self->routine;
}

guint
kl_routine_runner_get_n_segments (KlRoutineRunner *self)
{
  g_return_val_if_fail (KL_IS_ROUTINE_RUNNER (self), 0);
  return self->segments->len;
}

const KlRoutineSegment *
kl_routine_runner_get_segment (KlRoutineRunner *self,
                               guint            index)
{
  g_return_val_if_fail (KL_IS_ROUTINE_RUNNER (self), NULL);
  g_return_val_if_fail (index < self->segments->len, NULL);

  return &g_array_index (self->segments, KlRoutineSegment, index);
}

gint64
kl_routine_runner_get_total_us (KlRoutineRunner *self)
{
  g_return_val_if_fail (KL_IS_ROUTINE_RUNNER (self), 0);
  return self->total_us;
}

guint
kl_routine_runner_get_n_cues (KlRoutineRunner *self)
{
  g_return_val_if_fail (KL_IS_ROUTINE_RUNNER (self), 0);
  return self->cues->len;
}

const KlRoutineCue *
kl_routine_runner_get_cue (KlRoutineRunner *self,
                           guint            index)
{
  g_return_val_if_fail (KL_IS_ROUTINE_RUNNER (self), NULL);
  g_return_val_if_fail (index < self->cues->len, NULL);

  return &g_array_index (self->cues, KlRoutineCue, index);
}

/* The clock ----------------------------------------------------------------------------------- */

static void
set_state (KlRoutineRunner      *self,
           KlRoutineRunnerState  state)
{
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

/* Reads the clock once, and finishes the routine if it has run past the end: at the moment it
 * ended, not at the moment someone noticed. */
static gint64
update (KlRoutineRunner *self)
{
  gint64 now = self->clock (self->clock_data);

  if (self->state == KL_ROUTINE_RUNNER_RUNNING && now - self->origin_us >= self->total_us)
    {
      gint64 end_us = self->origin_us + self->total_us;

      self->active_us += MAX (end_us - self->resumed_at_us, 0);
      self->position_us = self->total_us;
      set_state (self, KL_ROUTINE_RUNNER_FINISHED);
    }

  return now;
}

static gint64
position_at (KlRoutineRunner *self,
             gint64           now)
{
  if (self->state == KL_ROUTINE_RUNNER_RUNNING)
    return CLAMP (now - self->origin_us, 0, self->total_us);

  return self->position_us;
}

KlRoutineRunnerState
kl_routine_runner_get_state (KlRoutineRunner *self)
{
  g_return_val_if_fail (KL_IS_ROUTINE_RUNNER (self), KL_ROUTINE_RUNNER_READY);

  update (self);
  return self->state;
}

gint64
kl_routine_runner_get_position_us (KlRoutineRunner *self)
{
  g_return_val_if_fail (KL_IS_ROUTINE_RUNNER (self), 0);

  return position_at (self, update (self));
}

gint64
kl_routine_runner_get_active_us (KlRoutineRunner *self)
{
  gint64 now;

  g_return_val_if_fail (KL_IS_ROUTINE_RUNNER (self), 0);

  now = update (self);
  if (self->state == KL_ROUTINE_RUNNER_RUNNING)
    return self->active_us + MAX (now - self->resumed_at_us, 0);

  return self->active_us;
}

/* The moment ---------------------------------------------------------------------------------- */

/* The segment that holds @position_us: the last one starting at or before it. */
static guint
find_segment (KlRoutineRunner *self,
              gint64           position_us)
{
  guint low = 0, high = self->segments->len;

  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->segments, KlRoutineSegment, middle).start_us <= position_us)
        low = middle;
      else
        high = middle;
    }

  return low;
}

void
kl_routine_runner_get_moment_at (KlRoutineRunner *self,
                                 gint64           position_us,
                                 KlRoutineMoment *out_moment)
{
  const KlRoutineSegment *segment;
  gint64 cycle_us = 0, in_cycle_us, elapsed_us;
  guint index;

  g_return_if_fail (KL_IS_ROUTINE_RUNNER (self));
  g_return_if_fail (out_moment != NULL);

  position_us = CLAMP (position_us, 0, self->total_us);
  index = find_segment (self, position_us);
  segment = &g_array_index (self->segments, KlRoutineSegment, index);
  elapsed_us = position_us - segment->start_us;

  for (guint i = 0; i < segment->n_phases; i++)
    cycle_us += segment->phases[i].duration_us;

  *out_moment = (KlRoutineMoment) {
    .position_us = position_us,
    .total_us = self->total_us,
    .remaining_us = self->total_us - position_us,
    .segment_index = index,
    .segment = segment,
    .segment_elapsed_us = elapsed_us,
    .segment_remaining_us = segment->duration_us - elapsed_us,
  };

  if (index + 1 < self->segments->len)
    {
      out_moment->next = &g_array_index (self->segments, KlRoutineSegment, index + 1);
      out_moment->next_title = out_moment->next->title;
    }

  /* At the very end the last phase is complete rather than a new cycle begun. */
  if (elapsed_us >= segment->duration_us)
    {
      const KlRoutinePhaseSpan *last = &segment->phases[segment->n_phases - 1];

      out_moment->cycle = segment->n_cycles;
      out_moment->phase = last->phase;
      out_moment->phase_elapsed_us = last->duration_us;
      out_moment->phase_progress = 1.0;
      return;
    }

  out_moment->cycle = elapsed_us / cycle_us + 1;
  in_cycle_us = elapsed_us % cycle_us;

  for (guint i = 0; i < segment->n_phases; i++)
    {
      const KlRoutinePhaseSpan *span = &segment->phases[i];

      if (in_cycle_us < span->duration_us)
        {
          out_moment->phase = span->phase;
          out_moment->phase_elapsed_us = in_cycle_us;
          out_moment->phase_remaining_us = span->duration_us - in_cycle_us;
          out_moment->phase_progress = (double) in_cycle_us / span->duration_us;
          return;
        }
      in_cycle_us -= span->duration_us;
    }

  g_assert_not_reached ();
}

void
kl_routine_runner_get_moment (KlRoutineRunner *self,
                              KlRoutineMoment *out_moment)
{
  g_return_if_fail (KL_IS_ROUTINE_RUNNER (self));
  g_return_if_fail (out_moment != NULL);

  kl_routine_runner_get_moment_at (self, position_at (self, update (self)), out_moment);
}

/* The first cue at or after @position_us. */
static guint
find_cue (KlRoutineRunner *self,
          gint64           position_us)
{
  guint low = 0, high = self->cues->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->cues, KlRoutineCue, middle).at_us < position_us)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

gint64
kl_routine_runner_get_next_change_us (KlRoutineRunner *self)
{
  KlRoutineMoment moment;
  gint64 position_us, change_us;
  guint cue;

  g_return_val_if_fail (KL_IS_ROUTINE_RUNNER (self), -1);

  position_us = position_at (self, update (self));
  if (self->state != KL_ROUTINE_RUNNER_RUNNING)
    return -1;

  if (self->next_cue < self->cues->len &&
      g_array_index (self->cues, KlRoutineCue, self->next_cue).at_us <= position_us)
    return 0;

  kl_routine_runner_get_moment_at (self, position_us, &moment);
  change_us = moment.phase_remaining_us;

  /* Cues at the position itself have been taken (or skipped): look past them. */
  cue = find_cue (self, position_us + 1);
  if (cue < self->cues->len)
    change_us = MIN (change_us, g_array_index (self->cues, KlRoutineCue, cue).at_us -
                                position_us);

  return change_us;
}

gboolean
kl_routine_runner_pop_cue (KlRoutineRunner *self,
                           KlRoutineCue    *out_cue)
{
  gint64 position_us;

  g_return_val_if_fail (KL_IS_ROUTINE_RUNNER (self), FALSE);
  g_return_val_if_fail (out_cue != NULL, FALSE);

  position_us = position_at (self, update (self));
  if (self->state == KL_ROUTINE_RUNNER_READY || self->state == KL_ROUTINE_RUNNER_STOPPED ||
      self->next_cue >= self->cues->len ||
      g_array_index (self->cues, KlRoutineCue, self->next_cue).at_us > position_us)
    return FALSE;

  *out_cue = g_array_index (self->cues, KlRoutineCue, self->next_cue++);
  return TRUE;
}

/* Commands ------------------------------------------------------------------------------------ */

gboolean
kl_routine_runner_start (KlRoutineRunner *self)
{
  gint64 now;

  g_return_val_if_fail (KL_IS_ROUTINE_RUNNER (self), FALSE);

  now = update (self);
  if (self->state != KL_ROUTINE_RUNNER_READY)
    return FALSE;

  self->origin_us = now;
  self->resumed_at_us = now;
  self->next_cue = 0;
  set_state (self, KL_ROUTINE_RUNNER_RUNNING);
  return TRUE;
}

gboolean
kl_routine_runner_pause (KlRoutineRunner *self)
{
  gint64 now;

  g_return_val_if_fail (KL_IS_ROUTINE_RUNNER (self), FALSE);

  now = update (self);
  if (self->state != KL_ROUTINE_RUNNER_RUNNING)
    return FALSE;

  self->position_us = position_at (self, now);
  self->active_us += MAX (now - self->resumed_at_us, 0);
  set_state (self, KL_ROUTINE_RUNNER_PAUSED);
  return TRUE;
}

gboolean
kl_routine_runner_resume (KlRoutineRunner *self)
{
  gint64 now;

  g_return_val_if_fail (KL_IS_ROUTINE_RUNNER (self), FALSE);

  now = update (self);
  if (self->state != KL_ROUTINE_RUNNER_PAUSED)
    return FALSE;

  self->origin_us = now - self->position_us;
  self->resumed_at_us = now;
  set_state (self, KL_ROUTINE_RUNNER_RUNNING);
  return TRUE;
}

gboolean
kl_routine_runner_stop (KlRoutineRunner *self)
{
  gint64 now;

  g_return_val_if_fail (KL_IS_ROUTINE_RUNNER (self), FALSE);

  now = update (self);
  if (self->state == KL_ROUTINE_RUNNER_FINISHED || self->state == KL_ROUTINE_RUNNER_STOPPED)
    return FALSE;

  if (self->state == KL_ROUTINE_RUNNER_RUNNING)
    {
      self->position_us = position_at (self, now);
      self->active_us += MAX (now - self->resumed_at_us, 0);
    }
  set_state (self, KL_ROUTINE_RUNNER_STOPPED);
  return TRUE;
}

/* Moves a running or paused runner to @position_us; the end finishes it. Cues between the old
 * and the new position are dropped, and those from the new one on are due again. */
static gboolean
seek (KlRoutineRunner *self,
      gint64           now,
      gint64           position_us)
{
  if (self->state != KL_ROUTINE_RUNNER_RUNNING && self->state != KL_ROUTINE_RUNNER_PAUSED)
    return FALSE;

  position_us = CLAMP (position_us, 0, self->total_us);
  self->next_cue = find_cue (self, position_us);

  if (position_us == self->total_us)
    {
      if (self->state == KL_ROUTINE_RUNNER_RUNNING)
        self->active_us += MAX (now - self->resumed_at_us, 0);
      self->position_us = position_us;
      set_state (self, KL_ROUTINE_RUNNER_FINISHED);
    }
  else if (self->state == KL_ROUTINE_RUNNER_RUNNING)
    {
      self->origin_us = now - position_us;
    }
  else
    {
      self->position_us = position_us;
    }

  return TRUE;
}

gboolean
kl_routine_runner_back (KlRoutineRunner *self)
{
  KlRoutineMoment moment;
  gint64 now;

  g_return_val_if_fail (KL_IS_ROUTINE_RUNNER (self), FALSE);

  now = update (self);
  kl_routine_runner_get_moment_at (self, position_at (self, now), &moment);

  if (moment.segment_elapsed_us < KL_ROUTINE_BACK_GRACE_US && moment.segment_index > 0)
    moment.segment_index--;

  return seek (self, now, g_array_index (self->segments, KlRoutineSegment,
                                         moment.segment_index).start_us);
}

gboolean
kl_routine_runner_skip (KlRoutineRunner *self)
{
  KlRoutineMoment moment;
  gint64 now;

  g_return_val_if_fail (KL_IS_ROUTINE_RUNNER (self), FALSE);

  now = update (self);
  kl_routine_runner_get_moment_at (self, position_at (self, now), &moment);

  return seek (self, now, moment.segment->start_us + moment.segment->duration_us);
}

gboolean
kl_routine_runner_skip_to (KlRoutineRunner *self,
                           guint            index)
{
  gint64 now;

  g_return_val_if_fail (KL_IS_ROUTINE_RUNNER (self), FALSE);
  g_return_val_if_fail (index <= self->segments->len, FALSE);

  now = update (self);

  return seek (self, now, index < self->segments->len
                          ? g_array_index (self->segments, KlRoutineSegment, index).start_us
                          : self->total_us);
}

const char *
kl_routine_phase_get_label (KlRoutinePhase phase)
{
  switch (phase)
    {
    case KL_ROUTINE_PHASE_GET_READY:
      return _("Get ready");
    case KL_ROUTINE_PHASE_WORK:
      return NULL;
    case KL_ROUTINE_PHASE_RELEASE:
      return _("Release");
    case KL_ROUTINE_PHASE_REST:
      return _("Rest");
    case KL_ROUTINE_PHASE_SWITCH_SIDES:
      return _("Switch sides");
    case KL_ROUTINE_PHASE_INHALE:
      return _("Inhale");
    case KL_ROUTINE_PHASE_TOP_UP:
      /* Translators: a second, short breath in on top of the first */
      return _("Inhale again");
    case KL_ROUTINE_PHASE_HOLD_IN:
    case KL_ROUTINE_PHASE_HOLD_OUT:
      return _("Hold");
    case KL_ROUTINE_PHASE_EXHALE:
      return _("Exhale");
    default:
      g_return_val_if_reached (NULL);
    }
}
