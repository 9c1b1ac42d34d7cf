/* kl-trend-chart.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The trend chart: a value from 0 to 10 over a run of calendar days, as the daily mean (a line)
 * inside the day's least and most (a soft band). Routines done and breaks taken are marked in a
 * strip under the plot. Hovering a day, or walking the days from the keyboard (arrows, Home,
 * End, Page Up and Page Down), shows what that day holds; the accessible name follows the
 * keyboard, as GTK 4.8 sends no descriptions to screen readers. */

#define G_LOG_DOMAIN "kl-trend-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kl-trend-chart.h"

#define PAD            4.0      /* around everything, so antialiased edges are not cut */
#define HEADER_GAP     4.0      /* under the header line: the value's name and the legend */
#define AXIS_GAP       6.0      /* between the value labels and the plot */
#define LABEL_GAP      5.0      /* above the date labels */
#define STRIP_GAP      7.0      /* between the plot and the strip of routines and breaks */
#define MARKER_ROW     9.0      /* one row of that strip */
#define MARKER_SPACING 5.0      /* at the least, from one marker of the strip to the next */
#define MIN_LABEL_GAP  24.0     /* between two date labels, so the axis stays calm */
#define MAX_VALUE      10.0
#define LINE_WIDTH     2.0
#define DOT_RADIUS     3.0
#define LEGEND_GAP     4.0      /* from a marker to its name; three times that between two */
#define BOX_PAD_X      10.0
#define BOX_PAD_Y      7.0
#define BOX_RADIUS     8.0
#define BOX_OFFSET     12.0     /* from the guide line to the label box */
#define BOX_MAX_WIDTH  300.0
#define WEEK           7

typedef struct
{
  GdkRGBA fg;
  GdkRGBA accent;
  GdkRGBA routine;
  GdkRGBA box_bg;
  GdkRGBA window_bg;
  double  band_alpha;
} Colors;

/* Where things go, in widget coordinates. */
typedef struct
{
  double left, right;     /* the plot: x of the first and last day's column edges */
  double top, bottom;     /* y of 10 and of 0 */
  double strip_top;       /* the strip of routines and breaks, when there is one */
  double labels_top;      /* the date labels */
  double text_height;     /* of one line of the small text */
  guint  n_columns;       /* days, or groups of days when there are more days than pixels */
} Layout;

/* What the cached plot was drawn for; zero-filled so that memcmp () compares the fields only. */
typedef struct
{
  int     width;
  int     height;
  Colors  colors;
  guint   font_hash;
  guint   generation;
} PlotKey;

/* A pixel column: one day, or several days folded together. */
typedef struct
{
  double mean;            /* mean of the daily means */
  int    min;             /* least of the least, most of the most */
  int    max;
  guint  n_days;
  guint  n_data;          /* days with data */
  guint  n_session_days;  /* days with a routine done */
  guint  n_break_days;    /* days with a break taken */
} Column;

struct _KlTrendChart
{
  GtkWidget      parent_instance;

  GArray        *days;
  char          *y_label;
  guint          focus_day;
  guint          hover_day;

  /* Found once when the days are set. */
  gboolean       has_data;
  gboolean       has_sessions;
  gboolean       has_breaks;

  /* Everything but the selected day, kept between frames: hovering redraws only the guide
   * and the label box. */
  GskRenderNode *plot;
  PlotKey        plot_key;
  guint          generation;
};

G_DEFINE_FINAL_TYPE (KlTrendChart, kl_trend_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DAYS,
  PROP_Y_LABEL,
  PROP_FOCUS_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
kl_trend_chart_new (void)
{
  return g_object_new (KL_TYPE_TREND_CHART, NULL);
}

static guint
n_days (KlTrendChart *self)
{
  return self->days != NULL ? self->days->len : 0;
}

static const KlPainDay *
day_at (KlTrendChart *self,
        guint         index)
{
  g_assert (index < n_days (self));

  return &g_array_index (self->days, KlPainDay, index);
}

/* Text */

static char *
format_date (const GDate *date,
             const char  *format)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date),
                                                     g_date_get_month (date),
                                                     g_date_get_day (date), 12, 0, 0);

  return time != NULL ? g_date_time_format (time, format) : g_strdup ("");
}

/* Translators: joins the parts of a day's summary: "3 check-ins · 1 routine" */
#define JOIN_PARTS N_("%s · %s")

/* What a day holds, in words, in three parts, as the label box shows them: the date, the
 * values, and the routines and breaks (NULL when none). */
static void
describe_day (KlTrendChart  *self,
              guint          index,
              char         **out_date,
              char         **out_values,
              char         **out_extras)
{
  const KlPainDay *day = day_at (self, index);
  g_autofree char *routines = NULL;
  g_autofree char *breaks = NULL;

  /* Translators: a day in the chart's label, as "Tue 12 Nov"; see g_date_time_format () */
  *out_date = format_date (&day->date, _("%a %-d %b"));

  if (day->n_entries == 0)
    *out_values = g_strdup (_("no check-in"));
  else if (day->min == day->max)
    /* Translators: a day on which every check-in gave the same value, as "Pain 4, 2 check-ins" */
    *out_values = g_strdup_printf (ngettext ("%s %d, %u check-in", "%s %d, %u check-ins",
                                             day->n_entries),
                                   self->y_label, day->min, day->n_entries);
  else
    /* Translators: a day's mean, least and most, as "Pain 4.3 average, 3 to 6, 3 check-ins" */
    *out_values = g_strdup_printf (ngettext ("%s %.1f average, %d to %d, %u check-in",
                                             "%s %.1f average, %d to %d, %u check-ins",
                                             day->n_entries),
                                   self->y_label, day->mean, day->min, day->max, day->n_entries);

  if (day->n_sessions > 0)
    routines = g_strdup_printf (ngettext ("%u routine", "%u routines", day->n_sessions),
                                day->n_sessions);
  if (day->n_breaks > 0)
    breaks = g_strdup_printf (ngettext ("%u break", "%u breaks", day->n_breaks), day->n_breaks);

  if (routines != NULL && breaks != NULL)
    *out_extras = g_strdup_printf (_(JOIN_PARTS), routines, breaks);
  else if (routines != NULL)
    *out_extras = g_steal_pointer (&routines);
  else
    *out_extras = g_steal_pointer (&breaks);
}

static char *
dup_day_text (KlTrendChart *self,
              guint         index)
{
  g_autofree char *date = NULL;
  g_autofree char *values = NULL;
  g_autofree char *extras = NULL;
  g_autofree char *details = NULL;

  describe_day (self, index, &date, &values, &extras);
  details = extras != NULL ? g_strdup_printf (_(JOIN_PARTS), values, extras) : g_strdup (values);
  /* Translators: a day and what it holds, as "Tue 12 Nov — Pain 4.3 average, 3 to 6, …" */
  return g_strdup_printf (_("%s — %s"), date, details);
}

static void
update_accessible_label (KlTrendChart *self)
{
  g_autofree char *label = NULL;

  if (self->focus_day != KL_TREND_CHART_NO_DAY)
    label = dup_day_text (self, self->focus_day);
  else if (!self->has_data)
    /* Translators: the chart's accessible name; %s is what it shows, as "Pain" */
    label = g_strdup_printf (_("%s over time: no check-ins in this period"), self->y_label);
  else
    {
      /* Translators: a date in the chart's accessible name, as "12 Nov 2026" */
      g_autofree char *first = format_date (&day_at (self, 0)->date, _("%-d %b %Y"));
      g_autofree char *last = format_date (&day_at (self, n_days (self) - 1)->date,
                                           _("%-d %b %Y"));

      /* Translators: the chart's accessible name, as "Pain over time, 1 Nov 2026 to 29 Jan 2027" */
      label = g_strdup_printf (_("%s over time, %s to %s"), self->y_label, first, last);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* Small text for the axes and the legend: a size down, with figures of one width so that the
 * numbers line up. */
static PangoLayout *
create_small_layout (KlTrendChart *self,
                     const char   *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

/* Layout */

static gboolean
get_layout (KlTrendChart *self,
            Layout       *layout)
{
  g_autoptr(PangoLayout) ten = create_small_layout (self, "10");
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  guint n_rows = (self->has_sessions ? 1 : 0) + (self->has_breaks ? 1 : 0);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (ten, NULL, &logical);
  layout->text_height = logical.height;

  /* "10" is centred on the top line: half of it reaches above. */
  layout->left = PAD + logical.width + AXIS_GAP;
  layout->right = w - PAD;
  layout->top = PAD + logical.height + HEADER_GAP + ceil (logical.height / 2.0);
  layout->labels_top = h - PAD - logical.height;
  if (n_rows > 0)
    {
      layout->strip_top = layout->labels_top - LABEL_GAP - n_rows * MARKER_ROW;
      layout->bottom = layout->strip_top - STRIP_GAP;
    }
  else
    {
      layout->strip_top = layout->labels_top;
      layout->bottom = layout->labels_top - LABEL_GAP - 3;
    }

  if (n_days (self) == 0 || layout->right - layout->left < 16 || layout->bottom - layout->top < 16)
    return FALSE;

  layout->n_columns = MIN (n_days (self), (guint)floor (layout->right - layout->left));
  return TRUE;
}

static double
column_x (const Layout *layout,
          double        column)
{
  return layout->left + (column + 0.5) * (layout->right - layout->left) / layout->n_columns;
}

static double
value_y (const Layout *layout,
         double        value)
{
  return layout->bottom - CLAMP (value, 0, MAX_VALUE) / MAX_VALUE * (layout->bottom - layout->top);
}

/* The days of column @column: [first, end). */
static void
column_days (KlTrendChart *self,
             const Layout *layout,
             guint         column,
             guint        *first,
             guint        *end)
{
  *first = (guint)((guint64)column * n_days (self) / layout->n_columns);
  *end = (guint)((guint64)(column + 1) * n_days (self) / layout->n_columns);
}

static guint
column_of_day (KlTrendChart *self,
               const Layout *layout,
               guint         day)
{
  return (guint)(((guint64)day * layout->n_columns + layout->n_columns - 1) / n_days (self));
}

static Column *
compute_columns (KlTrendChart *self,
                 const Layout *layout)
{
  Column *columns = g_new0 (Column, layout->n_columns);

  for (guint c = 0; c < layout->n_columns; c++)
    {
      Column *column = &columns[c];
      double sum = 0;
      guint first, end;

      column_days (self, layout, c, &first, &end);
      column->min = G_MAXINT;
      column->max = G_MININT;
      for (guint i = first; i < end; i++)
        {
          const KlPainDay *day = day_at (self, i);

          column->n_days++;
          column->n_session_days += day->n_sessions > 0;
          column->n_break_days += day->n_breaks > 0;
          if (day->n_entries == 0)
            continue;

          column->n_data++;
          sum += day->mean;
          column->min = MIN (column->min, day->min);
          column->max = MAX (column->max, day->max);
        }
      if (column->n_data > 0)
        column->mean = sum / column->n_data;
    }

  return columns;
}

/* Colours */

static void
get_colors (KlTrendChart *self,
            Colors       *colors)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  memset (colors, 0, sizeof *colors);

  /* GTK 4.8 has no gtk_widget_get_color (); the style context is the way to the theme. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &colors->fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &colors->accent))
    gdk_rgba_parse (&colors->accent, "#3584e4");
  if (!gtk_style_context_lookup_color (context, "success_color", &colors->routine))
    gdk_rgba_parse (&colors->routine, "#26a269");
  if (!gtk_style_context_lookup_color (context, "popover_bg_color", &colors->box_bg))
    gdk_rgba_parse (&colors->box_bg, colors->fg.red > 0.5 ? "#383838" : "#ffffff");
  if (!gtk_style_context_lookup_color (context, "window_bg_color", &colors->window_bg))
    colors->window_bg = colors->box_bg;
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* A light accent on a dark background needs a little more to show the band as clearly. */
  colors->band_alpha = colors->fg.red + colors->fg.green + colors->fg.blue > 1.5 ? 0.3 : 0.22;
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  GdkRGBA faded = *color;

  faded.alpha *= alpha;
  return faded;
}

static void
append_layout_at (GtkSnapshot   *snapshot,
                  PangoLayout   *layout,
                  double         x,
                  double         y,
                  const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), round (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* Date labels */

typedef enum
{
  STEP_DAYS,
  STEP_MONTHS,
  STEP_YEARS,
} StepUnit;

/* From the finest to the coarsest: the first whose labels fit is used. */
static const struct
{
  StepUnit unit;
  guint    count;
} steps[] = {
  { STEP_DAYS, 1 }, { STEP_DAYS, 2 }, { STEP_DAYS, 7 }, { STEP_DAYS, 14 },
  { STEP_MONTHS, 1 }, { STEP_MONTHS, 2 }, { STEP_MONTHS, 3 }, { STEP_MONTHS, 6 },
  { STEP_YEARS, 1 }, { STEP_YEARS, 2 }, { STEP_YEARS, 5 }, { STEP_YEARS, 10 },
  { STEP_YEARS, 25 },
};

typedef struct
{
  guint        day;
  double       x;          /* the label's left edge */
  double       width;
  PangoLayout *text;
} Tick;

static void
tick_clear (Tick *tick)
{
  g_clear_object (&tick->text);
}

static gboolean
is_tick (const GDate *date,
         guint        index,
         StepUnit     unit,
         guint        count,
         guint       *n_mondays)
{
  switch (unit)
    {
    case STEP_DAYS:
      if (count < WEEK)
        return index % count == 0;
      /* Weeks start on a Monday, so that the labels say which week they mean. */
      if (g_date_get_weekday (date) != G_DATE_MONDAY)
        return FALSE;
      return (*n_mondays)++ % (count / WEEK) == 0;

    case STEP_MONTHS:
      return g_date_get_day (date) == 1 && (g_date_get_month (date) - 1) % count == 0;

    case STEP_YEARS:
      return g_date_get_day (date) == 1 && g_date_get_month (date) == G_DATE_JANUARY &&
             g_date_get_year (date) % count == 0;

    default:
      g_assert_not_reached ();
    }
}

static char *
tick_text (const GDate *date,
           StepUnit     unit)
{
  switch (unit)
    {
    case STEP_DAYS:
      /* Translators: a date under the chart, as "12 Nov"; see g_date_time_format () */
      return format_date (date, _("%-d %b"));

    case STEP_MONTHS:
      /* January says which year the months that follow are in. */
      if (g_date_get_month (date) == G_DATE_JANUARY)
        return format_date (date, "%Y");
      /* Translators: a month under the chart, as "Nov"; see g_date_time_format () */
      return format_date (date, _("%b"));

    case STEP_YEARS:
      return format_date (date, "%Y");

    default:
      g_assert_not_reached ();
    }
}

/* The date labels that fit: for each step, finest first, the labels are placed (pushed inside
 * the edges) and kept if none comes closer than MIN_LABEL_GAP to the next. */
static GArray *
compute_ticks (KlTrendChart *self,
               const Layout *layout)
{
  double min_x = layout->left - AXIS_GAP;
  double max_x = gtk_widget_get_width (GTK_WIDGET (self)) - PAD;

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      g_autoptr(GArray) ticks = g_array_new (FALSE, TRUE, sizeof (Tick));
      guint n_mondays = 0;
      gboolean fits = TRUE;

      g_array_set_clear_func (ticks, (GDestroyNotify)tick_clear);

      for (guint i = 0; i < n_days (self) && fits; i++)
        {
          const GDate *date = &day_at (self, i)->date;
          g_autofree char *text = NULL;
          PangoRectangle logical;
          Tick tick = { i, 0, 0, NULL };

          if (!is_tick (date, i, steps[s].unit, steps[s].count, &n_mondays))
            continue;

          text = tick_text (date, steps[s].unit);
          tick.text = create_small_layout (self, text);
          pango_layout_get_pixel_extents (tick.text, NULL, &logical);
          tick.width = logical.width;
          tick.x = column_x (layout, column_of_day (self, layout, i)) - tick.width / 2;
          tick.x = MAX (min_x, MIN (tick.x, max_x - tick.width));
          g_array_append_val (ticks, tick);

          if (ticks->len > 1)
            {
              Tick *previous = &g_array_index (ticks, Tick, ticks->len - 2);

              fits = tick.x - (previous->x + previous->width) >= MIN_LABEL_GAP;
            }
          if (tick.width > max_x - min_x)
            fits = FALSE;
        }

      /* A step that finds no date in the period (months, in a fortnight without a 1st) gives
       * way to the next. */
      if (fits && ticks->len > 0)
        return g_steal_pointer (&ticks);
    }

  return NULL;
}

/* The plot */

/* A run of joined columns, from @first to @last: the band, then the line over it. One column
 * on its own is a dot on a short bar. */
static void
draw_run (cairo_t       *cr,
          const Layout  *layout,
          const Column  *columns,
          guint          first,
          guint          last,
          const Colors  *colors)
{
  double column_width = (layout->right - layout->left) / layout->n_columns;

  if (first == last)
    {
      double x = column_x (layout, first);
      double half = MAX (2.0, MIN (column_width / 2, DOT_RADIUS));
      double top = value_y (layout, columns[first].max);

      set_source (cr, &colors->accent, colors->band_alpha);
      cairo_rectangle (cr, x - half, top, 2 * half, value_y (layout, columns[first].min) - top);
      cairo_fill (cr);
      set_source (cr, &colors->accent, 1.0);
      cairo_arc (cr, x, value_y (layout, columns[first].mean), DOT_RADIUS, 0, 2 * G_PI);
      cairo_fill (cr);
      return;
    }

  cairo_new_path (cr);
  for (guint i = first; i <= last; i++)
    if (columns[i].n_data > 0)
      cairo_line_to (cr, column_x (layout, i), value_y (layout, columns[i].max));
  for (guint i = last + 1; i > first; i--)
    if (columns[i - 1].n_data > 0)
      cairo_line_to (cr, column_x (layout, i - 1), value_y (layout, columns[i - 1].min));
  cairo_close_path (cr);
  set_source (cr, &colors->accent, colors->band_alpha);
  cairo_fill (cr);

  cairo_new_path (cr);
  for (guint i = first; i <= last; i++)
    if (columns[i].n_data > 0)
      cairo_line_to (cr, column_x (layout, i), value_y (layout, columns[i].mean));
  set_source (cr, &colors->accent, 1.0);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_stroke (cr);

  /* With room to spare, each day is a point too: a few days read as days. */
  if (column_width >= 16)
    for (guint i = first; i <= last; i++)
      if (columns[i].n_data > 0)
        {
          cairo_arc (cr, column_x (layout, i), value_y (layout, columns[i].mean),
                     DOT_RADIUS - 0.5, 0, 2 * G_PI);
          cairo_fill (cr);
        }
}

/* Columns with data are joined over one missing column, not over more: a longer gap shows. */
static void
draw_series (cairo_t      *cr,
             const Layout *layout,
             const Column *columns,
             const Colors *colors)
{
  guint first = G_MAXUINT, last = G_MAXUINT;

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  for (guint c = 0; c < layout->n_columns; c++)
    {
      if (columns[c].n_data == 0)
        continue;

      if (last != G_MAXUINT && c - last <= 2)
        {
          last = c;
          continue;
        }

      if (last != G_MAXUINT)
        draw_run (cr, layout, columns, first, last, colors);
      first = last = c;
    }

  if (last != G_MAXUINT)
    draw_run (cr, layout, columns, first, last, colors);
}

/* Routines and breaks under the plot. Where the days are too narrow for a marker each, they
 * are taken a few at a time, and a marker shows by its strength how many of them had one. */
static void
draw_markers (KlTrendChart *self,
              cairo_t      *cr,
              const Layout *layout,
              const Column *columns,
              const Colors *colors)
{
  double column_width = (layout->right - layout->left) / layout->n_columns;
  guint per_slot = (guint)ceil (MARKER_SPACING / column_width);
  double radius = CLAMP (column_width * per_slot / 2 - 0.5, 2.0, 3.0);
  double routine_y = layout->strip_top + MARKER_ROW / 2;
  double break_top = layout->strip_top + (self->has_sessions ? MARKER_ROW : 0) + 1.5;

  for (guint first = 0; first < layout->n_columns; first += per_slot)
    {
      guint end = MIN (first + per_slot, layout->n_columns);
      guint n_slot_days = 0, n_session_days = 0, n_break_days = 0;
      double x = column_x (layout, (first + end - 1) / 2.0);

      for (guint c = first; c < end; c++)
        {
          n_slot_days += columns[c].n_days;
          n_session_days += columns[c].n_session_days;
          n_break_days += columns[c].n_break_days;
        }

      if (n_session_days > 0)
        {
          set_source (cr, &colors->routine, 0.35 + 0.65 * n_session_days / n_slot_days);
          cairo_arc (cr, x, routine_y, radius, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      if (n_break_days > 0)
        {
          /* Whole pixels, so that a tick is sharp. */
          set_source (cr, &colors->fg, 0.2 + 0.3 * n_break_days / n_slot_days);
          cairo_rectangle (cr, round (x) - 1, round (break_top), 2, MARKER_ROW - 3);
          cairo_fill (cr);
        }
    }
}

/* The legend of the strip, at the right end of the header line, if it fits beside the name of
 * the values, which ends at @name_right. */
static void
append_legend (KlTrendChart  *self,
               GtkSnapshot   *snapshot,
               const Layout  *layout,
               const Colors  *colors,
               double         name_right)
{
  g_autoptr(PangoLayout) routines = create_small_layout (self, _("Routines"));
  g_autoptr(PangoLayout) breaks = create_small_layout (self, _("Breaks"));
  GdkRGBA dim = with_alpha (&colors->fg, 0.6);
  double glyph = layout->text_height * 0.8;
  double middle = PAD + layout->text_height / 2;
  PangoRectangle routines_extents, breaks_extents;
  double x, routines_x, breaks_x, width = 0;
  cairo_t *cr;

  pango_layout_get_pixel_extents (routines, NULL, &routines_extents);
  pango_layout_get_pixel_extents (breaks, NULL, &breaks_extents);
  if (self->has_sessions)
    width += glyph + LEGEND_GAP + routines_extents.width;
  if (self->has_breaks)
    width += (width > 0 ? 3 * LEGEND_GAP : 0) + glyph + LEGEND_GAP + breaks_extents.width;

  /* Too narrow: the label box names what a marker is. */
  x = gtk_widget_get_width (GTK_WIDGET (self)) - PAD - width;
  if (x < name_right + 4 * LEGEND_GAP)
    return;

  routines_x = x;
  breaks_x = self->has_sessions ? x + glyph + routines_extents.width + 4 * LEGEND_GAP : x;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, PAD, width,
                                                                 layout->text_height));
  if (self->has_sessions)
    {
      set_source (cr, &colors->routine, 1.0);
      cairo_arc (cr, routines_x + glyph / 2, middle, 3.0, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  if (self->has_breaks)
    {
      set_source (cr, &colors->fg, 0.5);
      cairo_rectangle (cr, round (breaks_x + glyph / 2) - 1, round (middle - 3), 2, 6);
      cairo_fill (cr);
    }
  cairo_destroy (cr);

  if (self->has_sessions)
    append_layout_at (snapshot, routines, routines_x + glyph + LEGEND_GAP, PAD, &dim);
  if (self->has_breaks)
    append_layout_at (snapshot, breaks, breaks_x + glyph + LEGEND_GAP, PAD, &dim);
}

/* The header line: what the values are on the left, the legend of the strip on the right. */
static void
append_header (KlTrendChart  *self,
               GtkSnapshot   *snapshot,
               const Layout  *layout,
               const Colors  *colors)
{
  g_autoptr(PangoLayout) name = create_small_layout (self, self->y_label);
  GdkRGBA dim = with_alpha (&colors->fg, 0.6);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (name, NULL, &logical);
  append_layout_at (snapshot, name, PAD, PAD, &dim);

  if (self->has_sessions || self->has_breaks)
    append_legend (self, snapshot, layout, colors, PAD + logical.width);
}

/* Everything that does not follow the pointer or the keyboard. */
static GskRenderNode *
plot_node (KlTrendChart  *self,
           const Layout  *layout,
           const Colors  *colors)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autofree Column *columns = compute_columns (self, layout);
  g_autoptr(GArray) ticks = compute_ticks (self, layout);
  GdkRGBA dim = with_alpha (&colors->fg, 0.6);
  static const int values[] = { 0, 5, 10 };
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Grid lines on whole pixels, the zero line a little stronger as the floor of the plot. */
  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      double y = floor (value_y (layout, values[i])) + 0.5;

      set_source (cr, &colors->fg, values[i] == 0 ? 0.22 : 0.1);
      cairo_move_to (cr, layout->left, y);
      cairo_line_to (cr, layout->right, y);
      cairo_stroke (cr);
    }

  for (guint i = 0; ticks != NULL && i < ticks->len; i++)
    {
      Tick *tick = &g_array_index (ticks, Tick, i);
      double x = floor (column_x (layout, column_of_day (self, layout, tick->day))) + 0.5;
      double y = floor (layout->bottom) + 1;

      set_source (cr, &colors->fg, 0.22);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x, y + 3);
      cairo_stroke (cr);
    }

  draw_series (cr, layout, columns, colors);
  if (self->has_sessions || self->has_breaks)
    draw_markers (self, cr, layout, columns, colors);
  cairo_destroy (cr);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", values[i]);
      g_autoptr(PangoLayout) label = create_small_layout (self, text);
      PangoRectangle logical;

      pango_layout_get_pixel_extents (label, NULL, &logical);
      append_layout_at (snapshot, label, layout->left - AXIS_GAP - logical.width,
                        floor (value_y (layout, values[i])) + 0.5 - logical.height / 2.0, &dim);
    }

  for (guint i = 0; ticks != NULL && i < ticks->len; i++)
    {
      Tick *tick = &g_array_index (ticks, Tick, i);

      append_layout_at (snapshot, tick->text, tick->x, layout->labels_top, &dim);
    }

  append_header (self, snapshot, layout, colors);

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* The selected day */

static guint
shown_day (KlTrendChart *self)
{
  if (self->hover_day != KL_TREND_CHART_NO_DAY)
    return self->hover_day;

  if (self->focus_day != KL_TREND_CHART_NO_DAY && gtk_widget_has_focus (GTK_WIDGET (self)))
    return self->focus_day;

  return KL_TREND_CHART_NO_DAY;
}

static void
append_day_box (KlTrendChart  *self,
                GtkSnapshot   *snapshot,
                const Layout  *layout,
                const Colors  *colors,
                guint          index,
                double         guide_x,
                double         point_y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  g_autofree char *date = NULL;
  g_autofree char *values = NULL;
  g_autofree char *extras = NULL;
  g_autofree char *markup = NULL;
  g_autoptr(PangoLayout) text = NULL;
  PangoRectangle logical;
  GskRoundedRect box;
  double box_width, box_height, x, y;
  const float border_widths[4] = { 1, 1, 1, 1 };
  GdkRGBA border[4];

  describe_day (self, index, &date, &values, &extras);
  if (extras != NULL)
    markup = g_markup_printf_escaped ("<b>%s</b>\n<small>%s\n%s</small>", date, values, extras);
  else
    markup = g_markup_printf_escaped ("<b>%s</b>\n<small>%s</small>", date, values);
  text = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_layout_set_markup (text, markup, -1);
  pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (text, (int)(MIN (BOX_MAX_WIDTH, width - 2 * PAD) - 2 * BOX_PAD_X) *
                                PANGO_SCALE);
  pango_layout_get_pixel_extents (text, NULL, &logical);

  box_width = logical.width + 2 * BOX_PAD_X;
  box_height = logical.height + 2 * BOX_PAD_Y;

  /* Beside the guide, on the side with room; above the plot's middle when the day's value is
   * low, under it when high, so that the box hides as little of the line as it can. */
  x = guide_x + BOX_OFFSET;
  if (x + box_width > width - PAD)
    x = guide_x - BOX_OFFSET - box_width;
  x = round (MAX (PAD, MIN (x, width - PAD - box_width)));
  if (point_y < (layout->top + layout->bottom) / 2)
    y = layout->bottom - box_height - 4;
  else
    y = layout->top + 2;
  y = round (MAX (PAD, y));

  gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (x, y, box_width, box_height),
                                   BOX_RADIUS);
  /* Black, as libadwaita's own shadows are in light and dark styles alike. */
  gtk_snapshot_append_outset_shadow (snapshot, &box, &(GdkRGBA) { 0, 0, 0, 0.15 }, 0, 1, 0, 4);
  gtk_snapshot_push_rounded_clip (snapshot, &box);
  gtk_snapshot_append_color (snapshot, &colors->box_bg, &box.bounds);
  gtk_snapshot_pop (snapshot);
  for (guint i = 0; i < G_N_ELEMENTS (border); i++)
    border[i] = with_alpha (&colors->fg, 0.14);
  gtk_snapshot_append_border (snapshot, &box, border_widths, border);

  append_layout_at (snapshot, text, x + BOX_PAD_X - logical.x, y + BOX_PAD_Y - logical.y,
                    &colors->fg);
}

static void
append_selected_day (KlTrendChart  *self,
                     GtkSnapshot   *snapshot,
                     const Layout  *layout,
                     const Colors  *colors,
                     guint          index)
{
  const KlPainDay *day = day_at (self, index);
  double x = column_x (layout, column_of_day (self, layout, index));
  double guide_bottom = (self->has_sessions || self->has_breaks)
                        ? layout->strip_top + ((self->has_sessions ? 1 : 0) +
                                               (self->has_breaks ? 1 : 0)) * MARKER_ROW
                        : layout->bottom;
  gboolean keyboard = index != self->hover_day;
  GdkRGBA guide = keyboard ? colors->accent : with_alpha (&colors->fg, 0.4);
  double guide_width = keyboard ? 2 : 1;
  double point_y = day->n_entries > 0 ? value_y (layout, day->mean) : layout->bottom;

  /* Whole pixels wide, on whole pixels, so that it is sharp; wider for the keyboard's day,
   * which has no pointer beside it to find it by. */
  gtk_snapshot_append_color (snapshot, &guide,
                             &GRAPHENE_RECT_INIT (round (x - guide_width / 2), floor (layout->top),
                                                  guide_width, ceil (guide_bottom - layout->top)));

  if (day->n_entries > 0)
    {
      double r = DOT_RADIUS + 1.5;
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                               &GRAPHENE_RECT_INIT (x - r - 3, point_y - r - 3,
                                                                    2 * r + 6, 2 * r + 6));

      cairo_arc (cr, x, point_y, r, 0, 2 * G_PI);
      set_source (cr, &colors->window_bg, 1.0);
      cairo_set_line_width (cr, 4);
      cairo_stroke_preserve (cr);
      set_source (cr, &colors->accent, 1.0);
      cairo_fill (cr);
      cairo_destroy (cr);
    }

  append_day_box (self, snapshot, layout, colors, index, x, point_y);
}

static void
append_empty (KlTrendChart  *self,
              GtkSnapshot   *snapshot,
              const Colors  *colors)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autoptr(PangoLayout) text = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                                _("No check-ins in this period"));
  GdkRGBA dim = with_alpha (&colors->fg, 0.55);
  PangoRectangle logical;

  pango_layout_set_width (text, (int)MAX (1, width - 2 * PAD) * PANGO_SCALE);
  pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_extents (text, NULL, &logical);
  append_layout_at (snapshot, text, PAD, (height - logical.height) / 2.0, &dim);
}

static void
kl_trend_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  KlTrendChart *self = KL_TREND_CHART (widget);
  PangoFontDescription *font = pango_context_get_font_description (
    gtk_widget_get_pango_context (widget));
  guint day = shown_day (self);
  Colors colors;
  PlotKey key;
  Layout layout;

  get_colors (self, &colors);

  if (!self->has_data)
    {
      append_empty (self, snapshot, &colors);
      return;
    }

  if (!get_layout (self, &layout))
    return;

  memset (&key, 0, sizeof key);
  key.width = gtk_widget_get_width (widget);
  key.height = gtk_widget_get_height (widget);
  key.colors = colors;
  key.font_hash = font != NULL ? pango_font_description_hash (font) : 0;
  key.generation = self->generation;
  if (self->plot == NULL || memcmp (&key, &self->plot_key, sizeof key) != 0)
    {
      g_clear_pointer (&self->plot, gsk_render_node_unref);
      self->plot = plot_node (self, &layout, &colors);
      self->plot_key = key;
    }
  if (self->plot != NULL)
    gtk_snapshot_append_node (snapshot, self->plot);

  if (day != KL_TREND_CHART_NO_DAY)
    append_selected_day (self, snapshot, &layout, &colors, day);
}

static void
kl_trend_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 600;
    }
  else
    {
      *minimum = 120;
      *natural = 220;
    }
}

static void
kl_trend_chart_system_setting_changed (GtkWidget         *widget,
                                       GtkSystemSetting   setting)
{
  KlTrendChart *self = KL_TREND_CHART (widget);

  /* The text is measured into the kept plot. */
  g_clear_pointer (&self->plot, gsk_render_node_unref);
  gtk_widget_queue_draw (widget);

  GTK_WIDGET_CLASS (kl_trend_chart_parent_class)->system_setting_changed (widget, setting);
}

/* Interaction */

/* The day under @x; in a column of several days, the nearest one with data, so that the
 * pointer does not land on the empty days between check-ins. */
static guint
day_at_x (KlTrendChart *self,
          double        x)
{
  Layout layout;
  guint day, column, first, end, best = KL_TREND_CHART_NO_DAY;

  /* Left of the plot are the value labels; right of it only the padding, still the last day. */
  if (!self->has_data || !get_layout (self, &layout) || x < layout.left)
    return KL_TREND_CHART_NO_DAY;

  day = (guint)((x - layout.left) / (layout.right - layout.left) * n_days (self));
  day = MIN (day, n_days (self) - 1);
  if (day_at (self, day)->n_entries > 0)
    return day;

  column = column_of_day (self, &layout, day);
  column_days (self, &layout, column, &first, &end);
  for (guint i = first; i < end; i++)
    if (day_at (self, i)->n_entries > 0 &&
        (best == KL_TREND_CHART_NO_DAY || ABS ((int)i - (int)day) < ABS ((int)best - (int)day)))
      best = i;

  return best != KL_TREND_CHART_NO_DAY ? best : day;
}

static void
set_hover_day (KlTrendChart *self,
               guint         day)
{
  if (self->hover_day == day)
    return;

  self->hover_day = day;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (KlTrendChart             *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  set_hover_day (self, day_at_x (self, x));
}

static void
leave_cb (KlTrendChart *self)
{
  set_hover_day (self, KL_TREND_CHART_NO_DAY);
}

static void
pressed_cb (KlTrendChart    *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  guint day = day_at_x (self, x);

  /* A click puts the keyboard where the pointer is. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (day != KL_TREND_CHART_NO_DAY)
    kl_trend_chart_set_focus_day (self, day);
}

/* Where the keyboard starts: the latest day with data. */
static guint
latest_day (KlTrendChart *self)
{
  for (guint i = n_days (self); i > 0; i--)
    if (day_at (self, i - 1)->n_entries > 0)
      return i - 1;

  return n_days (self) > 0 ? n_days (self) - 1 : KL_TREND_CHART_NO_DAY;
}

static gboolean
key_pressed_cb (KlTrendChart          *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  gint64 day, last = (gint64)n_days (self) - 1;

  if (!self->has_data || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  day = self->focus_day != KL_TREND_CHART_NO_DAY ? self->focus_day : latest_day (self);

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      day -= 1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      day += 1;
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      day -= WEEK;
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      day += WEEK;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      day = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      day = last;
      break;
    default:
      return FALSE;
    }

  /* The latest input wins: a day hovered earlier would hide the one the keys move to. */
  set_hover_day (self, KL_TREND_CHART_NO_DAY);
  kl_trend_chart_set_focus_day (self, (guint)CLAMP (day, 0, last));
  return TRUE;
}

static void
focus_enter_cb (KlTrendChart *self)
{
  if (self->focus_day == KL_TREND_CHART_NO_DAY && self->has_data)
    kl_trend_chart_set_focus_day (self, latest_day (self));

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (KlTrendChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Properties */

GArray *
kl_trend_chart_get_days (KlTrendChart *self)
{
  g_return_val_if_fail (KL_IS_TREND_CHART (self), NULL);

  return self->days;
}

void
kl_trend_chart_set_days (KlTrendChart *self,
                         GArray       *days)
{
  g_autoptr(GArray) old = NULL;
  guint focus_day = KL_TREND_CHART_NO_DAY;

  g_return_if_fail (KL_IS_TREND_CHART (self));
  g_return_if_fail (days == NULL || g_array_get_element_size (days) == sizeof (KlPainDay));

  if (self->days == days)
    return;

  /* The keyboard stays on its date when the new days still have it. */
  if (self->focus_day != KL_TREND_CHART_NO_DAY && days != NULL && days->len > 0)
    {
      const GDate *focus_date = &day_at (self, self->focus_day)->date;
      gint64 index = g_date_days_between (&g_array_index (days, KlPainDay, 0).date, focus_date);

      if (index >= 0 && index < days->len)
        focus_day = (guint)index;
    }

  old = g_steal_pointer (&self->days);
  self->days = days != NULL ? g_array_ref (days) : NULL;
  self->has_data = self->has_sessions = self->has_breaks = FALSE;
  for (guint i = 0; i < n_days (self); i++)
    {
      const KlPainDay *day = day_at (self, i);

      self->has_data |= day->n_entries > 0;
      self->has_sessions |= day->n_sessions > 0;
      self->has_breaks |= day->n_breaks > 0;
    }

  self->generation++;
  self->hover_day = KL_TREND_CHART_NO_DAY;
  if (self->focus_day != focus_day)
    {
      self->focus_day = focus_day;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_DAY]);
    }

  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAYS]);
}

const char *
kl_trend_chart_get_y_label (KlTrendChart *self)
{
  g_return_val_if_fail (KL_IS_TREND_CHART (self), NULL);

  return self->y_label;
}

void
kl_trend_chart_set_y_label (KlTrendChart *self,
                            const char   *label)
{
  g_return_if_fail (KL_IS_TREND_CHART (self));

  if (label == NULL)
    label = _("Pain");

  if (g_strcmp0 (self->y_label, label) == 0)
    return;

  g_free (self->y_label);
  self->y_label = g_strdup (label);
  self->generation++;
  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_Y_LABEL]);
}

guint
kl_trend_chart_get_focus_day (KlTrendChart *self)
{
  g_return_val_if_fail (KL_IS_TREND_CHART (self), KL_TREND_CHART_NO_DAY);

  return self->focus_day;
}

void
kl_trend_chart_set_focus_day (KlTrendChart *self,
                              guint         index)
{
  g_return_if_fail (KL_IS_TREND_CHART (self));
  g_return_if_fail (index == KL_TREND_CHART_NO_DAY || index < n_days (self));

  if (self->focus_day == index)
    return;

  self->focus_day = index;
  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_DAY]);
}

static void
kl_trend_chart_finalize (GObject *object)
{
  KlTrendChart *self = (KlTrendChart *)object;

  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->y_label, g_free);
  g_clear_pointer (&self->plot, gsk_render_node_unref);

  G_OBJECT_CLASS (kl_trend_chart_parent_class)->finalize (object);
}

static void
kl_trend_chart_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KlTrendChart *self = KL_TREND_CHART (object);

  switch (prop_id)
    {
    case PROP_DAYS:
      g_value_set_boxed (value, self->days);
      break;
    case PROP_Y_LABEL:
      g_value_set_string (value, self->y_label);
      break;
    case PROP_FOCUS_DAY:
      g_value_set_uint (value, self->focus_day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_trend_chart_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KlTrendChart *self = KL_TREND_CHART (object);

  switch (prop_id)
    {
    case PROP_DAYS:
      kl_trend_chart_set_days (self, g_value_get_boxed (value));
      break;
    case PROP_Y_LABEL:
      kl_trend_chart_set_y_label (self, g_value_get_string (value));
      break;
    case PROP_FOCUS_DAY:
      kl_trend_chart_set_focus_day (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_trend_chart_class_init (KlTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kl_trend_chart_finalize;
  object_class->get_property = kl_trend_chart_get_property;
  object_class->set_property = kl_trend_chart_set_property;

  widget_class->snapshot = kl_trend_chart_snapshot;
  widget_class->measure = kl_trend_chart_measure;
  widget_class->system_setting_changed = kl_trend_chart_system_setting_changed;

  /* A GArray of KlPainDay. */
  properties[PROP_DAYS] = g_param_spec_boxed ("days", NULL, NULL, G_TYPE_ARRAY, flags);
  properties[PROP_Y_LABEL] = g_param_spec_string ("y-label", NULL, NULL, NULL, flags);
  properties[PROP_FOCUS_DAY] = g_param_spec_uint ("focus-day", NULL, NULL,
                                                  0, G_MAXUINT, KL_TREND_CHART_NO_DAY, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "trendchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kl_trend_chart_init (KlTrendChart *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->focus_day = KL_TREND_CHART_NO_DAY;
  self->hover_day = KL_TREND_CHART_NO_DAY;
  self->y_label = g_strdup (_("Pain"));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  update_accessible_label (self);
}
