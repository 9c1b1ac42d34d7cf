/* kl-reminder.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KL_REMINDER_ERROR (kl_reminder_error_quark ())

typedef enum
{
  KL_REMINDER_ERROR_DURATION,  /* not a duration, or outside 5 s to 24 h */
  KL_REMINDER_ERROR_TIME,      /* not a time of day HH:MM */
  KL_REMINDER_ERROR_DAYS,      /* not a list of days */
  KL_REMINDER_ERROR_KIND,      /* not a kind of reminder */
  KL_REMINDER_ERROR_INVALID,   /* a reminder that cannot be kept as it is */
} KlReminderError;

/* The nicks are the names the command line and the CSV files use. */
typedef enum
{
  KL_REMINDER_KIND_MICRO_BREAK,   /*< nick=micro-break >*/
  KL_REMINDER_KIND_STRETCH_BREAK, /*< nick=stretch-break >*/
  KL_REMINDER_KIND_ROUTINE,       /*< nick=routine >*/
  KL_REMINDER_KIND_CHECK_IN,      /*< nick=check-in >*/
  KL_REMINDER_KIND_HYDRATION,     /*< nick=hydration >*/
} KlReminderKind;

typedef enum
{
  KL_WEEKDAY_MONDAY    = 1 << 0, /*< nick=mon >*/
  KL_WEEKDAY_TUESDAY   = 1 << 1, /*< nick=tue >*/
  KL_WEEKDAY_WEDNESDAY = 1 << 2, /*< nick=wed >*/
  KL_WEEKDAY_THURSDAY  = 1 << 3, /*< nick=thu >*/
  KL_WEEKDAY_FRIDAY    = 1 << 4, /*< nick=fri >*/
  KL_WEEKDAY_SATURDAY  = 1 << 5, /*< nick=sat >*/
  KL_WEEKDAY_SUNDAY    = 1 << 6, /*< nick=sun >*/
} KlWeekdays;

#define KL_WEEKDAYS_WORK     (KL_WEEKDAY_MONDAY | KL_WEEKDAY_TUESDAY | KL_WEEKDAY_WEDNESDAY | \
                              KL_WEEKDAY_THURSDAY | KL_WEEKDAY_FRIDAY)
#define KL_WEEKDAYS_WEEKEND  (KL_WEEKDAY_SATURDAY | KL_WEEKDAY_SUNDAY)
#define KL_WEEKDAYS_ALL      (KL_WEEKDAYS_WORK | KL_WEEKDAYS_WEEKEND)

/* The flag of a GDateWeekday (G_DATE_MONDAY is 1). */
#define KL_WEEKDAY_FROM_DATE(weekday) ((KlWeekdays)(1u << ((weekday) - 1)))

/* How often an interval reminder may come, in seconds of desk time. */
#define KL_REMINDER_MIN_EVERY    5
#define KL_REMINDER_MAX_EVERY    (24 * 60 * 60)
#define KL_REMINDER_MAX_BREAK    (60 * 60)
#define KL_REMINDER_MINUTES_PER_DAY (24 * 60)

/* kl_reminder_get_at () of an interval reminder. */
#define KL_REMINDER_NO_TIME      (-1)

/* One day's working hours in minutes from local midnight: from start until end, where 1440 is the
 * midnight that ends the day. start == end is a day off. A night shift is two periods: until
 * 24:00 on one day and from 00:00 on the next. */
typedef struct
{
  guint16 start;
  guint16 end;
} KlWorkingDay;

typedef struct
{
  KlWorkingDay days[7];    /* Monday first: days[G_DATE_MONDAY - 1] */
} KlWorkingHours;

#define KL_TYPE_REMINDER (kl_reminder_get_type ())

G_DECLARE_FINAL_TYPE (KlReminder, kl_reminder, KL, REMINDER, GObject)

GQuark          kl_reminder_error_quark         (void);

/* A reminder is either an interval of active desk time (every, in seconds) or a local time of day
 * (at, in minutes from midnight) on some days; setting one clears the other. The days only
 * matter for a time of day: interval reminders follow the working hours. @kind's defaults: a
 * micro-break every 20 min with a 20 s break, a stretch-break every 50 min with a 2 min break
 * and the two-minute desk routine, hydration every hour, a check-in at 20:00 and a routine at
 * 21:00 every day (a routine reminder also needs kl_reminder_set_routine ()). */
KlReminder     *kl_reminder_new                 (KlReminderKind  kind);

/* The reminders a first run starts with, in the order to show them. */
GPtrArray      *kl_reminder_new_defaults        (void);

gint64          kl_reminder_get_id              (KlReminder     *self);
KlReminderKind  kl_reminder_get_kind            (KlReminder     *self);
gboolean        kl_reminder_get_enabled         (KlReminder     *self);
void            kl_reminder_set_enabled         (KlReminder     *self,
                                                 gboolean        enabled);
gboolean        kl_reminder_is_interval         (KlReminder     *self);
guint           kl_reminder_get_every           (KlReminder     *self);
void            kl_reminder_set_every           (KlReminder     *self,
                                                 guint           seconds);
int             kl_reminder_get_at              (KlReminder     *self);
void            kl_reminder_set_at              (KlReminder     *self,
                                                 guint           minute_of_day);
KlWeekdays      kl_reminder_get_days            (KlReminder     *self);
void            kl_reminder_set_days            (KlReminder     *self,
                                                 KlWeekdays      days);
const char     *kl_reminder_get_routine         (KlReminder     *self);
void            kl_reminder_set_routine         (KlReminder     *self,
                                                 const char     *slug);
guint           kl_reminder_get_break_length    (KlReminder     *self);
void            kl_reminder_set_break_length    (KlReminder     *self,
                                                 guint           seconds);

/* What the setters cannot check one at a time: a time of day needs a day, a routine reminder a
 * routine. */
gboolean        kl_reminder_validate            (KlReminder     *self,
                                                 GError        **error);

/* Durations are written 45s, 20m, 1h30m, 1h5s: hours, minutes and seconds in that order, each
 * at most once. A bare number is refused, because 20 could mean seconds or minutes. The result
 * is from KL_REMINDER_MIN_EVERY to KL_REMINDER_MAX_EVERY seconds. */
gboolean        kl_reminder_parse_duration      (const char     *text,
                                                 guint          *out_seconds,
                                                 GError        **error);
char           *kl_reminder_format_duration     (guint           seconds);

/* A time of day: H:MM or HH:MM, 00:00 to 23:59. */
gboolean        kl_reminder_parse_time          (const char     *text,
                                                 guint          *out_minute_of_day,
                                                 GError        **error);
char           *kl_reminder_format_time         (guint           minute_of_day);

/* Days: mon,tue,wed,thu,fri,sat,sun in any order and case, and the words weekdays, weekends
 * and daily. The format gives those words where they fit, else the days in week order;
 * no day at all formats as "". */
gboolean        kl_reminder_parse_days          (const char     *text,
                                                 KlWeekdays     *out_days,
                                                 GError        **error);
char           *kl_reminder_format_days         (KlWeekdays      days);

gboolean        kl_reminder_kind_from_string    (const char     *text,
                                                 KlReminderKind *out_kind,
                                                 GError        **error);
const char     *kl_reminder_kind_to_string      (KlReminderKind  kind);

/* Monday to Friday, 09:00 to 17:30. */
void            kl_working_hours_init_default   (KlWorkingHours *hours);
/* Sets every day of @days to @start..@end minutes; start == end makes them days off. */
void            kl_working_hours_set_days       (KlWorkingHours *hours,
                                                 KlWeekdays      days,
                                                 guint           start,
                                                 guint           end);

G_END_DECLS
