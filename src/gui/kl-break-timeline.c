/* kl-break-timeline.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-break-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "kl-break-timeline.h"
#include "kl-store.h"

#define MARK_SIZE 12.0
#define LINE_Y    14.0

typedef struct
{
  KlBreakOutcomeKind kind;
  int                minute;
} Mark;

struct _KlBreakTimeline
{
  GtkWidget  parent_instance;

  GArray    *marks;       /* Mark */
  guint      start;
  guint      end;
  int        now_minute;
};

G_DEFINE_FINAL_TYPE (KlBreakTimeline, kl_break_timeline, GTK_TYPE_WIDGET)

GtkWidget *
kl_break_timeline_new (void)
{
  return g_object_new (KL_TYPE_BREAK_TIMELINE, NULL);
}

static const char *
outcome_label (KlBreakOutcomeKind kind)
{
  switch (kind)
    {
    case KL_BREAK_OUTCOME_TAKEN:
      return _("taken");
    case KL_BREAK_OUTCOME_NATURAL:
      return _("natural");
    case KL_BREAK_OUTCOME_SNOOZED:
      return _("snoozed");
    case KL_BREAK_OUTCOME_SKIPPED:
      return _("skipped");
    case KL_BREAK_OUTCOME_SHOWN:
    default:
      return "";
    }
}

static char *
format_minute (int minute)
{
  return g_strdup_printf ("%02d:%02d", minute / 60, minute % 60);
}

static void
update_description (KlBreakTimeline *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->marks->len == 0)
    g_string_append (text, _("No breaks yet today."));
  else
    {
      g_string_append (text, _("Breaks today:"));
      for (guint i = 0; i < self->marks->len; i++)
        {
          const Mark *mark = &g_array_index (self->marks, Mark, i);
          g_autofree char *time = format_minute (mark->minute);

          /* Translators: one break of the day's list: a time and what became of it */
          g_string_append_printf (text, i == 0 ? _(" %s %s") : _(", %s %s"), time,
                                  outcome_label (mark->kind));
        }
      g_string_append_c (text, '.');
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text->str, -1);
}

void
kl_break_timeline_set_events (KlBreakTimeline *self,
                              GArray          *events,
                              guint            start,
                              guint            end,
                              int              now_minute)
{
  g_return_if_fail (KL_IS_BREAK_TIMELINE (self));
  g_return_if_fail (start < end && end <= 24 * 60);

  g_array_set_size (self->marks, 0);
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      const KlBreakEvent *event = &g_array_index (events, KlBreakEvent, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (event->at);
      Mark mark;

      if (event->outcome == KL_BREAK_OUTCOME_SHOWN)
        continue;
      mark.kind = event->outcome;
      mark.minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
      start = MIN (start, (guint) mark.minute);
      end = MAX (end, (guint) mark.minute + 1);
      g_array_append_val (self->marks, mark);
    }

  self->start = start;
  self->end = end;
  self->now_minute = now_minute;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static const char *
color_name (KlBreakOutcomeKind kind)
{
  switch (kind)
    {
    case KL_BREAK_OUTCOME_TAKEN:
      return "success_color";
    case KL_BREAK_OUTCOME_NATURAL:
      return "accent_color";
    case KL_BREAK_OUTCOME_SNOOZED:
      return "warning_color";
    case KL_BREAK_OUTCOME_SHOWN:
    case KL_BREAK_OUTCOME_SKIPPED:
    default:
      return NULL;
    }
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static GdkRGBA
lookup_color (GtkWidget          *widget,
              KlBreakOutcomeKind  kind)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  const char *name = color_name (kind);
  GdkRGBA color;

  if (name == NULL || !gtk_style_context_lookup_color (context, name, &color))
    {
      gtk_style_context_get_color (context, &color);
      color.alpha *= 0.7f;
    }
  return color;
}
G_GNUC_END_IGNORE_DEPRECATIONS

static void
draw_mark (cairo_t            *cr,
           KlBreakOutcomeKind  kind,
           double              x,
           double              y)
{
  double r = MARK_SIZE / 2;

  switch (kind)
    {
    case KL_BREAK_OUTCOME_TAKEN:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case KL_BREAK_OUTCOME_NATURAL:
      cairo_move_to (cr, x, y - r - 1);
      cairo_line_to (cr, x + r + 1, y);
      cairo_line_to (cr, x, y + r + 1);
      cairo_line_to (cr, x - r - 1, y);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case KL_BREAK_OUTCOME_SNOOZED:
      cairo_set_line_width (cr, 2.5);
      cairo_arc (cr, x, y, r - 1.25, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;
    case KL_BREAK_OUTCOME_SKIPPED:
    case KL_BREAK_OUTCOME_SHOWN:
    default:
      cairo_set_line_width (cr, 2.5);
      cairo_move_to (cr, x - r + 1, y - r + 1);
      cairo_line_to (cr, x + r - 1, y + r - 1);
      cairo_move_to (cr, x + r - 1, y - r + 1);
      cairo_line_to (cr, x - r + 1, y + r - 1);
      cairo_stroke (cr);
      break;
    }
}

static void
draw_label (GtkWidget   *widget,
            GtkSnapshot *snapshot,
            int          minute,
            double       x,
            double       y,
            double       align,
            GdkRGBA     *color)
{
  g_autofree char *text = format_minute (minute);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - w * align, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
kl_break_timeline_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  KlBreakTimeline *self = KL_BREAK_TIMELINE (widget);
  double width = gtk_widget_get_width (widget);
  double left = MARK_SIZE, right = width - MARK_SIZE;
  double span = self->end - self->start;
  GdkRGBA fg = lookup_color (widget, KL_BREAK_OUTCOME_SKIPPED);
  GdkRGBA dim = fg;
  cairo_t *cr;

  if (right <= left)
    return;

  dim.alpha *= 0.4f;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, LINE_Y * 2));

  /* The day's line, and where now is. */
  gdk_cairo_set_source_rgba (cr, &dim);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, left, LINE_Y);
  cairo_line_to (cr, right, LINE_Y);
  cairo_stroke (cr);
  if (self->now_minute >= (int) self->start && self->now_minute <= (int) self->end)
    {
      double x = left + (right - left) * (self->now_minute - self->start) / span;

      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_move_to (cr, x, LINE_Y - MARK_SIZE);
      cairo_line_to (cr, x, LINE_Y + MARK_SIZE);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);
      GdkRGBA color = lookup_color (widget, mark->kind);

      gdk_cairo_set_source_rgba (cr, &color);
      draw_mark (cr, mark->kind, left + (right - left) * (mark->minute - self->start) / span,
                 LINE_Y);
    }
  cairo_destroy (cr);

  draw_label (widget, snapshot, self->start, left, LINE_Y * 2, 0, &fg);
  draw_label (widget, snapshot, self->end, right, LINE_Y * 2, 1, &fg);
}

static void
kl_break_timeline_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 480;
    }
  else
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "00:00");
      int h;

      pango_layout_get_pixel_size (layout, NULL, &h);
      *minimum = *natural = (int) (LINE_Y * 2) + h;
    }
}

static void
kl_break_timeline_finalize (GObject *object)
{
  KlBreakTimeline *self = KL_BREAK_TIMELINE (object);

  g_clear_pointer (&self->marks, g_array_unref);

  G_OBJECT_CLASS (kl_break_timeline_parent_class)->finalize (object);
}

static void
kl_break_timeline_class_init (KlBreakTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kl_break_timeline_finalize;
  widget_class->snapshot = kl_break_timeline_snapshot;
  widget_class->measure = kl_break_timeline_measure;

  gtk_widget_class_set_css_name (widget_class, "breaktimeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kl_break_timeline_init (KlBreakTimeline *self)
{
  self->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  self->start = 9 * 60;
  self->end = 17 * 60 + 30;
  self->now_minute = -1;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Today’s breaks"), -1);
  update_description (self);
}
