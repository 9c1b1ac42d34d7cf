/* kl-countdown-ring.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-countdown-ring"

#include "config.h"

#include "kl-countdown-ring.h"

#define NATURAL_SIZE 280
#define MIN_SIZE     120
#define LINE_WIDTH   0.06   /* of the diameter */
#define MIN_BREATH   0.35   /* the disc's smallest size, of the full diameter */

struct _KlCountdownRing
{
  GtkWidget  parent_instance;

  double     fraction;
  double     size;
  double     drawn_fraction;  /* as last drawn; -1 for not drawn since it changed otherwise */
  double     drawn_size;
  gboolean   breath;
  char      *text;
  PangoLayout *layout;
};

G_DEFINE_FINAL_TYPE (KlCountdownRing, kl_countdown_ring, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FRACTION,
  PROP_BREATH,
  PROP_SIZE,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
kl_countdown_ring_new (void)
{
  return g_object_new (KL_TYPE_COUNTDOWN_RING, NULL);
}

/* The ring's geometry for a widget of @width × @height. */
static double
diameter_of (int width,
             int height)
{
  return MIN (width, height);
}

static double
arc_radius (double diameter)
{
  return (diameter - diameter * LINE_WIDTH) / 2.0 - 1;
}

static double
full_breath_radius (double diameter)
{
  return diameter / 2.0 - 2;
}

static double
breath_radius (double diameter,
               double size)
{
  return full_breath_radius (diameter) * (MIN_BREATH + (1.0 - MIN_BREATH) * size);
}

/* Whether something drawn with @then would move by a device pixel or more with @now: a value
 * that changes every frame redraws only as often as it shows. */
static gboolean
moves_a_pixel (KlCountdownRing *self,
               double           then,
               double           now)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double diameter = diameter_of (gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  int scale = gtk_widget_get_scale_factor (widget);
  double pixels;

  if (then < 0 || diameter <= 0)
    return TRUE;
  /* The end points are always shown as they are: a full and an empty ring. */
  if ((now == 0.0 || now == 1.0) && now != then)
    return TRUE;

  if (self->breath)
    pixels = ABS (breath_radius (diameter, now) - breath_radius (diameter, then));
  else
    pixels = 2 * G_PI * arc_radius (diameter) * ABS (now - then);

  return pixels * scale >= 1.0;
}

void
kl_countdown_ring_set_fraction (KlCountdownRing *self,
                                double           fraction)
{
  g_return_if_fail (KL_IS_COUNTDOWN_RING (self));

  fraction = CLAMP (fraction, 0.0, 1.0);
  if (fraction == self->fraction)
    return;

  self->fraction = fraction;
  if (!self->breath && moves_a_pixel (self, self->drawn_fraction, fraction))
    gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

double
kl_countdown_ring_get_fraction (KlCountdownRing *self)
{
  g_return_val_if_fail (KL_IS_COUNTDOWN_RING (self), 0.0);

  return self->fraction;
}

void
kl_countdown_ring_set_breath (KlCountdownRing *self,
                              gboolean         breath)
{
  g_return_if_fail (KL_IS_COUNTDOWN_RING (self));

  breath = !!breath;
  if (breath == self->breath)
    return;

  self->breath = breath;
  self->drawn_size = self->drawn_fraction = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BREATH]);
}

gboolean
kl_countdown_ring_get_breath (KlCountdownRing *self)
{
  g_return_val_if_fail (KL_IS_COUNTDOWN_RING (self), FALSE);

  return self->breath;
}

void
kl_countdown_ring_set_size (KlCountdownRing *self,
                            double           size)
{
  g_return_if_fail (KL_IS_COUNTDOWN_RING (self));

  size = CLAMP (size, 0.0, 1.0);
  if (size == self->size)
    return;

  self->size = size;
  if (self->breath && moves_a_pixel (self, self->drawn_size, size))
    gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
}

double
kl_countdown_ring_get_size (KlCountdownRing *self)
{
  g_return_val_if_fail (KL_IS_COUNTDOWN_RING (self), 0.0);

  return self->size;
}

void
kl_countdown_ring_set_text (KlCountdownRing *self,
                            const char      *text)
{
  g_return_if_fail (KL_IS_COUNTDOWN_RING (self));

  if (g_strcmp0 (text, self->text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_object (&self->layout);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text != NULL ? text : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
kl_countdown_ring_get_text (KlCountdownRing *self)
{
  g_return_val_if_fail (KL_IS_COUNTDOWN_RING (self), NULL);

  return self->text;
}

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              const char *fallback,
              GdkRGBA    *color)
{
  GtkStyleContext *context;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* The text, as large as fits the inner circle of @diameter. */
static void
append_text (KlCountdownRing *self,
             GtkSnapshot     *snapshot,
             double           cx,
             double           cy,
             double           diameter)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(PangoFontDescription) font = NULL;
  PangoRectangle ink, logical;
  GdkRGBA fg;
  double room = diameter * 0.62;
  double pixels;

  if (self->text == NULL || *self->text == '\0')
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (self->layout == NULL)
    self->layout = gtk_widget_create_pango_layout (widget, self->text);

  /* Digits fill more of the circle than a word does. */
  pixels = g_ascii_isdigit (self->text[0]) ? diameter * 0.34 : diameter * 0.14;
  font = pango_font_description_copy (pango_context_get_font_description (
                                        pango_layout_get_context (self->layout)));
  pango_font_description_set_absolute_size (font, MAX (pixels, 8) * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (self->layout, font);
  pango_layout_get_pixel_extents (self->layout, &ink, &logical);
  if (logical.width > room)
    {
      pango_font_description_set_absolute_size (font, MAX (pixels * room / logical.width, 8) *
                                                      PANGO_SCALE);
      pango_layout_set_font_description (self->layout, font);
      pango_layout_get_pixel_extents (self->layout, &ink, &logical);
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (cx - logical.width / 2.0,
                                                cy - (ink.y + ink.height / 2.0)));
  gtk_snapshot_append_layout (snapshot, self->layout, &fg);
  gtk_snapshot_restore (snapshot);
}

/* A circle of @radius around (@cx, @cy), outlined @width thick inside it. */
static void
append_circle_outline (GtkSnapshot   *snapshot,
                       double         cx,
                       double         cy,
                       double         radius,
                       double         width,
                       const GdkRGBA *color)
{
  GskRoundedRect circle;
  float widths[4] = { width, width, width, width };
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&circle,
                                   &GRAPHENE_RECT_INIT (cx - radius, cy - radius,
                                                        2 * radius, 2 * radius),
                                   radius);
  gtk_snapshot_append_border (snapshot, &circle, widths, colors);
}

static void
append_disc (GtkSnapshot   *snapshot,
             double         cx,
             double         cy,
             double         radius,
             const GdkRGBA *color)
{
  GskRoundedRect circle;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (cx - radius, cy - radius, 2 * radius, 2 * radius);

  gsk_rounded_rect_init_from_rect (&circle, &bounds, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, color, &bounds);
  gtk_snapshot_pop (snapshot);
}

static void
kl_countdown_ring_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  KlCountdownRing *self = KL_COUNTDOWN_RING (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double diameter = diameter_of (width, height);
  double cx = width / 2.0;
  double cy = height / 2.0;
  gboolean is_switch = gtk_widget_has_css_class (widget, "switch");
  GdkRGBA color, track;

  if (diameter <= 0)
    return;

  if (is_switch)
    lookup_color (widget, "warning_color", "#c64600", &color);
  else
    lookup_color (widget, "accent_color", "#3584e4", &color);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &track);
  G_GNUC_END_IGNORE_DEPRECATIONS
  track.alpha *= 0.12;

  if (self->breath)
    {
      /* Render nodes rather than cairo: the disc changes many times a second, and these are
       * drawn by the renderer itself, with nothing to rasterise and upload per frame. */
      double radius = breath_radius (diameter, self->size);
      GdkRGBA fill = color;

      /* The full breath as a faint outline, so the growth reads as filling it. */
      append_circle_outline (snapshot, cx, cy, full_breath_radius (diameter), 2, &track);

      fill.alpha *= 0.3;
      append_disc (snapshot, cx, cy, radius, &fill);
      append_circle_outline (snapshot, cx, cy, radius + 1.5, 3, &color);
      self->drawn_size = self->size;
    }
  else
    {
      double line = diameter * LINE_WIDTH;
      double radius = arc_radius (diameter);
      cairo_t *cr;

      /* Half a pixel inside the arc's edges, so that none of it shows around the arc. */
      append_circle_outline (snapshot, cx, cy, radius + line / 2 - 0.5, line - 1, &track);

      if (self->fraction < 1.0)
        {
          /* What is left, clockwise from the top, shrinking towards it. */
          /* Whole pixels: a surface at a fractional offset is resampled, and its edge frays. */
          cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
          cairo_set_line_width (cr, line);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_arc (cr, cx, cy, radius,
                     -G_PI / 2 + 2 * G_PI * self->fraction, 3 * G_PI / 2);
          cairo_stroke (cr);
          cairo_destroy (cr);
        }
      self->drawn_fraction = self->fraction;
    }

  append_text (self, snapshot, cx, cy, diameter);
}

static void
kl_countdown_ring_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = MIN_SIZE;
  *natural = NATURAL_SIZE;
}

static void
kl_countdown_ring_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  KlCountdownRing *self = KL_COUNTDOWN_RING (widget);

  GTK_WIDGET_CLASS (kl_countdown_ring_parent_class)->css_changed (widget, change);

  /* The font may have changed with the style. */
  g_clear_object (&self->layout);
  gtk_widget_queue_draw (widget);
}

static void
kl_countdown_ring_finalize (GObject *object)
{
  KlCountdownRing *self = (KlCountdownRing *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (kl_countdown_ring_parent_class)->finalize (object);
}

static void
kl_countdown_ring_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KlCountdownRing *self = KL_COUNTDOWN_RING (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_BREATH:
      g_value_set_boolean (value, self->breath);
      break;
    case PROP_SIZE:
      g_value_set_double (value, self->size);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_countdown_ring_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KlCountdownRing *self = KL_COUNTDOWN_RING (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      kl_countdown_ring_set_fraction (self, g_value_get_double (value));
      break;
    case PROP_BREATH:
      kl_countdown_ring_set_breath (self, g_value_get_boolean (value));
      break;
    case PROP_SIZE:
      kl_countdown_ring_set_size (self, g_value_get_double (value));
      break;
    case PROP_TEXT:
      kl_countdown_ring_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_countdown_ring_class_init (KlCountdownRingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kl_countdown_ring_finalize;
  object_class->get_property = kl_countdown_ring_get_property;
  object_class->set_property = kl_countdown_ring_set_property;

  widget_class->snapshot = kl_countdown_ring_snapshot;
  widget_class->measure = kl_countdown_ring_measure;
  widget_class->css_changed = kl_countdown_ring_css_changed;

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BREATH] =
    g_param_spec_boolean ("breath", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE] =
    g_param_spec_double ("size", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "countdown-ring");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kl_countdown_ring_init (KlCountdownRing *self)
{
  self->drawn_fraction = -1;
  self->drawn_size = -1;
}
