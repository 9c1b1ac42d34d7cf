/* kl-import-dialog.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kl-import-dialog.h"
#include "kl-import.h"
#include "kl-window.h"

/* A pain CSV chosen with Ctrl+I: first how its columns will be read and what a dry run of
 * every row found (how many are new, how many already stored, or the line that is wrong);
 * then, on Import, every row in one transaction, in a thread on a connection of its own. */
struct _KlImportDialog
{
  AdwWindow            parent_instance;

  KlStore             *store;
  GFile               *file;
  GCancellable        *cancellable;

  AdwActionRow        *summary_row;
  GtkImage            *summary_icon;
  GtkSpinner          *spinner;
  AdwPreferencesGroup *columns_group;
};

G_DEFINE_FINAL_TYPE (KlImportDialog, kl_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  KlStore  *store;
  GFile    *file;
  gboolean  dry_run;
  guint     added;
  guint     skipped;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->store);
  g_clear_object (&job->file);
  g_free (job);
}

static KlPainImport *
open_import (GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(KlPainImport) import = NULL;

  if (!(stream = g_file_read (file, cancellable, error)))
    return NULL;

  import = kl_pain_import_new (G_INPUT_STREAM (stream));
  if (!kl_pain_import_read_header (import, cancellable, error))
    return NULL;

  return g_steal_pointer (&import);
}

/* A connection of its own: the window's stays free for the pages while this one writes. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(KlPainImport) import = NULL;
  g_autoptr(KlStore) store = NULL;
  GError *error = NULL;

  if (!(import = open_import (job->file, cancellable, &error)) ||
      !(store = kl_store_open_writer (job->store, &error)) ||
      !kl_pain_import_run (import, store, job->dry_run, cancellable, &job->added, &job->skipped,
                           &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
run (KlImportDialog      *self,
     gboolean             dry_run,
     GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job = g_new0 (ImportJob, 1);

  job->store = g_object_ref (self->store);
  job->file = g_object_ref (self->file);
  job->dry_run = dry_run;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", FALSE);

  task = g_task_new (self, self->cancellable, callback, NULL);
  g_task_set_source_tag (task, run);
  g_task_set_task_data (task, job, (GDestroyNotify)import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
show_problem (KlImportDialog *self,
              const char     *message)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row),
                                 _("This file cannot be imported"));
  adw_action_row_set_subtitle (self->summary_row, message);
  gtk_image_set_from_icon_name (self->summary_icon, "dialog-warning-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_icon), "error");
}

static void
dry_run_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  KlImportDialog *self = KL_IMPORT_DIALOG (source);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
          show_problem (self, error->message);
        }
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new check-in to import",
                                        "%u new check-ins to import", job->added),
                           job->added);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u row is already in your journal and will be skipped",
                                           "%u rows are already in your journal and will be skipped",
                                           job->skipped),
                              job->skipped);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), title);
  adw_action_row_set_subtitle (self->summary_row, subtitle);
  gtk_image_set_from_icon_name (self->summary_icon, "object-select-symbolic");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", job->added > 0);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  KlImportDialog *self = KL_IMPORT_DIALOG (source);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Nothing was written: say why, here, where the file is named. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_problem (self, error->message);
      return;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Imported %u check-in; %u already there",
                                          "Imported %u check-ins; %u already there", job->added),
                             job->added, job->skipped);
  g_signal_emit (self, signals[IMPORTED], 0);
  if (KL_IS_WINDOW (parent))
    kl_window_show_toast (KL_WINDOW (parent), message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KlImportDialog *self = KL_IMPORT_DIALOG (widget);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), _("Importing…"));
  run (self, FALSE, import_done_cb);
}

static void
show_columns (KlImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlPainImport) import = open_import (self->file, NULL, &error);

  if (import == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->columns_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
      show_problem (self, error->message);
      return;
    }

  adw_preferences_group_set_title (self->columns_group,
                                   kl_pain_import_get_format (import) == KL_IMPORT_FORMAT_KNOTLESS
                                     ? _("A Knotless Pain File")
                                     : _("How the Columns Are Read"));
  for (guint i = 0; i < kl_pain_import_get_n_columns (import); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      const char *use = kl_pain_import_get_column_use (import, i);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     kl_pain_import_get_column_name (import, i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), use != NULL ? use : _("Not imported"));
      if (use == NULL)
        gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->columns_group, row);
    }

  run (self, TRUE, dry_run_done_cb);
}

static gboolean
kl_import_dialog_close_request (GtkWindow *window)
{
  KlImportDialog *self = KL_IMPORT_DIALOG (window);

  /* An import under way is one transaction: stopping it writes nothing. */
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (kl_import_dialog_parent_class)->close_request (window);
}

static void
kl_import_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KL_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (kl_import_dialog_parent_class)->dispose (object);
}

static void
kl_import_dialog_finalize (GObject *object)
{
  KlImportDialog *self = (KlImportDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (kl_import_dialog_parent_class)->finalize (object);
}

static void
kl_import_dialog_class_init (KlImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kl_import_dialog_dispose;
  object_class->finalize = kl_import_dialog_finalize;
  window_class->close_request = kl_import_dialog_close_request;

  /* After the rows are written, for the journal to read them. */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/knotless/Knotless/kl-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KlImportDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, KlImportDialog, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, KlImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, KlImportDialog, columns_group);

  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kl_import_dialog_init (KlImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", FALSE);
}

GtkWidget *
kl_import_dialog_new (GtkWindow *parent,
                      KlStore   *store,
                      GFile     *file)
{
  KlImportDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KL_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (KL_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->file = g_object_ref (file);
  name = g_file_get_basename (file);
  gtk_window_set_title (GTK_WINDOW (self), name);
  show_columns (self);
  return GTK_WIDGET (self);
}
