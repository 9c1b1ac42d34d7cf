/* kl-pain-stats.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One local calendar day of the journal, as the store aggregates it. */
typedef struct
{
  GDate   date;            /* the local day */
  guint   n_entries;       /* check-ins that day (0: no data) */
  double  mean;            /* mean of pain_now over the day's check-ins */
  int     min;             /* least and most pain_now that day */
  int     max;
  guint   n_sessions;      /* routines done that day (overlay), 0 when none */
  guint   n_breaks;        /* breaks taken that day (overlay), 0 when none */
} KlPainDay;

/* Mean pain on days with a factor against days without it (CONTENT.md: only with at least
 * three days of each). */
typedef struct
{
  char   *factor;          /* the factor's name */
  guint   days_with;
  guint   days_without;
  double  mean_with;       /* mean of the daily means */
  double  mean_without;
} KlFactorComparison;

#define KL_FACTOR_MIN_DAYS 3

/* The change over a period: the first week's mean against the last week's mean (or the first
 * and last thirds when the period is shorter than three weeks). */
typedef struct
{
  guint    n_first;        /* days with data behind each mean */
  guint    n_last;
  double   first;
  double   last;
  double   change;         /* last - first: negative is better */
  double   percent;        /* change / first * 100; 0 when first is 0 */
  gboolean meaningful;     /* |change| >= 2 points or |percent| >= 30 (Farrar et al., 2001) */
} KlPainChange;

/* What a routine's sessions did to pain, from the sessions rated both before and after. */
typedef struct
{
  guint    n_rated;
  double   median_change;      /* after - before: negative is better; 0 when none is rated */
  guint    n_meaningful_drops; /* by 2 points or 30 % (kl_pain_stats_is_meaningful ()) */
  double   meaningful_share;   /* n_meaningful_drops / n_rated, 0 … 1; 0 when none is rated */
} KlPainRelief;

void      kl_factor_comparison_clear   (KlFactorComparison *comparison);

/* Whether pain going from @from to @to, either way, is a meaningful change: 2 points or 30 % of
 * @from (Farrar et al., 2001). */
gboolean  kl_pain_stats_is_meaningful   (double              from,
                                         double              to);

/* @days: KlPainDay with data (n_entries > 0), any order. @factor_days: for each day (same
 * index), a NULL-terminated array of the factors recorded that day, or NULL for none.
 * Returns KlFactorComparison for every factor with at least KL_FACTOR_MIN_DAYS days with and
 * without it, strongest difference first; the array frees its elements. */
GArray   *kl_pain_stats_compare_factors (const KlPainDay    *days,
                                         const char * const *const *factor_days,
                                         guint               n_days);

/* FALSE (and @out_change untouched) when fewer than two days have data. */
gboolean  kl_pain_stats_change          (const KlPainDay    *days,
                                         guint               n_days,
                                         KlPainChange       *out_change);

/* @before and @after: the ratings (0–10) of @n_rated sessions, same index, any order. */
void      kl_pain_stats_relief          (const int          *before,
                                         const int          *after,
                                         guint               n_rated,
                                         KlPainRelief       *out_relief);

G_END_DECLS
