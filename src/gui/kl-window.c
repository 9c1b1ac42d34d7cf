/* kl-window.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kl-body-page.h"
#include "kl-breaks-page.h"
#include "kl-export-dialog.h"
#include "kl-import-dialog.h"
#include "kl-journal-page.h"
#include "kl-routine-player.h"
#include "kl-routines-page.h"
#include "kl-store-problem-page.h"
#include "kl-welcome-page.h"
#include "kl-window.h"

struct _KlWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  KlStore              *store;
  char                 *problem_data_dir;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  KlBodyPage           *body_page;
  AdwBin               *journal_bin;
  AdwBin               *routines_bin;
  AdwBin               *breaks_bin;
  KlJournalPage        *journal_page;    /* built when first needed */
  KlRoutinesPage       *routines_page;   /* built when first needed */
  KlBreaksPage         *breaks_page;     /* built when first needed */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  guint                 switcher_bar_idle;

  /* The routine playing, if any: one at a time. */
  GtkWindow            *player;

  /* Made when first needed: most starts show neither. */
  GtkWidget            *welcome_page;
  GtkWidget            *problem_page;
};

G_DEFINE_FINAL_TYPE (KlWindow, kl_window, ADW_TYPE_APPLICATION_WINDOW)

KlWindow *
kl_window_new (KlApplication *application)
{
  g_return_val_if_fail (KL_IS_APPLICATION (application), NULL);

  return g_object_new (KL_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

void
kl_window_show_toast (KlWindow   *self,
                      const char *message)
{
  AdwToast *toast;

  g_return_if_fail (KL_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* What failed, told where the user is looking: a toast in the window that shows @widget. */
void
kl_window_report_error (GtkWidget    *widget,
                        const GError *error)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  root = gtk_widget_get_root (widget);
  if (KL_IS_WINDOW (root))
    kl_window_show_toast (KL_WINDOW (root), error->message);
  else
    g_printerr ("knotless: %s\n", error->message);
}

void
kl_window_add_toast (KlWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (KL_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The Journal, Routines and Breaks pages are built the first time they are shown or needed, so the
 * window's first frame only pays for the Body page. */
static KlJournalPage *
ensure_journal_page (KlWindow *self)
{
  if (self->journal_page == NULL)
    {
      self->journal_page = KL_JOURNAL_PAGE (kl_journal_page_new ());
      if (self->store != NULL)
        kl_journal_page_set_store (self->journal_page, self->store);
      adw_bin_set_child (self->journal_bin, GTK_WIDGET (self->journal_page));
    }

  return self->journal_page;
}

static KlRoutinesPage *
ensure_routines_page (KlWindow *self)
{
  if (self->routines_page == NULL)
    {
      self->routines_page = KL_ROUTINES_PAGE (kl_routines_page_new ());
      if (self->store != NULL)
        kl_routines_page_set_store (self->routines_page, self->store);
      adw_bin_set_child (self->routines_bin, GTK_WIDGET (self->routines_page));
    }

  return self->routines_page;
}

static void
ensure_breaks_page (KlWindow *self)
{
  if (self->breaks_page == NULL)
    {
      self->breaks_page = KL_BREAKS_PAGE (kl_breaks_page_new ());
      if (self->store != NULL)
        kl_breaks_page_set_store (self->breaks_page, self->store);
      adw_bin_set_child (self->breaks_bin, GTK_WIDGET (self->breaks_page));
    }
}

/* Ctrl+N is a new check-in, but a new routine on the Routines page: the accelerators follow
 * the page. */
static void
update_ctrl_n (KlWindow *self)
{
  static const char * const ctrl_n[] = { "<primary>n", NULL };
  static const char * const none[] = { NULL };
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  gboolean routines = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack),
                                 "routines") == 0;

  if (application == NULL)
    return;

  gtk_application_set_accels_for_action (application, "win.new-routine",
                                         routines ? ctrl_n : none);
  gtk_application_set_accels_for_action (application, "app.check-in", routines ? none : ctrl_n);
}

static void
page_changed_cb (KlWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "journal") == 0)
    ensure_journal_page (self);
  else if (g_strcmp0 (name, "routines") == 0)
    ensure_routines_page (self);
  else if (g_strcmp0 (name, "breaks") == 0)
    ensure_breaks_page (self);

  update_ctrl_n (self);
}

/* A new check-in over whatever page is showing, once the journal is open and the welcome read. */
void
kl_window_check_in (KlWindow *self)
{
  g_return_if_fail (KL_IS_WINDOW (self));

  if (self->store == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "content") != 0)
    return;

  kl_journal_page_check_in (ensure_journal_page (self));
}

void
kl_window_show_welcome (KlWindow *self)
{
  g_return_if_fail (KL_IS_WINDOW (self));

  if (self->welcome_page == NULL)
    {
      self->welcome_page = kl_welcome_page_new ();
      gtk_stack_add_named (self->main_stack, self->welcome_page, "welcome");
    }

  gtk_stack_set_visible_child (self->main_stack, self->welcome_page);
  gtk_widget_grab_focus (self->welcome_page);
}

void
kl_window_set_store (KlWindow *self,
                     KlStore  *store)
{
  g_autoptr(GError) error = NULL;
  gboolean acknowledged = FALSE;

  g_return_if_fail (KL_IS_WINDOW (self));
  g_return_if_fail (KL_IS_STORE (store));

  g_set_object (&self->store, store);
  g_clear_pointer (&self->problem_data_dir, g_free);
  kl_body_page_set_store (self->body_page, store);
  if (self->journal_page != NULL)
    kl_journal_page_set_store (self->journal_page, store);
  if (self->routines_page != NULL)
    kl_routines_page_set_store (self->routines_page, store);
  if (self->breaks_page != NULL)
    kl_breaks_page_set_store (self->breaks_page, store);

  if (!kl_store_is_acknowledged (store, KL_ACK_WELCOME, &acknowledged, &error))
    {
      /* Better to show the safety text once too often than never. */
      kl_window_show_toast (self, error->message);
      acknowledged = FALSE;
    }

  if (acknowledged)
    gtk_stack_set_visible_child_name (self->main_stack, "content");
  else
    kl_window_show_welcome (self);
}

static gboolean
has_backup (const char *data_dir)
{
  g_autoptr(GPtrArray) backups = kl_store_list_backups (data_dir, NULL);

  return backups != NULL && backups->len > 0;
}

void
kl_window_show_store_problem (KlWindow     *self,
                              const char   *data_dir,
                              const GError *error)
{
  gboolean recoverable;
  gboolean backup_exists;

  g_return_if_fail (KL_IS_WINDOW (self));
  g_return_if_fail (data_dir != NULL);
  g_return_if_fail (error != NULL);

  g_clear_object (&self->store);
  g_free (self->problem_data_dir);
  self->problem_data_dir = g_strdup (data_dir);

  /* Moving aside a file of a newer version, or one we could not even read, would only hide it. */
  recoverable = g_error_matches (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_DATABASE) ||
                g_error_matches (error, KL_STORE_ERROR, KL_STORE_ERROR_DAMAGED);
  backup_exists = recoverable && has_backup (data_dir);

  if (self->problem_page == NULL)
    {
      self->problem_page = kl_store_problem_page_new ();
      gtk_stack_add_named (self->main_stack, self->problem_page, "problem");
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup", backup_exists);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-fresh", recoverable);
  gtk_stack_set_visible_child (self->main_stack, self->problem_page);
  kl_store_problem_page_set_problem (KL_STORE_PROBLEM_PAGE (self->problem_page),
                                     error, recoverable, backup_exists);
}

static void
reopen_after_recovery (KlWindow   *self,
                       const char *moved_to,
                       const char *done_message)
{
  KlApplication *app = KL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!kl_application_reopen_store (app, &error))
    {
      kl_window_show_store_problem (self, kl_application_get_data_dir (app), error);
      return;
    }

  kl_window_set_store (self, kl_application_get_store (app));

  if (moved_to != NULL)
    {
      g_autofree char *name = g_path_get_basename (moved_to);
      message = g_strdup_printf (_("%s The old file was kept as “%s”."), done_message, name);
    }
  kl_window_show_toast (self, message != NULL ? message : done_message);
}

static void
kl_window_restore_backup_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  KlWindow *self = KL_WINDOW (widget);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (self->problem_data_dir != NULL);

  backups = kl_store_list_backups (self->problem_data_dir, &error);

  /* Newest first; an unusable backup is skipped for the one before it. */
  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      const char *backup = g_ptr_array_index (backups, i);
      g_autofree char *moved_to = NULL;
      g_autofree char *done = NULL;
      g_autofree char *name = g_path_get_basename (backup);

      g_clear_error (&error);
      if (kl_store_restore_backup (self->problem_data_dir, backup, &moved_to, &error))
        {
          done = g_strdup_printf (_("Restored the backup “%s”."), name);
          reopen_after_recovery (self, moved_to, done);
          return;
        }

      /* Once the refused file has been moved aside, an error here is about the backup. */
      if (!g_error_matches (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_DATABASE) &&
          !g_error_matches (error, KL_STORE_ERROR, KL_STORE_ERROR_DAMAGED) &&
          !g_error_matches (error, KL_STORE_ERROR, KL_STORE_ERROR_TOO_NEW))
        break;
    }

  kl_window_show_toast (self, error != NULL ? error->message : _("There is no backup to restore."));
}

static void
start_fresh_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         KlWindow         *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *moved_to = NULL;

  if (g_strcmp0 (response, "fresh") != 0 || self->problem_data_dir == NULL)
    return;

  if (!kl_store_move_aside (self->problem_data_dir, &moved_to, &error))
    {
      kl_window_show_toast (self, error->message);
      return;
    }

  reopen_after_recovery (self, moved_to, _("Started an empty journal."));
}

/* Export and import, once the journal is open. */
static gboolean
journal_open (KlWindow *self)
{
  return self->store != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "content") == 0;
}

static void
kl_window_export_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KlWindow *self = KL_WINDOW (widget);

  if (journal_open (self))
    gtk_window_present (GTK_WINDOW (kl_export_dialog_new (GTK_WINDOW (self), self->store)));
}

/* The routine of @slug, at @length_us when not 0 (one of its lengths). */
static void
play_routine (KlWindow   *self,
              const char *slug,
              gint64      length_us)
{
  g_autoptr(KlRoutine) routine = NULL;
  g_autoptr(GError) error = NULL;
  KlRoutinePlayer *player;

  if (!journal_open (self))
    return;

  if (self->player != NULL)
    {
      gtk_window_present (self->player);
      return;
    }

  routine = kl_store_get_routine (self->store, slug, &error);
  if (routine != NULL && length_us != 0)
    {
      KlRoutine *chosen = kl_routine_copy_for_length (routine, length_us, &error);

      g_clear_object (&routine);
      routine = chosen;
    }
  if (routine == NULL)
    {
      kl_window_show_toast (self, error->message);
      return;
    }

  player = kl_routine_player_new (GTK_WINDOW (self), self->store, routine);
  g_set_weak_pointer (&self->player, GTK_WINDOW (player));
  gtk_window_present (GTK_WINDOW (player));
}

/* From the Routines page's Start buttons and app.play-routine: the routine of that slug. */
static void
kl_window_play_routine_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  play_routine (KL_WINDOW (widget), g_variant_get_string (parameter, NULL), 0);
}

/* The same with a length, in µs: "(sx)". */
static void
kl_window_play_routine_length_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  const char *slug;
  gint64 length_us;

  g_variant_get (parameter, "(&sx)", &slug, &length_us);
  play_routine (KL_WINDOW (widget), slug, length_us);
}

static void
imported_cb (KlWindow *self)
{
  if (self->journal_page != NULL)
    kl_journal_page_reload (self->journal_page);
}

static void
import_file_chosen_cb (KlWindow             *self,
                       int                   response,
                       GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  GtkWidget *dialog;

  if (response == GTK_RESPONSE_ACCEPT && journal_open (self) &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      dialog = kl_import_dialog_new (GTK_WINDOW (self), self->store, file);
      g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
kl_window_import_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KlWindow *self = KL_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  if (!journal_open (self))
    return;

  chooser = gtk_file_chooser_native_new (_("Import Check-Ins"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_file_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
kl_window_start_fresh_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  KlWindow *self = KL_WINDOW (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Start With an Empty Journal?"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  _("The file that could not be opened stays in “%s” under a "
                                    "new name, so you or a helper can still look at it later."),
                                  self->problem_data_dir);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "fresh", _("_Start Fresh"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "fresh", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (start_fresh_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kl_window_acknowledge_welcome_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  KlWindow *self = KL_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  g_assert (self->store != NULL);

  if (!kl_store_acknowledge (self->store, KL_ACK_WELCOME, &error))
    {
      kl_window_show_toast (self, error->message);
      return;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "content");
}

static void
kl_window_show_page_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  KlWindow *self = KL_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "content") != 0)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

/* Ctrl+N: a new routine, while the Routines page shows. */
static void
kl_window_new_routine_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  KlWindow *self = KL_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "content") == 0 &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "routines") == 0)
    kl_routines_page_new_routine (ensure_routines_page (self));
}

/* The bottom bar takes over when the header has no room for the switcher. The header learns
 * that while it is being allocated, too late for the bar to get a size in the same frame; with
 * animations off, libadwaita 1.2 then leaves the bar hidden until the next resize. So the bar
 * is revealed from an idle, outside the allocation. */
static gboolean
update_switcher_bar_cb (gpointer user_data)
{
  KlWindow *self = user_data;

  self->switcher_bar_idle = 0;
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
  return G_SOURCE_REMOVE;
}

static void
title_visible_changed_cb (KlWindow *self)
{
  if (self->switcher_bar_idle == 0)
    self->switcher_bar_idle = g_idle_add (update_switcher_bar_cb, self);
}

static gboolean
kl_window_close_request (GtkWindow *window)
{
  KlWindow *self = KL_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (kl_window_parent_class)->close_request (window);
}

static void
kl_window_dispose (GObject *object)
{
  KlWindow *self = (KlWindow *)object;

  g_clear_handle_id (&self->switcher_bar_idle, g_source_remove);
  g_clear_weak_pointer (&self->player);
  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_WINDOW);

  G_OBJECT_CLASS (kl_window_parent_class)->dispose (object);
}

static void
kl_window_finalize (GObject *object)
{
  KlWindow *self = (KlWindow *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->problem_data_dir, g_free);

  G_OBJECT_CLASS (kl_window_parent_class)->finalize (object);
}

static void
kl_window_class_init (KlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char * const pages[] = { "body", "journal", "routines", "breaks" };

  object_class->dispose = kl_window_dispose;

  g_type_ensure (KL_TYPE_BODY_PAGE);
  g_type_ensure (KL_TYPE_JOURNAL_PAGE);
  g_type_ensure (KL_TYPE_ROUTINES_PAGE);
  object_class->finalize = kl_window_finalize;

  window_class->close_request = kl_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/kl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KlWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KlWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KlWindow, body_page);
  gtk_widget_class_bind_template_child (widget_class, KlWindow, journal_bin);
  gtk_widget_class_bind_template_child (widget_class, KlWindow, routines_bin);
  gtk_widget_class_bind_template_child (widget_class, KlWindow, breaks_bin);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, KlWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, KlWindow, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, title_visible_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s",
                                   kl_window_show_page_action);
  gtk_widget_class_install_action (widget_class, "win.acknowledge-welcome", NULL,
                                   kl_window_acknowledge_welcome_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL,
                                   kl_window_restore_backup_action);
  gtk_widget_class_install_action (widget_class, "win.start-fresh", NULL,
                                   kl_window_start_fresh_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, kl_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, kl_window_import_action);
  gtk_widget_class_install_action (widget_class, "win.play-routine", "s",
                                   kl_window_play_routine_action);
  gtk_widget_class_install_action (widget_class, "win.new-routine", NULL,
                                   kl_window_new_routine_action);
  gtk_widget_class_install_action (widget_class, "win.play-routine-length", "(sx)",
                                   kl_window_play_routine_length_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export",
                                       NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import",
                                       NULL);

  /* Alt+1 … Alt+4 switch pages, as in other GNOME apps with view switchers. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", pages[i]);
}

static void
kl_window_init (KlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}
