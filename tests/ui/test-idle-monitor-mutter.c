/* test-idle-monitor-mutter.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KlIdleMonitor's GNOME-on-Wayland path for real, over D-Bus: fake-mutter-idle-monitor.py owns
 * org.gnome.Mutter.IdleMonitor on the test's private session bus and keeps an idle time of its
 * own; the monitor adds its idle watch there, hears WatchFired when the fake's idle time passes
 * the threshold, adds a user-active watch, and hears that fire when the test "types" (the
 * fake's Poke). No display is opened, so XSync is not tried first.
 */

#include "config.h"

#include <gio/gio.h>

#include "kl-idle-monitor.h"

#define MUTTER_NAME  "org.gnome.Mutter.IdleMonitor"
#define MUTTER_PATH  "/org/gnome/Mutter/IdleMonitor/Core"

typedef struct
{
  GDBusConnection *bus;
  GSubprocess     *fake;
  KlIdleMonitor   *monitor;
  guint            n_idle;
  guint            n_active;
  gint64           idle_since;
} Fixture;

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("The fake Mutter idle monitor did not answer in time");
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *@counter reaches @value, failing after 15 s. */
static void
wait_for (guint *counter,
          guint  value)
{
  guint timeout = g_timeout_add_seconds (15, timeout_cb, NULL);

  while (*counter < value)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

static gboolean
has_owner (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", MUTTER_NAME), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

static GVariant *
call_fake (Fixture    *fixture,
           const char *method,
           const char *reply_type)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  reply = g_dbus_connection_call_sync (fixture->bus, MUTTER_NAME, MUTTER_PATH, MUTTER_NAME,
                                       method, NULL,
                                       reply_type != NULL ? G_VARIANT_TYPE (reply_type) : NULL,
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  return reply;
}

/* The watch calls the fake received, one per line. */
static char *
fake_calls (Fixture *fixture)
{
  g_autoptr(GVariant) reply = call_fake (fixture, "GetCalls", "(as)");
  g_autofree const char **calls = NULL;

  g_variant_get (reply, "(^a&s)", &calls);
  return g_strjoinv ("\n", (char **) calls);
}

static void
idle_cb (KlIdleMonitor *monitor,
         gint64         idle_since,
         Fixture       *fixture)
{
  fixture->n_idle++;
  fixture->idle_since = idle_since;
}

static void
active_cb (KlIdleMonitor *monitor,
           Fixture       *fixture)
{
  fixture->n_active++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "fake-mutter-idle-monitor.py",
                                                   NULL);
  guint tries = 0;

  fixture->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (fixture->bus == NULL)
    return;

  fixture->fake = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "/usr/bin/python3", script,
                                    NULL);
  g_assert_no_error (error);

  while (!has_owner (fixture->bus))
    {
      g_assert_cmpuint (++tries, <, 150);
      g_usleep (100 * 1000);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->monitor);
  if (fixture->fake != NULL)
    {
      g_subprocess_force_exit (fixture->fake);
      g_subprocess_wait (fixture->fake, NULL, NULL);
    }
  g_clear_object (&fixture->fake);
  g_clear_object (&fixture->bus);
}

static void
test_idle_and_back (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *calls = NULL;
  gint64 before;

  if (fixture->bus == NULL)
    {
      g_test_skip ("No session bus to run the fake Mutter idle monitor on");
      return;
    }

  fixture->monitor = kl_idle_monitor_new ();
  g_assert_cmpint (kl_idle_monitor_get_backend (fixture->monitor), ==, KL_IDLE_BACKEND_MUTTER);
  g_assert_true (kl_idle_monitor_get_available (fixture->monitor));
  g_signal_connect (fixture->monitor, "idle", G_CALLBACK (idle_cb), fixture);
  g_signal_connect (fixture->monitor, "active", G_CALLBACK (active_cb), fixture);

  /* A one-second threshold replaces the default minute's watch. */
  before = g_get_real_time ();
  kl_idle_monitor_set_threshold (fixture->monitor, 1);
  call_fake (fixture, "Poke", NULL);

  /* Left alone a second: idle, since about a second ago. */
  wait_for (&fixture->n_idle, 1);
  g_assert_cmpuint (fixture->n_active, ==, 0);
  g_assert_cmpint (fixture->idle_since, >=, before - G_USEC_PER_SEC);
  g_assert_cmpint (fixture->idle_since, <=, g_get_real_time () - G_USEC_PER_SEC);

  /* Input again: active, once. Let the user-active watch be added before typing. */
  while (TRUE)
    {
      g_free (calls);
      calls = fake_calls (fixture);
      if (strstr (calls, "AddUserActiveWatch") != NULL)
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20 * 1000);
    }
  call_fake (fixture, "Poke", NULL);
  wait_for (&fixture->n_active, 1);
  g_assert_cmpuint (fixture->n_idle, ==, 1);

  /* And idle again after another quiet second: the idle watch stays armed. */
  wait_for (&fixture->n_idle, 2);

  g_free (calls);
  calls = fake_calls (fixture);
  g_assert_cmpstr (calls, ==,
                   "AddIdleWatch 60000 -> 1\n"
                   "AddIdleWatch 1000 -> 2\n"
                   "RemoveWatch 1\n"
                   "AddUserActiveWatch -> 3\n"
                   "AddUserActiveWatch -> 4");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/idle-monitor/mutter/idle-and-back", Fixture, NULL, fixture_set_up,
              test_idle_and_back, fixture_tear_down);

  return g_test_run ();
}
