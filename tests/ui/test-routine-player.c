/* test-routine-player.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "kl-countdown-ring.h"
#include "kl-routine-player-private.h"
#include "kl-store.h"
#include "kl-test-utils.h"

#define FRAME_TIMEOUT 5           /* seconds to wait for a window to show */

typedef struct
{
  char            *data_dir;
  KlStore         *store;
  KlRoutinePlayer *player;
  gint64           now_us;        /* the fake clock */
} Fixture;

static gint64
fake_clock (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->now_us;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->data_dir = g_dir_make_tmp ("knotless-player-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = kl_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  fixture->now_us = 1000 * G_USEC_PER_SEC;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->player != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->player));
  g_clear_object (&fixture->player);
  g_clear_object (&fixture->store);
  kl_test_remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
}

static gboolean
timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_mapped (GtkWidget *widget)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (FRAME_TIMEOUT, timed_out_cb, &timed_out);

  while (!gtk_widget_get_mapped (widget) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
open_player (Fixture    *fixture,
             const char *slug)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlRoutine) routine = kl_store_get_routine (fixture->store, slug, &error);

  g_assert_no_error (error);
  fixture->player = g_object_ref_sink (kl_routine_player_new (NULL, fixture->store, routine));
  _kl_routine_player_set_clock (fixture->player, fake_clock, fixture);
  gtk_window_present (GTK_WINDOW (fixture->player));
  wait_mapped (GTK_WIDGET (fixture->player));
}

static GObject *
part (Fixture    *fixture,
      const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->player),
                                                   KL_TYPE_ROUTINE_PLAYER, name);

  g_assert_nonnull (object);
  return object;
}

static const char *
label (Fixture    *fixture,
       const char *name)
{
  return gtk_label_get_label (GTK_LABEL (part (fixture, name)));
}

static gboolean
shown (Fixture    *fixture,
       const char *name)
{
  return gtk_widget_get_visible (GTK_WIDGET (part (fixture, name)));
}

static const char *
page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (part (fixture, "stack")));
}

static const char *
ring_text (Fixture *fixture)
{
  return kl_countdown_ring_get_text (KL_COUNTDOWN_RING (part (fixture, "ring")));
}

static gboolean
ring_breath (Fixture *fixture)
{
  return kl_countdown_ring_get_breath (KL_COUNTDOWN_RING (part (fixture, "ring")));
}

/* The clock moved on by @seconds, and the player shows it. */
static void
advance (Fixture *fixture,
         double   seconds)
{
  fixture->now_us += (gint64) (seconds * G_USEC_PER_SEC);
  _kl_routine_player_update (fixture->player);
}

static void
rate (Fixture    *fixture,
      const char *box,
      int         pain)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (part (fixture, box)));

  for (int i = 0; i < pain; i++)
    button = gtk_widget_get_next_sibling (button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->player), action, NULL));
}

static KlSession *
stored_session (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  KlSession *session = _kl_routine_player_get_session (fixture->player);
  KlSession *stored;

  g_assert_nonnull (session);
  stored = kl_store_get_session (fixture->store, kl_session_get_id (session), &error);
  g_assert_no_error (error);
  return stored;
}

/* Sigh reset to the end: before, get-ready, every breathing phase, a pause, after. */
static void
test_breathing_to_the_end (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(KlSession) started = NULL;
  g_autoptr(KlSession) session = NULL;

  open_player (fixture, "sigh-reset");

  g_assert_cmpstr (page (fixture), ==, "before");
  g_assert_cmpstr (label (fixture, "name_label"), ==, "Sigh reset");
  g_assert_true (shown (fixture, "cautions_box"));
  g_assert_cmpstr (label (fixture, "cautions_label"), ==,
                   "If you feel dizzy, stop and breathe normally.");
  g_assert_cmpstr (label (fixture, "length_label"), ==, "0:30 · 1 step");
  /* A breathing routine works on no region, so there is no knot to pick. */
  g_assert_false (shown (fixture, "knot_list"));

  rate (fixture, "before_pain_box", 4);
  activate (fixture, "player.start");

  /* Stored as soon as the coach starts, with the rating before. */
  started = stored_session (fixture);
  g_assert_cmpint (kl_session_get_pain_before (started), ==, 4);
  g_assert_null (kl_session_get_ended (started));

  g_assert_cmpstr (page (fixture), ==, "coach");
  g_assert_cmpstr (label (fixture, "title_label"), ==, "Get ready");
  g_assert_cmpstr (label (fixture, "next_label"), ==, "Next: Physiological sigh");
  g_assert_true (g_str_has_prefix (label (fixture, "instruction_label"), "A quick breath in"));
  g_assert_false (ring_breath (fixture));
  g_assert_cmpstr (ring_text (fixture), ==, "5");

  advance (fixture, 2.5);
  g_assert_cmpstr (ring_text (fixture), ==, "3");

  /* Paused, the clock runs on but the routine does not. */
  activate (fixture, "player.toggle-pause");
  g_assert_true (shown (fixture, "paused_label"));
  g_assert_cmpstr (label (fixture, "paused_label"), ==, "Paused");
  advance (fixture, 60);
  g_assert_cmpstr (ring_text (fixture), ==, "3");
  g_assert_cmpstr (label (fixture, "title_label"), ==, "Get ready");
  activate (fixture, "player.toggle-pause");
  g_assert_false (shown (fixture, "paused_label"));

  advance (fixture, 2.7);   /* 0.2 s into the first sigh */
  g_assert_cmpstr (label (fixture, "title_label"), ==, "Physiological sigh");
  g_assert_true (ring_breath (fixture));
  g_assert_cmpstr (ring_text (fixture), ==, "Inhale");
  g_assert_cmpstr (label (fixture, "counter_label"), ==, "Breath 1 of 5");
  g_assert_cmpstr (label (fixture, "next_label"), ==, "Last one");
  g_assert_false (shown (fixture, "chart"));
  g_assert_false (shown (fixture, "ball_box"));

  advance (fixture, 1.0);   /* 1.2 s: the top-up */
  g_assert_cmpstr (ring_text (fixture), ==, "Inhale again");
  advance (fixture, 1.0);   /* 2.2 s: the long sigh out */
  g_assert_cmpstr (ring_text (fixture), ==, "Exhale");
  g_assert_cmpfloat (kl_countdown_ring_get_size (KL_COUNTDOWN_RING (part (fixture, "ring"))),
                     >, 0.5);
  advance (fixture, 2.5);   /* 4.7 s: the pause at the bottom */
  g_assert_cmpstr (ring_text (fixture), ==, "Hold");
  advance (fixture, 1.5);   /* 6.2 s: the second sigh */
  g_assert_cmpstr (ring_text (fixture), ==, "Inhale");
  g_assert_cmpstr (label (fixture, "counter_label"), ==, "Breath 2 of 5");

  advance (fixture, 24);    /* past the end */
  g_assert_cmpstr (page (fixture), ==, "after");
  g_assert_cmpstr (label (fixture, "outcome_label"), ==, "Well Done");

  /* Kept as completed before the rating after is given… */
  session = stored_session (fixture);
  g_assert_true (kl_session_get_completed (session));
  g_assert_nonnull (kl_session_get_ended (session));
  g_assert_cmpint (kl_session_get_stopped_at_step (session), ==, KL_SESSION_NO_STEP);
  /* The get-ready and the 30 s of sighs; the minute paused does not count. */
  g_assert_cmpuint (kl_session_get_active_seconds (session), ==, 35);
  g_clear_object (&session);

  /* …and the rating after added with Done. */
  rate (fixture, "after_pain_box", 2);
  activate (fixture, "player.done");
  session = stored_session (fixture);
  g_assert_true (kl_session_get_completed (session));
  g_assert_cmpint (kl_session_get_pain_before (session), ==, 4);
  g_assert_cmpint (kl_session_get_pain_after (session), ==, 2);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* Neck release: repetitions and their release, sides, the switch, skip and back, and a stop
 * that asks first. */
static void
test_stretch_skip_and_stop (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(KlSession) session = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *coach;

  open_player (fixture, "neck-release");
  g_assert_cmpstr (page (fixture), ==, "before");
  activate (fixture, "player.skip-rating");
  g_assert_cmpstr (page (fixture), ==, "coach");

  activate (fixture, "player.skip");
  g_assert_cmpstr (label (fixture, "title_label"), ==, "Chin tucks");
  g_assert_cmpstr (label (fixture, "counter_label"), ==, "1 of 5");
  g_assert_cmpstr (ring_text (fixture), ==, "3");
  g_assert_true (shown (fixture, "chart"));
  g_assert_false (shown (fixture, "phase_label"));
  advance (fixture, 3.5);
  g_assert_true (shown (fixture, "phase_label"));
  g_assert_cmpstr (label (fixture, "phase_label"), ==, "Release");

  /* Past the five chin tucks to the stretch on the left. */
  for (int i = 0; i < 5; i++)
    activate (fixture, "player.skip");
  g_assert_cmpstr (label (fixture, "title_label"), ==, "Upper-trapezius stretch");
  g_assert_cmpstr (label (fixture, "counter_label"), ==, "Left");
  g_assert_cmpstr (ring_text (fixture), ==, "30");
  g_assert_cmpstr (label (fixture, "next_label"), ==, "Next: Switch sides");

  coach = GTK_WIDGET (part (fixture, "coach_box"));
  g_assert_false (gtk_widget_has_css_class (coach, "switch"));
  advance (fixture, 30.5);
  g_assert_cmpstr (label (fixture, "title_label"), ==, "Switch sides");
  g_assert_true (gtk_widget_has_css_class (coach, "switch"));
  g_assert_cmpstr (label (fixture, "instruction_label"), ==, "Change to the other side.");

  activate (fixture, "player.skip");
  g_assert_false (gtk_widget_has_css_class (coach, "switch"));
  g_assert_cmpstr (label (fixture, "counter_label"), ==, "Right");
  activate (fixture, "player.back");
  g_assert_cmpstr (label (fixture, "title_label"), ==, "Switch sides");
  activate (fixture, "player.skip");

  /* Stop asks first, holding the routine still; keeping going carries on. */
  activate (fixture, "player.stop");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (kl_routine_runner_get_state (_kl_routine_player_get_runner (fixture->player)),
                   ==, KL_ROUTINE_RUNNER_PAUSED);
  adw_message_dialog_response (dialog, "continue");
  g_assert_cmpint (kl_routine_runner_get_state (_kl_routine_player_get_runner (fixture->player)),
                   ==, KL_ROUTINE_RUNNER_RUNNING);
  g_assert_cmpstr (page (fixture), ==, "coach");

  activate (fixture, "player.stop");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "stop");
  g_assert_cmpstr (page (fixture), ==, "after");
  g_assert_cmpstr (label (fixture, "outcome_label"), ==, "Stopped");

  session = stored_session (fixture);
  g_assert_false (kl_session_get_completed (session));
  g_assert_cmpint (kl_session_get_stopped_at_step (session), ==, 1);
  g_assert_cmpint (kl_session_get_pain_before (session), ==, KL_PAIN_NONE);
  g_assert_cmpint (kl_session_get_pain_after (session), ==, KL_PAIN_NONE);
}

/* Ball steps say where, how hard and what to avoid; the chart lights one side at a time. */
static void
test_ball (Fixture       *fixture,
           gconstpointer  user_data)
{
  open_player (fixture, "upper-trapezius-ball");
  activate (fixture, "player.skip-rating");
  activate (fixture, "player.skip");
  g_assert_true (shown (fixture, "ball_box"));
  g_assert_true (g_str_has_prefix (label (fixture, "placement_label"), "Where: "));
  g_assert_true (g_str_has_prefix (label (fixture, "pressure_label"), "Pressure: "));
  g_assert_true (g_str_has_prefix (label (fixture, "avoid_label"), "Avoid: "));
  g_assert_true (shown (fixture, "chart"));
}

static void
set_true (gboolean *done)
{
  *done = TRUE;
}

/* GdkSurface::render, emitted for a frame that draws something; GTK's own handler stops it,
 * so it is counted from a hook. */
static gboolean
render_hook (GSignalInvocationHint *hint,
             guint                  n_params,
             const GValue          *params,
             gpointer               user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

/* One frame of @widget's frame clock, whether or not anything asked to be drawn. */
static void
next_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean done = FALSE;
  gulong id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (set_true), &done);

  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

static void
count_update (guint *count)
{
  (*count)++;
}

/* Frame clock cycles in 150 ms of real time: the fake clock stands still meanwhile. */
static guint
frames_in_a_while (Fixture *fixture)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->player));
  guint count = 0;
  gboolean done = FALSE;
  gulong id = g_signal_connect_swapped (clock, "update", G_CALLBACK (count_update), &count);

  g_timeout_add_once (150, (GSourceOnceFunc) set_true, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  return count;
}

/* The frame clock runs while the disc grows or shrinks, and stops while the breath is held,
 * while paused, and when the window is not shown. */
static void
test_frames_only_while_moving (Fixture       *fixture,
                               gconstpointer  user_data)
{
  open_player (fixture, "box-breathing");
  activate (fixture, "player.skip-rating");
  advance (fixture, 5.5);   /* 0.5 s into the first breath in */
  g_assert_cmpstr (ring_text (fixture), ==, "Inhale");
  g_assert_cmpuint (frames_in_a_while (fixture), >, 0);

  advance (fixture, 4);     /* holding it */
  g_assert_cmpstr (ring_text (fixture), ==, "Hold");
  frames_in_a_while (fixture);  /* the word changed: drawn once */
  g_assert_cmpuint (frames_in_a_while (fixture), ==, 0);

  advance (fixture, 4);     /* out */
  g_assert_cmpstr (ring_text (fixture), ==, "Exhale");
  g_assert_cmpuint (frames_in_a_while (fixture), >, 0);

  activate (fixture, "player.toggle-pause");
  frames_in_a_while (fixture);  /* "Paused" shown, the button's icon changed */
  g_assert_cmpuint (frames_in_a_while (fixture), ==, 0);
  activate (fixture, "player.toggle-pause");
  g_assert_cmpuint (frames_in_a_while (fixture), >, 0);

  gtk_widget_set_visible (GTK_WIDGET (fixture->player), FALSE);
  g_assert_cmpuint (frames_in_a_while (fixture), ==, 0);
}

/* The ring redraws only when what it shows moves by a device pixel or more: the breathing disc's
 * edge, the arc's end. A frame drawn for less is a frame wasted. */
static void
test_ring_redraws (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *ring = kl_countdown_ring_new ();
  KlCountdownRing *self = KL_COUNTDOWN_RING (ring);
  guint signal_id = g_signal_lookup ("render", GDK_TYPE_SURFACE);
  guint redraws = 0;
  gulong hook;
  /* The disc's radius goes from 0.35 to all of (280 / 2 - 2) px: 0.65 × 138 ≈ 90 px. */
  const double disc_pixel = 1.0 / 90;
  /* The arc goes round a circle of (280 - 0.06 × 280) / 2 - 1 ≈ 130.6 px: 820 px. */
  const double arc_pixel = 1.0 / 820;

  gtk_widget_set_size_request (ring, 280, 280);
  gtk_window_set_child (GTK_WINDOW (window), ring);
  gtk_window_set_resizable (GTK_WINDOW (window), FALSE);
  gtk_window_present (GTK_WINDOW (window));
  wait_mapped (ring);
  g_assert_cmpint (gtk_widget_get_width (ring), ==, 280);
  g_assert_cmpint (gtk_widget_get_scale_factor (ring), ==, 1);
  hook = g_signal_add_emission_hook (signal_id, 0, render_hook, &redraws, NULL);

  /* As drawn: a disc at half size. */
  kl_countdown_ring_set_breath (self, TRUE);
  kl_countdown_ring_set_size (self, 0.5);
  next_frame (ring);
  next_frame (ring);
  redraws = 0;

  /* Frames of a slow breath: less than a pixel from what is drawn, then a pixel. */
  kl_countdown_ring_set_size (self, 0.5 + disc_pixel * 0.4);
  next_frame (ring);
  kl_countdown_ring_set_size (self, 0.5 + disc_pixel * 0.8);
  next_frame (ring);
  g_assert_cmpuint (redraws, ==, 0);
  kl_countdown_ring_set_size (self, 0.5 + disc_pixel * 1.2);
  next_frame (ring);
  g_assert_cmpuint (redraws, ==, 1);

  /* The arc the same way. */
  kl_countdown_ring_set_breath (self, FALSE);
  kl_countdown_ring_set_fraction (self, 0.25);
  next_frame (ring);
  redraws = 0;
  kl_countdown_ring_set_fraction (self, 0.25 + arc_pixel * 0.5);
  next_frame (ring);
  g_assert_cmpuint (redraws, ==, 0);
  kl_countdown_ring_set_fraction (self, 0.25 + arc_pixel * 1.5);
  next_frame (ring);
  g_assert_cmpuint (redraws, ==, 1);

  /* The end is shown however close it was. */
  kl_countdown_ring_set_fraction (self, 1.0 - arc_pixel * 0.1);
  next_frame (ring);
  redraws = 0;
  kl_countdown_ring_set_fraction (self, 1.0);
  next_frame (ring);
  g_assert_cmpuint (redraws, ==, 1);

  /* Words when they change, once. */
  kl_countdown_ring_set_text (self, "Inhale");
  next_frame (ring);
  kl_countdown_ring_set_text (self, "Inhale");
  next_frame (ring);
  g_assert_cmpuint (redraws, ==, 2);

  g_signal_remove_emission_hook (signal_id, hook);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The cues are heard, not seen; the test box has no sound card to complain about. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_boolean (settings, "mute-cues", TRUE);
  }

  g_test_add ("/routine-player/breathing-to-the-end", Fixture, NULL,
              fixture_set_up, test_breathing_to_the_end, fixture_tear_down);
  g_test_add ("/routine-player/stretch-skip-and-stop", Fixture, NULL,
              fixture_set_up, test_stretch_skip_and_stop, fixture_tear_down);
  g_test_add ("/routine-player/ball", Fixture, NULL,
              fixture_set_up, test_ball, fixture_tear_down);
  g_test_add_func ("/routine-player/ring-redraws", test_ring_redraws);
  g_test_add ("/routine-player/frames-only-while-moving", Fixture, NULL,
              fixture_set_up, test_frames_only_while_moving, fixture_tear_down);

  return g_test_run ();
}
