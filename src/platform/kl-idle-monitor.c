/* kl-idle-monitor.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-idle-monitor"

#include "config.h"

#include <gio/gio.h>
#include <gdk/gdk.h>

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#include <X11/extensions/sync.h>
#endif

#include "kl-idle-monitor.h"
#include "kl-platform-enums.h"

#define MUTTER_NAME  "org.gnome.Mutter.IdleMonitor"
#define MUTTER_PATH  "/org/gnome/Mutter/IdleMonitor/Core"
#define MUTTER_IFACE "org.gnome.Mutter.IdleMonitor"

struct _KlIdleMonitor
{
  GObject          parent_instance;

  KlIdleBackend    backend;
  guint            threshold;   /* seconds */
  gboolean         idle;

#ifdef GDK_WINDOWING_X11
  /* XSync: the events come on GDK's own connection, so they are read where GDK reads the
   * connection's fd, and handed over by GdkX11Display::xevent. */
  GdkDisplay      *gdk_display;
  gulong           xevent_id;
  int              sync_event_base;
  XSyncCounter     idle_counter;
  XSyncAlarm       idle_alarm;
  XSyncAlarm       active_alarm;
#endif

  /* Mutter */
  GDBusConnection *session;
  guint            watch_fired_id;
  guint            idle_watch;
  guint            active_watch;
  GCancellable    *cancellable;

  /* logind */
  GDBusConnection *system;
  guint            sleep_id;
};

G_DEFINE_FINAL_TYPE (KlIdleMonitor, kl_idle_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BACKEND,
  PROP_AVAILABLE,
  PROP_THRESHOLD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_IDLE,
  SIGNAL_ACTIVE,
  SIGNAL_SUSPEND,
  SIGNAL_RESUME,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
become_idle (KlIdleMonitor *self)
{
  if (self->idle)
    return;

  self->idle = TRUE;
  g_signal_emit (self, signals[SIGNAL_IDLE], 0,
                 g_get_real_time () - (gint64) self->threshold * G_USEC_PER_SEC);
}

static void
become_active (KlIdleMonitor *self)
{
  if (!self->idle)
    return;

  self->idle = FALSE;
  g_signal_emit (self, signals[SIGNAL_ACTIVE], 0);
}

/* X11 */

#ifdef GDK_WINDOWING_X11
static void
set_alarm (Display     *xdisplay,
           XSyncAlarm  *alarm,
           XSyncCounter counter,
           XSyncTestType test,
           gint64       value)
{
  XSyncAlarmAttributes attr;
  unsigned long flags = XSyncCACounter | XSyncCAValueType | XSyncCATestType | XSyncCAValue |
                        XSyncCADelta | XSyncCAEvents;

  attr.trigger.counter = counter;
  attr.trigger.value_type = XSyncAbsolute;
  attr.trigger.test_type = test;
  XSyncIntsToValue (&attr.trigger.wait_value, (unsigned int) (value & 0xffffffff),
                    (int) (value >> 32));
  XSyncIntToValue (&attr.delta, 0);
  attr.events = True;

  if (*alarm != None)
    XSyncChangeAlarm (xdisplay, *alarm, flags, &attr);
  else
    *alarm = XSyncCreateAlarm (xdisplay, flags, &attr);
}

static void
xsync_arm (KlIdleMonitor *self)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (self->gdk_display);
  gint64 ms = (gint64) self->threshold * 1000;

  /* Idle: the counter rises through the threshold. Active: it falls back below it, which it
   * does at once on input, as input resets it to 0. */
  set_alarm (xdisplay, &self->idle_alarm, self->idle_counter, XSyncPositiveTransition, ms);
  set_alarm (xdisplay, &self->active_alarm, self->idle_counter, XSyncNegativeTransition, ms - 1);
  XFlush (xdisplay);
}

static gboolean
xevent_cb (GdkX11Display *display,
           gpointer       xevent,
           gpointer       user_data)
{
  KlIdleMonitor *self = user_data;
  XEvent *event = xevent;
  XSyncAlarmNotifyEvent *notify;

  if (event->type != self->sync_event_base + XSyncAlarmNotify)
    return GDK_EVENT_PROPAGATE;

  notify = (XSyncAlarmNotifyEvent *) event;
  if (notify->alarm == self->idle_alarm)
    become_idle (self);
  else if (notify->alarm == self->active_alarm)
    become_active (self);
  else
    return GDK_EVENT_PROPAGATE;

  return GDK_EVENT_STOP;
}

static gboolean
xsync_init (KlIdleMonitor *self)
{
  GdkDisplay *display = gdk_display_get_default ();
  Display *xdisplay;
  XSyncSystemCounter *counters;
  int error_base, major, minor, n_counters;

  if (display == NULL || !GDK_IS_X11_DISPLAY (display))
    return FALSE;

  xdisplay = gdk_x11_display_get_xdisplay (display);
  if (!XSyncQueryExtension (xdisplay, &self->sync_event_base, &error_base) ||
      !XSyncInitialize (xdisplay, &major, &minor))
    return FALSE;

  counters = XSyncListSystemCounters (xdisplay, &n_counters);
  for (int i = 0; counters != NULL && i < n_counters; i++)
    if (g_strcmp0 (counters[i].name, "IDLETIME") == 0)
      self->idle_counter = counters[i].counter;
  if (counters != NULL)
    XSyncFreeSystemCounterList (counters);
  if (self->idle_counter == None)
    return FALSE;

  self->gdk_display = g_object_ref (display);
  self->xevent_id = g_signal_connect (display, "xevent", G_CALLBACK (xevent_cb), self);
  xsync_arm (self);
  return TRUE;
}

static void
xsync_clear (KlIdleMonitor *self)
{
  Display *xdisplay;

  if (self->gdk_display == NULL)
    return;

  xdisplay = gdk_x11_display_get_xdisplay (self->gdk_display);
  if (self->idle_alarm != None)
    XSyncDestroyAlarm (xdisplay, self->idle_alarm);
  if (self->active_alarm != None)
    XSyncDestroyAlarm (xdisplay, self->active_alarm);
  self->idle_alarm = self->active_alarm = None;
  g_clear_signal_handler (&self->xevent_id, self->gdk_display);
  g_clear_object (&self->gdk_display);
}
#endif

/* GNOME on Wayland */

static void
add_watch_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  guint *out_id = user_data;
  guint id;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not watch for idle time: %s", error->message);
      return;
    }
  g_variant_get (reply, "(u)", &id);

  /* Replies come in the order of the calls. A watch still held here was asked for before this
   * one and its id came too late to be removed (the threshold changed while it was on its
   * way, as on start-up): Mutter would keep it for nothing. */
  if (*out_id != 0)
    g_dbus_connection_call (G_DBUS_CONNECTION (object), MUTTER_NAME, MUTTER_PATH, MUTTER_IFACE,
                            "RemoveWatch", g_variant_new ("(u)", *out_id), NULL,
                            G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);
  *out_id = id;
}

static void
mutter_call (KlIdleMonitor *self,
             const char    *method,
             GVariant      *parameters,
             guint         *out_id)
{
  g_dbus_connection_call (self->session, MUTTER_NAME, MUTTER_PATH, MUTTER_IFACE, method,
                          parameters, G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          self->cancellable, out_id != NULL ? add_watch_cb : NULL, out_id);
}

static void
mutter_add_idle_watch (KlIdleMonitor *self)
{
  if (self->idle_watch != 0)
    g_dbus_connection_call (self->session, MUTTER_NAME, MUTTER_PATH, MUTTER_IFACE, "RemoveWatch",
                            g_variant_new ("(u)", self->idle_watch), NULL,
                            G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);
  self->idle_watch = 0;
  mutter_call (self, "AddIdleWatch", g_variant_new ("(t)", (guint64) self->threshold * 1000),
               &self->idle_watch);
}

static void
watch_fired_cb (GDBusConnection *connection,
                const char      *sender,
                const char      *path,
                const char      *iface,
                const char      *signal,
                GVariant        *parameters,
                gpointer         user_data)
{
  KlIdleMonitor *self = user_data;
  guint id;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(u)")))
    return;
  g_variant_get (parameters, "(u)", &id);

  if (id != 0 && id == self->idle_watch)
    {
      become_idle (self);
      /* A user-active watch fires once, and is gone after. */
      mutter_call (self, "AddUserActiveWatch", NULL, &self->active_watch);
    }
  else if (id != 0 && id == self->active_watch)
    {
      self->active_watch = 0;
      become_active (self);
    }
}

static gboolean
mutter_init (KlIdleMonitor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) owner = NULL;
  gboolean has_owner = FALSE;

  self->session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (self->session == NULL)
    return FALSE;

  owner = g_dbus_connection_call_sync (self->session, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "NameHasOwner", g_variant_new ("(s)", MUTTER_NAME),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 1000,
                                       NULL, NULL);
  if (owner != NULL)
    g_variant_get (owner, "(b)", &has_owner);
  if (!has_owner)
    {
      g_clear_object (&self->session);
      return FALSE;
    }

  self->watch_fired_id =
    g_dbus_connection_signal_subscribe (self->session, MUTTER_NAME, MUTTER_IFACE, "WatchFired",
                                        MUTTER_PATH, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                        watch_fired_cb, self, NULL);
  mutter_add_idle_watch (self);
  return TRUE;
}

/* logind */

static void
prepare_for_sleep_cb (GDBusConnection *connection,
                      const char      *sender,
                      const char      *path,
                      const char      *iface,
                      const char      *signal,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  KlIdleMonitor *self = user_data;
  gboolean sleeping;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;
  g_variant_get (parameters, "(b)", &sleeping);
  g_signal_emit (self, signals[sleeping ? SIGNAL_SUSPEND : SIGNAL_RESUME], 0);
}

static void
system_bus_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KlIdleMonitor) self = user_data;
  g_autoptr(GError) error = NULL;

  self->system = g_bus_get_finish (result, &error);
  if (self->system == NULL)
    {
      /* No system bus (a container, a test session): no suspend events, and nothing else lost. */
      g_debug ("No system bus, so no suspend events: %s", error->message);
      return;
    }

  self->sleep_id =
    g_dbus_connection_signal_subscribe (self->system, "org.freedesktop.login1",
                                        "org.freedesktop.login1.Manager", "PrepareForSleep",
                                        "/org/freedesktop/login1", NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, prepare_for_sleep_cb,
                                        self, NULL);
}

KlIdleMonitor *
kl_idle_monitor_new (void)
{
  return g_object_new (KL_TYPE_IDLE_MONITOR, NULL);
}

KlIdleBackend
kl_idle_monitor_get_backend (KlIdleMonitor *self)
{
  g_return_val_if_fail (KL_IS_IDLE_MONITOR (self), KL_IDLE_BACKEND_NONE);

  return self->backend;
}

gboolean
kl_idle_monitor_get_available (KlIdleMonitor *self)
{
  g_return_val_if_fail (KL_IS_IDLE_MONITOR (self), FALSE);

  return self->backend != KL_IDLE_BACKEND_NONE;
}

guint
kl_idle_monitor_get_threshold (KlIdleMonitor *self)
{
  g_return_val_if_fail (KL_IS_IDLE_MONITOR (self), 0);

  return self->threshold;
}

void
kl_idle_monitor_set_threshold (KlIdleMonitor *self,
                               guint          seconds)
{
  g_return_if_fail (KL_IS_IDLE_MONITOR (self));

  seconds = MAX (seconds, 1);
  if (self->threshold == seconds)
    return;

  self->threshold = seconds;
  switch (self->backend)
    {
#ifdef GDK_WINDOWING_X11
    case KL_IDLE_BACKEND_XSYNC:
      xsync_arm (self);
      break;
#endif
    case KL_IDLE_BACKEND_MUTTER:
      mutter_add_idle_watch (self);
      break;
    default:
      break;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THRESHOLD]);
}

static void
kl_idle_monitor_constructed (GObject *object)
{
  KlIdleMonitor *self = KL_IDLE_MONITOR (object);

  G_OBJECT_CLASS (kl_idle_monitor_parent_class)->constructed (object);

#ifdef GDK_WINDOWING_X11
  if (xsync_init (self))
    self->backend = KL_IDLE_BACKEND_XSYNC;
  else
#endif
  if (mutter_init (self))
    self->backend = KL_IDLE_BACKEND_MUTTER;
  else
    self->backend = KL_IDLE_BACKEND_NONE;

  g_debug ("Idle detection: %d", self->backend);
  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, system_bus_cb, g_object_ref (self));
}

static void
kl_idle_monitor_dispose (GObject *object)
{
  KlIdleMonitor *self = KL_IDLE_MONITOR (object);

  g_cancellable_cancel (self->cancellable);
#ifdef GDK_WINDOWING_X11
  xsync_clear (self);
#endif
  if (self->session != NULL && self->watch_fired_id != 0)
    g_dbus_connection_signal_unsubscribe (self->session, self->watch_fired_id);
  self->watch_fired_id = 0;
  g_clear_object (&self->session);
  if (self->system != NULL && self->sleep_id != 0)
    g_dbus_connection_signal_unsubscribe (self->system, self->sleep_id);
  self->sleep_id = 0;
  g_clear_object (&self->system);

  G_OBJECT_CLASS (kl_idle_monitor_parent_class)->dispose (object);
}

static void
kl_idle_monitor_finalize (GObject *object)
{
  KlIdleMonitor *self = KL_IDLE_MONITOR (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (kl_idle_monitor_parent_class)->finalize (object);
}

static void
kl_idle_monitor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KlIdleMonitor *self = KL_IDLE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_BACKEND:
      g_value_set_enum (value, self->backend);
      break;
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->backend != KL_IDLE_BACKEND_NONE);
      break;
    case PROP_THRESHOLD:
      g_value_set_uint (value, self->threshold);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_idle_monitor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KlIdleMonitor *self = KL_IDLE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_THRESHOLD:
      kl_idle_monitor_set_threshold (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_idle_monitor_class_init (KlIdleMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = kl_idle_monitor_constructed;
  object_class->dispose = kl_idle_monitor_dispose;
  object_class->finalize = kl_idle_monitor_finalize;
  object_class->get_property = kl_idle_monitor_get_property;
  object_class->set_property = kl_idle_monitor_set_property;

  properties[PROP_BACKEND] =
    g_param_spec_enum ("backend", NULL, NULL,
                       KL_TYPE_IDLE_BACKEND, KL_IDLE_BACKEND_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_THRESHOLD] =
    g_param_spec_uint ("threshold", NULL, NULL,
                       1, G_MAXUINT32 / 1000, 60,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_IDLE] = g_signal_new ("idle", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_ACTIVE] = g_signal_new ("active", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_SUSPEND] = g_signal_new ("suspend", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
  signals[SIGNAL_RESUME] = g_signal_new ("resume", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kl_idle_monitor_init (KlIdleMonitor *self)
{
  self->threshold = 60;
  self->cancellable = g_cancellable_new ();
}
