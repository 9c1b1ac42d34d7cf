#!/usr/bin/env python3
# A stand-in for GNOME Shell's org.gnome.Mutter.IdleMonitor on the session bus, for
# test-idle-monitor-mutter: the same methods and signal as Mutter's
# (data/dbus-interfaces/org.gnome.Mutter.IdleMonitor.xml), with the idle time kept by a clock
# here instead of real input. Two methods of its own drive it from the test:
#
#   Poke ()                 input, as a key press would make: the idle time starts again
#   GetCalls () -> as       the watch calls received so far, like "AddIdleWatch 1000 -> 1"
#
# Idle watches fire once the idle time reaches their interval (again after each Poke, as
# Mutter's do); a user-active watch fires once, on the next Poke, and is gone.

import sys
import time

from gi.repository import Gio, GLib

NAME = "org.gnome.Mutter.IdleMonitor"
PATH = "/org/gnome/Mutter/IdleMonitor/Core"
XML = """
<node>
  <interface name="org.gnome.Mutter.IdleMonitor">
    <method name="GetIdletime"><arg name="idletime" direction="out" type="t"/></method>
    <method name="AddIdleWatch">
      <arg name="interval" direction="in" type="t"/>
      <arg name="id" direction="out" type="u"/>
    </method>
    <method name="AddUserActiveWatch"><arg name="id" direction="out" type="u"/></method>
    <method name="RemoveWatch"><arg name="id" direction="in" type="u"/></method>
    <signal name="WatchFired"><arg name="id" type="u"/></signal>
    <method name="Poke"/>
    <method name="GetCalls"><arg name="calls" direction="out" type="as"/></method>
  </interface>
</node>
"""


class FakeIdleMonitor:
    def __init__(self):
        self.last_input = time.monotonic()
        self.next_id = 1
        self.idle_watches = {}    # id -> (interval ms, GLib source id or 0)
        self.active_watches = set()
        self.calls = []
        self.connection = None

    def idletime_ms(self):
        return int((time.monotonic() - self.last_input) * 1000)

    def fire(self, watch_id):
        self.connection.emit_signal(None, PATH, NAME, "WatchFired", GLib.Variant("(u)", (watch_id,)))

    def arm(self, watch_id):
        interval, _ = self.idle_watches[watch_id]

        def fired():
            if watch_id in self.idle_watches:
                self.idle_watches[watch_id] = (interval, 0)
                self.fire(watch_id)
            return GLib.SOURCE_REMOVE

        wait = max(interval - self.idletime_ms(), 0)
        self.idle_watches[watch_id] = (interval, GLib.timeout_add(wait, fired))

    def method_call(self, connection, sender, path, iface, method, params, invocation):
        args = params.unpack()
        if method == "GetIdletime":
            invocation.return_value(GLib.Variant("(t)", (self.idletime_ms(),)))
        elif method == "AddIdleWatch":
            watch_id = self.next_id
            self.next_id += 1
            self.idle_watches[watch_id] = (args[0], 0)
            self.calls.append(f"AddIdleWatch {args[0]} -> {watch_id}")
            invocation.return_value(GLib.Variant("(u)", (watch_id,)))
            self.arm(watch_id)
        elif method == "AddUserActiveWatch":
            watch_id = self.next_id
            self.next_id += 1
            self.active_watches.add(watch_id)
            self.calls.append(f"AddUserActiveWatch -> {watch_id}")
            invocation.return_value(GLib.Variant("(u)", (watch_id,)))
        elif method == "RemoveWatch":
            self.calls.append(f"RemoveWatch {args[0]}")
            _, source = self.idle_watches.pop(args[0], (0, 0))
            if source:
                GLib.source_remove(source)
            self.active_watches.discard(args[0])
            invocation.return_value(None)
        elif method == "Poke":
            self.last_input = time.monotonic()
            for watch_id in sorted(self.active_watches):
                self.fire(watch_id)
            self.active_watches.clear()
            for watch_id, (_, source) in list(self.idle_watches.items()):
                if source:
                    GLib.source_remove(source)
                self.arm(watch_id)
            invocation.return_value(None)
        elif method == "GetCalls":
            invocation.return_value(GLib.Variant("(as)", (self.calls,)))


def main():
    monitor = FakeIdleMonitor()
    loop = GLib.MainLoop()
    info = Gio.DBusNodeInfo.new_for_xml(XML)

    def bus_acquired(connection, name):
        monitor.connection = connection
        connection.register_object(PATH, info.interfaces[0], monitor.method_call, None, None)

    def name_lost(connection, name):
        print("fake-mutter-idle-monitor: could not own " + name, file=sys.stderr)
        loop.quit()

    Gio.bus_own_name(Gio.BusType.SESSION, NAME, Gio.BusNameOwnerFlags.NONE, bus_acquired, None,
                     name_lost)
    loop.run()
    return 1


if __name__ == "__main__":
    sys.exit(main())
