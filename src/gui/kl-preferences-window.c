/* kl-preferences-window.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-preferences-window"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "kl-autostart.h"
#include "kl-preferences-window.h"
#include "kl-window.h"

struct _KlPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  KlStore              *store;

  AdwActionRow         *database_row;
  AdwActionRow         *backup_row;
  GtkSwitch            *autostart_switch;
};

G_DEFINE_FINAL_TYPE (KlPreferencesWindow, kl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

KlPreferencesWindow *
kl_preferences_window_new (KlStore *store)
{
  g_return_val_if_fail (KL_IS_STORE (store), NULL);

  return g_object_new (KL_TYPE_PREFERENCES_WINDOW,
                       "store", store,
                       NULL);
}

/* "…/backups/knotless-2026-11-20.db" → the date in the user's own format. */
static char *
describe_backup_date (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (sscanf (name, "knotless-%4d-%2d-%2d.db", &year, &month, &day) != 3 ||
      !(date = g_date_time_new_local (year, month, day, 0, 0, 0)))
    return g_steal_pointer (&name);

  return g_date_time_format (date, "%x");
}

static void
update_backup_row (KlPreferencesWindow *self)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;

  backups = kl_store_list_backups (kl_store_get_data_dir (self->store), &error);
  if (backups == NULL)
    subtitle = g_strdup (error->message);
  else if (backups->len == 0)
    subtitle = g_strdup (_("None yet. One is made each day you open Knotless, and the last seven "
                           "are kept."));
  else
    {
      g_autofree char *newest = describe_backup_date (g_ptr_array_index (backups, 0));

      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Newest from %s; %u kept (one a day, up to seven)",
                                               "Newest from %s; %u kept (one a day, up to seven)",
                                               backups->len),
                                  newest, backups->len);
    }

  adw_action_row_set_subtitle (self->backup_row, subtitle);
}

static void
backup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KlPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  path = kl_store_backup_finish (KL_STORE (object), result, &error);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.back-up", TRUE);

  if (error != NULL)
    message = g_strdup_printf (_("Backup failed: %s"), error->message);
  else
    message = g_strdup (_("Backed up"));

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
  update_backup_row (self);
}

static void
kl_preferences_window_back_up_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  KlPreferencesWindow *self = KL_PREFERENCES_WINDOW (widget);

  gtk_widget_action_set_enabled (widget, "prefs.back-up", FALSE);
  kl_store_backup_async (self->store, TRUE, NULL, backup_cb, g_object_ref (self));
}

static void
kl_preferences_window_show_safety_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (KL_IS_WINDOW (parent))
    kl_window_show_welcome (KL_WINDOW (parent));

  gtk_window_close (GTK_WINDOW (widget));
}

static void
kl_preferences_window_constructed (GObject *object)
{
  KlPreferencesWindow *self = (KlPreferencesWindow *)object;

  G_OBJECT_CLASS (kl_preferences_window_parent_class)->constructed (object);

  adw_action_row_set_subtitle (self->database_row, kl_store_get_path (self->store));
  update_backup_row (self);
}

static void
kl_preferences_window_dispose (GObject *object)
{
  KlPreferencesWindow *self = (KlPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (kl_preferences_window_parent_class)->dispose (object);
}

static void
kl_preferences_window_finalize (GObject *object)
{
  KlPreferencesWindow *self = (KlPreferencesWindow *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_preferences_window_parent_class)->finalize (object);
}

static void
kl_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KlPreferencesWindow *self = KL_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  KlPreferencesWindow *self = KL_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_preferences_window_class_init (KlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kl_preferences_window_constructed;
  object_class->dispose = kl_preferences_window_dispose;
  object_class->finalize = kl_preferences_window_finalize;
  object_class->get_property = kl_preferences_window_get_property;
  object_class->set_property = kl_preferences_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/kl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KlPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, KlPreferencesWindow, backup_row);
  gtk_widget_class_bind_template_child (widget_class, KlPreferencesWindow, autostart_switch);

  gtk_widget_class_install_action (widget_class, "prefs.back-up", NULL,
                                   kl_preferences_window_back_up_action);
  gtk_widget_class_install_action (widget_class, "prefs.show-safety", NULL,
                                   kl_preferences_window_show_safety_action);
}

/* "Start at Login": the autostart entry is written or removed as the switch moves. */
static gboolean
autostart_state_set_cb (GtkSwitch           *autostart_switch,
                        gboolean             state,
                        KlPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!kl_autostart_set_enabled (state, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return TRUE;  /* the switch stays as it was */
    }

  return FALSE;
}

static void
kl_preferences_window_init (KlPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_switch_set_active (self->autostart_switch, kl_autostart_is_enabled ());
  g_signal_connect_object (self->autostart_switch, "state-set",
                           G_CALLBACK (autostart_state_set_cb), self, 0);
}
