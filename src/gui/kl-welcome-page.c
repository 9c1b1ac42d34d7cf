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
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (KlWelcomePage, kl_welcome_page, ADW_TYPE_BIN)

GtkWidget *
kl_welcome_page_new (void)
{
  return g_object_new (KL_TYPE_WELCOME_PAGE, NULL);
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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/kl-welcome-page.ui");
}

static void
kl_welcome_page_init (KlWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
