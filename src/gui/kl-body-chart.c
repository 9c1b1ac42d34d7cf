/* kl-body-chart.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The body chart: one view of the figure (front or back) drawn from its region outlines, with the
 * user's knots on it. A click on the body adds a knot exactly there ("add-knot"), a click on a
 * knot selects it, dragging moves it ("knot-moved"); Ctrl+scroll or a pinch zooms about the
 * pointer, and dragging the body while zoomed pans. From the keyboard the arrows walk the
 * regions, Enter adds a knot at the focused region's centre, Tab walks the knots, a digit rates
 * the selected one ("rate-knot", 0–9) and Delete asks to delete it ("delete-knot"). */

#define G_LOG_DOMAIN "kl-body-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kl-body-chart.h"
#include "kl-body-geometry.h"
#include "kl-core-enums.h"

#define MARGIN          16.0
#define KNOT_RADIUS     11.0
#define DRAG_THRESHOLD  4.0
#define MIN_ZOOM        1.0
#define MAX_ZOOM        6.0

typedef struct
{
  double scale;    /* widget px per viewBox unit */
  double x0, y0;   /* widget position of the viewBox origin */
  double width;    /* viewBox size */
  double height;
} Layout;

/* What a cached layer was drawn for: when any of it changes, the layer is drawn again. Kept
 * zero-filled so that memcmp () compares the fields only. */
typedef struct
{
  KlBodyGeometry *geometry;
  Layout          layout;
  GdkRGBA         fg;
  GdkRGBA         accent;
  KlKnot         *selected;
  KlKnot         *dragged;
  guint           fingerprint;
} LayerKey;

struct _KlBodyChart
{
  GtkWidget       parent_instance;

  KlBodyView      view;
  KlBodyGeometry *geometry;
  GListModel     *knots;
  KlKnot         *selected;
  GStrv           highlighted;
  char           *hover_region;
  char           *focus_region;

  double          zoom;
  double          pan_x;
  double          pan_y;

  /* The drag under way: a knot being moved, or the figure being panned. */
  KlKnot         *dragged;
  double          drag_start_x;
  double          drag_start_y;
  double          drag_dx;
  double          drag_dy;
  double          pan_start_x;
  double          pan_start_y;
  gboolean        dragging;
  double          zoom_start;

  /* The layers kept between frames (see kl_body_chart_snapshot ()). */
  GskRenderNode  *figure;
  GskRenderNode  *knots_layer;
  LayerKey        figure_key;
  LayerKey        knots_key;
};

G_DEFINE_FINAL_TYPE (KlBodyChart, kl_body_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_KNOTS,
  PROP_SELECTED,
  PROP_ZOOM,
  PROP_FOCUS_REGION,
  N_PROPS
};

enum {
  ADD_KNOT,
  KNOT_MOVED,
  RATE_KNOT,
  DELETE_KNOT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* viridis at eleven steps: light and yellow for a little, dark and blue-violet for a lot, told
 * apart by lightness too, so it reads with any colour vision and in grey. */
static const char * const tenderness_colors[] = {
  "#fde725", "#c2df23", "#86d549", "#52c569", "#2ab07f", "#1e9b8a",
  "#25858e", "#2d708e", "#38588c", "#433e85", "#482173",
};

void
kl_tenderness_color (int      tenderness,
                     GdkRGBA *color)
{
  g_return_if_fail (color != NULL);

  if (tenderness < 0 || tenderness > 10)
    gdk_rgba_parse (color, "#9a9996");
  else
    gdk_rgba_parse (color, tenderness_colors[tenderness]);
}

GtkWidget *
kl_body_chart_new (void)
{
  return g_object_new (KL_TYPE_BODY_CHART, NULL);
}

/* Layout */

static gboolean
get_layout (KlBodyChart *self,
            Layout      *layout)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double fit;

  if (self->geometry == NULL || w <= 2 * MARGIN || h <= 2 * MARGIN)
    return FALSE;

  layout->width = kl_body_geometry_get_width (self->geometry);
  layout->height = kl_body_geometry_get_height (self->geometry);
  fit = MIN ((w - 2 * MARGIN) / layout->width, (h - 2 * MARGIN) / layout->height);
  layout->scale = fit * self->zoom;
  layout->x0 = (w - layout->width * layout->scale) / 2 + self->pan_x;
  layout->y0 = (h - layout->height * layout->scale) / 2 + self->pan_y;
  return TRUE;
}

void
kl_body_chart_widget_to_figure (KlBodyChart *self,
                                double       wx,
                                double       wy,
                                double      *fx,
                                double      *fy)
{
  Layout layout;

  g_return_if_fail (KL_IS_BODY_CHART (self));

  if (!get_layout (self, &layout))
    {
      *fx = *fy = -1;
      return;
    }

  *fx = (wx - layout.x0) / (layout.width * layout.scale);
  *fy = (wy - layout.y0) / (layout.height * layout.scale);
}

void
kl_body_chart_figure_to_widget (KlBodyChart *self,
                                double       fx,
                                double       fy,
                                double      *wx,
                                double      *wy)
{
  Layout layout;

  g_return_if_fail (KL_IS_BODY_CHART (self));

  if (!get_layout (self, &layout))
    {
      *wx = *wy = 0;
      return;
    }

  *wx = layout.x0 + fx * layout.width * layout.scale;
  *wy = layout.y0 + fy * layout.height * layout.scale;
}

static const char *
region_at (KlBodyChart *self,
           double       wx,
           double       wy)
{
  Layout layout;

  if (!get_layout (self, &layout))
    return NULL;

  return kl_body_geometry_hit_test (self->geometry,
                                    (wx - layout.x0) / layout.scale,
                                    (wy - layout.y0) / layout.scale);
}

static gboolean
knot_is_shown (KlBodyChart *self,
               KlKnot      *knot)
{
  const KlBodyRegion *region = kl_body_regions_lookup (kl_knot_get_region (knot));

  /* Resolved knots are filtered out of the model by the page unless "Show resolved" is on. */
  return region != NULL && region->view == self->view;
}

static void
knot_position (KlBodyChart *self,
               KlKnot      *knot,
               double      *wx,
               double      *wy)
{
  kl_body_chart_figure_to_widget (self, kl_knot_get_x (knot), kl_knot_get_y (knot), wx, wy);

  if (knot == self->dragged && self->dragging)
    {
      *wx += self->drag_dx;
      *wy += self->drag_dy;
    }
}

/* The topmost shown knot under the point: the last drawn wins, as it is drawn over the others. */
static KlKnot *
knot_at (KlBodyChart *self,
         double       wx,
         double       wy)
{
  guint n;

  if (self->knots == NULL)
    return NULL;

  n = g_list_model_get_n_items (self->knots);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(KlKnot) knot = g_list_model_get_item (self->knots, i - 1);
      double kx, ky;

      if (!knot_is_shown (self, knot))
        continue;

      knot_position (self, knot, &kx, &ky);
      if (hypot (wx - kx, wy - ky) <= KNOT_RADIUS + 3)
        return g_steal_pointer (&knot);
    }

  return NULL;
}

/* Accessibility: what the focus is on, for screen readers. */
static void
update_accessible_description (KlBodyChart *self)
{
  g_autofree char *description = NULL;
  g_autofree char *label = NULL;
  const KlBodyRegion *region = NULL;
  const char *view;

  if (self->selected != NULL)
    {
      region = kl_body_regions_lookup (kl_knot_get_region (self->selected));
      if (region != NULL)
        {
          g_autofree char *region_label = kl_body_region_dup_label (region);
          int tenderness = kl_knot_get_tenderness (self->selected);

          if (tenderness != KL_KNOT_NO_RATING)
            /* Translators: a selected knot: "Upper trapezius, left: active knot, tenderness 6 of 10" */
            description = g_strdup_printf (_("%s: %s knot, tenderness %d of 10"), region_label,
                                           kl_knot_get_state (self->selected) == KL_KNOT_LATENT
                                             ? _("latent") : _("active"),
                                           tenderness);
          else
            description = g_strdup_printf (_("%s: %s knot, not rated"), region_label,
                                           kl_knot_get_state (self->selected) == KL_KNOT_LATENT
                                             ? _("latent") : _("active"));
        }
    }
  else if (self->focus_region != NULL &&
           (region = kl_body_regions_lookup (self->focus_region)) != NULL)
    {
      g_autofree char *region_label = kl_body_region_dup_label (region);

      /* Translators: the region under the keyboard focus; Enter adds a knot there */
      description = g_strdup_printf (_("%s. Press Enter to mark a knot here."), region_label);
    }

  view = self->view == KL_BODY_VIEW_FRONT ? _("Body chart, front") : _("Body chart, back");
  /* GTK 4.8 sends no description over AT-SPI: the name carries what is under the focus, which
   * is also what a screen reader says as the focus moves. */
  label = description != NULL ? g_strdup_printf ("%s: %s", view, description) : g_strdup (view);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
}

/* Drawing */

static void
get_theme_colors (KlBodyChart *self,
                  GdkRGBA     *foreground,
                  GdkRGBA     *accent)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  /* GTK 4.8 has no gtk_widget_get_color (); the style context is the way to the theme. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, foreground);
  if (!gtk_style_context_lookup_color (context, "accent_color", accent))
    gdk_rgba_parse (accent, "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static gboolean
region_in (const char * const *regions,
           const char         *id)
{
  return regions != NULL && id != NULL && g_strv_contains (regions, id);
}

static void
layer_key_init (KlBodyChart  *self,
                LayerKey     *key,
                const Layout *layout)
{
  memset (key, 0, sizeof *key);
  key->geometry = self->geometry;
  key->layout = *layout;
  get_theme_colors (self, &key->fg, &key->accent);
}

/* The figure: every region shaded and outlined, and the L/R marks. It changes only with the
 * size, the zoom, the view and the theme, so it is drawn once and replayed on every frame;
 * the GL renderer also keeps its pixels for as long as the node lives. */
static GskRenderNode *
figure_node (KlBodyChart  *self,
             const Layout *layout,
             const GdkRGBA *fg)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(PangoLayout) text = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 11");
  guint n = kl_body_geometry_get_n_regions (self->geometry);
  const char *left_right[2];
  GdkRGBA mark = *fg;
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, layout->x0, layout->y0);
  cairo_scale (cr, layout->scale, layout->scale);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 1.0 / layout->scale);

  for (guint i = 0; i < n; i++)
    {
      const char *id = kl_body_geometry_get_region_id (self->geometry, i);
      const KlBodyRegion *region = kl_body_regions_lookup (id);
      gboolean muscle = region != NULL && region->kind == KL_BODY_REGION_MUSCLE;

      cairo_new_path (cr);
      kl_body_geometry_append_region_path (self->geometry, id, cr);

      /* Muscles a shade deeper than the areas between them, all from the text colour, so the
       * figure follows light, dark and high-contrast styles. */
      set_source (cr, fg, muscle ? 0.10 : 0.05);
      cairo_fill_preserve (cr);
      set_source (cr, fg, 0.30);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);

  /* L and R: the person's own sides, so on the front their left is on the viewer's right. */
  if (self->view == KL_BODY_VIEW_FRONT)
    {
      left_right[0] = C_("side of the body", "R");
      left_right[1] = C_("side of the body", "L");
    }
  else
    {
      left_right[0] = C_("side of the body", "L");
      left_right[1] = C_("side of the body", "R");
    }

  pango_layout_set_font_description (text, font);
  pango_font_description_free (font);
  mark.alpha *= 0.55;

  for (guint i = 0; i < 2; i++)
    {
      double x = layout->x0 + (i == 0 ? 0.12 : 0.88) * layout->width * layout->scale;
      double y = layout->y0 + 0.955 * layout->height * layout->scale;
      PangoRectangle logical;

      pango_layout_set_text (text, left_right[i], -1);
      pango_layout_get_pixel_extents (text, NULL, &logical);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (x - logical.width / 2.0,
                                                    y - logical.height / 2.0));
      gtk_snapshot_append_layout (snapshot, text, &mark);
      gtk_snapshot_restore (snapshot);
    }

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* One region tinted (and outlined when @line_width > 0), in a node no larger than the region,
 * so that a hover repaints that region only. */
static void
append_region_tint (KlBodyChart   *self,
                    GtkSnapshot   *snapshot,
                    const Layout  *layout,
                    const char    *id,
                    const GdkRGBA *color,
                    double         fill_alpha,
                    double         line_width)
{
  cairo_rectangle_t box;
  graphene_rect_t bounds;
  cairo_t *cr;

  if (!kl_body_geometry_get_region_bounds (self->geometry, id, &box))
    return;

  graphene_rect_init (&bounds,
                      floor (layout->x0 + box.x * layout->scale - line_width - 1),
                      floor (layout->y0 + box.y * layout->scale - line_width - 1),
                      ceil (box.width * layout->scale + 2 * line_width + 3),
                      ceil (box.height * layout->scale + 2 * line_width + 3));
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_translate (cr, layout->x0, layout->y0);
  cairo_scale (cr, layout->scale, layout->scale);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  kl_body_geometry_append_region_path (self->geometry, id, cr);
  if (fill_alpha > 0)
    {
      set_source (cr, color, fill_alpha);
      cairo_fill_preserve (cr);
    }
  if (line_width > 0)
    {
      set_source (cr, color, 1.0);
      cairo_set_line_width (cr, line_width / layout->scale);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

/* What changes with the pointer and the selection, drawn fresh on every frame: highlighted
 * muscles, the selected knot's referral zone, the hovered region and the keyboard focus. */
static void
draw_overlays (KlBodyChart   *self,
               GtkSnapshot   *snapshot,
               const Layout  *layout,
               const GdkRGBA *accent)
{
  const KlBodyRegion *selected_region = NULL;
  const char * const *referral = NULL;
  guint n = kl_body_geometry_get_n_regions (self->geometry);

  if (self->selected != NULL &&
      (selected_region = kl_body_regions_lookup (kl_knot_get_region (self->selected))) != NULL)
    referral = selected_region->refers_to;

  if (self->highlighted != NULL || referral != NULL)
    for (guint i = 0; i < n; i++)
      {
        const char *id = kl_body_geometry_get_region_id (self->geometry, i);
        gboolean lit = region_in ((const char * const *)self->highlighted, id);
        double alpha = (lit ? 0.85 : 0) + (region_in (referral, id) ? 0.22 : 0);

        /* Lit regions strongly filled and outlined in the accent colour: on the dark style the
         * accent is a light blue that a thin wash of it leaves faint, and the coach's chart is
         * read from across the room. */
        if (alpha > 0)
          append_region_tint (self, snapshot, layout, id, accent, MIN (alpha, 0.9), lit ? 2 : 0);
      }

  if (self->hover_region != NULL && kl_body_geometry_has_region (self->geometry, self->hover_region))
    append_region_tint (self, snapshot, layout, self->hover_region, accent, 0.18, 0);

  /* The keyboard focus, drawn last so no neighbour covers its outline. */
  if (self->focus_region != NULL && gtk_widget_has_focus (GTK_WIDGET (self)) &&
      kl_body_geometry_has_region (self->geometry, self->focus_region))
    append_region_tint (self, snapshot, layout, self->focus_region, accent, 0, 2.5);
}

/* A knot's outline for cairo, centred on (x, y). */
static void
knot_shape (cairo_t     *cr,
            KlKnotState  state,
            double       x,
            double       y,
            double       r)
{
  cairo_new_path (cr);

  if (state == KL_KNOT_LATENT)
    {
      double d = r * 1.25;

      cairo_move_to (cr, x, y - d);
      cairo_line_to (cr, x + d, y);
      cairo_line_to (cr, x, y + d);
      cairo_line_to (cr, x - d, y);
      cairo_close_path (cr);
    }
  else
    cairo_arc (cr, x, y, r, 0, 2 * G_PI);
}

typedef struct
{
  PangoLayout   *numbers[12];   /* 0 to 10, and a dash for "not rated" */
  PangoRectangle ink[12];
} KnotText;

static void
knot_text_init (KlBodyChart *self,
                KnotText    *text)
{
  PangoFontDescription *font = pango_font_description_from_string ("Sans Bold 9");

  for (int i = 0; i < 12; i++)
    {
      g_autofree char *number = i < 11 ? g_strdup_printf ("%d", i) : g_strdup ("–");

      text->numbers[i] = gtk_widget_create_pango_layout (GTK_WIDGET (self), number);
      pango_layout_set_font_description (text->numbers[i], font);
      pango_layout_get_pixel_extents (text->numbers[i], &text->ink[i], NULL);
    }
  pango_font_description_free (font);
}

static void
knot_text_clear (KnotText *text)
{
  for (int i = 0; i < 12; i++)
    g_clear_object (&text->numbers[i]);
}

/* A knot's marker: a ring when selected, the fill by tenderness, and a rim. */
static void
draw_knot (KlBodyChart    *self,
           cairo_t        *cr,
           KlKnot         *knot,
           const LayerKey *key)
{
  int tenderness = kl_knot_get_tenderness (knot);
  gboolean resolved = kl_knot_is_resolved (knot);
  double alpha = resolved ? 0.45 : 1.0;
  KlKnotState state = kl_knot_get_state (knot);
  GdkRGBA fill;
  double x, y;

  knot_position (self, knot, &x, &y);
  kl_tenderness_color (tenderness, &fill);

  if (knot == self->selected)
    {
      knot_shape (cr, state, x, y, KNOT_RADIUS + 4);
      set_source (cr, &key->accent, 1.0);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
    }

  knot_shape (cr, state, x, y, KNOT_RADIUS);
  set_source (cr, &fill, alpha);
  cairo_fill_preserve (cr);
  /* A rim in the text colour keeps light markers visible on a light figure, and dark ones on
   * a dark figure; dashed when the knot is resolved. */
  set_source (cr, &key->fg, 0.55 * alpha);
  cairo_set_line_width (cr, 1.5);
  if (resolved)
    cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* The tenderness inside a knot, dark or light for contrast with its fill. */
static void
append_knot_number (KlBodyChart *self,
                    GtkSnapshot *snapshot,
                    KlKnot      *knot,
                    KnotText    *text)
{
  int tenderness = kl_knot_get_tenderness (knot);
  int index = tenderness >= 0 && tenderness <= 10 ? tenderness : 11;
  GdkRGBA color;
  double x, y;

  knot_position (self, knot, &x, &y);
  gdk_rgba_parse (&color, tenderness >= 0 && tenderness <= 4 ? "#241f31" : "#ffffff");
  if (kl_knot_is_resolved (knot))
    color.alpha = 0.6;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (x - text->ink[index].x - text->ink[index].width / 2.0,
                                                y - text->ink[index].y - text->ink[index].height / 2.0));
  gtk_snapshot_append_layout (snapshot, text->numbers[index], &color);
  gtk_snapshot_restore (snapshot);
}

/* Knots (all shown ones but the one being dragged, or that one only) as one cairo node for
 * the markers, which renderers keep as pixels, and text nodes for the numbers on top. */
static void
append_knots (KlBodyChart    *self,
              GtkSnapshot    *snapshot,
              const LayerKey *key,
              KlKnot         *only)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (self->knots);
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  const double reach = KNOT_RADIUS * 1.25 + 8;
  KnotText text;
  cairo_t *cr;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KlKnot) knot = g_list_model_get_item (self->knots, i);
      double x, y;

      if (!knot_is_shown (self, knot) || (only != NULL ? knot != only : knot == key->dragged))
        continue;

      knot_position (self, knot, &x, &y);
      x0 = MIN (x0, x - reach);
      y0 = MIN (y0, y - reach);
      x1 = MAX (x1, x + reach);
      y1 = MAX (y1, y + reach);
      g_ptr_array_add (shown, g_steal_pointer (&knot));
    }

  if (shown->len == 0)
    return;

  /* No larger than the knots, so that the renderer keeps (and repaints) no more than that. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (floor (x0), floor (y0),
                                                                 ceil (x1 - x0) + 1,
                                                                 ceil (y1 - y0) + 1));
  for (guint i = 0; i < shown->len; i++)
    draw_knot (self, cr, g_ptr_array_index (shown, i), key);
  cairo_destroy (cr);

  knot_text_init (self, &text);
  for (guint i = 0; i < shown->len; i++)
    append_knot_number (self, snapshot, g_ptr_array_index (shown, i), &text);
  knot_text_clear (&text);
}

/* Everything that makes the knots look as they do, folded into one number. */
static guint
knots_fingerprint (KlBodyChart *self)
{
  guint n = self->knots != NULL ? g_list_model_get_n_items (self->knots) : 0;
  guint hash = n;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KlKnot) knot = g_list_model_get_item (self->knots, i);
      double x = kl_knot_get_x (knot), y = kl_knot_get_y (knot);
      guint64 bits_x, bits_y;

      memcpy (&bits_x, &x, sizeof bits_x);
      memcpy (&bits_y, &y, sizeof bits_y);
      hash = hash * 31 + GPOINTER_TO_UINT (knot);
      hash = hash * 31 + (guint)(bits_x ^ (bits_x >> 32)) + 7 * (guint)(bits_y ^ (bits_y >> 32));
      hash = hash * 31 + (guint)(kl_knot_get_tenderness (knot) + 1);
      hash = hash * 31 + kl_knot_get_state (knot) * 2 + kl_knot_is_resolved (knot);
      hash = hash * 31 + g_str_hash (kl_knot_get_region (knot));
    }

  return hash;
}

static void
kl_body_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  KlBodyChart *self = KL_BODY_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  LayerKey key;
  Layout layout;

  if (!get_layout (self, &layout))
    return;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  layer_key_init (self, &key, &layout);
  if (self->figure == NULL || memcmp (&key, &self->figure_key, sizeof key) != 0)
    {
      g_clear_pointer (&self->figure, gsk_render_node_unref);
      self->figure = figure_node (self, &layout, &key.fg);
      self->figure_key = key;
    }
  if (self->figure != NULL)
    gtk_snapshot_append_node (snapshot, self->figure);

  draw_overlays (self, snapshot, &layout, &key.accent);

  if (self->knots != NULL)
    {
      key.selected = self->selected;
      key.dragged = self->dragging ? self->dragged : NULL;
      key.fingerprint = knots_fingerprint (self);
      if (self->knots_layer == NULL || memcmp (&key, &self->knots_key, sizeof key) != 0)
        {
          g_autoptr(GtkSnapshot) layer = gtk_snapshot_new ();

          append_knots (self, layer, &key, NULL);
          g_clear_pointer (&self->knots_layer, gsk_render_node_unref);
          self->knots_layer = gtk_snapshot_free_to_node (g_steal_pointer (&layer));
          self->knots_key = key;
        }
      if (self->knots_layer != NULL)
        gtk_snapshot_append_node (snapshot, self->knots_layer);

      /* The knot being dragged follows the pointer on top. */
      if (key.dragged != NULL)
        append_knots (self, snapshot, &key, key.dragged);
    }

  gtk_snapshot_pop (snapshot);
}

static void
kl_body_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  /* Small enough for a 360 px window; tall enough to place a knot with a finger. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 360;
    }
  else
    {
      *minimum = 320;
      *natural = 720;
    }
}

/* Interaction */

static void
set_hover_region (KlBodyChart *self,
                  const char  *region)
{
  if (g_strcmp0 (self->hover_region, region) == 0)
    return;

  g_free (self->hover_region);
  self->hover_region = g_strdup (region);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (KlBodyChart              *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  if (self->dragging)
    return;

  set_hover_region (self, region_at (self, x, y));
}

static void
leave_cb (KlBodyChart *self)
{
  set_hover_region (self, NULL);
}

static gboolean
kl_body_chart_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard,
                             GtkTooltip *tooltip)
{
  KlBodyChart *self = KL_BODY_CHART (widget);
  g_autoptr(KlKnot) knot = keyboard ? NULL : knot_at (self, x, y);
  const char *id;
  const KlBodyRegion *region;
  g_autofree char *label = NULL;

  if (keyboard)
    id = self->focus_region;
  else if (knot != NULL)
    id = kl_knot_get_region (knot);
  else
    id = region_at (self, x, y);

  if (id == NULL || (region = kl_body_regions_lookup (id)) == NULL)
    return FALSE;

  label = kl_body_region_dup_label (region);
  gtk_tooltip_set_text (tooltip, label);
  return TRUE;
}

static void
drag_begin_cb (KlBodyChart    *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  g_autoptr(KlKnot) knot = knot_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));

  self->drag_start_x = x;
  self->drag_start_y = y;
  self->drag_dx = 0;
  self->drag_dy = 0;
  self->dragging = FALSE;
  self->pan_start_x = self->pan_x;
  self->pan_start_y = self->pan_y;
  g_set_object (&self->dragged, knot);

  if (knot != NULL)
    kl_body_chart_set_selected (self, knot);
}

static void
drag_update_cb (KlBodyChart    *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  if (!self->dragging && hypot (dx, dy) < DRAG_THRESHOLD)
    return;

  self->dragging = TRUE;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  if (self->dragged != NULL)
    {
      self->drag_dx = dx;
      self->drag_dy = dy;
      set_hover_region (self, region_at (self, self->drag_start_x + dx, self->drag_start_y + dy));
    }
  else if (self->zoom > MIN_ZOOM)
    {
      self->pan_x = self->pan_start_x + dx;
      self->pan_y = self->pan_start_y + dy;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (KlBodyChart    *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  double x = self->drag_start_x + dx;
  double y = self->drag_start_y + dy;
  g_autoptr(KlKnot) knot = g_steal_pointer (&self->dragged);
  gboolean dragged = self->dragging;

  self->dragging = FALSE;
  self->drag_dx = self->drag_dy = 0;

  if (knot != NULL)
    {
      const char *region = region_at (self, x, y);
      double fx, fy;

      /* A knot dropped off the body goes back where it was. */
      if (dragged && region != NULL)
        {
          kl_body_chart_widget_to_figure (self, x, y, &fx, &fy);
          g_signal_emit (self, signals[KNOT_MOVED], 0, knot, region, fx, fy);
        }
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  if (!dragged)
    {
      const char *region = region_at (self, x, y);
      double fx, fy;

      if (region == NULL)
        {
          kl_body_chart_set_selected (self, NULL);
          return;
        }

      kl_body_chart_set_focus_region (self, region);
      kl_body_chart_widget_to_figure (self, x, y, &fx, &fy);
      g_signal_emit (self, signals[ADD_KNOT], 0, region, fx, fy);
    }
}

/* Zooms by @factor keeping the figure point under (x, y) where it is. */
static void
zoom_about (KlBodyChart *self,
            double       zoom,
            double       x,
            double       y)
{
  double fx, fy, wx, wy;

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  kl_body_chart_widget_to_figure (self, x, y, &fx, &fy);
  self->zoom = zoom;
  if (zoom == MIN_ZOOM)
    self->pan_x = self->pan_y = 0;
  else
    {
      kl_body_chart_figure_to_widget (self, fx, fy, &wx, &wy);
      self->pan_x += x - wx;
      self->pan_y += y - wy;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
scroll_cb (KlBodyChart              *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (
    GTK_EVENT_CONTROLLER (controller));
  double x, y;

  if (!(state & GDK_CONTROL_MASK))
    return FALSE;

  /* Zoom about the pointer: the last motion position is where the wheel is. */
  if (!gdk_event_get_position (gtk_event_controller_get_current_event (
        GTK_EVENT_CONTROLLER (controller)), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  zoom_about (self, self->zoom * pow (1.15, -dy), x, y);
  return TRUE;
}

static void
zoom_begin_cb (KlBodyChart *self)
{
  self->zoom_start = self->zoom;
}

static void
zoom_scale_changed_cb (KlBodyChart    *self,
                       double          scale,
                       GtkGestureZoom *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;

  zoom_about (self, self->zoom_start * scale, x, y);
}

/* Keyboard: the nearest region whose centre lies in the direction of the arrow. */
static const char *
neighbour_region (KlBodyChart *self,
                  const char  *from,
                  double       dir_x,
                  double       dir_y)
{
  guint n = kl_body_geometry_get_n_regions (self->geometry);
  const char *best = NULL;
  double best_score = G_MAXDOUBLE;
  double x0, y0;

  /* With nowhere to start from, start at the top of the figure and go down from there. */
  if (from == NULL || !kl_body_geometry_get_region_centre (self->geometry, from, &x0, &y0))
    {
      double top = G_MAXDOUBLE;

      for (guint i = 0; i < n; i++)
        {
          const char *id = kl_body_geometry_get_region_id (self->geometry, i);
          double x, y;

          if (kl_body_geometry_get_region_centre (self->geometry, id, &x, &y) && y < top)
            {
              top = y;
              best = id;
            }
        }
      return best;
    }

  for (guint i = 0; i < n; i++)
    {
      const char *id = kl_body_geometry_get_region_id (self->geometry, i);
      double x, y, along, across;

      if (g_str_equal (id, from) || !kl_body_geometry_get_region_centre (self->geometry, id, &x, &y))
        continue;

      along = (x - x0) * dir_x + (y - y0) * dir_y;
      across = fabs ((x - x0) * dir_y - (y - y0) * dir_x);
      if (along <= 0)
        continue;

      /* Straight ahead beats off to the side. */
      if (along + 2 * across < best_score)
        {
          best_score = along + 2 * across;
          best = id;
        }
    }

  return best != NULL ? best : from;
}

static void
select_next_knot (KlBodyChart *self,
                  gboolean     backwards,
                  gboolean    *out_moved)
{
  guint n = self->knots != NULL ? g_list_model_get_n_items (self->knots) : 0;
  int current = -1;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);

  *out_moved = FALSE;

  for (guint i = 0; i < n; i++)
    {
      KlKnot *knot = g_list_model_get_item (self->knots, i);

      if (knot_is_shown (self, knot))
        {
          if (knot == self->selected)
            current = shown->len;
          g_ptr_array_add (shown, knot);
        }
      else
        g_object_unref (knot);
    }

  if (shown->len == 0)
    return;

  if (current < 0)
    current = backwards ? (int)shown->len - 1 : 0;
  else if (backwards ? current == 0 : current == (int)shown->len - 1)
    return;
  else
    current += backwards ? -1 : 1;

  kl_body_chart_set_selected (self, g_ptr_array_index (shown, current));
  *out_moved = TRUE;
}

static gboolean
key_pressed_cb (KlBodyChart           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  double dir_x = 0, dir_y = 0;

  if (self->geometry == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      dir_y = -1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      dir_y = 1;
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      dir_x = -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      dir_x = 1;
      break;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->focus_region != NULL)
        {
          double x, y;

          kl_body_geometry_get_region_centre (self->geometry, self->focus_region, &x, &y);
          g_signal_emit (self, signals[ADD_KNOT], 0, self->focus_region,
                         x / kl_body_geometry_get_width (self->geometry),
                         y / kl_body_geometry_get_height (self->geometry));
        }
      return TRUE;

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      if (self->selected == NULL)
        return FALSE;
      g_signal_emit (self, signals[DELETE_KNOT], 0, self->selected);
      return TRUE;

    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      {
        gboolean moved;

        /* Tab walks the knots of this view; past the last one, focus moves on. */
        select_next_knot (self, keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK),
                          &moved);
        return moved;
      }

    case GDK_KEY_Escape:
      if (self->selected == NULL)
        return FALSE;
      kl_body_chart_set_selected (self, NULL);
      return TRUE;

    case GDK_KEY_0 ... GDK_KEY_9:
    case GDK_KEY_KP_0 ... GDK_KEY_KP_9:
      /* Digits rate the selected knot at once: 0–9 here, 10 in the editor. */
      if (self->selected == NULL)
        return FALSE;
      g_signal_emit (self, signals[RATE_KNOT], 0, self->selected,
                     (int)(keyval >= GDK_KEY_KP_0 ? keyval - GDK_KEY_KP_0 : keyval - GDK_KEY_0));
      return TRUE;

    default:
      return FALSE;
    }

  /* An arrow leaves the knots for the regions. */
  kl_body_chart_set_selected (self, NULL);
  kl_body_chart_set_focus_region (self, neighbour_region (self, self->focus_region, dir_x, dir_y));
  return TRUE;
}

static void
focus_changed_cb (KlBodyChart             *self,
                  GtkEventControllerFocus *controller)
{
  /* During "enter" the widget itself may not report the focus yet; the controller does. */
  if (gtk_event_controller_focus_is_focus (controller) && self->focus_region == NULL &&
      self->geometry != NULL)
    kl_body_chart_set_focus_region (self, neighbour_region (self, NULL, 0, 1));

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Properties */

static void
knots_changed_cb (KlBodyChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
load_view (KlBodyChart *self)
{
  g_autoptr(GError) error = NULL;

  self->geometry = kl_body_geometry_get_for_view (self->view, &error);

  /* The views are compiled into the program and checked by the tests: failing here is a
   * broken build, not something a user can cause or fix. */
  if (self->geometry == NULL)
    g_critical ("Could not load the body chart: %s", error->message);
}

KlBodyView
kl_body_chart_get_view (KlBodyChart *self)
{
  g_return_val_if_fail (KL_IS_BODY_CHART (self), KL_BODY_VIEW_FRONT);

  return self->view;
}

void
kl_body_chart_set_view (KlBodyChart *self,
                        KlBodyView   view)
{
  g_return_if_fail (KL_IS_BODY_CHART (self));

  if (self->view == view)
    return;

  self->view = view;
  load_view (self);
  g_clear_pointer (&self->focus_region, g_free);
  g_clear_pointer (&self->hover_region, g_free);
  self->zoom = MIN_ZOOM;
  self->pan_x = self->pan_y = 0;
  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* The pointer has not moved, but what is under it has. */
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

GListModel *
kl_body_chart_get_knots (KlBodyChart *self)
{
  g_return_val_if_fail (KL_IS_BODY_CHART (self), NULL);

  return self->knots;
}

void
kl_body_chart_set_knots (KlBodyChart *self,
                         GListModel  *knots)
{
  g_return_if_fail (KL_IS_BODY_CHART (self));
  g_return_if_fail (knots == NULL || G_IS_LIST_MODEL (knots));

  if (self->knots == knots)
    return;

  if (self->knots != NULL)
    g_signal_handlers_disconnect_by_func (self->knots, knots_changed_cb, self);

  g_set_object (&self->knots, knots);

  if (knots != NULL)
    g_signal_connect_object (knots, "items-changed", G_CALLBACK (knots_changed_cb), self,
                             G_CONNECT_SWAPPED);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KNOTS]);
}

static void
selected_knot_changed_cb (KlBodyChart *self)
{
  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

KlKnot *
kl_body_chart_get_selected (KlBodyChart *self)
{
  g_return_val_if_fail (KL_IS_BODY_CHART (self), NULL);

  return self->selected;
}

void
kl_body_chart_set_selected (KlBodyChart *self,
                            KlKnot      *knot)
{
  g_return_if_fail (KL_IS_BODY_CHART (self));
  g_return_if_fail (knot == NULL || KL_IS_KNOT (knot));

  if (self->selected == knot)
    return;

  if (self->selected != NULL)
    g_signal_handlers_disconnect_by_func (self->selected, selected_knot_changed_cb, self);

  g_set_object (&self->selected, knot);

  /* The knot's tenderness, state or place may change while it is selected. */
  if (knot != NULL)
    g_signal_connect_object (knot, "notify", G_CALLBACK (selected_knot_changed_cb), self,
                             G_CONNECT_SWAPPED);

  selected_knot_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

void
kl_body_chart_set_highlighted_regions (KlBodyChart        *self,
                                       const char * const *regions)
{
  g_return_if_fail (KL_IS_BODY_CHART (self));

  g_strfreev (self->highlighted);
  self->highlighted = g_strdupv ((char **)regions);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
kl_body_chart_get_zoom (KlBodyChart *self)
{
  g_return_val_if_fail (KL_IS_BODY_CHART (self), MIN_ZOOM);

  return self->zoom;
}

void
kl_body_chart_set_zoom (KlBodyChart *self,
                        double       zoom)
{
  g_return_if_fail (KL_IS_BODY_CHART (self));

  zoom_about (self, zoom,
              gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
              gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

const char *
kl_body_chart_get_focus_region (KlBodyChart *self)
{
  g_return_val_if_fail (KL_IS_BODY_CHART (self), NULL);

  return self->focus_region;
}

void
kl_body_chart_set_focus_region (KlBodyChart *self,
                                const char  *region)
{
  g_return_if_fail (KL_IS_BODY_CHART (self));

  if (g_strcmp0 (self->focus_region, region) == 0)
    return;

  g_free (self->focus_region);
  self->focus_region = g_strdup (region);
  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_REGION]);
}

static void
kl_body_chart_dispose (GObject *object)
{
  KlBodyChart *self = (KlBodyChart *)object;

  kl_body_chart_set_selected (self, NULL);
  kl_body_chart_set_knots (self, NULL);
  g_clear_object (&self->dragged);

  G_OBJECT_CLASS (kl_body_chart_parent_class)->dispose (object);
}

static void
kl_body_chart_finalize (GObject *object)
{
  KlBodyChart *self = (KlBodyChart *)object;

  g_clear_pointer (&self->highlighted, g_strfreev);
  g_clear_pointer (&self->hover_region, g_free);
  g_clear_pointer (&self->focus_region, g_free);
  g_clear_pointer (&self->figure, gsk_render_node_unref);
  g_clear_pointer (&self->knots_layer, gsk_render_node_unref);

  G_OBJECT_CLASS (kl_body_chart_parent_class)->finalize (object);
}

static void
kl_body_chart_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KlBodyChart *self = KL_BODY_CHART (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_enum (value, self->view);
      break;
    case PROP_KNOTS:
      g_value_set_object (value, self->knots);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_FOCUS_REGION:
      g_value_set_string (value, self->focus_region);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_body_chart_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KlBodyChart *self = KL_BODY_CHART (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      kl_body_chart_set_view (self, g_value_get_enum (value));
      break;
    case PROP_KNOTS:
      kl_body_chart_set_knots (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      kl_body_chart_set_selected (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      kl_body_chart_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_FOCUS_REGION:
      kl_body_chart_set_focus_region (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_body_chart_class_init (KlBodyChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kl_body_chart_dispose;
  object_class->finalize = kl_body_chart_finalize;
  object_class->get_property = kl_body_chart_get_property;
  object_class->set_property = kl_body_chart_set_property;

  widget_class->snapshot = kl_body_chart_snapshot;
  widget_class->measure = kl_body_chart_measure;
  widget_class->query_tooltip = kl_body_chart_query_tooltip;

  properties[PROP_VIEW] = g_param_spec_enum ("view", NULL, NULL, KL_TYPE_BODY_VIEW,
                                             KL_BODY_VIEW_BACK, flags);
  properties[PROP_KNOTS] = g_param_spec_object ("knots", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_SELECTED] = g_param_spec_object ("selected", NULL, NULL, KL_TYPE_KNOT, flags);
  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, MIN_ZOOM,
                                               flags);
  properties[PROP_FOCUS_REGION] = g_param_spec_string ("focus-region", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* (region id, x, y): x and y normalised to the figure. */
  signals[ADD_KNOT] = g_signal_new ("add-knot", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                    G_TYPE_STRING, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  signals[KNOT_MOVED] = g_signal_new ("knot-moved", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                                      KL_TYPE_KNOT, G_TYPE_STRING, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  signals[RATE_KNOT] = g_signal_new ("rate-knot", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                     KL_TYPE_KNOT, G_TYPE_INT);
  signals[DELETE_KNOT] = g_signal_new ("delete-knot", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                       KL_TYPE_KNOT);

  gtk_widget_class_set_css_name (widget_class, "bodychart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kl_body_chart_init (KlBodyChart *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->zoom = MIN_ZOOM;
  self->view = KL_BODY_VIEW_BACK;
  /* The back first: the trapezius and the neck, where most knots are. */
  load_view (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  update_accessible_description (self);
}
