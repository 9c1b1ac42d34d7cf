/* kl-screening-dialog.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-screening-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kl-body-regions.h"
#include "kl-screening-dialog.h"

/* The questions of CONTENT.md "Safety". Which routines a "yes" warns about is kept simple on
 * purpose: every deep-pressure reason warns on every tennis-ball routine, and a suspected clot
 * warns on any ball or heat-and-cold routine that works on the lower leg (calf or shin), where
 * pressure or heat could move a clot. */
typedef struct
{
  const char *id;
  const char *question;
  const char *warning;
  gboolean    lower_leg_only;
} Question;

static const Question questions[] = {
  { "blood-thinners", N_("Do you take blood thinners or have a bleeding disorder?"),
    N_("You said you take blood thinners or have a bleeding disorder: press gently or skip deep "
       "pressure, and ask your doctor."), FALSE },
  { "osteoporosis", N_("Do you have osteoporosis?"),
    N_("You said you have osteoporosis: press gently, never on bone, and ask your doctor."),
    FALSE },
  { "recent-surgery", N_("Have you had surgery in the last few months?"),
    N_("You said you had surgery recently: keep well away from the scar and the operated area, "
       "and ask your surgeon first."), FALSE },
  { "tumour", N_("Do you have a tumour, or are you being treated for cancer?"),
    N_("You said you have a tumour: skip deep pressure and ask your doctor first."), FALSE },
  { "pregnancy", N_("Are you pregnant?"),
    N_("You said you are pregnant: press gently, avoid the belly and lower back, and ask your "
       "midwife or doctor."), FALSE },
  { "blood-clot", N_("Might you have a blood clot, or have you had one recently?"),
    N_("You said you might have a blood clot: do not press, roll or heat the lower leg — see a "
       "doctor first."), TRUE },
};

static const char * const lower_leg_bases[] = {
  "gastrocnemius", "soleus", "tibialis-anterior", NULL,
};

struct _KlScreeningDialog
{
  AdwWindow            parent_instance;

  KlStore             *store;
  GtkToggleButton     *yes_buttons[G_N_ELEMENTS (questions)];
  GtkToggleButton     *no_buttons[G_N_ELEMENTS (questions)];

  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *questions_group;
};

G_DEFINE_FINAL_TYPE (KlScreeningDialog, kl_screening_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
kl_screening_is_unanswered (KlStore   *store,
                            gboolean  *out_unanswered,
                            GError   **error)
{
  g_return_val_if_fail (KL_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_unanswered != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    {
      KlScreeningAnswer answer;

      if (!kl_store_get_screening_answer (store, questions[i].id, &answer, NULL, error))
        return FALSE;
      if (answer != KL_SCREENING_UNANSWERED)
        {
          *out_unanswered = FALSE;
          return TRUE;
        }
    }

  *out_unanswered = TRUE;
  return TRUE;
}

static gboolean
works_on_lower_leg (KlRoutine *routine)
{
  const char * const *regions = kl_routine_get_regions (routine);

  for (guint i = 0; regions != NULL && regions[i] != NULL; i++)
    {
      const KlBodyRegion *region = kl_body_regions_lookup (regions[i]);

      if (region != NULL && g_strv_contains (lower_leg_bases, region->base))
        return TRUE;
    }

  return FALSE;
}

GPtrArray *
kl_screening_dup_warnings (KlStore    *store,
                           KlRoutine  *routine,
                           GError    **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  KlRoutineKind kind;

  g_return_val_if_fail (KL_IS_STORE (store), NULL);
  g_return_val_if_fail (KL_IS_ROUTINE (routine), NULL);

  kind = kl_routine_get_kind (routine);
  if (kind != KL_ROUTINE_KIND_BALL && kind != KL_ROUTINE_KIND_THERMAL)
    return g_steal_pointer (&warnings);

  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    {
      KlScreeningAnswer answer;

      if (questions[i].lower_leg_only ? !works_on_lower_leg (routine)
                                      : kind != KL_ROUTINE_KIND_BALL)
        continue;
      if (!kl_store_get_screening_answer (store, questions[i].id, &answer, NULL, error))
        return NULL;
      if (answer == KL_SCREENING_YES)
        g_ptr_array_add (warnings, g_strdup (_(questions[i].warning)));
    }

  return g_steal_pointer (&warnings);
}

static void
save_clicked_cb (KlScreeningDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    {
      g_autoptr(GError) error = NULL;
      KlScreeningAnswer answer = KL_SCREENING_UNANSWERED;

      if (gtk_toggle_button_get_active (self->yes_buttons[i]))
        answer = KL_SCREENING_YES;
      else if (gtk_toggle_button_get_active (self->no_buttons[i]))
        answer = KL_SCREENING_NO;
      else
        continue;

      if (!kl_store_set_screening_answer (self->store, questions[i].id, answer, &error))
        {
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
          return;
        }
    }

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static GtkToggleButton *
answer_button (const char      *label,
               const char      *accessible_label,
               GtkToggleButton *group)
{
  GtkWidget *button = gtk_toggle_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);

  return GTK_TOGGLE_BUTTON (button);
}

static void
add_questions (KlScreeningDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *yes_label = NULL;
      g_autofree char *no_label = NULL;
      const char *question = _(questions[i].question);
      KlScreeningAnswer answer = KL_SCREENING_UNANSWERED;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), question);
      gtk_widget_add_css_class (box, "linked");
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

      /* Translators: the accessible name of an answer button; %s is the question */
      no_label = g_strdup_printf (_("No: %s"), question);
      /* Translators: the accessible name of an answer button; %s is the question */
      yes_label = g_strdup_printf (_("Yes: %s"), question);
      self->no_buttons[i] = answer_button (_("No"), no_label, NULL);
      self->yes_buttons[i] = answer_button (_("Yes"), yes_label, self->no_buttons[i]);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->no_buttons[i]));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->yes_buttons[i]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      adw_preferences_group_add (self->questions_group, row);

      if (!kl_store_get_screening_answer (self->store, questions[i].id, &answer, NULL, &error))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      else if (answer == KL_SCREENING_YES)
        gtk_toggle_button_set_active (self->yes_buttons[i], TRUE);
      else if (answer == KL_SCREENING_NO)
        gtk_toggle_button_set_active (self->no_buttons[i], TRUE);
    }
}

static void
kl_screening_dialog_dispose (GObject *object)
{
  KlScreeningDialog *self = KL_SCREENING_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_SCREENING_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_screening_dialog_parent_class)->dispose (object);
}

static void
kl_screening_dialog_class_init (KlScreeningDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_screening_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/knotless/Knotless/kl-screening-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KlScreeningDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KlScreeningDialog, questions_group);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kl_screening_dialog_init (KlScreeningDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

KlScreeningDialog *
kl_screening_dialog_new (KlStore *store)
{
  KlScreeningDialog *self;

  g_return_val_if_fail (KL_IS_STORE (store), NULL);

  self = g_object_new (KL_TYPE_SCREENING_DIALOG, NULL);
  self->store = g_object_ref (store);
  add_questions (self);

  return self;
}
