/* test-pain-stats.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "kl-pain-stats.h"

#define EPSILON 1e-9

/* A day of November 2026 with check-ins averaging @mean. */
static KlPainDay
day (guint  day_of_month,
     double mean)
{
  KlPainDay pain_day = { 0 };

  g_date_clear (&pain_day.date, 1);
  g_date_set_dmy (&pain_day.date, 1, G_DATE_NOVEMBER, 2026);
  g_date_add_days (&pain_day.date, day_of_month - 1);
  pain_day.n_entries = 2;
  pain_day.mean = mean;
  pain_day.min = (int)mean;
  pain_day.max = (int)mean + 1;
  return pain_day;
}

static const KlFactorComparison *
comparison_at (GArray *comparisons,
               guint   index)
{
  g_assert_cmpuint (index, <, comparisons->len);
  return &g_array_index (comparisons, KlFactorComparison, index);
}

static void
test_factors_min_days (void)
{
  const char * const stress[] = { "stress", NULL };
  const KlPainDay days[] = {
    day (1, 6), day (2, 5), day (3, 7), day (4, 2), day (5, 3), day (6, 4),
  };
  /* Two days with stress, four without: one day short. */
  const char * const *two_with[] = { stress, stress, NULL, NULL, NULL, NULL };
  /* Four days with stress, two without: short on the other side. */
  const char * const *two_without[] = { stress, stress, stress, stress, NULL, NULL };
  const char * const *three_each[] = { stress, stress, stress, NULL, NULL, NULL };
  g_autoptr(GArray) none = NULL;
  g_autoptr(GArray) none_without = NULL;
  g_autoptr(GArray) comparisons = NULL;
  const KlFactorComparison *comparison;

  none = kl_pain_stats_compare_factors (days, two_with, G_N_ELEMENTS (days));
  g_assert_nonnull (none);
  g_assert_cmpuint (none->len, ==, 0);

  none_without = kl_pain_stats_compare_factors (days, two_without, G_N_ELEMENTS (days));
  g_assert_cmpuint (none_without->len, ==, 0);

  comparisons = kl_pain_stats_compare_factors (days, three_each, G_N_ELEMENTS (days));
  g_assert_cmpuint (comparisons->len, ==, 1);
  comparison = comparison_at (comparisons, 0);
  g_assert_cmpstr (comparison->factor, ==, "stress");
  g_assert_cmpuint (comparison->days_with, ==, 3);
  g_assert_cmpuint (comparison->days_without, ==, 3);
  g_assert_cmpfloat_with_epsilon (comparison->mean_with, 6.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (comparison->mean_without, 3.0, EPSILON);
}

static void
test_factors_order (void)
{
  /* High pain on the first three days, low on the last three. */
  const KlPainDay days[] = {
    day (1, 8), day (2, 8), day (3, 8), day (4, 2), day (5, 2), day (6, 2),
  };
  const char * const day1[] = { "sleep", "stress", "lifting", NULL };
  const char * const day2[] = { "sleep", "stress", "stress", NULL };
  const char * const day3[] = { "sleep", NULL };
  const char * const day4[] = { "sitting", "stress", "lifting", NULL };
  const char * const day5[] = { "sitting", "lifting", NULL };
  const char * const day6[] = { "sitting", NULL };
  const char * const *factor_days[] = { day1, day2, day3, day4, day5, day6 };
  g_autoptr(GArray) comparisons = NULL;
  /* sleep 8 against 2 and sitting 2 against 8 differ by 6; stress (8, 8, 2) against (8, 2, 2)
   * and lifting (8, 2, 2) against (8, 8, 2) by 2. Equal differences go by name. */
  const char * const expected[] = { "sitting", "sleep", "lifting", "stress" };

  comparisons = kl_pain_stats_compare_factors (days, factor_days, G_N_ELEMENTS (days));
  g_assert_cmpuint (comparisons->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (comparison_at (comparisons, i)->factor, ==, expected[i]);

  /* Named twice on one day, stress still counts that day once. */
  g_assert_cmpuint (comparison_at (comparisons, 3)->days_with, ==, 3);
  g_assert_cmpfloat_with_epsilon (comparison_at (comparisons, 3)->mean_with, 6.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (comparison_at (comparisons, 3)->mean_without, 4.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (comparison_at (comparisons, 0)->mean_with, 2.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (comparison_at (comparisons, 0)->mean_without, 8.0, EPSILON);
}

static void
test_factors_every_day (void)
{
  const char * const sitting[] = { "sitting", NULL };
  const KlPainDay days[] = {
    day (1, 4), day (2, 5), day (3, 6), day (4, 5), day (5, 4),
  };
  const char * const *factor_days[] = { sitting, sitting, sitting, sitting, sitting };
  g_autoptr(GArray) comparisons = NULL;
  g_autoptr(GArray) empty = NULL;

  /* Nothing to compare with: a factor on every day says nothing about the pain. */
  comparisons = kl_pain_stats_compare_factors (days, factor_days, G_N_ELEMENTS (days));
  g_assert_cmpuint (comparisons->len, ==, 0);

  empty = kl_pain_stats_compare_factors (NULL, NULL, 0);
  g_assert_nonnull (empty);
  g_assert_cmpuint (empty->len, ==, 0);
}

/* The change between two days: in a short period, each end is one of them. */
static KlPainChange
change_between (double first,
                double last)
{
  const KlPainDay days[] = { day (1, first), day (2, last) };
  KlPainChange change;

  g_assert_true (kl_pain_stats_change (days, G_N_ELEMENTS (days), &change));
  g_assert_cmpuint (change.n_first, ==, 1);
  g_assert_cmpuint (change.n_last, ==, 1);
  g_assert_cmpfloat_with_epsilon (change.first, first, EPSILON);
  g_assert_cmpfloat_with_epsilon (change.last, last, EPSILON);
  return change;
}

static void
test_change_meaningful (void)
{
  KlPainChange change;

  /* Exactly two points, a quarter less: meaningful by the points. */
  change = change_between (8.1, 6.1);
  g_assert_cmpfloat_with_epsilon (change.change, -2.0, EPSILON);
  g_assert_cmpfloat (change.percent, >, -30.0);
  g_assert_true (change.meaningful);

  /* The same two points the other way. */
  change = change_between (4.2, 6.2);
  g_assert_true (change.meaningful);

  /* Under two points, but a third less. */
  change = change_between (3, 2);
  g_assert_cmpfloat_with_epsilon (change.change, -1.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (change.percent, -100.0 / 3, 1e-6);
  g_assert_true (change.meaningful);

  /* Exactly 30 % and 1.5 points. */
  change = change_between (5, 3.5);
  g_assert_cmpfloat_with_epsilon (change.percent, -30.0, EPSILON);
  g_assert_true (change.meaningful);

  /* 1.5 points and 20 %: not enough of either. */
  change = change_between (7.5, 6);
  g_assert_cmpfloat_with_epsilon (change.change, -1.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (change.percent, -20.0, EPSILON);
  g_assert_false (change.meaningful);

  /* 1.9 points down from 9.5: 20 %. */
  change = change_between (9.5, 7.6);
  g_assert_false (change.meaningful);
}

static void
test_change_from_zero (void)
{
  KlPainChange change;

  /* No percentage of nothing: only the points count. */
  change = change_between (0, 1.5);
  g_assert_cmpfloat (change.percent, ==, 0.0);
  g_assert_false (change.meaningful);

  change = change_between (0, 2);
  g_assert_cmpfloat (change.percent, ==, 0.0);
  g_assert_true (change.meaningful);
}

static void
test_change_too_few_days (void)
{
  KlPainDay days[] = { day (1, 5), day (2, 9), day (3, 1) };
  KlPainChange change = { .n_first = 42 };

  g_assert_false (kl_pain_stats_change (NULL, 0, &change));
  g_assert_false (kl_pain_stats_change (days, 1, &change));

  /* Days without check-ins do not count, whatever their fields say. */
  days[1].n_entries = 0;
  days[2].n_entries = 0;
  g_assert_false (kl_pain_stats_change (days, G_N_ELEMENTS (days), &change));
  g_assert_cmpuint (change.n_first, ==, 42);
}

static void
test_change_weeks (void)
{
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (KlPainDay));
  KlPainDay empty = day (15, 99);
  KlPainChange change;

  /* A month, last day first: 6 on the first week (the 3rd missed), 4 in between, 3 on the
   * last week. */
  for (guint d = 30; d >= 1; d--)
    {
      KlPainDay pain_day = day (d, d <= 7 ? 6 : d >= 24 ? 3 : 4);

      if (d != 3)
        g_array_append_val (days, pain_day);
    }
  empty.n_entries = 0;
  g_array_append_val (days, empty);

  g_assert_true (kl_pain_stats_change ((KlPainDay *)days->data, days->len, &change));
  g_assert_cmpuint (change.n_first, ==, 6);
  g_assert_cmpuint (change.n_last, ==, 7);
  g_assert_cmpfloat_with_epsilon (change.first, 6.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (change.last, 3.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (change.change, -3.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (change.percent, -50.0, EPSILON);
  g_assert_true (change.meaningful);
}

static void
test_change_three_weeks_exactly (void)
{
  /* 1 to 21 November is three weeks: the weeks rule, so each end holds one day. */
  const KlPainDay three_weeks[] = { day (1, 8), day (8, 6), day (14, 4), day (21, 2) };
  /* 1 to 20 November is shorter: thirds, two days at each end. */
  const KlPainDay shorter[] = { day (1, 8), day (8, 6), day (14, 4), day (20, 2) };
  KlPainChange change;

  g_assert_true (kl_pain_stats_change (three_weeks, G_N_ELEMENTS (three_weeks), &change));
  g_assert_cmpuint (change.n_first, ==, 1);
  g_assert_cmpuint (change.n_last, ==, 1);
  g_assert_cmpfloat_with_epsilon (change.first, 8.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (change.last, 2.0, EPSILON);

  g_assert_true (kl_pain_stats_change (shorter, G_N_ELEMENTS (shorter), &change));
  g_assert_cmpuint (change.n_first, ==, 2);
  g_assert_cmpuint (change.n_last, ==, 2);
  g_assert_cmpfloat_with_epsilon (change.first, 7.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (change.last, 3.0, EPSILON);
}

static void
test_change_thirds (void)
{
  /* Seven days with data in ten, out of order: three at each end (a third, rounded up). */
  const KlPainDay days[] = {
    day (10, 1), day (1, 7), day (2, 6), day (4, 5), day (5, 9), day (8, 3), day (9, 2),
  };
  /* Four days: two at each end. */
  const KlPainDay four[] = { day (1, 4), day (2, 6), day (3, 8), day (4, 6) };
  KlPainChange change;

  g_assert_true (kl_pain_stats_change (days, G_N_ELEMENTS (days), &change));
  g_assert_cmpuint (change.n_first, ==, 3);
  g_assert_cmpuint (change.n_last, ==, 3);
  g_assert_cmpfloat_with_epsilon (change.first, 6.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (change.last, 2.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (change.change, -4.0, EPSILON);

  g_assert_true (kl_pain_stats_change (four, G_N_ELEMENTS (four), &change));
  g_assert_cmpuint (change.n_first, ==, 2);
  g_assert_cmpuint (change.n_last, ==, 2);
  g_assert_cmpfloat_with_epsilon (change.first, 5.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (change.last, 7.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (change.percent, 40.0, EPSILON);
  g_assert_true (change.meaningful);
}

static void
test_relief (void)
{
  /* -3, -1 (of 3: a third), -1 (of 5: a fifth), +2. */
  static const int before[] = { 9, 3, 5, 2 };
  static const int after[] = { 6, 2, 4, 4 };
  KlPainRelief relief;

  kl_pain_stats_relief (before, after, G_N_ELEMENTS (before), &relief);
  g_assert_cmpuint (relief.n_rated, ==, 4);
  /* An even count: halfway between the middle two. */
  g_assert_cmpfloat_with_epsilon (relief.median_change, -1.0, EPSILON);
  /* A rise of two points is meaningful, but it is not a drop. */
  g_assert_cmpuint (relief.n_meaningful_drops, ==, 2);
  g_assert_cmpfloat_with_epsilon (relief.meaningful_share, 0.5, EPSILON);

  kl_pain_stats_relief (before, after, 1, &relief);
  g_assert_cmpfloat_with_epsilon (relief.median_change, -3.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (relief.meaningful_share, 1.0, EPSILON);

  kl_pain_stats_relief (NULL, NULL, 0, &relief);
  g_assert_cmpuint (relief.n_rated, ==, 0);
  g_assert_cmpfloat (relief.median_change, ==, 0.0);
  g_assert_cmpfloat (relief.meaningful_share, ==, 0.0);

  g_assert_true (kl_pain_stats_is_meaningful (10, 7));
  g_assert_false (kl_pain_stats_is_meaningful (10, 8.5));
  g_assert_true (kl_pain_stats_is_meaningful (5, 3.5));
  g_assert_false (kl_pain_stats_is_meaningful (0, 1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pain-stats/factors/min-days", test_factors_min_days);
  g_test_add_func ("/pain-stats/factors/order", test_factors_order);
  g_test_add_func ("/pain-stats/factors/every-day", test_factors_every_day);
  g_test_add_func ("/pain-stats/change/meaningful", test_change_meaningful);
  g_test_add_func ("/pain-stats/change/from-zero", test_change_from_zero);
  g_test_add_func ("/pain-stats/change/too-few-days", test_change_too_few_days);
  g_test_add_func ("/pain-stats/change/weeks", test_change_weeks);
  g_test_add_func ("/pain-stats/change/three-weeks-exactly", test_change_three_weeks_exactly);
  g_test_add_func ("/pain-stats/change/thirds", test_change_thirds);
  g_test_add_func ("/pain-stats/relief", test_relief);

  return g_test_run ();
}
