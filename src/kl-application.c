/* kl-application.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-application"

#include "config.h"

#include <glib/gi18n.h>

#include "kl-application.h"
#include "kl-bench.h"
#include "kl-idle-monitor.h"
#include "kl-notifier.h"
#include "kl-preferences-window.h"
#include "kl-reminder-service.h"
#include "kl-window.h"

struct _KlApplication
{
  AdwApplication  parent_instance;

  char           *data_dir;

  KlStore        *store;
  GError         *store_error;
  /* The store's first reading, started with the application and overlapping GTK's start-up. */
  KlStorePrecheck *precheck;

  /* The break reminders, once the store is open. While any is on, the application is held, so
   * closing the window leaves them running until Quit. */
  KlReminderService *reminders;
  gboolean        held;
  gboolean        background;
};

G_DEFINE_FINAL_TYPE (KlApplication, kl_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATA_DIR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

KlApplication *
kl_application_new (const char *data_dir)
{
  g_autofree char *default_dir = kl_store_default_data_dir ();

  /* A database named with --data-dir gets its own instance, so the window of the user's own
   * journal is never silently shown in its place. */
  return g_object_new (KL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", data_dir != NULL ? G_APPLICATION_NON_UNIQUE
                                                 : G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PATH,
                       "data-dir", data_dir != NULL ? data_dir : default_dir,
                       NULL);
}

const char *
kl_application_get_data_dir (KlApplication *self)
{
  g_return_val_if_fail (KL_IS_APPLICATION (self), NULL);

  return self->data_dir;
}

KlStore *
kl_application_get_store (KlApplication *self)
{
  g_return_val_if_fail (KL_IS_APPLICATION (self), NULL);

  return self->store;
}

static void
backup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KlApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWindow *window;

  path = kl_store_backup_finish (KL_STORE (object), result, &error);
  if (error == NULL)
    {
      if (path != NULL)
        g_debug ("Backed up to %s", path);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (KL_IS_WINDOW (window))
    {
      g_autofree char *message = g_strdup_printf (_("Today’s backup failed: %s"), error->message);
      kl_window_show_toast (KL_WINDOW (window), message);
    }
  else
    g_printerr ("knotless: %s\n", error->message);
}

static void update_hold      (KlApplication *self);
static void ensure_reminders (KlApplication *self);

/* Opens the store if it is not open yet. A refusal is kept, for the window to explain. */
static gboolean
ensure_store (KlApplication *self)
{
  GAction *preferences = g_action_map_lookup_action (G_ACTION_MAP (self), "preferences");

  if (self->store != NULL)
    return TRUE;

  g_clear_error (&self->store_error);
  if (self->precheck != NULL)
    {
      self->store = kl_store_open_prechecked (self->precheck, &self->store_error);
      g_clear_pointer (&self->precheck, kl_store_precheck_free);
    }
  else
    self->store = kl_store_open (self->data_dir, &self->store_error);

  /* Preferences are about the open journal; there is none to show while it is refused. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (preferences), self->store != NULL);
  if (self->store == NULL)
    return FALSE;

  /* Once a day, off the main thread: the copy reads through its own connection. */
  kl_store_backup_async (self->store, FALSE, NULL, backup_cb, g_object_ref (self));
  return TRUE;
}

gboolean
kl_application_reopen_store (KlApplication  *self,
                             GError        **error)
{
  g_return_val_if_fail (KL_IS_APPLICATION (self), FALSE);

  /* The reminders read the store they were given: they start again on the new one. */
  g_clear_object (&self->reminders);
  g_clear_object (&self->store);
  if (!ensure_store (self))
    {
      update_hold (self);
      g_propagate_error (error, g_steal_pointer (&self->store_error));
      return FALSE;
    }
  ensure_reminders (self);

  return TRUE;
}

static KlWindow *
find_window (KlApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (KL_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static void
update_hold (KlApplication *self)
{
  gboolean hold = self->reminders != NULL && kl_reminder_service_has_enabled (self->reminders);

  if (hold && !self->held)
    g_application_hold (G_APPLICATION (self));
  else if (!hold && self->held)
    g_application_release (G_APPLICATION (self));
  self->held = hold;
}

void
kl_application_reload_reminders (KlApplication *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KL_IS_APPLICATION (self));

  if (self->reminders == NULL)
    return;

  if (!kl_reminder_service_reload (self->reminders, &error))
    {
      KlWindow *window = find_window (self);

      if (window != NULL)
        kl_window_show_toast (window, error->message);
      else
        g_printerr ("knotless: %s\n", error->message);
    }
  update_hold (self);
}

KlReminderService *
kl_application_get_reminders (KlApplication *self)
{
  g_return_val_if_fail (KL_IS_APPLICATION (self), NULL);

  return self->reminders;
}

void
kl_application_set_background (KlApplication *self,
                               gboolean       background)
{
  g_return_if_fail (KL_IS_APPLICATION (self));

  self->background = background;
}

/* Shows the window and passes @action_name on to it, with @parameter. */
static void
activate_in_window (KlApplication *self,
                    const char    *action_name,
                    GVariant      *parameter)
{
  /* Held here, so that a floating one is freed even when there is no window to take it. */
  g_autoptr(GVariant) held = parameter != NULL ? g_variant_ref_sink (parameter) : NULL;
  KlWindow *window;

  g_application_activate (G_APPLICATION (self));
  if ((window = find_window (self)) != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (window), action_name, held);
}

static void
reminder_open_cb (KlReminderService *service,
                  KlApplication     *self)
{
  /* A click on the notification itself: the window, on the Breaks page. */
  activate_in_window (self, "win.show-page", g_variant_new_string ("breaks"));
}

static void
reminder_start_cb (KlReminderService *service,
                   KlReminder        *reminder,
                   KlApplication     *self)
{
  const char *routine = kl_reminder_get_routine (reminder);

  if (kl_reminder_get_kind (reminder) == KL_REMINDER_KIND_CHECK_IN)
    g_action_group_activate_action (G_ACTION_GROUP (self), "check-in", NULL);
  else if (routine != NULL && g_action_map_lookup_action (G_ACTION_MAP (self), "play-routine"))
    g_action_group_activate_action (G_ACTION_GROUP (self), "play-routine",
                                    g_variant_new_string (routine));
  else
    g_application_activate (G_APPLICATION (self));
}

static void
toast_answer_clicked_cb (GtkButton *button,
                         AdwToast  *toast)
{
  GVariant *target = g_object_get_data (G_OBJECT (button), "kl-answer");

  g_action_group_activate_action (G_ACTION_GROUP (g_application_get_default ()),
                                  "reminder-answer", target);
  adw_toast_dismiss (toast);
}

static void
toast_main_clicked_cb (AdwToast *toast,
                       gpointer  user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (g_application_get_default ()),
                                  "reminder-answer",
                                  g_object_get_data (G_OBJECT (toast), "kl-answer"));
}

static GtkWidget *
toast_answer_button (AdwToast   *toast,
                     gint64      reminder_id,
                     const char *answer,
                     const char *label)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  g_object_set_data_full (G_OBJECT (button), "kl-answer",
                          g_variant_ref_sink (g_variant_new ("(xs)", reminder_id, answer)),
                          (GDestroyNotify) g_variant_unref);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", G_CALLBACK (toast_answer_clicked_cb), toast, 0);

  return button;
}

/* No notification server: the reminder as a toast with the notification's buttons. */
static void
reminder_in_app_cb (KlReminderService *service,
                    KlReminder        *reminder,
                    const char        *summary,
                    KlApplication     *self)
{
  gint64 id = kl_reminder_get_id (reminder);
  const char *label;
  const char *answer = kl_reminder_service_main_answer (reminder, &label);
  KlWindow *window;
  AdwToast *toast;
  GtkWidget *box;

  g_application_activate (G_APPLICATION (self));
  window = find_window (self);
  if (window == NULL)
    return;

  toast = adw_toast_new (summary);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, label);
  g_object_set_data_full (G_OBJECT (toast), "kl-answer",
                          g_variant_ref_sink (g_variant_new ("(xs)", id, answer)),
                          (GDestroyNotify) g_variant_unref);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (toast_main_clicked_cb), NULL);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), gtk_label_new (summary));
  gtk_box_append (GTK_BOX (box), toast_answer_button (toast, id, "snooze", _("Snooze 5 min")));
  gtk_box_append (GTK_BOX (box), toast_answer_button (toast, id, "skip", _("Skip")));
  adw_toast_set_custom_title (toast, box);

  kl_window_add_toast (window, toast);
}

static void
reminder_problem_cb (KlReminderService *service,
                     const char        *problem,
                     KlApplication     *self)
{
  g_autofree char *message = NULL;
  KlWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = find_window (self);
  message = g_strdup_printf (_("%s Reminders show in this window instead."), problem);
  if (window != NULL)
    kl_window_show_toast (window, message);
  g_printerr ("knotless: %s\n", message);
}

/* Starts the reminders once the store is open. */
static void
ensure_reminders (KlApplication *self)
{
  g_autoptr(KlNotifier) notifier = NULL;
  g_autoptr(KlIdleMonitor) idle_monitor = NULL;

  if (self->reminders != NULL || self->store == NULL)
    return;

  notifier = kl_notifier_new (_("Knotless"));
  idle_monitor = kl_idle_monitor_new ();
  if (!kl_idle_monitor_get_available (idle_monitor))
    g_debug ("No idle detection here: reminders follow plain intervals");

  self->reminders = kl_reminder_service_new (self->store, notifier, idle_monitor);
  g_signal_connect_object (self->reminders, "open", G_CALLBACK (reminder_open_cb), self, 0);
  g_signal_connect_object (self->reminders, "start", G_CALLBACK (reminder_start_cb), self, 0);
  g_signal_connect_object (self->reminders, "in-app", G_CALLBACK (reminder_in_app_cb), self, 0);
  g_signal_connect_object (self->reminders, "problem", G_CALLBACK (reminder_problem_cb), self, 0);

  kl_application_reload_reminders (self);
}

static void
kl_application_activate (GApplication *app)
{
  KlApplication *self = KL_APPLICATION (app);
  GtkWindow *window;

  if (self->background)
    {
      /* knotless --background: the reminders, no window. */
      self->background = FALSE;
      if (!ensure_store (self))
        {
          g_printerr ("knotless: %s\n", self->store_error->message);
          return;
        }
      ensure_reminders (self);
      if (!self->held)
        g_printerr ("%s\n", _("knotless: no reminders are on, so there is nothing to run in the "
                              "background."));
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      window = GTK_WINDOW (kl_window_new (self));

      if (ensure_store (self))
        {
          kl_window_set_store (KL_WINDOW (window), self->store);
          ensure_reminders (self);
        }
      else
        kl_window_show_store_problem (KL_WINDOW (window), self->data_dir, self->store_error);

      kl_bench_watch_first_frame (window);
    }

  gtk_window_present (window);
}

static void
kl_application_finalize (GObject *object)
{
  KlApplication *self = (KlApplication *)object;

  g_clear_object (&self->reminders);
  g_clear_pointer (&self->precheck, kl_store_precheck_free);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (kl_application_parent_class)->finalize (object);
}

static void
kl_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KlApplication *self = KL_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KlApplication *self = KL_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      self->data_dir = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_application_startup (GApplication *app)
{
  KlApplication *self = KL_APPLICATION (app);

  /* Only the instance that will show the window or run the reminders gets here. */
  if (self->store == NULL && self->precheck == NULL)
    self->precheck = kl_store_precheck_start (self->data_dir);

  G_APPLICATION_CLASS (kl_application_parent_class)->startup (app);
}

static void
kl_application_class_init (KlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = kl_application_finalize;
  object_class->get_property = kl_application_get_property;
  object_class->set_property = kl_application_set_property;

  app_class->startup = kl_application_startup;
  app_class->activate = kl_application_activate;

  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kl_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  static const char *developers[] = { "The Knotless developers", NULL };
  KlApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwAboutWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-name", _("Knotless"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Knotless developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("A pain journal and self-massage coach for muscle knots. "
                                      "Everything stays on this computer."),
                        "copyright", "© 2026 The Knotless developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);

  adw_about_window_add_legal_section (about,
                                      _("Not medical advice"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("Knotless helps you keep track of muscle knots and "
                                        "follow gentle routines. It does not diagnose or treat "
                                        "any condition. See a doctor for pain that is severe, "
                                        "getting worse, or not improving after about two weeks."));
  adw_about_window_add_acknowledgement_section (about,
                                                _("Content sources"),
                                                (const char *[]) {
                                                  "Travell &amp; Simons, Myofascial Pain and Dysfunction",
                                                  "Farrar et al., Pain (2001)",
                                                  "Bandy &amp; Irion, Physical Therapy (1994)",
                                                  "ACSM’s Guidelines for Exercise Testing and Prescription",
                                                  "Balban et al., Cell Reports Medicine (2023)",
                                                  "Cochrane review CD012886 (2019)",
                                                  NULL
                                                });

  gtk_window_present (GTK_WINDOW (about));
}

static void
kl_application_preferences_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  KlApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  KlPreferencesWindow *preferences;

  g_assert (self->store != NULL);

  preferences = kl_preferences_window_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), window);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
open_folder_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KlApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (g_app_info_launch_default_for_uri_finish (result, &error))
    return;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (KL_IS_WINDOW (window))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the data folder: %s"),
                                                  error->message);
      kl_window_show_toast (KL_WINDOW (window), message);
    }
}

static void
kl_application_open_data_folder_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  KlApplication *self = user_data;
  g_autoptr(GFile) folder = g_file_new_for_path (kl_application_get_data_dir (self));
  g_autofree char *uri = g_file_get_uri (folder);

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, open_folder_cb, g_object_ref (self));
}

static void
kl_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  KlApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing each window first lets it save its size. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);

  g_application_quit (G_APPLICATION (self));
}

/* "Log now": from the Journal's button, Ctrl+N, and the daily reminder's notification. */
static void
kl_application_check_in_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  KlApplication *self = user_data;

  g_application_activate (G_APPLICATION (self));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (KL_IS_WINDOW (l->data))
      {
        kl_window_check_in (l->data);
        return;
      }
}

static void
kl_application_reminder_answer_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  KlApplication *self = user_data;
  gint64 id;
  const char *answer;

  if (self->reminders == NULL)
    return;

  g_variant_get (parameter, "(x&s)", &id, &answer);
  g_debug ("Answer %s to reminder %" G_GINT64_FORMAT, answer, id);
  kl_reminder_service_answer (self->reminders, id, answer);
}

/* A routine by slug, in the window: for notifications and anything outside the window. */
static void
kl_application_play_routine_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  activate_in_window (user_data, "win.play-routine", parameter);
}

/* The same with a length, in µs: "(sx)", one of the routine's lengths. */
static void
kl_application_play_routine_length_action (GSimpleAction *action,
                                           GVariant      *parameter,
                                           gpointer       user_data)
{
  activate_in_window (user_data, "win.play-routine-length", parameter);
}

static const GActionEntry app_actions[] = {
  { "reminder-answer", kl_application_reminder_answer_action, "(xs)" },
  { "quit", kl_application_quit_action },
  { "about", kl_application_about_action },
  { "preferences", kl_application_preferences_action },
  { "check-in", kl_application_check_in_action },
  { "open-data-folder", kl_application_open_data_folder_action },
  { "play-routine", kl_application_play_routine_action, "s" },
  { "play-routine-length", kl_application_play_routine_length_action, "(sx)" },
};

static void
kl_application_init (KlApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "app.quit",
                                         (const char *[]) { "<primary>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "app.check-in",
                                         (const char *[]) { "<primary>n", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "app.preferences",
                                         (const char *[]) { "<primary>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "window.close",
                                         (const char *[]) { "<primary>w", NULL });
}
