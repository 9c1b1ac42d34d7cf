/* kl-body-geometry.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The outlines of the body chart's regions, read from data/body/front.svg and back.svg: a small
 * GMarkup reader for the <path>s of <g id="regions">, a parser for the whole SVG 1.1 path-data
 * grammar, and hit-tests against the drawn shapes (a point-in-polygon test on the flattened
 * outline, with cairo's nonzero rule), not against bounding boxes. */

#define G_LOG_DOMAIN "kl-body-geometry"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kl-body-geometry.h"
#include "kl-core-resources.h"

/* Paths are built and flattened at a scale where the viewBox's longer side is this long. cairo
 * keeps paths in 24.8 fixed point in device space, so working at one size keeps the same relative
 * precision, and the same relative flattening tolerance, whatever units an SVG uses. The shipped
 * views are 1000 units tall: for them the scale is exactly 1. */
#define WORK_SIZE 1000.0

/* How far the flattened outline may stray from the true curve, in work units: a twentieth of a
 * unit is far below a pixel at any size the chart is drawn, so hit-tests agree with the drawing. */
#define FLATTEN_TOLERANCE 0.05

/* The centre of a region is searched for on this many rows and columns of its bounds. */
#define CENTRE_GRID 24

/* A region may reach this many viewBox widths (heights) beyond the viewBox, and no further: paths
 * far away are mistakes, and would overflow cairo's fixed point or take ages to flatten. */
#define VIEWBOX_MARGIN 1.0

typedef struct
{
  double x;
  double y;
} Point;

/* One closed subpath of a flattened outline: points[start] to points[start + length - 1], with an
 * implied edge from the last back to the first, as cairo fills it. */
typedef struct
{
  guint start;
  guint length;
} Ring;

typedef struct
{
  char              *id;
  cairo_path_t      *path;        /* as drawn, curves and all, in region coordinates */
  GArray            *points;      /* of Point: the flattened outline, for hit-tests */
  GArray            *rings;       /* of Ring */
  cairo_rectangle_t  bounds;      /* of the flattened outline */
  double             centre_x;
  double             centre_y;
} Region;

struct _KlBodyGeometry
{
  GObject     parent_instance;

  double      min_x;              /* the viewBox as the SVG gives it; regions are moved so that */
  double      min_y;              /* their coordinates start at (0, 0), as the header promises */
  double      width;
  double      height;

  GPtrArray  *regions;            /* of Region, in document order: hit-tests prefer the first */
  GHashTable *by_id;              /* id → Region, keys owned by the regions */
};

G_DEFINE_FINAL_TYPE (KlBodyGeometry, kl_body_geometry, G_TYPE_OBJECT)

G_DEFINE_QUARK (kl-body-geometry-error-quark, kl_body_geometry_error)

static void
region_free (gpointer data)
{
  Region *region = data;

  g_free (region->id);
  g_clear_pointer (&region->path, cairo_path_destroy);
  g_clear_pointer (&region->points, g_array_unref);
  g_clear_pointer (&region->rings, g_array_unref);
  g_free (region);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Region, region_free)

static void
kl_body_geometry_finalize (GObject *object)
{
  KlBodyGeometry *self = (KlBodyGeometry *)object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);

  G_OBJECT_CLASS (kl_body_geometry_parent_class)->finalize (object);
}

static void
kl_body_geometry_class_init (KlBodyGeometryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kl_body_geometry_finalize;
}

static void
kl_body_geometry_init (KlBodyGeometry *self)
{
  self->regions = g_ptr_array_new_with_free_func (region_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Path data ----------------------------------------------------------------------------------- */

/* The SVG path grammar, read in one pass with one byte of look-ahead (two in an exponent): each
 * byte is looked at a bounded number of times, and nothing recurses. The path is collected as
 * cairo path data and handed to cairo only when all of it has parsed, so bad data adds nothing. */
typedef struct
{
  const char *d;                  /* all of it, for offsets in errors */
  const char *p;                  /* the next byte */
  GArray     *data;               /* of cairo_path_data_t */

  double      x;                  /* the current point */
  double      y;
  double      start_x;            /* where the subpath began: Z goes back there */
  double      start_y;
  gboolean    closed;             /* just after Z: the next segment needs a move first */
  double      ctrl_x;             /* the last control point of the previous segment… */
  double      ctrl_y;
  char        ctrl_family;        /* …if that was a cubic ('C') or a quadratic ('Q'); else 0 */

  gsize       error_offset;
  char       *error_what;         /* what went wrong at error_offset, as a phrase */
} PathParser;

typedef enum
{
  SCAN_OK,
  SCAN_NONE,                      /* nothing there that could begin a number */
  SCAN_BAD,                       /* a sign or a point with no digits */
  SCAN_RANGE,                     /* too large for a double */
} ScanResult;

static inline gboolean
is_wsp (char c)
{
  /* SVG 1.1's wsp, and the form feed of SVG 2. */
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static inline gboolean
is_number_start (char c)
{
  return g_ascii_isdigit (c) || c == '.' || c == '-' || c == '+';
}

/* How many numbers each command takes, or -1 if @c is no command. */
static int
command_n_args (char c)
{
  switch (c)
    {
    case 'Z': case 'z':
      return 0;
    case 'H': case 'h':
    case 'V': case 'v':
      return 1;
    case 'M': case 'm':
    case 'L': case 'l':
    case 'T': case 't':
      return 2;
    case 'S': case 's':
    case 'Q': case 'q':
      return 4;
    case 'C': case 'c':
      return 6;
    case 'A': case 'a':
      return 7;
    default:
      return -1;
    }
}

/* Reads one number of the SVG grammar at @p: sign? (digits? "." digits | digits "."?) exponent?
 * The extent is found by the grammar, not by strtod, which would also take "0x1p3" or "inf". */
static ScanResult
scan_number (const char  *p,
             double      *out_value,
             const char **out_end)
{
  const char *start = p;
  gsize n_digits = 0;
  char buffer[64];
  g_autofree char *heap = NULL;
  char *text, *end;
  gsize length;
  double value;

  if (*p == '+' || *p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    n_digits++;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      n_digits++;

  *out_end = p;
  if (n_digits == 0)
    return p == start ? SCAN_NONE : SCAN_BAD;

  /* An "e" is an exponent only when digits follow: "1e" is a 1, then an unknown command. p[1] is
   * readable because p[0] is not the terminating NUL, and so is p[2] after a sign. */
  if ((*p == 'e' || *p == 'E') &&
      (g_ascii_isdigit (p[1]) || ((p[1] == '+' || p[1] == '-') && g_ascii_isdigit (p[2]))))
    for (p += 2; g_ascii_isdigit (*p); p++)
      ;
  *out_end = p;

  /* A copy, so that strtod sees exactly the number and nothing after it. */
  length = p - start;
  text = length < sizeof buffer ? buffer : (heap = g_malloc (length + 1));
  memcpy (text, start, length);
  text[length] = '\0';

  value = g_ascii_strtod (text, &end);
  if (end != text + length)
    return SCAN_BAD;
  /* Overflow gives ±HUGE_VAL; underflow gives (nearly) zero, which is what was meant. */
  if (!isfinite (value))
    return SCAN_RANGE;

  *out_value = value;
  return SCAN_OK;
}

G_GNUC_PRINTF (3, 4)
static gboolean
path_fail (PathParser *parser,
           const char *at,
           const char *format,
           ...)
{
  va_list args;

  g_assert (parser->error_what == NULL);

  parser->error_offset = at - parser->d;
  va_start (args, format);
  parser->error_what = g_strdup_vprintf (format, args);
  va_end (args);
  return FALSE;
}

/* The character at @p as a message can show it: itself when it is printable, else an escape, so
 * that no message carries invalid UTF-8 or control characters. */
static char *
describe_char (const char *p)
{
  gunichar c;

  if (g_ascii_isgraph (*p))
    return g_strndup (p, 1);

  if ((*p & 0x80) != 0)
    {
      c = g_utf8_get_char_validated (p, -1);
      if (c != (gunichar)-1 && c != (gunichar)-2 && g_unichar_isgraph (c))
        return g_strndup (p, g_utf8_next_char (p) - p);
    }

  return g_strdup_printf ("\\x%02X", (guint)(guchar)*p);
}

/* A number as a message can show it: it may be thousands of digits long. */
static char *
describe_token (const char *start,
                const char *end)
{
  if (end - start > 24)
    return g_strdup_printf ("%.*s…", 24, start);
  return g_strndup (start, end - start);
}

static gboolean
fail_unexpected (PathParser *parser,
                 const char *at)
{
  g_autofree char *what = describe_char (at);

  return path_fail (parser, at, _("unexpected “%s”"), what);
}

static void
skip_wsp (PathParser *parser)
{
  while (is_wsp (*parser->p))
    parser->p++;
}

/* comma-wsp: whitespace with at most one comma in it. Returns whether there was a comma, after
 * which a number must follow. */
static gboolean
skip_comma_wsp (PathParser *parser)
{
  gboolean comma = FALSE;

  skip_wsp (parser);
  if (*parser->p == ',')
    {
      comma = TRUE;
      parser->p++;
      skip_wsp (parser);
    }
  return comma;
}

static gboolean
parse_number (PathParser *parser,
              char        command,
              double     *out_value)
{
  const char *start = parser->p;
  const char *end;
  g_autofree char *token = NULL;

  switch (scan_number (start, out_value, &end))
    {
    case SCAN_OK:
      parser->p = end;
      return TRUE;

    case SCAN_NONE:
      if (*start == '\0' || command_n_args (*start) >= 0)
        return path_fail (parser, start, _("a number for “%c” is missing"), command);
      return fail_unexpected (parser, start);

    case SCAN_BAD:
      token = describe_token (start, end);
      return path_fail (parser, start, _("“%s” is not a number"), token);

    case SCAN_RANGE:
      token = describe_token (start, end);
      return path_fail (parser, start, _("the number “%s” is too large"), token);

    default:
      g_assert_not_reached ();
    }
}

/* An arc flag is one character, so "1050" after the rotation reads as the flags 1 and 0, then
 * 50. */
static gboolean
parse_flag (PathParser *parser,
            char        command,
            double     *out_value)
{
  const char *at = parser->p;
  g_autofree char *what = NULL;

  if (*at == '0' || *at == '1')
    {
      *out_value = *at - '0';
      parser->p++;
      return TRUE;
    }

  if (*at == '\0' || command_n_args (*at) >= 0)
    return path_fail (parser, at, _("an arc flag for “%c” is missing"), command);

  what = describe_char (at);
  return path_fail (parser, at, _("the arc flag “%s” is neither 0 nor 1"), what);
}

/* One argument group of @command: the numbers of one segment. */
static gboolean
parse_arguments (PathParser *parser,
                 char        command,
                 double     *args,
                 int         n_args)
{
  gboolean arc = command == 'A' || command == 'a';

  for (int i = 0; i < n_args; i++)
    {
      if (i > 0)
        skip_comma_wsp (parser);

      if (arc && (i == 3 || i == 4))
        {
          if (!parse_flag (parser, command, &args[i]))
            return FALSE;
        }
      else if (!parse_number (parser, command, &args[i]))
        return FALSE;
    }

  return TRUE;
}

static void
emit (PathParser             *parser,
      cairo_path_data_type_t  type,
      const Point            *points,
      int                     n_points)
{
  cairo_path_data_t header;

  /* SVG starts a segment after Z at the start of the closed subpath. cairo does too, but an
   * explicit move says so in the data, as cairo_copy_path () would. */
  if (parser->closed && type != CAIRO_PATH_MOVE_TO && type != CAIRO_PATH_CLOSE_PATH)
    {
      Point start = { parser->start_x, parser->start_y };

      emit (parser, CAIRO_PATH_MOVE_TO, &start, 1);
    }
  parser->closed = type == CAIRO_PATH_CLOSE_PATH;

  header.header.type = type;
  header.header.length = 1 + n_points;
  g_array_append_val (parser->data, header);

  for (int i = 0; i < n_points; i++)
    {
      cairo_path_data_t point;

      point.point.x = points[i].x;
      point.point.y = points[i].y;
      g_array_append_val (parser->data, point);
    }
}

static void
emit_line (PathParser *parser,
           double      x,
           double      y)
{
  Point point = { x, y };

  emit (parser, CAIRO_PATH_LINE_TO, &point, 1);
}

static void
emit_curve (PathParser *parser,
            double      x1,
            double      y1,
            double      x2,
            double      y2,
            double      x3,
            double      y3)
{
  Point points[3] = { { x1, y1 }, { x2, y2 }, { x3, y3 } };

  emit (parser, CAIRO_PATH_CURVE_TO, points, 3);
}

static inline gboolean
all_finite (const double *values,
            int           n_values)
{
  for (int i = 0; i < n_values; i++)
    if (!isfinite (values[i]))
      return FALSE;
  return TRUE;
}

/* An elliptical arc as cubic Béziers of at most a quarter turn each, by the SVG 1.1
 * implementation notes: F.6.5, from end points to centre, with the out-of-range radii of F.6.6.
 * The arc is converted here, rather than drawn with cairo_arc () under a scaled and rotated
 * matrix, so that the parser only ever emits points in the caller's user space: it needs nothing
 * from the cairo_t it appends to, whatever its surface and matrix.
 *
 * The formulas divide before they multiply, so that huge radii do not overflow; when a value is
 * not finite anyway, the arc is as good as a straight line, and becomes one. */
static void
emit_arc (PathParser *parser,
          double      x1,
          double      y1,
          double      rx,
          double      ry,
          double      rotation,
          gboolean    large_arc,
          gboolean    sweep,
          double      x2,
          double      y2)
{
  double phi, cos_phi, sin_phi, dx2, dy2, x1p, y1p, lambda, coef, cxp, cyp, cx, cy;
  double theta1, theta2, delta, step, k;
  double check[6];
  int n_segments;

  /* F.6.2: equal end points draw nothing; a zero radius draws a straight line. */
  if (x1 == x2 && y1 == y2)
    return;

  rx = fabs (rx);
  ry = fabs (ry);
  if (rx == 0 || ry == 0)
    {
      emit_line (parser, x2, y2);
      return;
    }

  phi = fmod (rotation, 360) * G_PI / 180;
  cos_phi = cos (phi);
  sin_phi = sin (phi);

  /* Step 1: half the way from the end to the start, in the ellipse's axes. */
  dx2 = (x1 - x2) / 2;
  dy2 = (y1 - y2) / 2;
  x1p = cos_phi * dx2 + sin_phi * dy2;
  y1p = -sin_phi * dx2 + cos_phi * dy2;

  /* F.6.6: radii too small to reach are scaled up until they just do. */
  lambda = (x1p / rx) * (x1p / rx) + (y1p / ry) * (y1p / ry);
  if (lambda > 1)
    {
      rx *= sqrt (lambda);
      ry *= sqrt (lambda);
      coef = 0;
    }
  else
    {
      /* Step 2, its fraction divided through by rx²ry²: sqrt ((1 − Λ) / Λ). */
      coef = sqrt (MAX (0, (1 - lambda) / lambda));
      if (large_arc == sweep)
        coef = -coef;
    }
  cxp = coef * (rx / ry) * y1p;
  cyp = -coef * (ry / rx) * x1p;

  /* Step 3: the centre. */
  cx = cos_phi * cxp - sin_phi * cyp + (x1 + x2) / 2;
  cy = sin_phi * cxp + cos_phi * cyp + (y1 + y2) / 2;

  /* Step 4: the start angle and the sweep, on the ellipse's unit circle. */
  theta1 = atan2 ((y1p - cyp) / ry, (x1p - cxp) / rx);
  theta2 = atan2 ((-y1p - cyp) / ry, (-x1p - cxp) / rx);
  delta = theta2 - theta1;
  if (!sweep && delta > 0)
    delta -= 2 * G_PI;
  else if (sweep && delta < 0)
    delta += 2 * G_PI;

  check[0] = rx;
  check[1] = ry;
  check[2] = cx;
  check[3] = cy;
  check[4] = theta1;
  check[5] = delta;
  if (!all_finite (check, G_N_ELEMENTS (check)))
    {
      emit_line (parser, x2, y2);
      return;
    }

  /* A quarter turn per Bézier keeps within 0.03 % of the radius. The sweep is at most a full
   * turn, so four at most; the allowance keeps an exact quarter turn in one piece. */
  n_segments = CLAMP ((int)ceil (fabs (delta) / (G_PI / 2) - 1e-9), 1, 4);
  step = delta / n_segments;
  k = 4.0 / 3.0 * tan (step / 4);

  for (int i = 0; i < n_segments; i++)
    {
      double t1 = theta1 + i * step;
      double t2 = t1 + step;
      double cos1 = cos (t1), sin1 = sin (t1), cos2 = cos (t2), sin2 = sin (t2);
      /* The ellipse and its derivative at t: (rx cos t, ry sin t), rotated by phi. */
      double ex1 = cx + rx * cos1 * cos_phi - ry * sin1 * sin_phi;
      double ey1 = cy + rx * cos1 * sin_phi + ry * sin1 * cos_phi;
      double tx1 = -rx * sin1 * cos_phi - ry * cos1 * sin_phi;
      double ty1 = -rx * sin1 * sin_phi + ry * cos1 * cos_phi;
      double ex2 = cx + rx * cos2 * cos_phi - ry * sin2 * sin_phi;
      double ey2 = cy + rx * cos2 * sin_phi + ry * sin2 * cos_phi;
      double tx2 = -rx * sin2 * cos_phi - ry * cos2 * sin_phi;
      double ty2 = -rx * sin2 * sin_phi + ry * cos2 * cos_phi;
      double curve[6];

      /* The arc ends where the data says, not a rounding error away from it. */
      if (i == n_segments - 1)
        {
          ex2 = x2;
          ey2 = y2;
        }

      curve[0] = ex1 + k * tx1;
      curve[1] = ey1 + k * ty1;
      curve[2] = ex2 - k * tx2;
      curve[3] = ey2 - k * ty2;
      curve[4] = ex2;
      curve[5] = ey2;

      if (!all_finite (curve, G_N_ELEMENTS (curve)))
        {
          emit_line (parser, x2, y2);
          return;
        }
      emit_curve (parser, curve[0], curve[1], curve[2], curve[3], curve[4], curve[5]);
    }
}

/* Draws one segment of @command with its numbers @args. @at is where they begin, for errors. */
static gboolean
apply_segment (PathParser   *parser,
               char          command,
               const double *args,
               const char   *at)
{
  gboolean relative = g_ascii_islower (command);
  double ox = relative ? parser->x : 0;
  double oy = relative ? parser->y : 0;
  char upper = g_ascii_toupper (command);
  char family = 0;
  double v[6];
  int n = 0;

  /* Every absolute coordinate goes into v first, so that one check covers them all: relative
   * numbers near DBL_MAX can add up to infinity. */
  switch (upper)
    {
    case 'M':
    case 'L':
    case 'T':
      v[0] = ox + args[0];
      v[1] = oy + args[1];
      n = 2;
      break;

    case 'H':
      v[0] = ox + args[0];
      v[1] = parser->y;
      n = 2;
      break;

    case 'V':
      v[0] = parser->x;
      v[1] = oy + args[0];
      n = 2;
      break;

    case 'C':
    case 'S':
    case 'Q':
      n = upper == 'C' ? 6 : 4;
      for (int i = 0; i < n; i += 2)
        {
          v[i] = ox + args[i];
          v[i + 1] = oy + args[i + 1];
        }
      break;

    case 'A':
      v[0] = ox + args[5];
      v[1] = oy + args[6];
      n = 2;
      break;

    default:
      g_assert_not_reached ();
    }

  if (!all_finite (v, n))
    return path_fail (parser, at, _("a coordinate is out of range"));

  switch (upper)
    {
    case 'M':
      emit (parser, CAIRO_PATH_MOVE_TO, &(Point) { v[0], v[1] }, 1);
      parser->start_x = v[0];
      parser->start_y = v[1];
      break;

    case 'L':
    case 'H':
    case 'V':
      emit_line (parser, v[0], v[1]);
      break;

    case 'C':
      emit_curve (parser, v[0], v[1], v[2], v[3], v[4], v[5]);
      parser->ctrl_x = v[2];
      parser->ctrl_y = v[3];
      family = 'C';
      v[0] = v[4];
      v[1] = v[5];
      break;

    case 'S':
      {
        /* The first control point mirrors the previous curve's second, if it was a cubic. */
        double x1 = parser->x, y1 = parser->y;

        if (parser->ctrl_family == 'C')
          {
            x1 = 2 * parser->x - parser->ctrl_x;
            y1 = 2 * parser->y - parser->ctrl_y;
          }
        if (!isfinite (x1) || !isfinite (y1))
          return path_fail (parser, at, _("a coordinate is out of range"));

        emit_curve (parser, x1, y1, v[0], v[1], v[2], v[3]);
        parser->ctrl_x = v[0];
        parser->ctrl_y = v[1];
        family = 'C';
        v[0] = v[2];
        v[1] = v[3];
      }
      break;

    case 'Q':
    case 'T':
      {
        double qx, qy, ex, ey;

        if (upper == 'Q')
          {
            qx = v[0];
            qy = v[1];
            ex = v[2];
            ey = v[3];
          }
        else
          {
            /* The control point mirrors the previous one, if that was a quadratic. */
            qx = parser->ctrl_family == 'Q' ? 2 * parser->x - parser->ctrl_x : parser->x;
            qy = parser->ctrl_family == 'Q' ? 2 * parser->y - parser->ctrl_y : parser->y;
            ex = v[0];
            ey = v[1];
          }
        if (!isfinite (qx) || !isfinite (qy))
          return path_fail (parser, at, _("a coordinate is out of range"));

        /* cairo has no quadratic Bézier: the same curve as a cubic has its control points two
         * thirds of the way from each end to the quadratic's one. */
        emit_curve (parser,
                    parser->x + 2.0 / 3.0 * (qx - parser->x),
                    parser->y + 2.0 / 3.0 * (qy - parser->y),
                    ex + 2.0 / 3.0 * (qx - ex),
                    ey + 2.0 / 3.0 * (qy - ey),
                    ex, ey);
        parser->ctrl_x = qx;
        parser->ctrl_y = qy;
        family = 'Q';
        v[0] = ex;
        v[1] = ey;
      }
      break;

    case 'A':
      emit_arc (parser, parser->x, parser->y, args[0], args[1], args[2],
                args[3] != 0, args[4] != 0, v[0], v[1]);
      break;

    default:
      g_assert_not_reached ();
    }

  parser->x = v[0];
  parser->y = v[1];
  parser->ctrl_family = family;
  return TRUE;
}

/* svg-path: wsp* moveto-drawto-command-groups? wsp*, except that empty data is refused: a region
 * without an outline is a mistake. */
static gboolean
parse_path (PathParser *parser)
{
  skip_wsp (parser);

  if (*parser->p == '\0')
    return path_fail (parser, parser->p, _("the data is empty"));

  if (*parser->p != 'M' && *parser->p != 'm')
    {
      g_autofree char *what = describe_char (parser->p);

      return path_fail (parser, parser->p,
                        _("the data must begin with “M” or “m”, not “%s”"), what);
    }

  while (*parser->p != '\0')
    {
      const char *at = parser->p;
      char command = *at;
      char segment = command;
      int n_args = command_n_args (command);

      if (n_args < 0)
        {
          g_autofree char *what = NULL;

          if (!g_ascii_isalpha (command))
            return fail_unexpected (parser, at);

          what = describe_char (at);
          return path_fail (parser, at, _("unknown command “%s”"), what);
        }

      parser->p++;
      skip_wsp (parser);

      if (n_args == 0)
        {
          emit (parser, CAIRO_PATH_CLOSE_PATH, NULL, 0);
          parser->x = parser->start_x;
          parser->y = parser->start_y;
          parser->ctrl_family = 0;
          continue;
        }

      /* As many argument groups as follow. After a moveto, the extra pairs are linetos, relative
       * if the moveto was. */
      for (;;)
        {
          double args[7];

          at = parser->p;
          if (!parse_arguments (parser, command, args, n_args) ||
              !apply_segment (parser, segment, args, at))
            return FALSE;

          if (segment == 'M')
            segment = 'L';
          else if (segment == 'm')
            segment = 'l';

          if (!skip_comma_wsp (parser) && !is_number_start (*parser->p))
            break;
        }
    }

  return TRUE;
}

/* Parses @d into cairo path data, in @d's own coordinates. On failure, returns NULL and says where
 * and what went wrong, as a phrase for the caller's sentence. */
static GArray *
parse_path_to_data (const char  *d,
                    gsize       *out_error_offset,
                    char       **out_error_what)
{
  PathParser parser = { 0, };

  parser.d = d;
  parser.p = d;
  parser.data = g_array_new (FALSE, FALSE, sizeof (cairo_path_data_t));

  if (!parse_path (&parser))
    {
      g_array_unref (parser.data);
      *out_error_offset = parser.error_offset;
      *out_error_what = parser.error_what;
      return NULL;
    }

  return parser.data;
}

static void
append_data (cairo_t *cr,
             GArray  *data)
{
  cairo_path_t path;

  path.status = CAIRO_STATUS_SUCCESS;
  path.data = (cairo_path_data_t *)(gpointer)data->data;
  path.num_data = data->len;
  cairo_append_path (cr, &path);
}

gboolean
kl_body_geometry_parse_path_data (const char  *d,
                                  cairo_t     *cr,
                                  GError     **error)
{
  g_autoptr(GArray) data = NULL;
  g_autofree char *what = NULL;
  gsize offset = 0;

  g_return_val_if_fail (d != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(data = parse_path_to_data (d, &offset, &what)))
    {
      g_set_error (error, KL_BODY_GEOMETRY_ERROR, KL_BODY_GEOMETRY_ERROR_PATH_DATA,
                   /* Translators: the first %s says what is wrong, e.g. unexpected “x” */
                   _("Bad path data: %s at offset %" G_GSIZE_FORMAT), what, offset);
      return FALSE;
    }

  append_data (cr, data);
  return TRUE;
}

/* Flattened outlines --------------------------------------------------------------------------- */

/* Where the horizontal line at @y crosses the edge from @lo up to @hi (lo->y ≤ y < hi->y). One
 * formula, always from the lower end, for the regions on both sides of an edge and for the centre
 * search, so that they all agree to the last bit on which side of an edge a point is. */
static inline double
crossing_x (const Point *lo,
            const Point *hi,
            double       y)
{
  return lo->x + (y - lo->y) * (hi->x - lo->x) / (hi->y - lo->y);
}

/* The winding number of the outline around (x, y), from the edges that cross the horizontal ray
 * to the right of the point. An edge counts from its lower end up to but not including its upper
 * end, so a vertex on the ray counts once, and a point exactly on an edge shared by two regions
 * is inside the one on the edge's right and outside the other. */
static int
region_winding (const Region *region,
                double        x,
                double        y)
{
  const Point *points = (const Point *)(gconstpointer)region->points->data;
  const Ring *rings = (const Ring *)(gconstpointer)region->rings->data;
  int winding = 0;

  for (guint r = 0; r < region->rings->len; r++)
    {
      const Point *first = points + rings[r].start;
      const Point *end = first + rings[r].length;
      const Point *a = end - 1;

      for (const Point *b = first; b < end; a = b, b++)
        {
          if (a->y <= y)
            {
              if (b->y > y && x < crossing_x (a, b, y))
                winding++;
            }
          else if (b->y <= y && x < crossing_x (b, a, y))
            winding--;
        }
    }

  return winding;
}

static inline gboolean
region_contains (const Region *region,
                 double        x,
                 double        y)
{
  /* Written so that NaN is outside. */
  if (!(x >= region->bounds.x && x <= region->bounds.x + region->bounds.width &&
        y >= region->bounds.y && y <= region->bounds.y + region->bounds.height))
    return FALSE;

  /* cairo's default fill rule, the one the chart draws with. */
  return region_winding (region, x, y) != 0;
}

/* The squared distance from (x, y) to the outline; or, as soon as it is clear that the answer
 * will be at most @floor, something at most @floor: the centre search only wants the farthest. */
static double
outline_distance2 (const Region *region,
                   double        x,
                   double        y,
                   double        floor)
{
  const Point *points = (const Point *)(gconstpointer)region->points->data;
  const Ring *rings = (const Ring *)(gconstpointer)region->rings->data;
  double best = G_MAXDOUBLE;

  for (guint r = 0; r < region->rings->len; r++)
    {
      const Point *first = points + rings[r].start;
      const Point *end = first + rings[r].length;
      const Point *a = end - 1;

      for (const Point *b = first; b < end; a = b, b++)
        {
          double ex = b->x - a->x, ey = b->y - a->y;
          double px = x - a->x, py = y - a->y;
          double length2 = ex * ex + ey * ey;
          double t = length2 > 0 ? CLAMP ((px * ex + py * ey) / length2, 0, 1) : 0;
          double dx = px - t * ex, dy = py - t * ey;
          double d2 = dx * dx + dy * dy;

          if (d2 < best)
            {
              best = d2;
              if (best <= floor)
                return best;
            }
        }
    }

  return best;
}

typedef struct
{
  double   x;
  double   y;
  double   d2;                    /* squared distance to the outline */
  gboolean found;
} Candidate;

static void
consider (const Region *region,
          Candidate    *best,
          double        x,
          double        y)
{
  double d2 = outline_distance2 (region, x, y, best->found ? best->d2 : -1);

  if (!best->found || d2 > best->d2)
    *best = (Candidate) { x, y, d2, TRUE };
}

/* The middle of one run inside the region along a row, and the grid's points on the run. */
static void
consider_run (const Region *region,
              Candidate    *best,
              double        y,
              double        run_start,
              double        run_end)
{
  double cell_w = region->bounds.width / CENTRE_GRID;

  if (!(run_end > run_start))
    return;

  consider (region, best, (run_start + run_end) / 2, y);

  /* Strictly between the crossings, where the winding number is the run's. */
  for (int column = 0; column < CENTRE_GRID; column++)
    {
      double x = region->bounds.x + (column + 0.5) * cell_w;

      if (x >= run_end)
        break;
      if (x > run_start)
        consider (region, best, x, y);
    }
}

static int
compare_crossings (gconstpointer a,
                   gconstpointer b)
{
  const Point *pa = a, *pb = b;

  return (pa->x > pb->x) - (pa->x < pb->x);
}

/* A point inside the region, as far from its edges as a cheap search finds: the middle of each
 * run inside the region along CENTRE_GRID rows, and the points of a CENTRE_GRID × CENTRE_GRID grid
 * on those runs, then a pattern search from the best of them. The runs find a point inside even a
 * region too thin or too bent for the grid; the centre of the bounds alone could be outside a
 * curved region altogether. Returns FALSE if nothing is inside: the region has no area. */
static gboolean
region_find_centre (Region *region)
{
  const Point *points = (const Point *)(gconstpointer)region->points->data;
  const Ring *rings = (const Ring *)(gconstpointer)region->rings->data;
  const cairo_rectangle_t *bounds = &region->bounds;
  g_autoptr(GArray) crossings = g_array_new (FALSE, FALSE, sizeof (Point));
  double cell = MAX (bounds->width, bounds->height) / CENTRE_GRID;
  Candidate best = { 0, };
  double step;

  for (int row = 0; row < CENTRE_GRID; row++)
    {
      double y = bounds->y + (row + 0.5) * bounds->height / CENTRE_GRID;
      double run_end = 0;
      int winding = 0;

      /* Where the row crosses the outline, as (x, direction), by the rules of region_winding. */
      g_array_set_size (crossings, 0);
      for (guint r = 0; r < region->rings->len; r++)
        {
          const Point *first = points + rings[r].start;
          const Point *end = first + rings[r].length;
          const Point *a = end - 1;

          for (const Point *b = first; b < end; a = b, b++)
            {
              Point crossing;

              if (a->y <= y && b->y > y)
                crossing = (Point) { crossing_x (a, b, y), 1 };
              else if (a->y > y && b->y <= y)
                crossing = (Point) { crossing_x (b, a, y), -1 };
              else
                continue;
              g_array_append_val (crossings, crossing);
            }
        }
      g_array_sort (crossings, compare_crossings);

      /* The winding number between two crossings is the sum of the directions of those to its
       * right. Walking from the right, a run inside starts where it leaves zero and ends where it
       * comes back; runs that touch make one run. */
      for (guint i = crossings->len; i > 0; i--)
        {
          const Point *crossing = &g_array_index (crossings, Point, i - 1);
          int left_winding = winding + (int)crossing->y;

          if (winding == 0 && left_winding != 0)
            run_end = crossing->x;
          else if (winding != 0 && left_winding == 0)
            consider_run (region, &best, y, crossing->x, run_end);
          winding = left_winding;
        }
    }

  if (!best.found)
    return FALSE;

  /* Then climb away from the edges in ever smaller steps, staying inside. */
  step = cell / 2;
  for (int round = 0; round < 64 && step > cell / 1024; round++)
    {
      static const signed char directions[8][2] = {
        { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 }, { 1, 1 }, { 1, -1 }, { -1, 1 }, { -1, -1 },
      };
      Candidate next = best;

      for (guint i = 0; i < G_N_ELEMENTS (directions); i++)
        {
          double x = best.x + directions[i][0] * step;
          double y = best.y + directions[i][1] * step;

          if (region_contains (region, x, y))
            {
              double d2 = outline_distance2 (region, x, y, next.d2);

              if (d2 > next.d2)
                next = (Candidate) { x, y, d2, TRUE };
            }
        }

      if (next.x == best.x && next.y == best.y)
        step /= 2;
      else
        best = next;
    }

  region->centre_x = best.x;
  region->centre_y = best.y;
  return TRUE;
}

/* Reads cairo's flattened path into rings. A subpath of fewer than three points encloses nothing
 * and is left out; what cairo leaves open is closed, as cairo's fill closes it. */
static void
region_set_outline (Region       *region,
                    cairo_path_t *flat)
{
  Ring ring = { 0, 0 };
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;

  region->points = g_array_new (FALSE, FALSE, sizeof (Point));
  region->rings = g_array_new (FALSE, FALSE, sizeof (Ring));

  for (int i = 0; i <= flat->num_data; )
    {
      cairo_path_data_t *data = i < flat->num_data ? &flat->data[i] : NULL;

      /* The end of a ring: a move, a close, or the end of the path. */
      if (data == NULL || data->header.type == CAIRO_PATH_MOVE_TO ||
          data->header.type == CAIRO_PATH_CLOSE_PATH)
        {
          if (ring.length >= 3)
            g_array_append_val (region->rings, ring);
          else
            g_array_set_size (region->points, ring.start);
          ring.start = region->points->len;
          ring.length = 0;
        }

      if (data == NULL)
        break;

      if (data->header.type == CAIRO_PATH_MOVE_TO || data->header.type == CAIRO_PATH_LINE_TO)
        {
          Point point = { data[1].point.x, data[1].point.y };

          g_array_append_val (region->points, point);
          ring.length++;
        }

      i += data->header.length;
    }

  for (guint i = 0; i < region->points->len; i++)
    {
      const Point *point = &g_array_index (region->points, Point, i);

      x1 = MIN (x1, point->x);
      y1 = MIN (y1, point->y);
      x2 = MAX (x2, point->x);
      y2 = MAX (y2, point->y);
    }

  if (region->points->len > 0)
    region->bounds = (cairo_rectangle_t) { x1, y1, x2 - x1, y2 - y1 };
}

/* Loading -------------------------------------------------------------------------------------- */

typedef struct
{
  char *id;
  char *d;
} PendingPath;

static void
pending_path_free (gpointer data)
{
  PendingPath *path = data;

  g_free (path->id);
  g_free (path->d);
  g_free (path);
}

typedef struct
{
  KlBodyGeometry *self;
  guint           depth;           /* of open elements */
  guint           regions_depth;   /* of the outermost open <g id="regions">, or 0 */
  guint           transform_depth; /* of the outermost open element with a transform, or 0 */
  GPtrArray      *paths;           /* of PendingPath, in document order */
  GHashTable     *ids;             /* the ids in @paths */
} Loader;

static const char *
find_attribute (const char **names,
                const char **values,
                const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

/* viewBox: four numbers, separated by whitespace and/or a comma. */
static gboolean
parse_view_box (const char *text,
                double      values[4])
{
  const char *p = text;

  for (int i = 0; i < 4; i++)
    {
      while (is_wsp (*p))
        p++;
      if (i > 0 && *p == ',')
        for (p++; is_wsp (*p); p++)
          ;
      if (scan_number (p, &values[i], &p) != SCAN_OK)
        return FALSE;
    }

  while (is_wsp (*p))
    p++;
  return *p == '\0';
}

static gboolean
start_root (Loader       *loader,
            const char   *element_name,
            const char  **names,
            const char  **values,
            GError      **error)
{
  KlBodyGeometry *self = loader->self;
  const char *view_box;
  double box[4];

  if (!g_str_equal (element_name, "svg"))
    {
      g_set_error (error, KL_BODY_GEOMETRY_ERROR, KL_BODY_GEOMETRY_ERROR_MARKUP,
                   _("The document is a <%s>, not an <svg>"), element_name);
      return FALSE;
    }

  if (!(view_box = find_attribute (names, values, "viewBox")))
    {
      g_set_error_literal (error, KL_BODY_GEOMETRY_ERROR, KL_BODY_GEOMETRY_ERROR_MARKUP,
                           _("The <svg> element has no viewBox"));
      return FALSE;
    }

  /* The viewBox must leave room for the margin, and for the scale to work units, in a double. */
  if (!parse_view_box (view_box, box) || !(box[2] > 0) || !(box[3] > 0) ||
      !isfinite (box[0] - VIEWBOX_MARGIN * box[2]) ||
      !isfinite (box[0] + (1 + VIEWBOX_MARGIN) * box[2]) ||
      !isfinite (box[1] - VIEWBOX_MARGIN * box[3]) ||
      !isfinite (box[1] + (1 + VIEWBOX_MARGIN) * box[3]) ||
      !isfinite (WORK_SIZE / MIN (box[2], box[3])))
    {
      g_set_error (error, KL_BODY_GEOMETRY_ERROR, KL_BODY_GEOMETRY_ERROR_MARKUP,
                   _("The viewBox “%s” of the <svg> element is not four numbers with a "
                     "positive width and height"), view_box);
      return FALSE;
    }

  self->min_x = box[0];
  self->min_y = box[1];
  self->width = box[2];
  self->height = box[3];
  return TRUE;
}

static gboolean
start_path (Loader       *loader,
            const char  **names,
            const char  **values,
            GError      **error)
{
  const char *id = find_attribute (names, values, "id");
  const char *d = find_attribute (names, values, "d");
  PendingPath *path;

  if (id == NULL || id[0] == '\0')
    {
      g_set_error_literal (error, KL_BODY_GEOMETRY_ERROR, KL_BODY_GEOMETRY_ERROR_MARKUP,
                           _("A path in the “regions” group has no id"));
      return FALSE;
    }

  if (g_hash_table_contains (loader->ids, id))
    {
      g_set_error (error, KL_BODY_GEOMETRY_ERROR, KL_BODY_GEOMETRY_ERROR_DUPLICATE,
                   _("Path “%s” is in the “regions” group twice"), id);
      return FALSE;
    }

  /* Transforms are not applied: a region drawn where its numbers do not say would be hit-tested
   * in the wrong place, so it is refused rather than ignored. */
  if (loader->transform_depth > 0 || find_attribute (names, values, "transform") != NULL)
    {
      g_set_error (error, KL_BODY_GEOMETRY_ERROR, KL_BODY_GEOMETRY_ERROR_MARKUP,
                   _("Path “%s” is transformed, which is not supported"), id);
      return FALSE;
    }

  if (d == NULL || d[strspn (d, " \t\n\r\f")] == '\0')
    {
      g_set_error (error, KL_BODY_GEOMETRY_ERROR, KL_BODY_GEOMETRY_ERROR_PATH_DATA,
                   _("Path “%s” has no path data"), id);
      return FALSE;
    }

  path = g_new0 (PendingPath, 1);
  path->id = g_strdup (id);
  path->d = g_strdup (d);
  g_ptr_array_add (loader->paths, path);
  g_hash_table_add (loader->ids, path->id);
  return TRUE;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Loader *loader = user_data;

  if (loader->depth == 0 && !start_root (loader, element_name, names, values, error))
    return;

  loader->depth++;

  if (loader->transform_depth == 0 && find_attribute (names, values, "transform") != NULL)
    loader->transform_depth = loader->depth;

  if (loader->regions_depth > 0 && g_str_equal (element_name, "path"))
    start_path (loader, names, values, error);
  else if (loader->regions_depth == 0 && g_str_equal (element_name, "g") &&
           g_strcmp0 (find_attribute (names, values, "id"), "regions") == 0)
    loader->regions_depth = loader->depth;
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element_name,
             gpointer              user_data,
             GError              **error)
{
  Loader *loader = user_data;

  if (loader->depth == loader->regions_depth)
    loader->regions_depth = 0;
  if (loader->depth == loader->transform_depth)
    loader->transform_depth = 0;
  loader->depth--;
}

static const GMarkupParser loader_parser = {
  start_element,
  end_element,
  NULL,
  NULL,
  NULL,
};

/* Builds one region: its path as cairo stores it, the flattened outline, the bounds, the centre.
 * @cr draws on a 1×1 surface: nothing is drawn, cairo only keeps and flattens the path. */
static Region *
build_region (KlBodyGeometry     *self,
              const PendingPath  *pending,
              cairo_t            *cr,
              GError            **error)
{
  g_autoptr(Region) region = g_new0 (Region, 1);
  g_autoptr(GArray) data = NULL;
  g_autofree char *what = NULL;
  cairo_path_t *flat;
  double scale = WORK_SIZE / MAX (self->width, self->height);
  double x1 = self->min_x - VIEWBOX_MARGIN * self->width;
  double x2 = self->min_x + (1 + VIEWBOX_MARGIN) * self->width;
  double y1 = self->min_y - VIEWBOX_MARGIN * self->height;
  double y2 = self->min_y + (1 + VIEWBOX_MARGIN) * self->height;
  gsize offset = 0;

  region->id = g_strdup (pending->id);

  if (!(data = parse_path_to_data (pending->d, &offset, &what)))
    {
      g_set_error (error, KL_BODY_GEOMETRY_ERROR, KL_BODY_GEOMETRY_ERROR_PATH_DATA,
                   /* Translators: the second %s says what is wrong, e.g. unexpected “x” */
                   _("Path “%s”: %s at offset %" G_GSIZE_FORMAT " of its path data"),
                   pending->id, what, offset);
      return NULL;
    }

  for (guint i = 0; i < data->len; )
    {
      const cairo_path_data_t *header = &g_array_index (data, cairo_path_data_t, i);

      for (int j = 1; j < header->header.length; j++)
        {
          const cairo_path_data_t *point = header + j;

          if (!(point->point.x >= x1 && point->point.x <= x2 &&
                point->point.y >= y1 && point->point.y <= y2))
            {
              g_set_error (error, KL_BODY_GEOMETRY_ERROR, KL_BODY_GEOMETRY_ERROR_PATH_DATA,
                           _("Path “%s” reaches far outside the viewBox"), pending->id);
              return NULL;
            }
        }
      i += header->header.length;
    }

  /* Device space is work units, with the viewBox's corner at the origin; user space at copy
   * time is region units, with the same origin. The stored path is then in region units, which
   * cairo_append_path () maps through whatever matrix the drawing cr has. */
  cairo_new_path (cr);
  cairo_identity_matrix (cr);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -self->min_x, -self->min_y);
  append_data (cr, data);
  cairo_identity_matrix (cr);
  cairo_scale (cr, scale, scale);

  region->path = cairo_copy_path (cr);
  flat = cairo_copy_path_flat (cr);
  if (region->path->status != CAIRO_STATUS_SUCCESS || flat->status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KL_BODY_GEOMETRY_ERROR, KL_BODY_GEOMETRY_ERROR_PATH_DATA,
                   _("Path “%s” could not be built: %s"), pending->id,
                   cairo_status_to_string (flat->status != CAIRO_STATUS_SUCCESS ?
                                           flat->status : region->path->status));
      cairo_path_destroy (flat);
      return NULL;
    }

  region_set_outline (region, flat);
  cairo_path_destroy (flat);

  if (region->rings->len == 0 || !region_find_centre (region))
    {
      g_set_error (error, KL_BODY_GEOMETRY_ERROR, KL_BODY_GEOMETRY_ERROR_PATH_DATA,
                   _("Path “%s” encloses no area"), pending->id);
      return NULL;
    }

  return g_steal_pointer (&region);
}

KlBodyGeometry *
kl_body_geometry_new_from_bytes (GBytes  *svg,
                                 GError **error)
{
  g_autoptr(KlBodyGeometry) self = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (pending_path_free);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  const char *text;
  gsize size;
  Loader loader = { 0, };

  g_return_val_if_fail (svg != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (KL_TYPE_BODY_GEOMETRY, NULL);
  loader.self = self;
  loader.paths = paths;
  loader.ids = ids;

  /* Errors from the callbacks get GMarkup's "line N char M" too. */
  context = g_markup_parse_context_new (&loader_parser, G_MARKUP_PREFIX_ERROR_POSITION,
                                        &loader, NULL);
  text = g_bytes_get_data (svg, &size);
  if (!g_markup_parse_context_parse (context, text != NULL ? text : "", size, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error))
    {
      if (local_error->domain == KL_BODY_GEOMETRY_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, KL_BODY_GEOMETRY_ERROR, KL_BODY_GEOMETRY_ERROR_MARKUP,
                             local_error->message);
      return NULL;
    }

  if (paths->len == 0)
    {
      g_set_error_literal (error, KL_BODY_GEOMETRY_ERROR, KL_BODY_GEOMETRY_ERROR_MARKUP,
                           _("The SVG has no path in a “regions” group"));
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);
  cairo_surface_destroy (surface);
  cairo_set_tolerance (cr, FLATTEN_TOLERANCE);

  for (guint i = 0; i < paths->len; i++)
    {
      Region *region = build_region (self, g_ptr_array_index (paths, i), cr, error);

      if (region == NULL)
        {
          cairo_destroy (cr);
          return NULL;
        }

      g_ptr_array_add (self->regions, region);
      g_hash_table_insert (self->by_id, region->id, region);
    }

  cairo_destroy (cr);
  return g_steal_pointer (&self);
}

KlBodyGeometry *
kl_body_geometry_get_for_view (KlBodyView   view,
                               GError     **error)
{
  static KlBodyGeometry *views[2];
  static const char * const paths[2] = {
    [KL_BODY_VIEW_FRONT] = RESOURCE_PATH "/body/front.svg",
    [KL_BODY_VIEW_BACK] = RESOURCE_PATH "/body/back.svg",
  };

  g_return_val_if_fail (view == KL_BODY_VIEW_FRONT || view == KL_BODY_VIEW_BACK, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (views[view] == NULL)
    {
      g_autoptr(GBytes) bytes = NULL;

      /* From the core's own resource, by its handle: linked from a static library, a resource
       * that registers itself from a constructor would be dropped as unreferenced. */
      if (!(bytes = g_resource_lookup_data (kl_core_get_resource (), paths[view],
                                            G_RESOURCE_LOOKUP_FLAGS_NONE, error)))
        return NULL;

      views[view] = kl_body_geometry_new_from_bytes (bytes, error);
    }

  return views[view];
}

/* Queries -------------------------------------------------------------------------------------- */

double
kl_body_geometry_get_width (KlBodyGeometry *self)
{
  g_return_val_if_fail (KL_IS_BODY_GEOMETRY (self), 0);

  return self->width;
}

double
kl_body_geometry_get_height (KlBodyGeometry *self)
{
  g_return_val_if_fail (KL_IS_BODY_GEOMETRY (self), 0);

  return self->height;
}

guint
kl_body_geometry_get_n_regions (KlBodyGeometry *self)
{
  g_return_val_if_fail (KL_IS_BODY_GEOMETRY (self), 0);

  return self->regions->len;
}

const char *
kl_body_geometry_get_region_id (KlBodyGeometry *self,
                                guint           index)
{
  g_return_val_if_fail (KL_IS_BODY_GEOMETRY (self), NULL);
  g_return_val_if_fail (index < self->regions->len, NULL);

  return ((Region *)g_ptr_array_index (self->regions, index))->id;
}

gboolean
kl_body_geometry_has_region (KlBodyGeometry *self,
                             const char     *id)
{
  g_return_val_if_fail (KL_IS_BODY_GEOMETRY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return g_hash_table_contains (self->by_id, id);
}

gboolean
kl_body_geometry_append_region_path (KlBodyGeometry *self,
                                     const char     *id,
                                     cairo_t        *cr)
{
  Region *region;

  g_return_val_if_fail (KL_IS_BODY_GEOMETRY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  if (!(region = g_hash_table_lookup (self->by_id, id)))
    return FALSE;

  /* The stored points are in region units; cairo maps them through @cr's current matrix. */
  cairo_append_path (cr, region->path);
  return TRUE;
}

const char *
kl_body_geometry_hit_test (KlBodyGeometry *self,
                           double          x,
                           double          y)
{
  g_return_val_if_fail (KL_IS_BODY_GEOMETRY (self), NULL);

  /* In document order, so that a point two regions both claim always goes to the same one. */
  for (guint i = 0; i < self->regions->len; i++)
    {
      const Region *region = g_ptr_array_index (self->regions, i);

      if (region_contains (region, x, y))
        return region->id;
    }

  return NULL;
}

gboolean
kl_body_geometry_get_region_bounds (KlBodyGeometry    *self,
                                    const char        *id,
                                    cairo_rectangle_t *out_bounds)
{
  Region *region;

  g_return_val_if_fail (KL_IS_BODY_GEOMETRY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (out_bounds != NULL, FALSE);

  if (!(region = g_hash_table_lookup (self->by_id, id)))
    return FALSE;

  *out_bounds = region->bounds;
  return TRUE;
}

gboolean
kl_body_geometry_get_region_centre (KlBodyGeometry *self,
                                    const char     *id,
                                    double         *out_x,
                                    double         *out_y)
{
  Region *region;

  g_return_val_if_fail (KL_IS_BODY_GEOMETRY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (out_x != NULL && out_y != NULL, FALSE);

  if (!(region = g_hash_table_lookup (self->by_id, id)))
    return FALSE;

  *out_x = region->centre_x;
  *out_y = region->centre_y;
  return TRUE;
}
