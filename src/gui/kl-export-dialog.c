/* kl-export-dialog.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kl-export-dialog.h"
#include "kl-export.h"
#include "kl-window.h"

/* Ctrl+E: which datasets and dates, then a folder; the files are written in a thread on a
 * reader connection of their own, with a progress bar and Cancel, and a toast with "Open
 * Folder" when they are there. */
struct _KlExportDialog
{
  AdwWindow             parent_instance;

  KlStore              *store;
  GtkSwitch            *dataset_switches[KL_EXPORT_N_DATASETS];
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;

  GtkStack             *stack;
  AdwPreferencesGroup  *datasets_group;
  AdwComboRow          *range_row;
  GtkSwitch            *bom_switch;
  GtkProgressBar       *progress_bar;
  GtkWidget            *export_button;
};

G_DEFINE_FINAL_TYPE (KlExportDialog, kl_export_dialog, ADW_TYPE_WINDOW)

static const guint range_days[] = { 0, 30, 90, 365 };

/* What the thread needs: nothing of the dialog but the numbers it reports back. */
typedef struct
{
  KlStore         *store;
  KlExportDataset  datasets[KL_EXPORT_N_DATASETS];
  guint            n_datasets;
  guint            current;
  GDateTime       *from;
  GDateTime       *day;
  char            *folder;
  gboolean         bom;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->store);
  g_clear_pointer (&job->from, g_date_time_unref);
  g_clear_pointer (&job->day, g_date_time_unref);
  g_free (job->folder);
  g_free (job);
}

/* The task keeps the dialog alive until its callback, on the main thread; a progress report
 * keeps the task, so it is let go there too. */
typedef struct
{
  GTask  *task;
  double  fraction;
} Progress;

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->task);
  g_free (progress);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  Progress *progress = user_data;
  KlExportDialog *self = g_task_get_source_object (progress->task);

  if (self->progress_bar != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, progress->fraction);
  return G_SOURCE_REMOVE;
}

/* In the thread: hand the fraction of the whole export to the main loop. */
static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  GTask *task = user_data;
  ExportJob *job = g_task_get_task_data (task);
  Progress *progress = g_new (Progress, 1);
  double part = total > 0 ? (double)MIN (done, total) / total : 0;

  progress->task = g_object_ref (task);
  progress->fraction = (job->current + part) / job->n_datasets;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, show_progress_cb, progress,
                              (GDestroyNotify)progress_free);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(KlStore) reader = NULL;
  GError *error = NULL;

  if (!(reader = kl_store_open_reader (job->store, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  for (job->current = 0; job->current < job->n_datasets; job->current++)
    {
      KlExportDataset dataset = job->datasets[job->current];
      g_autofree char *name = kl_export_file_name (dataset, job->day);
      g_autofree char *path = g_build_filename (job->folder, name, NULL);

      if (!kl_export_to_file (reader, dataset, job->from, NULL, path, job->bom, cancellable,
                              progress_cb, task, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  g_task_return_boolean (task, TRUE);
}

static void
open_folder_cb (AdwToast  *toast,
                GtkWindow *window)
{
  const char *folder = g_object_get_data (G_OBJECT (toast), "folder");
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (window, uri, GDK_CURRENT_TIME);
}

static void
show_error (KlExportDialog *self,
            GError         *error)
{
  AdwMessageDialog *message;

  message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                        _("Could Not Export"),
                                                        error->message));
  adw_message_dialog_add_response (message, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  KlExportDialog *self = KL_EXPORT_DIALOG (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *title = NULL;
  g_autofree char *folder_name = NULL;
  AdwToast *toast;

  g_clear_object (&self->cancellable);
  gtk_widget_set_sensitive (self->export_button, TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Cancel leaves the choices as they were, to change and try again. */
      gtk_stack_set_visible_child_name (self->stack, "choose");
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }

  folder_name = g_filename_display_basename (job->folder);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u file to “%s”",
                                        "Exported %u files to “%s”", job->n_datasets),
                           job->n_datasets, folder_name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open Folder"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "folder", g_strdup (job->folder), g_free);
  if (parent != NULL)
    g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_folder_cb), parent, 0);

  if (KL_IS_WINDOW (parent))
    kl_window_add_toast (KL_WINDOW (parent), toast);
  else
    g_object_unref (g_object_ref_sink (toast));

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_export (KlExportDialog *self,
              const char     *folder)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job = g_new0 (ExportJob, 1);
  guint range = adw_combo_row_get_selected (self->range_row);

  job->store = g_object_ref (self->store);
  for (guint i = 0; i < KL_EXPORT_N_DATASETS; i++)
    if (gtk_switch_get_active (self->dataset_switches[i]))
      job->datasets[job->n_datasets++] = i;
  job->day = g_date_time_new_now_local ();
  if (range > 0 && range < G_N_ELEMENTS (range_days))
    {
      g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (job->day),
                                                             g_date_time_get_month (job->day),
                                                             g_date_time_get_day_of_month (job->day),
                                                             0, 0, 0);
      job->from = g_date_time_add_days (midnight, 1 - (int)range_days[range]);
    }
  job->folder = g_strdup (folder);
  job->bom = gtk_switch_get_active (self->bom_switch);

  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_set_sensitive (self->export_button, FALSE);

  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, job, (GDestroyNotify)export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (KlExportDialog       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (folder)) != NULL)
    start_export (self, path);

  g_clear_object (&self->chooser);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KlExportDialog *self = KL_EXPORT_DIALOG (widget);
  g_autofree char *documents = NULL;

  if (self->chooser != NULL || self->cancellable != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export to Folder"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) != NULL)
    {
      g_autoptr(GFile) start = g_file_new_for_path (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS));

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), start, NULL);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* While exporting, Cancel (and Escape) stops it and keeps the dialog; otherwise closes it. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlExportDialog *self = KL_EXPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
dataset_toggled_cb (KlExportDialog *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < KL_EXPORT_N_DATASETS; i++)
    any = any || gtk_switch_get_active (self->dataset_switches[i]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-folder", any);
}

static gboolean
kl_export_dialog_close_request (GtkWindow *window)
{
  KlExportDialog *self = KL_EXPORT_DIALOG (window);

  /* Closing mid-export stops it: the finished files stay, the one being written goes. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (kl_export_dialog_parent_class)->close_request (window);
}

static void
kl_export_dialog_dispose (GObject *object)
{
  KlExportDialog *self = (KlExportDialog *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (kl_export_dialog_parent_class)->dispose (object);
}

static void
kl_export_dialog_finalize (GObject *object)
{
  KlExportDialog *self = (KlExportDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (kl_export_dialog_parent_class)->finalize (object);
}

static void
kl_export_dialog_class_init (KlExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kl_export_dialog_dispose;
  object_class->finalize = kl_export_dialog_finalize;
  window_class->close_request = kl_export_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/knotless/Knotless/kl-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KlExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, KlExportDialog, datasets_group);
  gtk_widget_class_bind_template_child (widget_class, KlExportDialog, range_row);
  gtk_widget_class_bind_template_child (widget_class, KlExportDialog, bom_switch);
  gtk_widget_class_bind_template_child (widget_class, KlExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, KlExportDialog, export_button);

  gtk_widget_class_install_action (widget_class, "export.choose-folder", NULL,
                                   choose_folder_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

static void
kl_export_dialog_init (KlExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < KL_EXPORT_N_DATASETS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kl_export_dataset_get_label (i));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->datasets_group, row);
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (dataset_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      self->dataset_switches[i] = GTK_SWITCH (toggle);
    }

  /* Enter exports, as the dialog is for. */
  gtk_window_set_default_widget (GTK_WINDOW (self), self->export_button);
  gtk_window_set_focus (GTK_WINDOW (self), self->export_button);
}

GtkWidget *
kl_export_dialog_new (GtkWindow *parent,
                      KlStore   *store)
{
  KlExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KL_IS_STORE (store), NULL);

  self = g_object_new (KL_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
