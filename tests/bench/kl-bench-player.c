/* kl-bench-player.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The routine player's budgets, measured in-process:
 *   kl-bench-player drift DIR SECONDS SCALE
 *       resonance breathing at its 20-minute length, played by a KlRoutineRunner on the real
 *       monotonic clock through the GLib main loop, waking as the player does when it is not
 *       drawing (a timeout at the next change). The clock runs SCALE times as fast as the real
 *       one (1: real time), for SECONDS of real time or to the end. Every phase boundary is
 *       compared with the time it was due: t0 + its place on the timeline / SCALE.
 *       Prints "drift MAX_MS MEAN_MS N_BOUNDARIES ROUTINE_SECONDS_PLAYED POSITION_MS", the last
 *       the largest gap, at any wake, between the runner's position and the real time elapsed
 *       (the runner's own drift: what is left when the wake-up latency is taken out).
 *   kl-bench-player breathe|paused|spinner DIR
 *       a player window (1280×800) on resonance breathing, breathing (or paused mid-inhale),
 *       or for reference a bare window whose only content is a spinning GtkSpinner. After 3 s to
 *       settle (paused: 17 s more, for GLib's idle pool threads to end) it prints "ready";
 *       run-bench.py then reads its CPU time and wakeups from /proc and ends it with SIGTERM,
 *       on which it prints "frames N": the frames painted since. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>

#include <adwaita.h>
#include <glib-unix.h>

#include "kl-routine-player-private.h"
#include "kl-routine-runner.h"
#include "kl-store.h"

#define SETTLE_S 3
#define POOL_IDLE_S 17
#define SLUG     "resonance-breathing"

/* Drift */

typedef struct
{
  KlRoutineRunner *runner;
  GMainLoop       *loop;
  double           scale;
  gint64           origin_us;     /* where the scaled clock starts */
  gint64           t0_us;         /* real time the runner started */
  gint64           end_us;        /* real time to stop at */
  guint            segment;
  KlRoutinePhase   phase;
  guint            cycle;
  double           max_ms;
  double           sum_ms;
  double           max_position_ms;  /* the runner's position against the real clock */
  guint            n;
  guint            timeout_id;
} Drift;

static gint64
scaled_clock (gpointer user_data)
{
  Drift *drift = user_data;

  return drift->origin_us + (gint64) ((g_get_monotonic_time () - drift->origin_us) *
                                      drift->scale);
}

static gboolean drift_timeout_cb (gpointer user_data);

static void
drift_schedule (Drift *drift)
{
  gint64 next_us = kl_routine_runner_get_next_change_us (drift->runner);

  /* As the player does: in whole milliseconds of the real clock, rounded up. */
  if (next_us >= 0)
    drift->timeout_id = g_timeout_add ((guint) ((next_us / drift->scale + 999) / 1000),
                                       drift_timeout_cb, drift);
}

static gboolean
drift_timeout_cb (gpointer user_data)
{
  Drift *drift = user_data;
  gint64 now_us = g_get_monotonic_time ();
  KlRoutineMoment moment;
  KlRoutineCue cue;

  drift->timeout_id = 0;
  kl_routine_runner_get_moment (drift->runner, &moment);
  drift->max_position_ms = MAX (drift->max_position_ms,
                                ABS (moment.position_us / drift->scale - (now_us - drift->t0_us)) /
                                1000.0);
  while (kl_routine_runner_pop_cue (drift->runner, &cue))
    ;

  if (kl_routine_runner_get_state (drift->runner) == KL_ROUTINE_RUNNER_FINISHED)
    {
      /* The end is a boundary too. */
      double late_ms = (now_us - (drift->t0_us + moment.total_us / drift->scale)) / 1000.0;

      drift->max_ms = MAX (drift->max_ms, ABS (late_ms));
      drift->sum_ms += ABS (late_ms);
      drift->n++;
      g_main_loop_quit (drift->loop);
      return G_SOURCE_REMOVE;
    }

  if (moment.segment_index != drift->segment || moment.phase != drift->phase ||
      moment.cycle != drift->cycle)
    {
      /* Where the phase began on the timeline is timeline arithmetic alone, not the clock. */
      gint64 due_us = drift->t0_us + (gint64) ((moment.position_us - moment.phase_elapsed_us) /
                                               drift->scale);
      double late_ms = (now_us - due_us) / 1000.0;

      drift->segment = moment.segment_index;
      drift->phase = moment.phase;
      drift->cycle = moment.cycle;
      drift->max_ms = MAX (drift->max_ms, ABS (late_ms));
      drift->sum_ms += ABS (late_ms);
      drift->n++;
    }

  if (now_us >= drift->end_us)
    {
      g_main_loop_quit (drift->loop);
      return G_SOURCE_REMOVE;
    }

  drift_schedule (drift);
  return G_SOURCE_REMOVE;
}

static int
run_drift (KlStore *store,
           double   seconds,
           double   scale)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlRoutine) builtin = kl_store_get_routine (store, SLUG, &error);
  g_autoptr(KlRoutine) routine = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  KlRoutineMoment moment;
  Drift drift = { 0 };
  const gint64 *lengths;
  guint n_lengths;

  if (builtin == NULL)
    g_error ("%s", error->message);
  lengths = kl_routine_get_lengths (builtin, &n_lengths);
  if (n_lengths == 0)
    g_error ("%s has one length only", SLUG);
  if (!(routine = kl_routine_copy_for_length (builtin, lengths[n_lengths - 1], &error)))
    g_error ("%s", error->message);

  drift.runner = kl_routine_runner_new (routine);
  drift.loop = loop;
  drift.scale = scale;
  drift.origin_us = g_get_monotonic_time ();
  kl_routine_runner_set_clock (drift.runner, scaled_clock, &drift);
  drift.t0_us = g_get_monotonic_time ();
  drift.end_us = drift.t0_us + (gint64) (seconds * G_USEC_PER_SEC);
  kl_routine_runner_start (drift.runner);
  kl_routine_runner_get_moment (drift.runner, &moment);
  drift.segment = moment.segment_index;
  drift.phase = moment.phase;
  drift.cycle = moment.cycle;
  drift_schedule (&drift);
  g_main_loop_run (loop);

  printf ("drift %.3f %.3f %u %.0f %.3f\n", drift.max_ms,
          drift.n > 0 ? drift.sum_ms / drift.n : 0, drift.n,
          kl_routine_runner_get_position_us (drift.runner) / (double) G_USEC_PER_SEC,
          drift.max_position_ms);
  g_clear_handle_id (&drift.timeout_id, g_source_remove);
  g_object_unref (drift.runner);
  return 0;
}

/* CPU and wakeups: counted from outside, by run-bench.py, so that counting wakes nothing */

static guint n_frames;

/* GdkSurface::render is emitted only for a frame that draws something, unlike the frame clock's
 * "after-paint"; GTK's own handler stops it, so it is counted from a hook. */
static gboolean
render_hook (GSignalInvocationHint *hint,
             guint                  n_params,
             const GValue          *params,
             gpointer               user_data)
{
  n_frames++;
  return TRUE;
}

static gboolean
done_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for (double seconds)
{
  gboolean done = FALSE;

  g_timeout_add ((guint) (seconds * 1000), done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
terminate_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_CONTINUE;
}

static int
run_window (KlStore    *store,
            const char *mode)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  gboolean terminated = FALSE;
  guint frames0;

  /* The headless session turns the toolkit's animations off; the spinner needs them. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);

  if (strcmp (mode, "spinner") == 0)
    {
      GtkWidget *spinner = gtk_spinner_new ();

      window = GTK_WINDOW (adw_window_new ());
      gtk_spinner_start (GTK_SPINNER (spinner));
      gtk_widget_set_size_request (spinner, 64, 64);
      adw_window_set_content (ADW_WINDOW (window), spinner);
    }
  else
    {
      g_autoptr(KlRoutine) routine = kl_store_get_routine (store, SLUG, &error);

      if (routine == NULL)
        g_error ("%s", error->message);
      window = GTK_WINDOW (kl_routine_player_new (NULL, store, routine));
    }

  gtk_window_set_default_size (window, 1280, 800);
  g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0, render_hook,
                              NULL, NULL);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  if (KL_IS_ROUTINE_PLAYER (window))
    {
      KlRoutineRunner *runner;

      gtk_widget_activate_action (GTK_WIDGET (window), "player.skip-rating", NULL);
      runner = _kl_routine_player_get_runner (KL_ROUTINE_PLAYER (window));
      /* Past the get-ready, into the breathing. */
      gtk_widget_activate_action (GTK_WIDGET (window), "player.skip", NULL);
      if (kl_routine_runner_get_state (runner) != KL_ROUTINE_RUNNER_RUNNING)
        g_error ("the player does not run");
      if (strcmp (mode, "paused") == 0)
        {
          wait_for (2);
          gtk_widget_activate_action (GTK_WIDGET (window), "player.toggle-pause", NULL);
          if (kl_routine_runner_get_state (runner) != KL_ROUTINE_RUNNER_PAUSED)
            g_error ("the player does not pause");
          /* Measured in the steady state: an idle thread of GLib's pool (from the store's
           * work in a thread at start) ends once, about 15 s after its last task. */
          wait_for (POOL_IDLE_S);
        }
    }

  wait_for (SETTLE_S);
  g_unix_signal_add (SIGTERM, terminate_cb, &terminated);
  frames0 = n_frames;
  printf ("ready\n");
  fflush (stdout);
  while (!terminated)
    g_main_context_iteration (NULL, TRUE);

  printf ("frames %u\n", n_frames - frames0);
  fflush (stdout);
  gtk_window_destroy (window);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;

  if (argc < 3 || (strcmp (argv[1], "drift") == 0 && argc < 5))
    {
      fprintf (stderr, "usage: %s drift DIR SECONDS SCALE | breathe|paused|spinner DIR\n",
               argv[0]);
      return 2;
    }

  if (!(store = kl_store_open (argv[2], &error)))
    g_error ("%s", error->message);

  if (strcmp (argv[1], "drift") == 0)
    return run_drift (store, g_ascii_strtod (argv[3], NULL), g_ascii_strtod (argv[4], NULL));

  gtk_init ();
  adw_init ();
  return run_window (store, argv[1]);
}
