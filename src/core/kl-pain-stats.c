/* kl-pain-stats.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the journal's days say taken together: whether pain is higher on days with a factor, and
 * whether it went up or down over a period. Both work on the daily means, so that a day with
 * many check-ins counts as much as a day with one. */

#define G_LOG_DOMAIN "kl-pain-stats"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kl-pain-stats.h"

/* The means are sums of decimals: a change of exactly 2 points may come out a hair under. */
#define THRESHOLD_SLACK    1e-9
#define MEANINGFUL_POINTS  2.0
#define MEANINGFUL_PERCENT 30.0

#define WEEK_DAYS          7
#define LONG_PERIOD_DAYS   (3 * WEEK_DAYS)

void
kl_factor_comparison_clear (KlFactorComparison *comparison)
{
  g_return_if_fail (comparison != NULL);

  g_clear_pointer (&comparison->factor, g_free);
}

gboolean
kl_pain_stats_is_meaningful (double from,
                             double to)
{
  double change = fabs (to - from);

  return change >= MEANINGFUL_POINTS - THRESHOLD_SLACK ||
         (from > 0 && change / from * 100.0 >= MEANINGFUL_PERCENT - THRESHOLD_SLACK);
}

/* Factors */

typedef struct
{
  const char *factor;    /* owned by the caller's arrays */
  guint8     *has;       /* per day: does the day list the factor */
} FactorDays;

static void
factor_days_free (gpointer data)
{
  FactorDays *factor_days = data;

  g_free (factor_days->has);
  g_free (factor_days);
}

static int
compare_comparisons (gconstpointer a,
                     gconstpointer b)
{
  const KlFactorComparison *ca = a;
  const KlFactorComparison *cb = b;
  double da = fabs (ca->mean_with - ca->mean_without);
  double db = fabs (cb->mean_with - cb->mean_without);

  if (da != db)
    return da > db ? -1 : 1;

  return strcmp (ca->factor, cb->factor);
}

GArray *
kl_pain_stats_compare_factors (const KlPainDay    *days,
                               const char * const *const *factor_days,
                               guint               n_days)
{
  g_autoptr(GArray) comparisons = g_array_new (FALSE, TRUE, sizeof (KlFactorComparison));
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) factors = g_ptr_array_new_with_free_func (factor_days_free);

  g_return_val_if_fail (n_days == 0 || days != NULL, NULL);

  g_array_set_clear_func (comparisons, (GDestroyNotify)kl_factor_comparison_clear);

  if (factor_days == NULL)
    return g_steal_pointer (&comparisons);

  /* One flag per day and factor first, so that each side's mean is then summed in day order
   * for every factor: equal data gives equal means, and the ordering is stable. */
  for (guint i = 0; i < n_days; i++)
    {
      if (days[i].n_entries == 0 || factor_days[i] == NULL)
        continue;

      for (guint j = 0; factor_days[i][j] != NULL; j++)
        {
          const char *name = factor_days[i][j];
          FactorDays *entry = g_hash_table_lookup (by_name, name);

          if (entry == NULL)
            {
              entry = g_new0 (FactorDays, 1);
              entry->factor = name;
              entry->has = g_new0 (guint8, n_days);
              g_hash_table_insert (by_name, (gpointer)name, entry);
              g_ptr_array_add (factors, entry);
            }
          entry->has[i] = TRUE;
        }
    }

  for (guint f = 0; f < factors->len; f++)
    {
      FactorDays *entry = g_ptr_array_index (factors, f);
      KlFactorComparison comparison = { 0 };
      double sum_with = 0, sum_without = 0;

      for (guint i = 0; i < n_days; i++)
        {
          /* A day without check-ins has no mean to weigh on either side. */
          if (days[i].n_entries == 0)
            continue;

          if (entry->has[i])
            {
              comparison.days_with++;
              sum_with += days[i].mean;
            }
          else
            {
              comparison.days_without++;
              sum_without += days[i].mean;
            }
        }

      if (comparison.days_with < KL_FACTOR_MIN_DAYS || comparison.days_without < KL_FACTOR_MIN_DAYS)
        continue;

      comparison.factor = g_strdup (entry->factor);
      comparison.mean_with = sum_with / comparison.days_with;
      comparison.mean_without = sum_without / comparison.days_without;
      g_array_append_val (comparisons, comparison);
    }

  g_array_sort (comparisons, compare_comparisons);

  return g_steal_pointer (&comparisons);
}

/* Change over a period */

static int
compare_day_dates (gconstpointer a,
                   gconstpointer b)
{
  const KlPainDay *da = *(const KlPainDay * const *)a;
  const KlPainDay *db = *(const KlPainDay * const *)b;

  return g_date_compare (&da->date, &db->date);
}

static inline const KlPainDay *
day_at (GPtrArray *sorted,
        guint      index)
{
  return g_ptr_array_index (sorted, index);
}

static double
mean_of_days (GPtrArray *sorted,
              guint      from,
              guint      to)
{
  double sum = 0;

  g_assert (from < to && to <= sorted->len);

  for (guint i = from; i < to; i++)
    sum += day_at (sorted, i)->mean;

  return sum / (to - from);
}

gboolean
kl_pain_stats_change (const KlPainDay *days,
                      guint            n_days,
                      KlPainChange    *out_change)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (n_days);
  KlPainChange change = { 0 };
  const KlPainDay *first_day, *last_day;
  guint first_end, last_start;

  g_return_val_if_fail (n_days == 0 || days != NULL, FALSE);
  g_return_val_if_fail (out_change != NULL, FALSE);

  for (guint i = 0; i < n_days; i++)
    if (days[i].n_entries > 0)
      g_ptr_array_add (sorted, (gpointer)&days[i]);

  if (sorted->len < 2)
    return FALSE;

  g_ptr_array_sort (sorted, compare_day_dates);
  first_day = day_at (sorted, 0);
  last_day = day_at (sorted, sorted->len - 1);

  if (g_date_days_between (&first_day->date, &last_day->date) + 1 >= LONG_PERIOD_DAYS)
    {
      /* Calendar weeks, not seven check-in days: a week with few check-ins should not reach
       * into the middle of the period. Three weeks apart, the two never overlap. */
      first_end = 0;
      while (first_end < sorted->len &&
             g_date_days_between (&first_day->date, &day_at (sorted, first_end)->date) < WEEK_DAYS)
        first_end++;

      last_start = sorted->len;
      while (last_start > 0 &&
             g_date_days_between (&day_at (sorted, last_start - 1)->date,
                                  &last_day->date) < WEEK_DAYS)
        last_start--;
    }
  else
    {
      /* A short period: each end is a third of the days with data, rounded up so that two days
       * compare one with the other. Rounded up, a third of two or more days is never more than
       * half, so the ends never share a day. */
      guint third = (sorted->len + 2) / 3;

      first_end = third;
      last_start = sorted->len - third;
    }

  change.n_first = first_end;
  change.n_last = sorted->len - last_start;
  change.first = mean_of_days (sorted, 0, first_end);
  change.last = mean_of_days (sorted, last_start, sorted->len);
  change.change = change.last - change.first;
  change.percent = change.first != 0 ? change.change / change.first * 100.0 : 0.0;
  change.meaningful = kl_pain_stats_is_meaningful (change.first, change.last);

  *out_change = change;
  return TRUE;
}

/* Relief after routines */

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int ia = *(const int *)a;
  int ib = *(const int *)b;

  return (ia > ib) - (ia < ib);
}

void
kl_pain_stats_relief (const int    *before,
                      const int    *after,
                      guint         n_rated,
                      KlPainRelief *out_relief)
{
  g_autofree int *changes = NULL;
  KlPainRelief relief = { 0 };

  g_return_if_fail (n_rated == 0 || (before != NULL && after != NULL));
  g_return_if_fail (out_relief != NULL);

  relief.n_rated = n_rated;
  if (n_rated == 0)
    {
      *out_relief = relief;
      return;
    }

  changes = g_new (int, n_rated);
  for (guint i = 0; i < n_rated; i++)
    {
      changes[i] = after[i] - before[i];
      if (changes[i] < 0 && kl_pain_stats_is_meaningful (before[i], after[i]))
        relief.n_meaningful_drops++;
    }

  /* The median, not the mean: one session that went badly should not hide the usual effect. */
  qsort (changes, n_rated, sizeof (int), compare_ints);
  relief.median_change = n_rated % 2 == 1
    ? changes[n_rated / 2]
    : (changes[n_rated / 2 - 1] + changes[n_rated / 2]) / 2.0;
  relief.meaningful_share = (double) relief.n_meaningful_drops / n_rated;

  *out_relief = relief;
}
