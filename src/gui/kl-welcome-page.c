/* kl-welcome-page.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What Knotless is, that it is not medical advice, and when to see a doctor instead: shown once
 * on first run, and again from Preferences. Its button activates win.acknowledge-welcome. */

#define G_LOG_DOMAIN "kl-welcome-page"

#include "config.h"

#include "kl-welcome-page.h"

struct _KlWelcomePage
{
  AdwBin     parent_instance;

  GtkWidget *button;
};

G_DEFINE_FINAL_TYPE (KlWelcomePage, kl_welcome_page, ADW_TYPE_BIN)

GtkWidget *
kl_welcome_page_new (void)
{
  return g_object_new (KL_TYPE_WELCOME_PAGE, NULL);
}

/* Focus goes to the one thing to do here, so Enter acknowledges. */
static gboolean
kl_welcome_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (KL_WELCOME_PAGE (widget)->button);
}

static void
kl_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KL_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (kl_welcome_page_parent_class)->dispose (object);
}

static void
kl_welcome_page_class_init (KlWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_welcome_page_dispose;

  widget_class->grab_focus = kl_welcome_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/kl-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlWelcomePage, button);
}

static void
kl_welcome_page_init (KlWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
