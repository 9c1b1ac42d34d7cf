/* kl-store-problem-page.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shown instead of the journal when the database was refused: what is wrong, where the file is,
 * and the way out. Its buttons activate win.restore-backup and win.start-fresh. */

#define G_LOG_DOMAIN "kl-store-problem-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kl-store-problem-page.h"
#include "kl-store.h"

struct _KlStoreProblemPage
{
  AdwBin     parent_instance;

  GtkLabel  *detail;
  GtkLabel  *advice;
  GtkWidget *restore_button;
  GtkWidget *fresh_button;
};

G_DEFINE_FINAL_TYPE (KlStoreProblemPage, kl_store_problem_page, ADW_TYPE_BIN)

GtkWidget *
kl_store_problem_page_new (void)
{
  return g_object_new (KL_TYPE_STORE_PROBLEM_PAGE, NULL);
}

void
kl_store_problem_page_set_problem (KlStoreProblemPage *self,
                                   const GError       *error,
                                   gboolean            recoverable,
                                   gboolean            backup_exists)
{
  const char *advice;

  g_return_if_fail (KL_IS_STORE_PROBLEM_PAGE (self));
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, KL_STORE_ERROR, KL_STORE_ERROR_TOO_NEW))
    advice = _("Nothing has been changed in it. Install a newer version of Knotless to open it.");
  else if (!recoverable)
    advice = _("Nothing has been changed in it. Check that the folder exists and that you may "
               "write to it, then open Knotless again.");
  else if (backup_exists)
    advice = _("Nothing has been written to it. You can restore the newest daily backup, or "
               "start with an empty journal. Either way the file is kept in the same folder "
               "under a new name; nothing is deleted.");
  else
    advice = _("Nothing has been written to it, and there is no backup yet. You can start with "
               "an empty journal; the file is kept in the same folder under a new name, so "
               "nothing is deleted.");

  gtk_label_set_text (self->detail, error->message);
  gtk_label_set_text (self->advice, advice);
  gtk_widget_set_visible (self->restore_button, recoverable && backup_exists);
  gtk_widget_set_visible (self->fresh_button, recoverable);

  /* Focus the way out, not the selectable message, which would show up all selected. */
  if (recoverable)
    gtk_widget_grab_focus (backup_exists ? self->restore_button : self->fresh_button);
}

static void
kl_store_problem_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KL_TYPE_STORE_PROBLEM_PAGE);

  G_OBJECT_CLASS (kl_store_problem_page_parent_class)->dispose (object);
}

static void
kl_store_problem_page_class_init (KlStoreProblemPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_store_problem_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/kl-store-problem-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlStoreProblemPage, detail);
  gtk_widget_class_bind_template_child (widget_class, KlStoreProblemPage, advice);
  gtk_widget_class_bind_template_child (widget_class, KlStoreProblemPage, restore_button);
  gtk_widget_class_bind_template_child (widget_class, KlStoreProblemPage, fresh_button);
}

static void
kl_store_problem_page_init (KlStoreProblemPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
