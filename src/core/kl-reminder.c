/* kl-reminder.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-reminder"

#include "config.h"

#include <glib/gi18n.h>

#include "kl-core-enums.h"
#include "kl-reminder-private.h"

struct _KlReminder
{
  GObject         parent_instance;

  gint64          id;
  KlReminderKind  kind;
  gboolean        enabled;
  guint           every;
  int             at;
  KlWeekdays      days;
  char           *routine;
  guint           break_length;
};

G_DEFINE_FINAL_TYPE (KlReminder, kl_reminder, G_TYPE_OBJECT)

G_DEFINE_QUARK (kl-reminder-error-quark, kl_reminder_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_ENABLED,
  PROP_EVERY,
  PROP_AT,
  PROP_DAYS,
  PROP_ROUTINE,
  PROP_BREAK_LENGTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The desk routine that fits a stretch-break (data/routines). */
#define DESK_ROUTINE "desk-break"

static void
kl_reminder_finalize (GObject *object)
{
  KlReminder *self = (KlReminder *)object;

  g_clear_pointer (&self->routine, g_free);

  G_OBJECT_CLASS (kl_reminder_parent_class)->finalize (object);
}

static void
kl_reminder_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KlReminder *self = KL_REMINDER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_EVERY:
      g_value_set_uint (value, self->every);
      break;
    case PROP_AT:
      g_value_set_int (value, self->at);
      break;
    case PROP_DAYS:
      g_value_set_flags (value, self->days);
      break;
    case PROP_ROUTINE:
      g_value_set_string (value, self->routine);
      break;
    case PROP_BREAK_LENGTH:
      g_value_set_uint (value, self->break_length);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_reminder_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KlReminder *self = KL_REMINDER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_ENABLED:
      kl_reminder_set_enabled (self, g_value_get_boolean (value));
      break;
    case PROP_EVERY:
      kl_reminder_set_every (self, g_value_get_uint (value));
      break;
    case PROP_AT:
      kl_reminder_set_at (self, g_value_get_int (value));
      break;
    case PROP_DAYS:
      kl_reminder_set_days (self, g_value_get_flags (value));
      break;
    case PROP_ROUTINE:
      kl_reminder_set_routine (self, g_value_get_string (value));
      break;
    case PROP_BREAK_LENGTH:
      kl_reminder_set_break_length (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The kind's own schedule and break, once the kind is known. */
static void
kl_reminder_constructed (GObject *object)
{
  KlReminder *self = KL_REMINDER (object);

  G_OBJECT_CLASS (kl_reminder_parent_class)->constructed (object);

  switch (self->kind)
    {
    case KL_REMINDER_KIND_MICRO_BREAK:
      /* 20-20-20: every 20 minutes, 20 seconds looking 6 m away. */
      self->every = 20 * 60;
      self->break_length = 20;
      break;
    case KL_REMINDER_KIND_STRETCH_BREAK:
      self->every = 50 * 60;
      self->break_length = 2 * 60;
      self->routine = g_strdup (DESK_ROUTINE);
      break;
    case KL_REMINDER_KIND_HYDRATION:
      /* Being away from the desk says nothing about drinking: no break length, so idle time
       * never stands in for it. */
      self->every = 60 * 60;
      break;
    case KL_REMINDER_KIND_CHECK_IN:
      self->at = 20 * 60;
      break;
    case KL_REMINDER_KIND_ROUTINE:
    default:
      self->at = 21 * 60;
      break;
    }
}

static void
kl_reminder_class_init (KlReminderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kl_reminder_finalize;
  object_class->constructed = kl_reminder_constructed;
  object_class->get_property = kl_reminder_get_property;
  object_class->set_property = kl_reminder_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, KL_TYPE_REMINDER_KIND,
                                             KL_REMINDER_KIND_MICRO_BREAK,
                                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                             G_PARAM_STATIC_STRINGS);
  properties[PROP_ENABLED] = g_param_spec_boolean ("enabled", NULL, NULL, TRUE, rw);
  /* 0 and KL_REMINDER_NO_TIME only describe the other sort of reminder; the setters refuse them. */
  properties[PROP_EVERY] = g_param_spec_uint ("every", NULL, NULL, 0, KL_REMINDER_MAX_EVERY, 0,
                                              rw);
  properties[PROP_AT] = g_param_spec_int ("at", NULL, NULL, KL_REMINDER_NO_TIME,
                                          KL_REMINDER_MINUTES_PER_DAY - 1, KL_REMINDER_NO_TIME,
                                          rw);
  properties[PROP_DAYS] = g_param_spec_flags ("days", NULL, NULL, KL_TYPE_WEEKDAYS,
                                              KL_WEEKDAYS_ALL, rw);
  properties[PROP_ROUTINE] = g_param_spec_string ("routine", NULL, NULL, NULL, rw);
  properties[PROP_BREAK_LENGTH] = g_param_spec_uint ("break-length", NULL, NULL, 0,
                                                     KL_REMINDER_MAX_BREAK, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kl_reminder_init (KlReminder *self)
{
  self->enabled = TRUE;
  self->at = KL_REMINDER_NO_TIME;
  self->days = KL_WEEKDAYS_ALL;
}

KlReminder *
kl_reminder_new (KlReminderKind kind)
{
  return g_object_new (KL_TYPE_REMINDER, "kind", kind, NULL);
}

GPtrArray *
kl_reminder_new_defaults (void)
{
  GPtrArray *reminders = g_ptr_array_new_with_free_func (g_object_unref);
  KlReminder *routine;
  KlReminder *hydration;

  g_ptr_array_add (reminders, kl_reminder_new (KL_REMINDER_KIND_MICRO_BREAK));
  g_ptr_array_add (reminders, kl_reminder_new (KL_REMINDER_KIND_STRETCH_BREAK));
  g_ptr_array_add (reminders, kl_reminder_new (KL_REMINDER_KIND_CHECK_IN));

  /* Offered, not imposed: an evening routine and drinking reminders are a choice. */
  routine = kl_reminder_new (KL_REMINDER_KIND_ROUTINE);
  kl_reminder_set_routine (routine, "upper-trapezius-ball");
  kl_reminder_set_enabled (routine, FALSE);
  g_ptr_array_add (reminders, routine);

  hydration = kl_reminder_new (KL_REMINDER_KIND_HYDRATION);
  kl_reminder_set_enabled (hydration, FALSE);
  g_ptr_array_add (reminders, hydration);

  return reminders;
}

gint64
kl_reminder_get_id (KlReminder *self)
{
  g_return_val_if_fail (KL_IS_REMINDER (self), 0);

  return self->id;
}

void
_kl_reminder_set_id (KlReminder *self,
                     gint64      id)
{
  g_assert (KL_IS_REMINDER (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

KlReminderKind
kl_reminder_get_kind (KlReminder *self)
{
  g_return_val_if_fail (KL_IS_REMINDER (self), KL_REMINDER_KIND_MICRO_BREAK);

  return self->kind;
}

gboolean
kl_reminder_get_enabled (KlReminder *self)
{
  g_return_val_if_fail (KL_IS_REMINDER (self), FALSE);

  return self->enabled;
}

void
kl_reminder_set_enabled (KlReminder *self,
                         gboolean    enabled)
{
  g_return_if_fail (KL_IS_REMINDER (self));

  enabled = !!enabled;
  if (self->enabled != enabled)
    {
      self->enabled = enabled;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
    }
}

gboolean
kl_reminder_is_interval (KlReminder *self)
{
  g_return_val_if_fail (KL_IS_REMINDER (self), FALSE);

  return self->every > 0;
}

guint
kl_reminder_get_every (KlReminder *self)
{
  g_return_val_if_fail (KL_IS_REMINDER (self), 0);

  return self->every;
}

void
kl_reminder_set_every (KlReminder *self,
                       guint       seconds)
{
  g_return_if_fail (KL_IS_REMINDER (self));
  g_return_if_fail (seconds >= KL_REMINDER_MIN_EVERY && seconds <= KL_REMINDER_MAX_EVERY);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->every != seconds)
    {
      self->every = seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVERY]);
    }
  if (self->at != KL_REMINDER_NO_TIME)
    {
      self->at = KL_REMINDER_NO_TIME;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

int
kl_reminder_get_at (KlReminder *self)
{
  g_return_val_if_fail (KL_IS_REMINDER (self), KL_REMINDER_NO_TIME);

  return self->at;
}

void
kl_reminder_set_at (KlReminder *self,
                    guint       minute_of_day)
{
  g_return_if_fail (KL_IS_REMINDER (self));
  g_return_if_fail (minute_of_day < KL_REMINDER_MINUTES_PER_DAY);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->at != (int)minute_of_day)
    {
      self->at = minute_of_day;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT]);
    }
  if (self->every != 0)
    {
      self->every = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVERY]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

KlWeekdays
kl_reminder_get_days (KlReminder *self)
{
  g_return_val_if_fail (KL_IS_REMINDER (self), 0);

  return self->days;
}

void
kl_reminder_set_days (KlReminder *self,
                      KlWeekdays  days)
{
  g_return_if_fail (KL_IS_REMINDER (self));
  g_return_if_fail ((days & ~KL_WEEKDAYS_ALL) == 0);

  if (self->days != days)
    {
      self->days = days;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAYS]);
    }
}

const char *
kl_reminder_get_routine (KlReminder *self)
{
  g_return_val_if_fail (KL_IS_REMINDER (self), NULL);

  return self->routine;
}

/* NULL or "" for none. */
void
kl_reminder_set_routine (KlReminder *self,
                         const char *slug)
{
  g_return_if_fail (KL_IS_REMINDER (self));

  if (slug != NULL && *slug == '\0')
    slug = NULL;
  if (g_strcmp0 (self->routine, slug) == 0)
    return;

  g_free (self->routine);
  self->routine = g_strdup (slug);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUTINE]);
}

guint
kl_reminder_get_break_length (KlReminder *self)
{
  g_return_val_if_fail (KL_IS_REMINDER (self), 0);

  return self->break_length;
}

/* 0: no idle stretch ever counts as this reminder's break. */
void
kl_reminder_set_break_length (KlReminder *self,
                              guint       seconds)
{
  g_return_if_fail (KL_IS_REMINDER (self));
  g_return_if_fail (seconds <= KL_REMINDER_MAX_BREAK);

  if (self->break_length != seconds)
    {
      self->break_length = seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BREAK_LENGTH]);
    }
}

/* Routine slugs are file names in data/routines: lower-case letters, digits and hyphens. */
static gboolean
is_slug (const char *text)
{
  if (*text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

gboolean
kl_reminder_validate (KlReminder  *self,
                      GError     **error)
{
  g_return_val_if_fail (KL_IS_REMINDER (self), FALSE);

  if (self->every == 0 && self->days == 0)
    {
      g_set_error_literal (error, KL_REMINDER_ERROR, KL_REMINDER_ERROR_INVALID,
                           _("A reminder at a time of day needs at least one day"));
      return FALSE;
    }

  if (self->kind == KL_REMINDER_KIND_ROUTINE && self->routine == NULL)
    {
      g_set_error_literal (error, KL_REMINDER_ERROR, KL_REMINDER_ERROR_INVALID,
                           _("A routine reminder needs a routine"));
      return FALSE;
    }

  if (self->routine != NULL && !is_slug (self->routine))
    {
      g_set_error (error, KL_REMINDER_ERROR, KL_REMINDER_ERROR_INVALID,
                   _("“%s” is not a routine name: use lower-case letters, digits and hyphens"),
                   self->routine);
      return FALSE;
    }

  return TRUE;
}

gboolean
kl_reminder_parse_duration (const char  *text,
                            guint       *out_seconds,
                            GError     **error)
{
  static const struct { char unit; guint seconds; } units[] = {
    { 'h', 60 * 60 }, { 'm', 60 }, { 's', 1 },
  };
  guint64 total = 0;
  guint next_unit = 0;
  const char *p = text;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_seconds != NULL, FALSE);

  do
    {
      const char *digits = p;
      guint64 value = 0;
      guint unit;

      /* Capped so that a long run of digits cannot wrap around into the range. */
      for (; g_ascii_isdigit (*p); p++)
        value = MIN (value * 10 + (guint64)(*p - '0'), (guint64)KL_REMINDER_MAX_EVERY + 1);

      if (p != digits && *p == '\0' && digits == text)
        {
          /* Translators: s, m and h are the units the command line reads: keep them. */
          g_set_error (error, KL_REMINDER_ERROR, KL_REMINDER_ERROR_DURATION,
                       _("“%s” needs a unit: %ss, %sm or %sh"), text, text, text, text);
          return FALSE;
        }

      for (unit = next_unit; unit < G_N_ELEMENTS (units); unit++)
        if (units[unit].unit == g_ascii_tolower (*p))
          break;

      if (p == digits || *p == '\0' || unit == G_N_ELEMENTS (units))
        {
          g_set_error (error, KL_REMINDER_ERROR, KL_REMINDER_ERROR_DURATION,
                       _("“%s” is not a duration: write it like 45s, 20m or 1h30m"), text);
          return FALSE;
        }

      total += value * units[unit].seconds;
      next_unit = unit + 1;
      p++;
    }
  while (*p != '\0');

  if (total < KL_REMINDER_MIN_EVERY)
    {
      g_set_error (error, KL_REMINDER_ERROR, KL_REMINDER_ERROR_DURATION,
                   _("“%s” is too short: the shortest is 5s"), text);
      return FALSE;
    }
  if (total > KL_REMINDER_MAX_EVERY)
    {
      g_set_error (error, KL_REMINDER_ERROR, KL_REMINDER_ERROR_DURATION,
                   _("“%s” is too long: the longest is 24h"), text);
      return FALSE;
    }

  *out_seconds = total;
  return TRUE;
}

char *
kl_reminder_format_duration (guint seconds)
{
  GString *text = g_string_new (NULL);

  if (seconds >= 60 * 60)
    g_string_append_printf (text, "%uh", seconds / (60 * 60));
  if (seconds % (60 * 60) >= 60)
    g_string_append_printf (text, "%um", seconds % (60 * 60) / 60);
  if (seconds % 60 != 0 || seconds == 0)
    g_string_append_printf (text, "%us", seconds % 60);

  return g_string_free (text, FALSE);
}

gboolean
kl_reminder_parse_time (const char  *text,
                        guint       *out_minute_of_day,
                        GError     **error)
{
  const char *p = text;
  guint hours = 0;
  guint n_hour_digits = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_minute_of_day != NULL, FALSE);

  for (; g_ascii_isdigit (*p) && n_hour_digits < 2; p++, n_hour_digits++)
    hours = hours * 10 + (guint)(*p - '0');

  if (n_hour_digits == 0 || hours > 23 || p[0] != ':' ||
      !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) || p[3] != '\0' ||
      p[1] > '5')
    {
      g_set_error (error, KL_REMINDER_ERROR, KL_REMINDER_ERROR_TIME,
                   _("“%s” is not a time of day: write it as HH:MM, from 00:00 to 23:59"), text);
      return FALSE;
    }

  *out_minute_of_day = hours * 60 + (guint)(p[1] - '0') * 10 + (guint)(p[2] - '0');
  return TRUE;
}

char *
kl_reminder_format_time (guint minute_of_day)
{
  g_return_val_if_fail (minute_of_day < KL_REMINDER_MINUTES_PER_DAY, NULL);

  return g_strdup_printf ("%02u:%02u", minute_of_day / 60, minute_of_day % 60);
}

static const struct
{
  const char *word;
  KlWeekdays  days;
} day_words[] = {
  { "daily", KL_WEEKDAYS_ALL },
  { "weekdays", KL_WEEKDAYS_WORK },
  { "weekends", KL_WEEKDAYS_WEEKEND },
};

gboolean
kl_reminder_parse_days (const char  *text,
                        KlWeekdays  *out_days,
                        GError     **error)
{
  g_autoptr(GFlagsClass) flags = g_type_class_ref (KL_TYPE_WEEKDAYS);
  g_auto(GStrv) items = NULL;
  KlWeekdays days = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_days != NULL, FALSE);

  items = g_strsplit (text, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *item = g_ascii_strdown (g_strstrip (items[i]), -1);
      const GFlagsValue *day = g_flags_get_value_by_nick (flags, item);
      KlWeekdays these = day != NULL ? day->value : 0;

      for (guint w = 0; w < G_N_ELEMENTS (day_words) && these == 0; w++)
        if (g_str_equal (item, day_words[w].word))
          these = day_words[w].days;

      if (*item == '\0')
        {
          g_set_error (error, KL_REMINDER_ERROR, KL_REMINDER_ERROR_DAYS,
                       _("“%s” is not a list of days: write it like mon,wed,fri"), text);
          return FALSE;
        }
      if (these == 0)
        {
          g_set_error (error, KL_REMINDER_ERROR, KL_REMINDER_ERROR_DAYS,
                       _("“%s” is not a day: use mon, tue, wed, thu, fri, sat, sun, weekdays, "
                         "weekends or daily"), items[i]);
          return FALSE;
        }
      days |= these;
    }

  /* g_strsplit gives no items for "": the same as an empty item. */
  if (days == 0)
    {
      g_set_error (error, KL_REMINDER_ERROR, KL_REMINDER_ERROR_DAYS,
                   _("“%s” is not a list of days: write it like mon,wed,fri"), text);
      return FALSE;
    }

  *out_days = days;
  return TRUE;
}

char *
kl_reminder_format_days (KlWeekdays days)
{
  g_autoptr(GFlagsClass) flags = g_type_class_ref (KL_TYPE_WEEKDAYS);
  GString *text;

  g_return_val_if_fail ((days & ~KL_WEEKDAYS_ALL) == 0, NULL);

  for (guint w = 0; w < G_N_ELEMENTS (day_words); w++)
    if (days == day_words[w].days)
      return g_strdup (day_words[w].word);

  text = g_string_new (NULL);
  for (guint i = 0; i < flags->n_values; i++)
    if (days & flags->values[i].value)
      {
        if (text->len > 0)
          g_string_append_c (text, ',');
        g_string_append (text, flags->values[i].value_nick);
      }

  return g_string_free (text, FALSE);
}

gboolean
kl_reminder_kind_from_string (const char      *text,
                              KlReminderKind  *out_kind,
                              GError         **error)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (KL_TYPE_REMINDER_KIND);
  g_autofree char *folded = NULL;
  const GEnumValue *kind;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_kind != NULL, FALSE);

  folded = g_ascii_strdown (text, -1);
  kind = g_enum_get_value_by_nick (kinds, folded);
  if (kind == NULL)
    {
      g_set_error (error, KL_REMINDER_ERROR, KL_REMINDER_ERROR_KIND,
                   _("“%s” is not a kind of reminder: use micro-break, stretch-break, routine, "
                     "check-in or hydration"), text);
      return FALSE;
    }

  *out_kind = kind->value;
  return TRUE;
}

const char *
kl_reminder_kind_to_string (KlReminderKind kind)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (KL_TYPE_REMINDER_KIND);
  const GEnumValue *value = g_enum_get_value (kinds, kind);

  g_return_val_if_fail (value != NULL, NULL);

  /* The nicks are static strings, and a static type's class is never finalised. */
  return value->value_nick;
}

void
kl_working_hours_init_default (KlWorkingHours *hours)
{
  g_return_if_fail (hours != NULL);

  kl_working_hours_set_days (hours, KL_WEEKDAYS_WEEKEND, 0, 0);
  kl_working_hours_set_days (hours, KL_WEEKDAYS_WORK, 9 * 60, 17 * 60 + 30);
}

void
kl_working_hours_set_days (KlWorkingHours *hours,
                           KlWeekdays      days,
                           guint           start,
                           guint           end)
{
  g_return_if_fail (hours != NULL);
  g_return_if_fail ((days & ~KL_WEEKDAYS_ALL) == 0);
  g_return_if_fail (start <= end && end <= KL_REMINDER_MINUTES_PER_DAY);

  for (guint i = 0; i < G_N_ELEMENTS (hours->days); i++)
    if (days & (1u << i))
      {
        hours->days[i].start = start;
        hours->days[i].end = end;
      }
}
