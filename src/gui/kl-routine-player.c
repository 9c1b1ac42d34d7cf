/* kl-routine-player.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-routine-player"

#include "config.h"

#include <glib/gi18n.h>
#include <gsound.h>

#include "kl-body-chart.h"
#include "kl-body-regions.h"
#include "kl-countdown-ring.h"
#include "kl-routine-player-private.h"

/* How big the breathing disc is at the end of the first breath in when a top-up follows. */
#define BREATH_BEFORE_TOP_UP 0.8

struct _KlRoutinePlayer
{
  AdwWindow          parent_instance;

  KlStore           *store;
  KlRoutine         *routine;
  KlRoutineRunner   *runner;
  KlSession         *session;
  GSettings         *settings;
  GSoundContext     *sound;
  GArray            *knot_ids;       /* gint64, parallel to knot_row's items after "None" */
  int                pain_before;
  int                pain_after;
  guint              inhibit_cookie;
  guint              tick_id;
  guint              timeout_id;
  guint              shown_segment;  /* G_MAXUINT before the first */
  gboolean           moving;         /* something on the coach moves with time */
  GdkSurface        *surface;        /* watched for being minimised */
  AdwMessageDialog  *stop_dialog;

  AdwWindowTitle    *window_title;
  GtkToggleButton   *mute_button;
  GtkStack          *stack;
  GtkLabel          *name_label;
  GtkLabel          *summary_label;
  GtkLabel          *length_label;
  GtkWidget         *cautions_box;
  GtkLabel          *cautions_label;
  GtkBox            *before_pain_box;
  GtkWidget         *knot_list;
  AdwComboRow       *knot_row;
  GtkLabel          *before_error_label;
  GtkWidget         *coach_box;
  GtkLabel          *title_label;
  GtkLabel          *instruction_label;
  KlCountdownRing   *ring;
  KlBodyChart       *chart;
  GtkLabel          *paused_label;
  GtkLabel          *phase_label;
  GtkLabel          *counter_label;
  GtkWidget         *ball_box;
  GtkLabel          *placement_label;
  GtkLabel          *pressure_label;
  GtkLabel          *avoid_label;
  GtkLabel          *next_label;
  GtkButton         *pause_button;
  GtkLabel          *outcome_label;
  GtkLabel          *outcome_detail_label;
  GtkBox            *after_pain_box;
  GtkLabel          *after_error_label;
  GtkWidget         *done_button;
};

G_DEFINE_FINAL_TYPE (KlRoutinePlayer, kl_routine_player, ADW_TYPE_WINDOW)

static void update (KlRoutinePlayer *self);

/* Sounds */

static void
sound_failed (KlRoutinePlayer *self,
              const GError    *error)
{
  g_autofree char *tooltip = g_strdup_printf (_("Sounds are not available: %s"), error->message);

  /* Said where the user looks for sound, once; the routine carries on silently. */
  g_clear_object (&self->sound);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mute_button), FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mute_button), tooltip);
}

static void
play_cue (KlRoutinePlayer    *self,
          const KlRoutineCue *cue)
{
  g_autoptr(GError) error = NULL;
  const char *event_id;
  const char *description;

  if (self->sound == NULL || g_settings_get_boolean (self->settings, "mute-cues"))
    return;

  /* Freedesktop sound theme events, each kind its own, so they can be told apart eyes closed. */
  switch (cue->kind)
    {
    case KL_ROUTINE_CUE_COUNTDOWN:
      event_id = "audio-volume-change";
      description = _("Countdown");
      break;
    case KL_ROUTINE_CUE_GO:
    case KL_ROUTINE_CUE_PHASE:
      event_id = "message-new-instant";
      description = _("Next phase");
      break;
    case KL_ROUTINE_CUE_SWITCH_SIDES:
      event_id = "bell";
      description = _("Switch sides");
      break;
    case KL_ROUTINE_CUE_DONE:
      event_id = "complete";
      description = _("Routine done");
      break;
    default:
      g_assert_not_reached ();
    }

  if (!gsound_context_play_simple (self->sound, NULL, &error,
                                   GSOUND_ATTR_EVENT_ID, event_id,
                                   GSOUND_ATTR_EVENT_DESCRIPTION, description,
                                   NULL))
    sound_failed (self, error);
}

static void
mute_toggled_cb (KlRoutinePlayer *self)
{
  gboolean muted = gtk_toggle_button_get_active (self->mute_button);

  gtk_button_set_icon_name (GTK_BUTTON (self->mute_button),
                            muted ? "audio-volume-muted-symbolic"
                                  : "audio-volume-high-symbolic");
}

/* Pain buttons, as in the check-in */

static void
pain_toggled_cb (GtkToggleButton *button,
                 int             *pain)
{
  if (gtk_toggle_button_get_active (button))
    *pain = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "pain"));
}

static void
build_pain_buttons (KlRoutinePlayer *self,
                    GtkBox          *box,
                    int             *pain)
{
  GtkToggleButton *first = NULL;

  for (int i = 0; i <= 10; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i);
      g_autofree char *class = g_strdup_printf ("pain-%d", i);
      g_autofree char *name = NULL;
      GtkWidget *button = gtk_toggle_button_new_with_label (number);

      if (i == 0)
        name = g_strdup (_("0, no pain"));
      else if (i == 10)
        name = g_strdup (_("10, worst pain you can imagine"));
      else
        name = g_strdup (number);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_add_css_class (button, class);
      g_object_set_data (G_OBJECT (button), "pain", GINT_TO_POINTER (i));
      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      else
        first = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (pain_toggled_cb), pain);
      gtk_box_append (box, button);
    }
}

/* Running */

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  update (KL_ROUTINE_PLAYER (widget));

  return G_SOURCE_CONTINUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  KlRoutinePlayer *self = user_data;

  self->timeout_id = 0;
  update (self);

  return G_SOURCE_REMOVE;
}

static gboolean
running (KlRoutinePlayer *self)
{
  return self->runner != NULL &&
         kl_routine_runner_get_state (self->runner) == KL_ROUTINE_RUNNER_RUNNING;
}

/* Whether the coach is on screen: mapped, and not minimised. */
static gboolean
seen (KlRoutinePlayer *self)
{
  return gtk_widget_get_mapped (GTK_WIDGET (self)) &&
         (self->surface == NULL ||
          (gdk_toplevel_get_state (GDK_TOPLEVEL (self->surface)) &
           GDK_TOPLEVEL_STATE_MINIMIZED) == 0);
}

static gboolean
wants_frames (KlRoutinePlayer *self)
{
  return running (self) && self->moving && seen (self);
}

/* The frame clock drives the drawing while the player is seen and something on it moves (the
 * ring's arc, the breathing disc growing or shrinking); a timeout at the next boundary or cue
 * keeps the cues on time and wakes it after a hold. Paused, neither runs. */
static void
schedule (KlRoutinePlayer *self)
{
  gint64 next_us;

  if (wants_frames (self))
    {
      if (self->tick_id == 0)
        self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
    }
  else if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (running (self) && (next_us = kl_routine_runner_get_next_change_us (self->runner)) >= 0)
    self->timeout_id = g_timeout_add ((guint) ((next_us + 999) / 1000), timeout_cb, self);
}

static void
uninhibit (KlRoutinePlayer *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->inhibit_cookie != 0 && app != NULL)
    gtk_application_uninhibit (app, self->inhibit_cookie);
  self->inhibit_cookie = 0;
}

static void
set_pause_button (KlRoutinePlayer *self,
                  gboolean         paused)
{
  const char *label = paused ? _("Resume") : _("Pause");

  gtk_button_set_icon_name (self->pause_button, paused ? "media-playback-start-symbolic"
                                                       : "media-playback-pause-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pause_button),
                               paused ? _("Resume (Space)") : _("Pause (Space)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->paused_label), paused);
}

static void
show_error (GtkLabel     *label,
            const GError *error)
{
  gtk_label_set_label (label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, error->message, -1);
}

/* The coach has ended, by reaching the end or being stopped: the session is finished now, so
 * that it is kept whatever happens to the rating after. */
static void
finish (KlRoutinePlayer *self)
{
  g_autoptr(GError) error = NULL;
  gboolean completed = kl_routine_runner_get_state (self->runner) == KL_ROUTINE_RUNNER_FINISHED;
  gint64 active_us = kl_routine_runner_get_active_us (self->runner);

  schedule (self);
  uninhibit (self);

  kl_session_set_completed (self->session, completed);
  if (!completed)
    {
      KlRoutineMoment moment;

      kl_routine_runner_get_moment (self->runner, &moment);
      kl_session_set_stopped_at_step (self->session, MAX (moment.segment->step, 0));
    }
  kl_session_set_active_seconds (self->session,
                                 (guint) ((active_us + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC));
  if (!kl_store_finish_session (self->store, self->session, &error))
    show_error (self->after_error_label, error);

  gtk_label_set_label (self->outcome_label, completed ? _("Well Done") : _("Stopped"));
  gtk_label_set_label (self->outcome_detail_label,
                       completed ? _("You finished the routine.")
                                 : _("What you did so far is kept."));
  gtk_stack_set_visible_child_name (self->stack, "after");
  gtk_widget_grab_focus (self->done_button);
}

static const char *
side_label (KlBodySide side)
{
  switch (side)
    {
    case KL_BODY_SIDE_LEFT:
      return _("Left");
    case KL_BODY_SIDE_RIGHT:
      return _("Right");
    case KL_BODY_SIDE_NONE:
    default:
      return NULL;
    }
}

static double
smooth (double t)
{
  return t * t * (3 - 2 * t);
}

/* How full the breathing disc is: growing on the breath in, still on a hold, emptying out. */
static double
breath_size (const KlRoutineStep   *step,
             const KlRoutineMoment *moment)
{
  double t = smooth (moment->phase_progress);
  double top = step->top_up_us > 0 ? BREATH_BEFORE_TOP_UP : 1.0;

  switch (moment->phase)
    {
    case KL_ROUTINE_PHASE_INHALE:
      return top * t;
    case KL_ROUTINE_PHASE_TOP_UP:
      return BREATH_BEFORE_TOP_UP + (1 - BREATH_BEFORE_TOP_UP) * t;
    case KL_ROUTINE_PHASE_HOLD_IN:
      return 1.0;
    case KL_ROUTINE_PHASE_EXHALE:
      return 1.0 - t;
    default:
      return 0.0;
    }
}

/* Labels are set only when their text changes: setting one asks for a new layout. */
static void
set_text (GtkLabel   *label,
          const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

/* What the chart lights: the step's regions, only the side being worked on. */
static void
show_regions (KlRoutinePlayer        *self,
              const KlRoutineSegment *segment,
              const KlRoutineStep    *step)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  const KlBodyRegion *first = NULL;

  for (guint i = 0; step != NULL && step->regions[i] != NULL; i++)
    {
      const KlBodyRegion *region = kl_body_regions_lookup (step->regions[i]);

      if (region == NULL ||
          (segment->side != KL_BODY_SIDE_NONE && region->side != KL_BODY_SIDE_NONE &&
           region->side != segment->side))
        continue;
      if (first == NULL)
        first = region;
      g_ptr_array_add (ids, (gpointer) region->id);
    }
  g_ptr_array_add (ids, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->chart), first != NULL);
  if (first != NULL)
    {
      kl_body_chart_set_view (self->chart, first->view);
      kl_body_chart_set_highlighted_regions (self->chart, (const char * const *) ids->pdata);
    }
}

static void
show_segment (KlRoutinePlayer        *self,
              const KlRoutineMoment  *moment,
              const KlRoutineStep    *step)
{
  const KlRoutineSegment *segment = moment->segment;
  gboolean is_switch = segment->kind == KL_ROUTINE_SEGMENT_SWITCH_SIDES;
  gboolean is_ball = step != NULL && step->kind == KL_ROUTINE_STEP_BALL &&
                     segment->kind == KL_ROUTINE_SEGMENT_STEP;
  const char *instruction = NULL;
  g_autofree char *next = NULL;

  switch (segment->kind)
    {
    case KL_ROUTINE_SEGMENT_GET_READY:
      /* Time to get into the first position. */
      if (moment->next != NULL && moment->next->step >= 0)
        instruction = kl_routine_get_step (self->routine, moment->next->step)->instruction;
      break;
    case KL_ROUTINE_SEGMENT_SWITCH_SIDES:
      instruction = _("Change to the other side.");
      break;
    case KL_ROUTINE_SEGMENT_REST:
      instruction = _("Relax and breathe.");
      break;
    case KL_ROUTINE_SEGMENT_STEP:
    default:
      instruction = step != NULL ? step->instruction : NULL;
      break;
    }

  set_text (self->title_label, segment->title);
  set_text (self->instruction_label, instruction != NULL ? instruction : "");
  gtk_widget_set_visible (GTK_WIDGET (self->instruction_label), instruction != NULL);

  if (is_switch)
    {
      gtk_widget_add_css_class (self->coach_box, "switch");
      gtk_widget_add_css_class (GTK_WIDGET (self->ring), "switch");
    }
  else
    {
      gtk_widget_remove_css_class (self->coach_box, "switch");
      gtk_widget_remove_css_class (GTK_WIDGET (self->ring), "switch");
    }

  gtk_widget_set_visible (self->ball_box, is_ball);
  if (is_ball)
    {
      g_autofree char *placement = g_strdup_printf (_("Where: %s"), step->placement);
      g_autofree char *pressure = g_strdup_printf (_("Pressure: %s"), step->pressure);
      g_autofree char *avoid = g_strdup_printf (_("Avoid: %s"), step->avoid);

      set_text (self->placement_label, placement);
      set_text (self->pressure_label, pressure);
      set_text (self->avoid_label, avoid);
    }

  next = moment->next_title != NULL ? g_strdup_printf (_("Next: %s"), moment->next_title)
                                    : g_strdup (_("Last one"));
  set_text (self->next_label, next);

  show_regions (self, segment, segment->kind == KL_ROUTINE_SEGMENT_STEP ? step : NULL);
}

static void
show_moment (KlRoutinePlayer       *self,
             const KlRoutineMoment *moment)
{
  const KlRoutineSegment *segment = moment->segment;
  const KlRoutineStep *step = segment->step >= 0 ? kl_routine_get_step (self->routine,
                                                                          segment->step)
                                                 : NULL;
  gboolean breathing = step != NULL && step->kind == KL_ROUTINE_STEP_BREATHING &&
                       segment->kind == KL_ROUTINE_SEGMENT_STEP;
  const char *phase = kl_routine_phase_get_label (moment->phase);
  g_autofree char *counter = NULL;

  if (moment->segment_index != self->shown_segment)
    {
      self->shown_segment = moment->segment_index;
      show_segment (self, moment, step);
    }

  kl_countdown_ring_set_breath (self->ring, breathing);
  if (breathing)
    {
      kl_countdown_ring_set_size (self->ring, breath_size (step, moment));
      kl_countdown_ring_set_text (self->ring, phase);
      counter = g_strdup_printf (_("Breath %u of %u"), moment->cycle, segment->n_cycles);
    }
  else
    {
      g_autofree char *seconds = g_strdup_printf ("%d", (int) ((moment->phase_remaining_us +
                                                                G_USEC_PER_SEC - 1) /
                                                               G_USEC_PER_SEC));
      const char *side = side_label (segment->side);

      kl_countdown_ring_set_fraction (self->ring, moment->phase_progress);
      kl_countdown_ring_set_text (self->ring, seconds);
      if (segment->kind == KL_ROUTINE_SEGMENT_STEP && segment->n_repetitions > 1 && side != NULL)
        /* TRANSLATORS: the side, the repetition and how many: "Left · 2 of 3" */
        counter = g_strdup_printf (_("%s · %u of %u"), side, segment->repetition,
                                   segment->n_repetitions);
      else if (segment->kind == KL_ROUTINE_SEGMENT_STEP && segment->n_repetitions > 1)
        counter = g_strdup_printf (_("%u of %u"), segment->repetition, segment->n_repetitions);
      else if (segment->kind == KL_ROUTINE_SEGMENT_STEP && side != NULL)
        counter = g_strdup (side);
    }

  set_text (self->counter_label, counter != NULL ? counter : "");
  gtk_widget_set_visible (GTK_WIDGET (self->counter_label), counter != NULL);

  /* A release within a step is named under the ring; the breath says its phase inside it. */
  gtk_widget_set_visible (GTK_WIDGET (self->phase_label),
                          !breathing && moment->phase == KL_ROUTINE_PHASE_RELEASE);
  if (moment->phase == KL_ROUTINE_PHASE_RELEASE)
    set_text (self->phase_label, phase);

  /* The disc stands still while the breath is held; the ring's arc always moves. */
  self->moving = !breathing || moment->phase == KL_ROUTINE_PHASE_INHALE ||
                 moment->phase == KL_ROUTINE_PHASE_TOP_UP ||
                 moment->phase == KL_ROUTINE_PHASE_EXHALE;
}

static void
update (KlRoutinePlayer *self)
{
  KlRoutineMoment moment;
  KlRoutineCue cue;

  /* Only the coach moves; asking the runner its state may itself notice the end. */
  if (self->session == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "coach") != 0)
    return;

  /* Reading the moment is what notices the end. */
  kl_routine_runner_get_moment (self->runner, &moment);
  while (kl_routine_runner_pop_cue (self->runner, &cue))
    play_cue (self, &cue);

  if (kl_routine_runner_get_state (self->runner) == KL_ROUTINE_RUNNER_FINISHED)
    {
      finish (self);
      return;
    }

  show_moment (self, &moment);
  if (self->timeout_id == 0 || (self->tick_id != 0) != wants_frames (self))
    schedule (self);
}

static void
start (KlRoutinePlayer *self,
       gboolean         rated)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlSession) session = kl_session_new (kl_routine_get_slug (self->routine));
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  guint knot = adw_combo_row_get_selected (self->knot_row);

  if (self->session != NULL)
    return;

  kl_session_set_pain_before (session, rated ? self->pain_before : KL_PAIN_NONE);
  if (knot != GTK_INVALID_LIST_POSITION && knot > 0 && knot <= self->knot_ids->len)
    kl_session_set_knot_id (session, g_array_index (self->knot_ids, gint64, knot - 1));

  if (!kl_store_add_session (self->store, session, &error))
    {
      show_error (self->before_error_label, error);
      return;
    }
  self->session = g_steal_pointer (&session);

  if (app != NULL)
    self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (self),
                                                    GTK_APPLICATION_INHIBIT_IDLE,
                                                    _("Playing a routine"));

  gtk_stack_set_visible_child_name (self->stack, "coach");
  kl_routine_runner_start (self->runner);
  gtk_widget_grab_focus (GTK_WIDGET (self->pause_button));
  update (self);
  schedule (self);
}

/* Actions */

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  start (KL_ROUTINE_PLAYER (widget), TRUE);
}

static void
skip_rating_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  start (KL_ROUTINE_PLAYER (widget), FALSE);
}

static gboolean
coaching (KlRoutinePlayer *self)
{
  KlRoutineRunnerState state = kl_routine_runner_get_state (self->runner);

  return state == KL_ROUTINE_RUNNER_RUNNING || state == KL_ROUTINE_RUNNER_PAUSED;
}

static void
pause_coach (KlRoutinePlayer *self)
{
  if (kl_routine_runner_pause (self->runner))
    {
      update (self);
      schedule (self);
      set_pause_button (self, TRUE);
    }
}

static void
resume_coach (KlRoutinePlayer *self)
{
  if (kl_routine_runner_resume (self->runner))
    {
      set_pause_button (self, FALSE);
      update (self);
      schedule (self);
    }
}

static void
toggle_pause_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KlRoutinePlayer *self = KL_ROUTINE_PLAYER (widget);

  if (kl_routine_runner_get_state (self->runner) == KL_ROUTINE_RUNNER_PAUSED)
    resume_coach (self);
  else
    pause_coach (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlRoutinePlayer *self = KL_ROUTINE_PLAYER (widget);

  if (kl_routine_runner_back (self->runner))
    {
      update (self);
      schedule (self);
    }
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlRoutinePlayer *self = KL_ROUTINE_PLAYER (widget);

  if (kl_routine_runner_skip (self->runner))
    {
      update (self);
      schedule (self);
    }
}

static void
stop_response_cb (KlRoutinePlayer  *self,
                  const char       *response,
                  AdwMessageDialog *dialog)
{
  gboolean was_running = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "was-running"));

  self->stop_dialog = NULL;
  if (!coaching (self))
    return;

  if (g_strcmp0 (response, "stop") == 0)
    {
      kl_routine_runner_stop (self->runner);
      finish (self);
    }
  else if (was_running)
    {
      resume_coach (self);
    }
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlRoutinePlayer *self = KL_ROUTINE_PLAYER (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean was_running;
  GtkWidget *dialog;

  if (g_strcmp0 (page, "before") == 0)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (g_strcmp0 (page, "after") == 0)
    {
      gtk_widget_activate_action (widget, "player.done", NULL);
      return;
    }
  if (!coaching (self) || self->stop_dialog != NULL)
    return;

  /* The routine holds still while the question is asked. */
  was_running = kl_routine_runner_get_state (self->runner) == KL_ROUTINE_RUNNER_RUNNING;
  pause_coach (self);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Stop the Routine?"),
                                   _("What you did so far is kept."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "continue", _("_Keep Going"),
                                    "stop", _("_Stop"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "stop",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  g_object_set_data (G_OBJECT (dialog), "was-running", GINT_TO_POINTER (was_running));
  g_signal_connect_object (dialog, "response", G_CALLBACK (stop_response_cb), self,
                           G_CONNECT_SWAPPED);
  self->stop_dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlRoutinePlayer *self = KL_ROUTINE_PLAYER (widget);
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    return;

  if (self->pain_after != KL_PAIN_NONE)
    {
      kl_session_set_pain_after (self->session, self->pain_after);
      if (!kl_store_finish_session (self->store, self->session, &error))
        {
          show_error (self->after_error_label, error);
          return;
        }
    }

  gtk_window_close (GTK_WINDOW (self));
}

/* Keys work on the coach whatever has the focus: it is followed from across the room. */
static gboolean
key_pressed_cb (KlRoutinePlayer       *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  const char *action = NULL;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  if (keyval == GDK_KEY_m || keyval == GDK_KEY_M)
    {
      GtkToggleButton *mute = self->mute_button;

      if (!gtk_widget_is_sensitive (GTK_WIDGET (mute)))
        return GDK_EVENT_PROPAGATE;
      gtk_toggle_button_set_active (mute, !gtk_toggle_button_get_active (mute));
      return GDK_EVENT_STOP;
    }

  if (keyval == GDK_KEY_Escape)
    action = "player.stop";
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "coach") != 0)
    return GDK_EVENT_PROPAGATE;
  else if (keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space)
    action = "player.toggle-pause";
  else if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
    action = "player.back";
  else if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right)
    action = "player.skip";
  else
    return GDK_EVENT_PROPAGATE;

  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
  return GDK_EVENT_STOP;
}

/* Setting up */

static void
set_routine (KlRoutinePlayer *self,
             KlRoutine       *routine)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) knots = NULL;
  g_autoptr(GtkStringList) knot_names = gtk_string_list_new (NULL);
  const char * const *regions = kl_routine_get_regions (routine);
  const char *cautions = kl_routine_get_cautions (routine);
  const char *summary = kl_routine_get_summary (routine);
  gint64 seconds = (kl_routine_get_duration_us (routine) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
  guint n_steps = kl_routine_get_n_steps (routine);
  g_autofree char *length = NULL;
  g_autofree char *duration = NULL;

  self->routine = g_object_ref (routine);
  self->runner = kl_routine_runner_new (routine);

  gtk_window_set_title (GTK_WINDOW (self), kl_routine_get_name (routine));
  adw_window_title_set_title (self->window_title, kl_routine_get_name (routine));
  gtk_label_set_label (self->name_label, kl_routine_get_name (routine));
  gtk_label_set_label (self->summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL && *summary != '\0');

  duration = g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
  /* TRANSLATORS: the routine's length (minutes:seconds) and its number of steps */
  length = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u step", "%s · %u steps",
                                         n_steps),
                            duration, n_steps);
  gtk_label_set_label (self->length_label, length);

  gtk_label_set_label (self->cautions_label, cautions != NULL ? cautions : "");
  gtk_widget_set_visible (self->cautions_box, cautions != NULL && *cautions != '\0');

  /* The user's knots where the routine works, to say which one it was for. */
  gtk_string_list_append (knot_names, _("None"));
  if (regions != NULL && regions[0] != NULL &&
      (knots = kl_store_list_knots (self->store, FALSE, &error)) == NULL)
    show_error (self->before_error_label, error);
  for (guint i = 0; knots != NULL && i < knots->len; i++)
    {
      KlKnot *knot = g_ptr_array_index (knots, i);
      const KlBodyRegion *region = kl_body_regions_lookup (kl_knot_get_region (knot));
      g_autofree char *name = NULL;
      gint64 id = kl_knot_get_id (knot);

      if (region == NULL || !g_strv_contains (regions, region->id))
        continue;

      name = kl_body_region_dup_label (region);
      gtk_string_list_append (knot_names, name);
      g_array_append_val (self->knot_ids, id);
    }
  adw_combo_row_set_model (self->knot_row, G_LIST_MODEL (knot_names));
  gtk_widget_set_visible (self->knot_list, self->knot_ids->len > 0);
}

KlRoutinePlayer *
kl_routine_player_new (GtkWindow *parent,
                       KlStore   *store,
                       KlRoutine *routine)
{
  KlRoutinePlayer *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KL_IS_STORE (store), NULL);
  g_return_val_if_fail (KL_IS_ROUTINE (routine), NULL);

  self = g_object_new (KL_TYPE_ROUTINE_PLAYER,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent)
                                                     : NULL,
                       NULL);
  self->store = g_object_ref (store);
  set_routine (self, routine);

  /* A full-window feel: as big as the window it plays over. */
  if (parent != NULL && gtk_widget_get_width (GTK_WIDGET (parent)) > 0)
    gtk_window_set_default_size (GTK_WINDOW (self),
                                 gtk_widget_get_width (GTK_WIDGET (parent)),
                                 gtk_widget_get_height (GTK_WIDGET (parent)));

  return self;
}

void
_kl_routine_player_set_clock (KlRoutinePlayer    *self,
                              KlRoutineClockFunc  clock,
                              gpointer            user_data)
{
  g_return_if_fail (KL_IS_ROUTINE_PLAYER (self));

  kl_routine_runner_set_clock (self->runner, clock, user_data);
}

void
_kl_routine_player_update (KlRoutinePlayer *self)
{
  g_return_if_fail (KL_IS_ROUTINE_PLAYER (self));

  update (self);
}

KlRoutineRunner *
_kl_routine_player_get_runner (KlRoutinePlayer *self)
{
  g_return_val_if_fail (KL_IS_ROUTINE_PLAYER (self), NULL);

  return self->runner;
}

KlSession *
_kl_routine_player_get_session (KlRoutinePlayer *self)
{
  g_return_val_if_fail (KL_IS_ROUTINE_PLAYER (self), NULL);

  return self->session;
}

static void
surface_state_cb (KlRoutinePlayer *self)
{
  schedule (self);
}

static void
kl_routine_player_map (GtkWidget *widget)
{
  KlRoutinePlayer *self = KL_ROUTINE_PLAYER (widget);

  GTK_WIDGET_CLASS (kl_routine_player_parent_class)->map (widget);

  /* Minimised, nothing is drawn: the frames stop, the cues go on. */
  self->surface = gtk_native_get_surface (GTK_NATIVE (self));
  if (self->surface != NULL)
    g_signal_connect_object (self->surface, "notify::state", G_CALLBACK (surface_state_cb), self,
                             G_CONNECT_SWAPPED);
  schedule (self);
}

static void
kl_routine_player_unmap (GtkWidget *widget)
{
  KlRoutinePlayer *self = KL_ROUTINE_PLAYER (widget);

  if (self->surface != NULL)
    g_signal_handlers_disconnect_by_func (self->surface, surface_state_cb, self);
  self->surface = NULL;

  GTK_WIDGET_CLASS (kl_routine_player_parent_class)->unmap (widget);

  schedule (self);
}

/* Closed while coaching: what was done is kept, as a stop. */
static gboolean
kl_routine_player_close_request (GtkWindow *window)
{
  KlRoutinePlayer *self = KL_ROUTINE_PLAYER (window);

  if (self->runner != NULL && self->session != NULL && coaching (self))
    {
      kl_routine_runner_stop (self->runner);
      finish (self);
    }
  uninhibit (self);

  return GTK_WINDOW_CLASS (kl_routine_player_parent_class)->close_request (window);
}

static void
kl_routine_player_dispose (GObject *object)
{
  KlRoutinePlayer *self = (KlRoutinePlayer *)object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  uninhibit (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_ROUTINE_PLAYER);

  G_OBJECT_CLASS (kl_routine_player_parent_class)->dispose (object);
}

static void
kl_routine_player_finalize (GObject *object)
{
  KlRoutinePlayer *self = (KlRoutinePlayer *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->routine);
  g_clear_object (&self->runner);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->sound);
  g_clear_pointer (&self->knot_ids, g_array_unref);

  G_OBJECT_CLASS (kl_routine_player_parent_class)->finalize (object);
}

static void
kl_routine_player_class_init (KlRoutinePlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kl_routine_player_dispose;
  object_class->finalize = kl_routine_player_finalize;
  widget_class->map = kl_routine_player_map;
  widget_class->unmap = kl_routine_player_unmap;
  window_class->close_request = kl_routine_player_close_request;

  g_type_ensure (KL_TYPE_COUNTDOWN_RING);
  g_type_ensure (KL_TYPE_BODY_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/kl-routine-player.ui");
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, window_title);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, mute_button);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, stack);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, name_label);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, length_label);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, cautions_box);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, cautions_label);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, before_pain_box);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, knot_list);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, knot_row);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, before_error_label);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, coach_box);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, title_label);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, instruction_label);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, ring);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, chart);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, paused_label);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, phase_label);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, counter_label);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, ball_box);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, placement_label);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, pressure_label);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, avoid_label);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, next_label);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, pause_button);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, outcome_detail_label);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, after_pain_box);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, after_error_label);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinePlayer, done_button);
  gtk_widget_class_bind_template_callback (widget_class, mute_toggled_cb);

  gtk_widget_class_install_action (widget_class, "player.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "player.skip-rating", NULL,
                                   skip_rating_action);
  gtk_widget_class_install_action (widget_class, "player.toggle-pause", NULL,
                                   toggle_pause_action);
  gtk_widget_class_install_action (widget_class, "player.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "player.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "player.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "player.done", NULL, done_action);
}

static void
kl_routine_player_init (KlRoutinePlayer *self)
{
  g_autoptr(GError) error = NULL;
  GtkEventController *keys;

  self->pain_before = KL_PAIN_NONE;
  self->pain_after = KL_PAIN_NONE;
  self->shown_segment = G_MAXUINT;
  self->knot_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  build_pain_buttons (self, self->before_pain_box, &self->pain_before);
  build_pain_buttons (self, self->after_pain_box, &self->pain_after);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "mute-cues", self->mute_button, "active",
                   G_SETTINGS_BIND_DEFAULT);
  mute_toggled_cb (self);

  self->sound = gsound_context_new (NULL, &error);
  if (self->sound == NULL)
    sound_failed (self, error);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
