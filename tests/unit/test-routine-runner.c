/* test-routine-runner.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "kl-routine-runner.h"

#define S(seconds) ((gint64) ((seconds) * G_USEC_PER_SEC))

/* A clock the test moves by hand, starting far from 0 as the real one does. */
typedef struct
{
  gint64 now;
} FakeClock;

static gint64
fake_clock_read (gpointer user_data)
{
  return ((FakeClock *) user_data)->now;
}

static KlRoutineRunner *
runner_new (KlRoutine *routine,
            FakeClock *clock)
{
  KlRoutineRunner *runner = kl_routine_runner_new (routine);

  clock->now = S (1000);
  kl_routine_runner_set_clock (runner, fake_clock_read, clock);
  return runner;
}

static KlRoutineStep *
step_new (KlRoutineStepKind  kind,
          const char        *title,
          double             seconds)
{
  KlRoutineStep *step = kl_routine_step_new (kind);

  g_free (step->title);
  step->title = g_strdup (title);
  g_free (step->instruction);
  step->instruction = g_strdup ("Do it.");
  step->duration_us = S (seconds);
  return step;
}

static KlRoutine *
routine_new (KlRoutineStep *step)
{
  KlRoutine *routine = kl_routine_new ("test");
  g_autoptr(GError) error = NULL;

  kl_routine_set_name (routine, "Test");
  kl_routine_append_step (routine, step);
  g_assert_true (kl_routine_validate (routine, NULL, NULL, &error));
  g_assert_no_error (error);
  return routine;
}

static KlRoutine *
sided_stretch (void)
{
  KlRoutineStep *step = step_new (KL_ROUTINE_STEP_STRETCH, "Stretch", 30);

  step->sides = KL_ROUTINE_SIDES_BOTH;
  return routine_new (step);
}

static KlRoutine *
breathing (double inhale,
           double top_up,
           double hold_in,
           double exhale,
           double hold_out,
           guint  cycles)
{
  KlRoutineStep *step = step_new (KL_ROUTINE_STEP_BREATHING, "Breathe", 0);

  step->inhale_us = S (inhale);
  step->top_up_us = S (top_up);
  step->hold_in_us = S (hold_in);
  step->exhale_us = S (exhale);
  step->hold_out_us = S (hold_out);
  step->cycles = cycles;
  return routine_new (step);
}

static void
check_segment (KlRoutineRunner      *runner,
               guint                 index,
               KlRoutineSegmentKind  kind,
               KlBodySide            side,
               guint                 repetition,
               double                start,
               double                duration)
{
  const KlRoutineSegment *segment = kl_routine_runner_get_segment (runner, index);

  g_test_message ("segment %u", index);
  g_assert_cmpint (segment->kind, ==, kind);
  g_assert_cmpint (segment->side, ==, side);
  g_assert_cmpuint (segment->repetition, ==, repetition);
  g_assert_cmpint (segment->start_us, ==, S (start));
  g_assert_cmpint (segment->duration_us, ==, S (duration));
}

typedef struct
{
  double           at;
  KlRoutineCueKind kind;
  guint            count;
} ExpectedCue;

static void
check_cues (KlRoutineRunner   *runner,
            const ExpectedCue *cues,
            guint              n_cues)
{
  g_assert_cmpuint (kl_routine_runner_get_n_cues (runner), ==, n_cues);

  for (guint i = 0; i < n_cues; i++)
    {
      const KlRoutineCue *cue = kl_routine_runner_get_cue (runner, i);

      g_test_message ("cue %u", i);
      g_assert_cmpint (cue->at_us, ==, S (cues[i].at));
      g_assert_cmpint (cue->kind, ==, cues[i].kind);
      g_assert_cmpuint (cue->count, ==, cues[i].count);
    }
}

static void
test_timeline_sides (void)
{
  g_autoptr(KlRoutine) routine = sided_stretch ();
  g_autoptr(KlRoutineRunner) runner = kl_routine_runner_new (routine);
  const ExpectedCue cues[] = {
    { 2, KL_ROUTINE_CUE_COUNTDOWN, 3 }, { 3, KL_ROUTINE_CUE_COUNTDOWN, 2 },
    { 4, KL_ROUTINE_CUE_COUNTDOWN, 1 },
    { 5, KL_ROUTINE_CUE_GO, 0 },
    { 32, KL_ROUTINE_CUE_COUNTDOWN, 3 }, { 33, KL_ROUTINE_CUE_COUNTDOWN, 2 },
    { 34, KL_ROUTINE_CUE_COUNTDOWN, 1 },
    { 35, KL_ROUTINE_CUE_SWITCH_SIDES, 0 },
    { 37, KL_ROUTINE_CUE_COUNTDOWN, 3 }, { 38, KL_ROUTINE_CUE_COUNTDOWN, 2 },
    { 39, KL_ROUTINE_CUE_COUNTDOWN, 1 },
    { 40, KL_ROUTINE_CUE_GO, 0 },
    { 67, KL_ROUTINE_CUE_COUNTDOWN, 3 }, { 68, KL_ROUTINE_CUE_COUNTDOWN, 2 },
    { 69, KL_ROUTINE_CUE_COUNTDOWN, 1 },
    { 70, KL_ROUTINE_CUE_DONE, 0 },
  };
  KlRoutineMoment moment;

  g_assert_cmpuint (kl_routine_runner_get_n_segments (runner), ==, 4);
  g_assert_cmpint (kl_routine_runner_get_total_us (runner), ==, S (70));
  check_segment (runner, 0, KL_ROUTINE_SEGMENT_GET_READY, KL_BODY_SIDE_NONE, 0, 0, 5);
  check_segment (runner, 1, KL_ROUTINE_SEGMENT_STEP, KL_BODY_SIDE_LEFT, 1, 5, 30);
  check_segment (runner, 2, KL_ROUTINE_SEGMENT_SWITCH_SIDES, KL_BODY_SIDE_NONE, 0, 35, 5);
  check_segment (runner, 3, KL_ROUTINE_SEGMENT_STEP, KL_BODY_SIDE_RIGHT, 1, 40, 30);
  g_assert_cmpstr (kl_routine_runner_get_segment (runner, 1)->title, ==, "Stretch");
  g_assert_cmpint (kl_routine_runner_get_segment (runner, 1)->step, ==, 0);
  g_assert_cmpint (kl_routine_runner_get_segment (runner, 0)->step, ==, -1);
  check_cues (runner, cues, G_N_ELEMENTS (cues));

  kl_routine_runner_get_moment_at (runner, S (20), &moment);
  g_assert_cmpuint (moment.segment_index, ==, 1);
  g_assert_cmpint (moment.segment->side, ==, KL_BODY_SIDE_LEFT);
  g_assert_cmpint (moment.phase, ==, KL_ROUTINE_PHASE_WORK);
  g_assert_cmpint (moment.segment_elapsed_us, ==, S (15));
  g_assert_cmpint (moment.segment_remaining_us, ==, S (15));
  g_assert_cmpfloat (moment.phase_progress, ==, 0.5);
  g_assert_cmpint (moment.remaining_us, ==, S (50));
  g_assert_cmpint (moment.next->kind, ==, KL_ROUTINE_SEGMENT_SWITCH_SIDES);
  g_assert_cmpstr (moment.next_title, ==, kl_routine_runner_get_segment (runner, 2)->title);

  /* A boundary belongs to the segment it starts. */
  kl_routine_runner_get_moment_at (runner, S (35), &moment);
  g_assert_cmpuint (moment.segment_index, ==, 2);
  g_assert_cmpint (moment.phase, ==, KL_ROUTINE_PHASE_SWITCH_SIDES);
  g_assert_cmpint (moment.next->side, ==, KL_BODY_SIDE_RIGHT);

  /* The end, and past it. */
  kl_routine_runner_get_moment_at (runner, S (100), &moment);
  g_assert_cmpint (moment.position_us, ==, S (70));
  g_assert_cmpuint (moment.segment_index, ==, 3);
  g_assert_cmpint (moment.remaining_us, ==, 0);
  g_assert_cmpfloat (moment.phase_progress, ==, 1.0);
  g_assert_null (moment.next);
  g_assert_null (moment.next_title);
}

static void
test_timeline_repetitions (void)
{
  KlRoutineStep *step = step_new (KL_ROUTINE_STEP_HOLD, "Tuck", 10);
  g_autoptr(KlRoutine) routine = NULL;
  g_autoptr(KlRoutineRunner) runner = NULL;
  const KlRoutineSegment *segment;
  KlRoutineMoment moment;

  step->repetitions = 3;
  step->rest_us = S (8);
  step->release_us = S (3);
  routine = routine_new (step);
  runner = kl_routine_runner_new (routine);

  /* 5 + 3 × (10 + 3) + 2 × 8 */
  g_assert_cmpint (kl_routine_runner_get_total_us (runner), ==, S (60));
  g_assert_cmpint (kl_routine_get_duration_us (routine), ==, S (55));
  g_assert_cmpuint (kl_routine_runner_get_n_segments (runner), ==, 6);
  check_segment (runner, 1, KL_ROUTINE_SEGMENT_STEP, KL_BODY_SIDE_NONE, 1, 5, 13);
  check_segment (runner, 2, KL_ROUTINE_SEGMENT_REST, KL_BODY_SIDE_NONE, 0, 18, 8);
  check_segment (runner, 3, KL_ROUTINE_SEGMENT_STEP, KL_BODY_SIDE_NONE, 2, 26, 13);
  check_segment (runner, 4, KL_ROUTINE_SEGMENT_REST, KL_BODY_SIDE_NONE, 0, 39, 8);
  check_segment (runner, 5, KL_ROUTINE_SEGMENT_STEP, KL_BODY_SIDE_NONE, 3, 47, 13);

  segment = kl_routine_runner_get_segment (runner, 3);
  g_assert_cmpuint (segment->n_repetitions, ==, 3);
  g_assert_cmpuint (segment->n_phases, ==, 2);
  g_assert_cmpint (segment->phases[0].phase, ==, KL_ROUTINE_PHASE_WORK);
  g_assert_cmpint (segment->phases[1].phase, ==, KL_ROUTINE_PHASE_RELEASE);

  /* One second into the second release. */
  kl_routine_runner_get_moment_at (runner, S (37), &moment);
  g_assert_cmpuint (moment.segment_index, ==, 3);
  g_assert_cmpint (moment.phase, ==, KL_ROUTINE_PHASE_RELEASE);
  g_assert_cmpint (moment.phase_elapsed_us, ==, S (1));
  g_assert_cmpint (moment.phase_remaining_us, ==, S (2));
  g_assert_cmpfloat_with_epsilon (moment.phase_progress, 1.0 / 3, 1e-12);
  g_assert_cmpstr (moment.next_title, ==, "Rest");
}

/* Hamstrings: left, switch, right, rest, left, switch, right. */
static void
test_timeline_sides_repetitions (void)
{
  KlRoutineStep *step = step_new (KL_ROUTINE_STEP_STRETCH, "Towel", 30);
  g_autoptr(KlRoutine) routine = NULL;
  g_autoptr(KlRoutineRunner) runner = NULL;
  g_autoptr(KlRoutine) alternating = NULL;
  g_autoptr(KlRoutineRunner) alternating_runner = NULL;

  step->sides = KL_ROUTINE_SIDES_BOTH;
  step->repetitions = 2;
  step->rest_us = S (10);
  routine = routine_new (step);
  runner = kl_routine_runner_new (routine);

  g_assert_cmpuint (kl_routine_runner_get_n_segments (runner), ==, 8);
  check_segment (runner, 1, KL_ROUTINE_SEGMENT_STEP, KL_BODY_SIDE_LEFT, 1, 5, 30);
  check_segment (runner, 2, KL_ROUTINE_SEGMENT_SWITCH_SIDES, KL_BODY_SIDE_NONE, 0, 35, 5);
  check_segment (runner, 3, KL_ROUTINE_SEGMENT_STEP, KL_BODY_SIDE_RIGHT, 1, 40, 30);
  check_segment (runner, 4, KL_ROUTINE_SEGMENT_REST, KL_BODY_SIDE_NONE, 0, 70, 10);
  check_segment (runner, 5, KL_ROUTINE_SEGMENT_STEP, KL_BODY_SIDE_LEFT, 2, 80, 30);
  check_segment (runner, 6, KL_ROUTINE_SEGMENT_SWITCH_SIDES, KL_BODY_SIDE_NONE, 0, 110, 5);
  check_segment (runner, 7, KL_ROUTINE_SEGMENT_STEP, KL_BODY_SIDE_RIGHT, 2, 115, 30);
  g_assert_cmpint (kl_routine_runner_get_total_us (runner), ==,
                   S (5) + kl_routine_get_duration_us (routine));

  /* Without a rest, a switch goes between the rounds too: hips' "L/R ×2". */
  step = step_new (KL_ROUTINE_STEP_STRETCH, "Figure 4", 30);
  step->sides = KL_ROUTINE_SIDES_BOTH;
  step->repetitions = 2;
  alternating = routine_new (step);
  alternating_runner = kl_routine_runner_new (alternating);
  g_assert_cmpuint (kl_routine_runner_get_n_segments (alternating_runner), ==, 8);
  check_segment (alternating_runner, 4, KL_ROUTINE_SEGMENT_SWITCH_SIDES, KL_BODY_SIDE_NONE, 0,
                 70, 5);
  g_assert_cmpint (kl_routine_runner_get_total_us (alternating_runner), ==, S (5 + 135));
}

static void
test_timeline_breathing (void)
{
  g_autoptr(KlRoutine) routine = breathing (4, 0, 7, 8, 0, 4);
  g_autoptr(KlRoutineRunner) runner = kl_routine_runner_new (routine);
  const KlRoutineSegment *segment;
  KlRoutineMoment moment;
  guint n_phase_cues = 0, n_countdowns = 0;

  g_assert_cmpint (kl_routine_runner_get_total_us (runner), ==, S (5 + 76));
  g_assert_cmpuint (kl_routine_runner_get_n_segments (runner), ==, 2);
  segment = kl_routine_runner_get_segment (runner, 1);
  g_assert_cmpuint (segment->n_cycles, ==, 4);
  g_assert_cmpuint (segment->n_phases, ==, 3);
  g_assert_cmpint (segment->phases[0].phase, ==, KL_ROUTINE_PHASE_INHALE);
  g_assert_cmpint (segment->phases[1].phase, ==, KL_ROUTINE_PHASE_HOLD_IN);
  g_assert_cmpint (segment->phases[2].phase, ==, KL_ROUTINE_PHASE_EXHALE);

  kl_routine_runner_get_moment_at (runner, S (5), &moment);
  g_assert_cmpuint (moment.cycle, ==, 1);
  g_assert_cmpint (moment.phase, ==, KL_ROUTINE_PHASE_INHALE);
  g_assert_cmpfloat (moment.phase_progress, ==, 0.0);

  kl_routine_runner_get_moment_at (runner, S (7), &moment);
  g_assert_cmpint (moment.phase, ==, KL_ROUTINE_PHASE_INHALE);
  g_assert_cmpfloat (moment.phase_progress, ==, 0.5);

  kl_routine_runner_get_moment_at (runner, S (9), &moment);
  g_assert_cmpint (moment.phase, ==, KL_ROUTINE_PHASE_HOLD_IN);

  kl_routine_runner_get_moment_at (runner, S (5 + 11 + 6), &moment);
  g_assert_cmpint (moment.phase, ==, KL_ROUTINE_PHASE_EXHALE);
  g_assert_cmpfloat (moment.phase_progress, ==, 0.75);
  g_assert_cmpuint (moment.cycle, ==, 1);

  kl_routine_runner_get_moment_at (runner, S (5 + 19), &moment);
  g_assert_cmpint (moment.phase, ==, KL_ROUTINE_PHASE_INHALE);
  g_assert_cmpuint (moment.cycle, ==, 2);

  kl_routine_runner_get_moment_at (runner, S (5 + 76), &moment);
  g_assert_cmpuint (moment.cycle, ==, 4);
  g_assert_cmpint (moment.phase, ==, KL_ROUTINE_PHASE_EXHALE);
  g_assert_cmpfloat (moment.phase_progress, ==, 1.0);

  /* Every phase is said; breathing is not counted down, only the get-ready is. */
  for (guint i = 0; i < kl_routine_runner_get_n_cues (runner); i++)
    {
      const KlRoutineCue *cue = kl_routine_runner_get_cue (runner, i);

      n_phase_cues += cue->kind == KL_ROUTINE_CUE_PHASE;
      n_countdowns += cue->kind == KL_ROUTINE_CUE_COUNTDOWN;
    }
  g_assert_cmpuint (n_phase_cues, ==, 4 * 3);
  g_assert_cmpuint (n_countdowns, ==, 3);
}

static void
test_timeline_top_up (void)
{
  g_autoptr(KlRoutine) routine = breathing (1, 0.5, 0, 3, 1.5, 5);
  g_autoptr(KlRoutineRunner) runner = kl_routine_runner_new (routine);
  KlRoutineMoment moment;

  g_assert_cmpint (kl_routine_runner_get_total_us (runner), ==, S (5 + 30));

  kl_routine_runner_get_moment_at (runner, S (5 + 1.25), &moment);
  g_assert_cmpint (moment.phase, ==, KL_ROUTINE_PHASE_TOP_UP);
  g_assert_cmpfloat (moment.phase_progress, ==, 0.5);

  kl_routine_runner_get_moment_at (runner, S (5 + 6 * 4 + 5), &moment);
  g_assert_cmpuint (moment.cycle, ==, 5);
  g_assert_cmpint (moment.phase, ==, KL_ROUTINE_PHASE_HOLD_OUT);
  g_assert_cmpint (moment.phase_remaining_us, ==, S (1));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_pause (void)
{
  g_autoptr(KlRoutine) routine = sided_stretch ();
  FakeClock clock;
  g_autoptr(KlRoutineRunner) runner = runner_new (routine, &clock);
  KlRoutineMoment moment;
  KlRoutineCue cue;
  guint n_notify = 0, n_cues = 0;

  g_signal_connect (runner, "notify::state", G_CALLBACK (count_notify_cb), &n_notify);

  g_assert_cmpint (kl_routine_runner_get_state (runner), ==, KL_ROUTINE_RUNNER_READY);
  g_assert_cmpint (kl_routine_runner_get_next_change_us (runner), ==, -1);
  g_assert_false (kl_routine_runner_pause (runner));
  g_assert_false (kl_routine_runner_resume (runner));
  g_assert_true (kl_routine_runner_start (runner));
  g_assert_false (kl_routine_runner_start (runner));
  g_assert_cmpint (kl_routine_runner_get_state (runner), ==, KL_ROUTINE_RUNNER_RUNNING);

  clock.now += S (12);
  g_assert_cmpint (kl_routine_runner_get_position_us (runner), ==, S (12));
  g_assert_true (kl_routine_runner_pause (runner));
  g_assert_cmpint (kl_routine_runner_get_state (runner), ==, KL_ROUTINE_RUNNER_PAUSED);

  /* Five minutes paused count for nothing. */
  clock.now += S (300);
  kl_routine_runner_get_moment (runner, &moment);
  g_assert_cmpint (moment.position_us, ==, S (12));
  g_assert_cmpuint (moment.segment_index, ==, 1);
  g_assert_cmpint (moment.segment_elapsed_us, ==, S (7));
  g_assert_cmpint (kl_routine_runner_get_next_change_us (runner), ==, -1);

  /* The cues up to the pause are still there to take, and no more. */
  while (kl_routine_runner_pop_cue (runner, &cue))
    {
      g_assert_cmpint (cue.at_us, <=, S (12));
      n_cues++;
    }
  g_assert_cmpuint (n_cues, ==, 4);

  g_assert_true (kl_routine_runner_resume (runner));
  clock.now += S (3);
  g_assert_cmpint (kl_routine_runner_get_position_us (runner), ==, S (15));
  g_assert_cmpint (kl_routine_runner_get_active_us (runner), ==, S (15));
  /* The left side's countdown starts at 32 s. */
  g_assert_cmpint (kl_routine_runner_get_next_change_us (runner), ==, S (17));

  g_assert_cmpuint (n_notify, ==, 3);
}

static void
test_back (void)
{
  g_autoptr(KlRoutine) routine = sided_stretch ();
  FakeClock clock;
  g_autoptr(KlRoutineRunner) runner = runner_new (routine, &clock);
  KlRoutineCue cue;

  g_assert_false (kl_routine_runner_back (runner));
  kl_routine_runner_start (runner);

  /* Ten seconds into the left side: back to its start, still running. */
  clock.now += S (15);
  while (kl_routine_runner_pop_cue (runner, &cue));
  g_assert_true (kl_routine_runner_back (runner));
  g_assert_cmpint (kl_routine_runner_get_position_us (runner), ==, S (5));
  g_assert_cmpint (kl_routine_runner_get_state (runner), ==, KL_ROUTINE_RUNNER_RUNNING);
  /* Its "go" is due again. */
  g_assert_true (kl_routine_runner_pop_cue (runner, &cue));
  g_assert_cmpint (cue.kind, ==, KL_ROUTINE_CUE_GO);
  g_assert_cmpint (cue.at_us, ==, S (5));
  g_assert_false (kl_routine_runner_pop_cue (runner, &cue));

  /* Within the first two seconds: back to the segment before. */
  clock.now += S (1);
  g_assert_true (kl_routine_runner_back (runner));
  g_assert_cmpint (kl_routine_runner_get_position_us (runner), ==, 0);
  /* And at the very start, it stays there. */
  g_assert_true (kl_routine_runner_back (runner));
  g_assert_cmpint (kl_routine_runner_get_position_us (runner), ==, 0);

  /* Paused, it stays paused. */
  clock.now += S (45);
  kl_routine_runner_pause (runner);
  g_assert_true (kl_routine_runner_back (runner));
  g_assert_cmpint (kl_routine_runner_get_state (runner), ==, KL_ROUTINE_RUNNER_PAUSED);
  g_assert_cmpint (kl_routine_runner_get_position_us (runner), ==, S (40));
  clock.now += S (100);
  g_assert_cmpint (kl_routine_runner_get_position_us (runner), ==, S (40));

  /* The running time counts what was really spent: 15 + 1 + 45. */
  g_assert_cmpint (kl_routine_runner_get_active_us (runner), ==, S (61));
}

static void
test_skip (void)
{
  g_autoptr(KlRoutine) routine = sided_stretch ();
  FakeClock clock;
  g_autoptr(KlRoutineRunner) runner = runner_new (routine, &clock);
  KlRoutineCue cue;

  g_assert_false (kl_routine_runner_skip (runner));
  kl_routine_runner_start (runner);
  clock.now += S (1);

  g_assert_true (kl_routine_runner_skip (runner));
  g_assert_cmpint (kl_routine_runner_get_position_us (runner), ==, S (5));
  /* The get-ready's countdown was skipped over. */
  g_assert_true (kl_routine_runner_pop_cue (runner, &cue));
  g_assert_cmpint (cue.kind, ==, KL_ROUTINE_CUE_GO);

  g_assert_true (kl_routine_runner_skip (runner));
  g_assert_cmpint (kl_routine_runner_get_position_us (runner), ==, S (35));
  g_assert_true (kl_routine_runner_skip_to (runner, 3));
  g_assert_cmpint (kl_routine_runner_get_position_us (runner), ==, S (40));
  clock.now += S (2);
  g_assert_cmpint (kl_routine_runner_get_position_us (runner), ==, S (42));

  /* Skipping the last segment finishes, and only "done" is said. */
  while (kl_routine_runner_pop_cue (runner, &cue));
  g_assert_true (kl_routine_runner_skip (runner));
  g_assert_cmpint (kl_routine_runner_get_state (runner), ==, KL_ROUTINE_RUNNER_FINISHED);
  g_assert_cmpint (kl_routine_runner_get_position_us (runner), ==, S (70));
  g_assert_true (kl_routine_runner_pop_cue (runner, &cue));
  g_assert_cmpint (cue.kind, ==, KL_ROUTINE_CUE_DONE);
  g_assert_false (kl_routine_runner_pop_cue (runner, &cue));
  g_assert_false (kl_routine_runner_skip (runner));
  g_assert_false (kl_routine_runner_back (runner));
  g_assert_cmpint (kl_routine_runner_get_active_us (runner), ==, S (3));
}

static void
test_stop (void)
{
  g_autoptr(KlRoutine) routine = sided_stretch ();
  FakeClock clock;
  g_autoptr(KlRoutineRunner) runner = runner_new (routine, &clock);
  KlRoutineCue cue;

  kl_routine_runner_start (runner);
  clock.now += S (20);
  g_assert_true (kl_routine_runner_stop (runner));
  g_assert_false (kl_routine_runner_stop (runner));
  g_assert_cmpint (kl_routine_runner_get_state (runner), ==, KL_ROUTINE_RUNNER_STOPPED);

  clock.now += S (20);
  g_assert_cmpint (kl_routine_runner_get_position_us (runner), ==, S (20));
  g_assert_cmpint (kl_routine_runner_get_active_us (runner), ==, S (20));
  g_assert_false (kl_routine_runner_pop_cue (runner, &cue));
  g_assert_false (kl_routine_runner_start (runner));
  g_assert_false (kl_routine_runner_resume (runner));
  g_assert_false (kl_routine_runner_skip (runner));
  g_assert_cmpint (kl_routine_runner_get_next_change_us (runner), ==, -1);
}

/* Noticed late, the end is still where it was: at the end. */
static void
test_finish_late (void)
{
  g_autoptr(KlRoutine) routine = sided_stretch ();
  FakeClock clock;
  g_autoptr(KlRoutineRunner) runner = runner_new (routine, &clock);
  KlRoutineMoment moment;
  guint n_notify = 0;

  kl_routine_runner_start (runner);
  g_signal_connect (runner, "notify::state", G_CALLBACK (count_notify_cb), &n_notify);

  clock.now += S (70) - 1;
  g_assert_cmpint (kl_routine_runner_get_state (runner), ==, KL_ROUTINE_RUNNER_RUNNING);
  g_assert_cmpint (kl_routine_runner_get_next_change_us (runner), ==, 0);

  clock.now += S (7) + 1;
  kl_routine_runner_get_moment (runner, &moment);
  g_assert_cmpint (moment.position_us, ==, S (70));
  g_assert_cmpint (kl_routine_runner_get_state (runner), ==, KL_ROUTINE_RUNNER_FINISHED);
  g_assert_cmpint (kl_routine_runner_get_active_us (runner), ==, S (70));
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_false (kl_routine_runner_pause (runner));
  g_assert_false (kl_routine_runner_stop (runner));
}

/* A caller that sleeps exactly as long as it is told wakes at every boundary and takes every
 * cue at its very time. */
static void
test_sleep_until_change (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlRoutine) routine = kl_routine_load_builtin ("chest-opener", &error);
  FakeClock clock;
  g_autoptr(KlRoutineRunner) runner = runner_new (routine, &clock);
  gint64 origin;
  guint n_taken = 0, n_wakes = 0;

  g_assert_no_error (error);
  kl_routine_runner_start (runner);
  origin = clock.now;

  while (kl_routine_runner_get_state (runner) != KL_ROUTINE_RUNNER_FINISHED)
    {
      gint64 change = kl_routine_runner_get_next_change_us (runner);
      KlRoutineCue cue;
      KlRoutineMoment moment;

      g_assert_cmpint (change, >=, 0);
      if (change == 0)
        {
          while (kl_routine_runner_pop_cue (runner, &cue))
            {
              const KlRoutineCue *listed = kl_routine_runner_get_cue (runner, n_taken++);

              g_assert_cmpint (cue.at_us, ==, clock.now - origin);
              g_assert_cmpint (cue.at_us, ==, listed->at_us);
              g_assert_cmpint (cue.kind, ==, listed->kind);
            }
          continue;
        }

      clock.now += change;
      n_wakes++;

      /* Each wake is at a phase boundary, or at a cue. */
      kl_routine_runner_get_moment (runner, &moment);
      g_assert_true (moment.phase_elapsed_us == 0 || moment.position_us == moment.total_us ||
                     kl_routine_runner_get_next_change_us (runner) == 0);
    }

  /* The "done" cue is left to take once finished. */
  {
    KlRoutineCue cue;

    while (kl_routine_runner_pop_cue (runner, &cue))
      n_taken++;
  }

  g_assert_cmpuint (n_taken, ==, kl_routine_runner_get_n_cues (runner));
  g_assert_cmpint (clock.now - origin, ==, kl_routine_runner_get_total_us (runner));
  g_test_message ("%u wakes for %u cues", n_wakes, n_taken);
}

/* Twenty minutes of resonance breathing, read by a clock that advances in irregular steps and
 * pauses three times: the moment at every step is the ideal one, to the microsecond. */
static void
test_twenty_minutes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlRoutine) builtin = kl_routine_load_builtin ("resonance-breathing", &error);
  g_autoptr(KlRoutine) routine = NULL;
  g_autoptr(KlRoutineRunner) runner = NULL;
  FakeClock clock;
  gint64 ideal = 0, total, worst_lateness = 0;
  guint n_steps = 0, n_pauses = 0, n_cues = 0;
  gint64 cycle_us = S (10);

  g_assert_no_error (error);
  routine = kl_routine_copy_for_length (builtin, S (20 * 60), &error);
  g_assert_no_error (error);
  runner = runner_new (routine, &clock);
  total = kl_routine_runner_get_total_us (runner);
  g_assert_cmpint (total, ==, S (5 + 20 * 60));

  kl_routine_runner_start (runner);

  while (kl_routine_runner_get_state (runner) == KL_ROUTINE_RUNNER_RUNNING)
    {
      gint64 step = g_test_rand_int_range (1, 1500000);
      KlRoutineMoment moment;
      KlRoutineCue cue;

      clock.now += step;
      ideal = MIN (ideal + step, total);
      n_steps++;

      kl_routine_runner_get_moment (runner, &moment);
      g_assert_cmpint (moment.position_us, ==, ideal);

      if (ideal < S (5))
        {
          g_assert_cmpint (moment.phase, ==, KL_ROUTINE_PHASE_GET_READY);
        }
      else if (ideal < total)
        {
          gint64 breathing = ideal - S (5);

          g_assert_cmpuint (moment.cycle, ==, breathing / cycle_us + 1);
          g_assert_cmpint (moment.phase, ==, breathing % cycle_us < S (5)
                                             ? KL_ROUTINE_PHASE_INHALE
                                             : KL_ROUTINE_PHASE_EXHALE);
          g_assert_cmpint (moment.phase_elapsed_us, ==, breathing % S (5));
        }

      while (kl_routine_runner_pop_cue (runner, &cue))
        {
          g_assert_cmpint (cue.at_us, <=, ideal);
          worst_lateness = MAX (worst_lateness, ideal - cue.at_us);
          n_cues++;
        }

      /* Three pauses of up to ten minutes, which must not count. */
      if (n_steps % 500 == 0 && kl_routine_runner_get_state (runner) == KL_ROUTINE_RUNNER_RUNNING)
        {
          g_assert_true (kl_routine_runner_pause (runner));
          clock.now += g_test_rand_int_range (1, 600) * G_USEC_PER_SEC;
          g_assert_cmpint (kl_routine_runner_get_position_us (runner), ==, ideal);
          g_assert_true (kl_routine_runner_resume (runner));
          n_pauses++;
        }
    }

  g_test_message ("%u clock steps, %u pauses, %u cues, latest cue taken %.3f s late", n_steps,
                  n_pauses, n_cues, worst_lateness / 1e6);

  /* The time spent breathing is the ideal one: no drift at all, let alone 20 ms. */
  g_assert_cmpint (kl_routine_runner_get_state (runner), ==, KL_ROUTINE_RUNNER_FINISHED);
  g_assert_cmpint (ABS (kl_routine_runner_get_active_us (runner) - total), <, 20 * 1000);
  g_assert_cmpint (kl_routine_runner_get_active_us (runner), ==, total);
  g_assert_cmpint (kl_routine_runner_get_position_us (runner), ==, total);
  /* The get-ready's countdown, 2 phases × 120 cycles, and "done", each taken once. */
  g_assert_cmpuint (n_pauses, ==, 3);
  g_assert_cmpuint (kl_routine_runner_get_n_cues (runner), ==, 3 + 240 + 1);
  g_assert_cmpuint (n_cues, ==, kl_routine_runner_get_n_cues (runner));
}

/* Every built-in flattens into an unbroken timeline 5 s longer than the routine. */
static void
test_builtins (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) routines = kl_routine_load_builtins (&error);

  g_assert_no_error (error);

  for (guint i = 0; i < routines->len; i++)
    {
      KlRoutine *routine = g_ptr_array_index (routines, i);
      g_autoptr(KlRoutineRunner) runner = kl_routine_runner_new (routine);
      gint64 at = 0;
      const KlRoutineCue *last;

      g_test_message ("%s", kl_routine_get_slug (routine));
      g_assert_cmpint (kl_routine_runner_get_total_us (runner), ==,
                       KL_ROUTINE_GET_READY_US + kl_routine_get_duration_us (routine));
      g_assert_cmpint (kl_routine_runner_get_segment (runner, 0)->kind, ==,
                       KL_ROUTINE_SEGMENT_GET_READY);

      for (guint s = 0; s < kl_routine_runner_get_n_segments (runner); s++)
        {
          const KlRoutineSegment *segment = kl_routine_runner_get_segment (runner, s);

          g_assert_cmpint (segment->start_us, ==, at);
          g_assert_cmpint (segment->duration_us, >, 0);
          g_assert_nonnull (segment->title);
          at += segment->duration_us;
        }
      g_assert_cmpint (at, ==, kl_routine_runner_get_total_us (runner));

      for (guint c = 1; c < kl_routine_runner_get_n_cues (runner); c++)
        g_assert_cmpint (kl_routine_runner_get_cue (runner, c - 1)->at_us, <=,
                         kl_routine_runner_get_cue (runner, c)->at_us);
      last = kl_routine_runner_get_cue (runner, kl_routine_runner_get_n_cues (runner) - 1);
      g_assert_cmpint (last->kind, ==, KL_ROUTINE_CUE_DONE);
      g_assert_cmpint (last->at_us, ==, at);
    }
}

static void
test_labels (void)
{
  g_assert_null (kl_routine_phase_get_label (KL_ROUTINE_PHASE_WORK));
  for (KlRoutinePhase phase = KL_ROUTINE_PHASE_GET_READY; phase <= KL_ROUTINE_PHASE_HOLD_OUT;
       phase++)
    {
      if (phase != KL_ROUTINE_PHASE_WORK)
        g_assert_nonnull (kl_routine_phase_get_label (phase));
    }
  g_assert_cmpstr (kl_routine_phase_get_label (KL_ROUTINE_PHASE_INHALE), ==, "Inhale");
  g_assert_cmpstr (kl_routine_phase_get_label (KL_ROUTINE_PHASE_EXHALE), ==, "Exhale");
  g_assert_cmpstr (kl_routine_phase_get_label (KL_ROUTINE_PHASE_HOLD_IN), ==, "Hold");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/runner/timeline/sides", test_timeline_sides);
  g_test_add_func ("/runner/timeline/repetitions", test_timeline_repetitions);
  g_test_add_func ("/runner/timeline/sides-repetitions", test_timeline_sides_repetitions);
  g_test_add_func ("/runner/timeline/breathing", test_timeline_breathing);
  g_test_add_func ("/runner/timeline/top-up", test_timeline_top_up);
  g_test_add_func ("/runner/pause", test_pause);
  g_test_add_func ("/runner/back", test_back);
  g_test_add_func ("/runner/skip", test_skip);
  g_test_add_func ("/runner/stop", test_stop);
  g_test_add_func ("/runner/finish-late", test_finish_late);
  g_test_add_func ("/runner/sleep-until-change", test_sleep_until_change);
  g_test_add_func ("/runner/twenty-minutes", test_twenty_minutes);
  g_test_add_func ("/runner/builtins", test_builtins);
  g_test_add_func ("/runner/labels", test_labels);

  return g_test_run ();
}
