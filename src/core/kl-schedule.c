/* kl-schedule.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-schedule"

#include "config.h"

#include "kl-core-enums.h"
#include "kl-schedule.h"

#define NEVER G_MAXINT64
#define SECONDS_PER_DAY (24 * 60 * 60)

/* g_date_get_julian () of 1970-01-01: GDate counts from 1 January of year 1. */
#define UNIX_EPOCH_JULIAN 719163

/* Where an interval reminder is in its cycle. */
typedef enum
{
  COUNTING,  /* the timer runs while the person is at the desk in working hours */
  DUE,       /* the timer ran out; not shown yet, because of a pause or idleness */
  SNOOZED,
  SHOWN,     /* waiting for an answer */
} Phase;

typedef struct
{
  gint64      id;
  GTimeSpan   every;          /* 0: a time-of-day reminder */
  int         at;
  KlWeekdays  days;
  GTimeSpan   break_length;
  gint64      snoozed_until;  /* 0 when not snoozed */

  /* An interval reminder */
  Phase       phase;
  GTimeSpan   counted;        /* desk time since the timer started, while COUNTING */
  gint64      counting_from;  /* nothing before this counts: the end of a break taken */
  gint64      due_since;      /* DUE: when the timer ran out */

  /* A time-of-day reminder */
  gint64      next;           /* the next occurrence not shown yet, or NEVER */
  gboolean    shown;
} Entry;

struct _KlSchedule
{
  GObject         parent_instance;

  GTimeZone      *tz;
  KlWorkingHours  hours;
  GArray         *entries;
  GArray         *outcomes;
  gint64          last;          /* time is accounted for up to here */
  gboolean        idle;
  gint64          idle_since;
  gint64          paused_until;  /* 0 when not paused */
};

G_DEFINE_FINAL_TYPE (KlSchedule, kl_schedule, G_TYPE_OBJECT)

static void
kl_schedule_finalize (GObject *object)
{
  KlSchedule *self = (KlSchedule *)object;

  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->outcomes, g_array_unref);

  G_OBJECT_CLASS (kl_schedule_parent_class)->finalize (object);
}

static void
kl_schedule_class_init (KlScheduleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kl_schedule_finalize;
}

static void
kl_schedule_init (KlSchedule *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  self->outcomes = g_array_new (FALSE, TRUE, sizeof (KlBreakOutcome));
  kl_working_hours_init_default (&self->hours);
}

/* Local days and times. Instants are µs since the epoch; the zone works in seconds. */

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static int
offset_at (GTimeZone *tz,
           gint64     seconds)
{
  return g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL,
                                                                seconds));
}

static void
local_date (GTimeZone *tz,
            gint64     t,
            GDate     *date)
{
  gint64 seconds = floor_div (t, G_USEC_PER_SEC);

  g_date_clear (date, 1);
  g_date_set_julian (date, UNIX_EPOCH_JULIAN +
                     floor_div (seconds + offset_at (tz, seconds), SECONDS_PER_DAY));
}

/* The first instant at which the local clock shows @minute of @date or later; 1440 is the end
 * of the day. So a time that a DST change skips comes at the change (02:30 on a spring-forward
 * night is 03:00), and a time that it shows twice comes the first time. */
static gint64
wall_instant (GTimeZone   *tz,
              const GDate *date,
              guint        minute)
{
  gint64 wall = ((gint64)g_date_get_julian (date) - UNIX_EPOCH_JULIAN) * SECONDS_PER_DAY +
                minute * 60;
  int before = offset_at (tz, wall - SECONDS_PER_DAY);
  int after = offset_at (tz, wall + SECONDS_PER_DAY);
  gint64 best = NEVER;
  gint64 lo;
  gint64 hi;

  /* Read with the offset of the day before or the day after, the wall time is right when the
   * zone has that offset at the instant it gives. */
  if (offset_at (tz, wall - before) == before)
    best = wall - before;
  if (offset_at (tz, wall - after) == after)
    best = MIN (best, wall - after);
  if (best != NEVER)
    return best * G_USEC_PER_SEC;

  /* Skipped: the clock jumps from before @minute to past it somewhere in between. */
  lo = wall - after;
  hi = wall - before;
  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (mid + offset_at (tz, mid) >= wall)
        hi = mid;
      else
        lo = mid;
    }

  return hi * G_USEC_PER_SEC;
}

/* Local midnight starting the day of @t, or @days_later days after it. */
static gint64
day_start (KlSchedule *self,
           gint64      t,
           int         days_later)
{
  GDate date;

  local_date (self->tz, t, &date);
  g_date_add_days (&date, days_later);
  return wall_instant (self->tz, &date, 0);
}

/* The working period holding @t, or else the next one. A week without working hours has none. */
static gboolean
find_period (KlSchedule *self,
             gint64      t,
             gint64     *out_start,
             gint64     *out_end)
{
  GDate date;

  local_date (self->tz, t, &date);
  for (guint i = 0; i < 8; i++, g_date_add_days (&date, 1))
    {
      const KlWorkingDay *day = &self->hours.days[g_date_get_weekday (&date) - 1];
      gint64 end;

      if (day->start >= day->end)
        continue;

      end = wall_instant (self->tz, &date, day->end);
      if (end > t)
        {
          *out_start = wall_instant (self->tz, &date, day->start);
          *out_end = end;
          return TRUE;
        }
    }

  return FALSE;
}

/* How much of @from..@to is working time. */
static GTimeSpan
desk_time (KlSchedule *self,
           gint64      from,
           gint64      to)
{
  GTimeSpan total = 0;
  gint64 start;
  gint64 end;

  while (from < to && find_period (self, from, &start, &end) && start < to)
    {
      total += MIN (end, to) - MAX (start, from);
      from = end;
    }

  return total;
}

/* When @need of working time will have passed from @from on. */
static gint64
desk_time_end (KlSchedule *self,
               gint64      from,
               GTimeSpan   need)
{
  gint64 start;
  gint64 end;

  while (find_period (self, from, &start, &end))
    {
      start = MAX (start, from);
      if (need <= end - start)
        return start + need;
      need -= end - start;
      from = end;
    }

  return NEVER;
}

/* @t if it is working time, else the start of the next working period. */
static gint64
desk_moment (KlSchedule *self,
             gint64      t)
{
  gint64 start;
  gint64 end;

  if (!find_period (self, t, &start, &end))
    return NEVER;
  return MAX (start, t);
}

static gint64
next_occurrence (KlSchedule  *self,
                 const Entry *entry,
                 gint64       from)
{
  GDate date;

  local_date (self->tz, from, &date);
  for (guint i = 0; i < 8; i++, g_date_add_days (&date, 1))
    if (entry->days & KL_WEEKDAY_FROM_DATE (g_date_get_weekday (&date)))
      {
        gint64 t = wall_instant (self->tz, &date, entry->at);

        if (t >= from)
          return t;
      }

  return NEVER;
}

/* The occurrence of a time-of-day reminder still to show, seen from @now. One whose own day
 * ended before it could be shown (the machine slept, or reminders were paused, through the rest
 * of that day) gives way to the first of the day it can be shown on: an evening check-in the
 * next morning would only confuse. */
static gint64
current_occurrence (KlSchedule  *self,
                    const Entry *entry,
                    gint64       now)
{
  gint64 from = MAX (now, self->paused_until);

  if (entry->next == NEVER || from < day_start (self, entry->next, 1))
    return entry->next;
  return next_occurrence (self, entry, day_start (self, from, 0));
}

static gint64
interval_due (KlSchedule  *self,
              const Entry *entry)
{
  gint64 due;

  /* Idle time does not count, and a reminder waits for the person to be back. */
  if (self->idle)
    return NEVER;

  switch (entry->phase)
    {
    case COUNTING:
      due = desk_time_end (self, MAX (self->last, entry->counting_from),
                           entry->every - entry->counted);
      break;
    case DUE:
      due = entry->due_since;
      break;
    case SNOOZED:
      due = entry->snoozed_until;
      break;
    case SHOWN:
    default:
      return NEVER;
    }

  /* Held by a pause, or snoozed past the working day: shown at the next working moment. */
  return due == NEVER ? NEVER : desk_moment (self, MAX (due, self->paused_until));
}

static gint64
entry_due (KlSchedule  *self,
           const Entry *entry,
           gint64       now)
{
  gint64 occurrence;
  gint64 due;

  if (entry->every > 0)
    return interval_due (self, entry);

  occurrence = current_occurrence (self, entry, now);
  due = occurrence == NEVER ? NEVER : MAX (occurrence, self->paused_until);
  if (entry->snoozed_until != 0)
    due = MIN (due, MAX (entry->snoozed_until, self->paused_until));

  return due;
}

static Entry *
find_entry (KlSchedule *self,
            gint64      id)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry->id == id)
        return entry;
    }

  return NULL;
}

static void
record (KlSchedule         *self,
        gint64              reminder_id,
        KlBreakOutcomeKind  kind,
        gint64              at,
        GTimeSpan           duration)
{
  KlBreakOutcome outcome = { reminder_id, kind, at, duration };

  g_array_append_val (self->outcomes, outcome);
}

static void
restart_timer (Entry  *entry,
               gint64  from)
{
  entry->phase = COUNTING;
  entry->counted = 0;
  entry->counting_from = from;
  entry->snoozed_until = 0;
}

/* The clock was set back by @by: what was kept relative to the old time moves with it, so that
 * timers and snoozes keep what they had left. */
static void
set_clock_back (KlSchedule *self,
                GTimeSpan   by)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      entry->counting_from -= by;
      entry->due_since -= by;
      if (entry->snoozed_until != 0)
        entry->snoozed_until -= by;
    }
  self->idle_since -= by;
}

/* Brings the timers up to @now: desk time counts while the person is active, in working hours. */
static void
catch_up (KlSchedule *self,
          gint64      now)
{
  if (now < self->last)
    set_clock_back (self, self->last - now);

  if (!self->idle)
    for (guint i = 0; i < self->entries->len; i++)
      {
        Entry *entry = &g_array_index (self->entries, Entry, i);
        gint64 from = MAX (self->last, entry->counting_from);
        gint64 end;

        if (entry->every == 0 || entry->phase != COUNTING || from >= now)
          continue;

        end = desk_time_end (self, from, entry->every - entry->counted);
        if (end <= now)
          {
            entry->phase = DUE;
            entry->due_since = end;
          }
        else
          {
            entry->counted += desk_time (self, from, now);
          }
      }

  self->last = now;

  /* The pause is over: what it held is due from its end on. */
  if (self->paused_until != 0 && self->paused_until <= now)
    {
      for (guint i = 0; i < self->entries->len; i++)
        {
          Entry *entry = &g_array_index (self->entries, Entry, i);

          if (entry->every > 0 && entry->phase == DUE)
            entry->due_since = MAX (entry->due_since, self->paused_until);
          else if (entry->every > 0 && entry->phase == SNOOZED)
            entry->snoozed_until = MAX (entry->snoozed_until, self->paused_until);
        }
      self->paused_until = 0;
    }
}

/* An idle stretch or a suspend at least as long as a reminder's break is that break, taken. */
static void
natural_break (KlSchedule *self,
               gint64      from,
               gint64      to)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry->every == 0 || entry->break_length == 0 || to - from < entry->break_length)
        continue;

      /* A timer that had not run yet (a break just after another) has nothing to record. */
      if (entry->phase != COUNTING || entry->counted > 0)
        record (self, entry->id, KL_BREAK_OUTCOME_NATURAL, from, to - from);
      restart_timer (entry, to);
    }
}

KlSchedule *
kl_schedule_new (GTimeZone *tz,
                 gint64     now)
{
  KlSchedule *self;

  g_return_val_if_fail (tz != NULL, NULL);

  self = g_object_new (KL_TYPE_SCHEDULE, NULL);
  self->tz = g_time_zone_ref (tz);
  self->last = now;

  return self;
}

void
kl_schedule_set_reminders (KlSchedule         *self,
                           KlReminder * const *reminders,
                           guint               n_reminders,
                           gint64              now)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));

  g_return_if_fail (KL_IS_SCHEDULE (self));
  g_return_if_fail (reminders != NULL || n_reminders == 0);

  catch_up (self, now);

  for (guint i = 0; i < n_reminders; i++)
    {
      KlReminder *reminder = reminders[i];
      Entry entry = { 0 };
      const Entry *old;

      g_return_if_fail (KL_IS_REMINDER (reminder));

      if (!kl_reminder_get_enabled (reminder))
        continue;

      entry.id = kl_reminder_get_id (reminder);
      entry.every = kl_reminder_get_every (reminder) * G_TIME_SPAN_SECOND;
      entry.at = kl_reminder_get_at (reminder);
      entry.days = kl_reminder_get_days (reminder);
      entry.break_length = kl_reminder_get_break_length (reminder) * G_TIME_SPAN_SECOND;

      old = find_entry (self, entry.id);
      if (old != NULL && old->every == entry.every && old->at == entry.at &&
          old->days == entry.days)
        {
          GTimeSpan break_length = entry.break_length;

          entry = *old;
          entry.break_length = break_length;
        }
      else if (entry.every > 0)
        {
          restart_timer (&entry, now);
        }
      else
        {
          entry.next = next_occurrence (self, &entry, now);
        }

      g_array_append_val (entries, entry);
    }

  g_array_unref (self->entries);
  self->entries = g_steal_pointer (&entries);
}

void
kl_schedule_set_working_hours (KlSchedule           *self,
                               const KlWorkingHours *hours,
                               gint64                now)
{
  g_return_if_fail (KL_IS_SCHEDULE (self));
  g_return_if_fail (hours != NULL);

  /* The time so far counts under the hours it was spent in. */
  catch_up (self, now);
  self->hours = *hours;
}

void
kl_schedule_note_active (KlSchedule *self,
                         gint64      now)
{
  g_return_if_fail (KL_IS_SCHEDULE (self));

  catch_up (self, now);
  if (self->idle)
    {
      self->idle = FALSE;
      natural_break (self, self->idle_since, now);
    }
}

void
kl_schedule_note_idle (KlSchedule *self,
                       gint64      idle_since,
                       gint64      now)
{
  g_return_if_fail (KL_IS_SCHEDULE (self));
  g_return_if_fail (idle_since <= now);

  if (!self->idle)
    {
      /* The idle monitor reports late, by its threshold: the desk time ended at @idle_since. */
      catch_up (self, MAX (idle_since, self->last));
      self->idle = TRUE;
      self->idle_since = idle_since;
    }
  catch_up (self, now);
}

void
kl_schedule_note_suspend (KlSchedule *self,
                          gint64      from,
                          gint64      to)
{
  g_return_if_fail (KL_IS_SCHEDULE (self));
  g_return_if_fail (from <= to);

  /* Asleep while idle only makes the idle stretch longer: it is judged when the person is back. */
  if (!self->idle)
    {
      catch_up (self, MAX (from, self->last));
      natural_break (self, from, to);
    }
  self->last = MAX (self->last, to);
}

/* Done or skip for a time-of-day reminder: the shown one, or else the coming one. */
static void
answer_occurrence (KlSchedule *self,
                   Entry      *entry,
                   gint64      now)
{
  gint64 occurrence;

  if (entry->shown || entry->snoozed_until != 0)
    {
      entry->shown = FALSE;
      entry->snoozed_until = 0;
      return;
    }

  occurrence = current_occurrence (self, entry, now);
  if (occurrence != NEVER)
    entry->next = next_occurrence (self, entry, day_start (self, occurrence, 1));
}

gboolean
kl_schedule_done (KlSchedule *self,
                  gint64      reminder_id,
                  gint64      now)
{
  Entry *entry;

  g_return_val_if_fail (KL_IS_SCHEDULE (self), FALSE);

  catch_up (self, now);
  entry = find_entry (self, reminder_id);
  if (entry == NULL)
    return FALSE;

  record (self, reminder_id, KL_BREAK_OUTCOME_TAKEN, now, entry->break_length);
  if (entry->every > 0)
    /* The break itself is not desk time, whatever the idle monitor makes of it. */
    restart_timer (entry, now + entry->break_length);
  else
    answer_occurrence (self, entry, now);

  return TRUE;
}

gboolean
kl_schedule_snooze (KlSchedule *self,
                    gint64      reminder_id,
                    gint64      now)
{
  Entry *entry;

  g_return_val_if_fail (KL_IS_SCHEDULE (self), FALSE);

  catch_up (self, now);
  entry = find_entry (self, reminder_id);
  if (entry == NULL || (entry->every > 0 ? entry->phase != SHOWN : !entry->shown))
    return FALSE;

  if (entry->every > 0)
    entry->phase = SNOOZED;
  entry->shown = FALSE;
  entry->snoozed_until = now + KL_SCHEDULE_SNOOZE;
  record (self, reminder_id, KL_BREAK_OUTCOME_SNOOZED, now, KL_SCHEDULE_SNOOZE);

  return TRUE;
}

gboolean
kl_schedule_skip (KlSchedule *self,
                  gint64      reminder_id,
                  gint64      now)
{
  Entry *entry;

  g_return_val_if_fail (KL_IS_SCHEDULE (self), FALSE);

  catch_up (self, now);
  entry = find_entry (self, reminder_id);
  if (entry == NULL)
    return FALSE;

  record (self, reminder_id, KL_BREAK_OUTCOME_SKIPPED, now, 0);
  if (entry->every > 0)
    restart_timer (entry, now);
  else
    answer_occurrence (self, entry, now);

  return TRUE;
}

void
kl_schedule_pause_until (KlSchedule *self,
                         gint64      until,
                         gint64      now)
{
  g_return_if_fail (KL_IS_SCHEDULE (self));

  catch_up (self, now);
  self->paused_until = until > now ? until : 0;
}

gint64
kl_schedule_get_paused_until (KlSchedule *self)
{
  g_return_val_if_fail (KL_IS_SCHEDULE (self), 0);

  return self->paused_until;
}

gint64
kl_schedule_get_tomorrow (KlSchedule *self,
                          gint64      now)
{
  g_return_val_if_fail (KL_IS_SCHEDULE (self), 0);

  return day_start (self, now, 1);
}

gboolean
kl_schedule_next_due (KlSchedule *self,
                      gint64      now,
                      gint64     *out_reminder_id,
                      gint64     *out_at)
{
  gint64 best = NEVER;
  gint64 best_id = 0;

  g_return_val_if_fail (KL_IS_SCHEDULE (self), FALSE);

  catch_up (self, now);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);
      gint64 due = entry_due (self, entry, now);

      if (due < best)
        {
          best = due;
          best_id = entry->id;
        }
    }

  if (best == NEVER)
    return FALSE;

  if (out_reminder_id != NULL)
    *out_reminder_id = best_id;
  if (out_at != NULL)
    *out_at = best;
  return TRUE;
}

gboolean
kl_schedule_next_due_for (KlSchedule *self,
                          gint64      reminder_id,
                          gint64      now,
                          gint64     *out_at)
{
  const Entry *entry;
  gint64 due;

  g_return_val_if_fail (KL_IS_SCHEDULE (self), FALSE);

  catch_up (self, now);
  entry = find_entry (self, reminder_id);
  due = entry != NULL ? entry_due (self, entry, now) : NEVER;
  if (due == NEVER)
    return FALSE;

  if (out_at != NULL)
    *out_at = due;
  return TRUE;
}

GArray *
kl_schedule_list_waiting (KlSchedule *self)
{
  GArray *ids;

  g_return_val_if_fail (KL_IS_SCHEDULE (self), NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry->every > 0 ? entry->phase == SHOWN : entry->shown)
        g_array_append_val (ids, entry->id);
    }

  return ids;
}

GArray *
kl_schedule_take_due (KlSchedule *self,
                      gint64      now)
{
  GArray *ids;

  g_return_val_if_fail (KL_IS_SCHEDULE (self), NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  catch_up (self, now);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry_due (self, entry, now) > now)
        continue;

      if (entry->every > 0)
        {
          entry->phase = SHOWN;
        }
      else
        {
          gint64 occurrence = current_occurrence (self, entry, now);

          if (occurrence <= now)
            entry->next = next_occurrence (self, entry, day_start (self, occurrence, 1));
          entry->shown = TRUE;
        }
      entry->snoozed_until = 0;

      record (self, entry->id, KL_BREAK_OUTCOME_SHOWN, now, 0);
      g_array_append_val (ids, entry->id);
    }

  return ids;
}

GArray *
kl_schedule_take_outcomes (KlSchedule *self)
{
  GArray *outcomes;

  g_return_val_if_fail (KL_IS_SCHEDULE (self), NULL);

  outcomes = g_steal_pointer (&self->outcomes);
  self->outcomes = g_array_new (FALSE, TRUE, sizeof (KlBreakOutcome));
  return outcomes;
}

const char *
kl_break_outcome_kind_to_string (KlBreakOutcomeKind kind)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (KL_TYPE_BREAK_OUTCOME_KIND);
  const GEnumValue *value = g_enum_get_value (kinds, kind);

  g_return_val_if_fail (value != NULL, NULL);

  /* The nicks are static strings, and a static type's class is never finalised. */
  return value->value_nick;
}
