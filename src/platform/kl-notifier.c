/* kl-notifier.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-notifier"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <libnotify/notify.h>

#include "kl-notifier.h"
#include "kl-notifier-private.h"

#define NOTIFICATIONS_NAME "org.freedesktop.Notifications"

struct _KlNotifier
{
  GObject             parent_instance;

  NotifyNotification *notification;
  gint64              tag;
  gboolean            has_actions;
  gboolean            checked_caps;
  gboolean            fell_back;

  KlNotifierShowFunc  show_func;
  gpointer            show_data;
};

G_DEFINE_FINAL_TYPE (KlNotifier, kl_notifier, G_TYPE_OBJECT)

enum {
  SIGNAL_ACTION,
  SIGNAL_FALLBACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

KlNotifier *
kl_notifier_new (const char *app_name)
{
  g_return_val_if_fail (app_name != NULL, NULL);

  if (!notify_is_initted ())
    notify_init (app_name);

  return g_object_new (KL_TYPE_NOTIFIER, NULL);
}

/* Whether a notification server runs, or could be started, on the session bus: asked before
 * libnotify is, which would only log a warning. */
static gboolean
have_server (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) owned = NULL;
  g_autoptr(GVariant) activatable = NULL;
  g_autofree const char **names = NULL;
  gboolean has_owner = FALSE;

  if (bus == NULL)
    return FALSE;

  owned = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", NOTIFICATIONS_NAME),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 2000,
                                       NULL, NULL);
  if (owned != NULL)
    g_variant_get (owned, "(b)", &has_owner);
  if (has_owner)
    return TRUE;

  activatable = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                             "org.freedesktop.DBus", "ListActivatableNames",
                                             NULL, G_VARIANT_TYPE ("(as)"),
                                             G_DBUS_CALL_FLAGS_NONE, 2000, NULL, NULL);
  if (activatable == NULL)
    return FALSE;

  g_variant_get (activatable, "(^a&s)", &names);
  return g_strv_contains (names, NOTIFICATIONS_NAME);
}

/* Asks the server once; FALSE when no server answers at all. */
static gboolean
check_caps (KlNotifier *self)
{
  GList *caps;

  if (!have_server ())
    return FALSE;

  caps = notify_get_server_caps ();
  if (caps == NULL)
    return FALSE;

  self->has_actions = g_list_find_custom (caps, "actions", (GCompareFunc) g_strcmp0) != NULL;
  self->checked_caps = TRUE;
  g_list_free_full (caps, g_free);
  return TRUE;
}

gboolean
kl_notifier_has_actions (KlNotifier *self)
{
  g_return_val_if_fail (KL_IS_NOTIFIER (self), FALSE);

  if (!self->checked_caps)
    check_caps (self);

  return self->has_actions;
}

static void
fall_back (KlNotifier *self,
           const char *problem)
{
  if (self->fell_back)
    return;

  self->fell_back = TRUE;
  g_signal_emit (self, signals[SIGNAL_FALLBACK], 0, problem);
}

static void
action_cb (NotifyNotification *notification,
           char               *action,
           gpointer            user_data)
{
  KlNotifier *self = user_data;

  g_signal_emit (self, signals[SIGNAL_ACTION], 0, self->tag, action);
}

void
kl_notifier_set_show_func_for_testing (KlNotifier         *self,
                                       KlNotifierShowFunc  func,
                                       gpointer            user_data)
{
  g_return_if_fail (KL_IS_NOTIFIER (self));

  self->show_func = func;
  self->show_data = user_data;
  self->checked_caps = TRUE;
  self->has_actions = TRUE;
}

gboolean
kl_notifier_show (KlNotifier         *self,
                  gint64              tag,
                  const char         *summary,
                  const char         *body,
                  const char * const *actions)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KL_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  if (self->show_func != NULL)
    {
      self->tag = tag;
      if (self->show_func (tag, summary, body, actions, self->show_data))
        return TRUE;
      fall_back (self, _("No notification server is running."));
      return FALSE;
    }

  if (!self->checked_caps && !check_caps (self))
    {
      fall_back (self, _("No notification server is running."));
      return FALSE;
    }

  self->tag = tag;
  if (self->notification == NULL)
    self->notification = notify_notification_new (summary, body, APP_ID);
  else
    notify_notification_update (self->notification, summary, body, APP_ID);

  notify_notification_clear_actions (self->notification);
  notify_notification_set_hint_string (self->notification, "desktop-entry", APP_ID);
  notify_notification_set_category (self->notification, "reminder");
  if (self->has_actions)
    {
      notify_notification_add_action (self->notification, "default", _("Open Knotless"),
                                      action_cb, self, NULL);
      for (guint i = 0; actions != NULL && actions[i] != NULL && actions[i + 1] != NULL; i += 2)
        notify_notification_add_action (self->notification, actions[i], actions[i + 1],
                                        action_cb, self, NULL);
    }

  if (!notify_notification_show (self->notification, &error))
    {
      g_autofree char *problem = g_strdup_printf (_("Notifications could not be shown: %s"),
                                                  error->message);
      fall_back (self, problem);
      return FALSE;
    }

  return TRUE;
}

void
kl_notifier_withdraw (KlNotifier *self)
{
  g_return_if_fail (KL_IS_NOTIFIER (self));

  if (self->notification != NULL)
    notify_notification_close (self->notification, NULL);
}

static void
kl_notifier_finalize (GObject *object)
{
  KlNotifier *self = KL_NOTIFIER (object);

  g_clear_object (&self->notification);

  G_OBJECT_CLASS (kl_notifier_parent_class)->finalize (object);
}

static void
kl_notifier_class_init (KlNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kl_notifier_finalize;

  signals[SIGNAL_ACTION] = g_signal_new ("action", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                         G_TYPE_INT64, G_TYPE_STRING);
  signals[SIGNAL_FALLBACK] = g_signal_new ("fallback", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
kl_notifier_init (KlNotifier *self)
{
}
