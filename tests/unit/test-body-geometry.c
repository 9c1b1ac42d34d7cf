/* test-body-geometry.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <glib.h>

#include "kl-body-geometry.h"

/* cairo keeps paths in 24.8 fixed point: points come back within 1/256 of what was given. */
#define EPSILON 0.01

static cairo_t *
create_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

/* A path in the notation of the expectations below: "M 0 0 L 1 2 C 1 2 3 4 5 6 Z". */
static char *
path_to_string (cairo_path_t *path)
{
  GString *string = g_string_new (NULL);

  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *data = &path->data[i];

      if (string->len > 0)
        g_string_append_c (string, ' ');
      g_string_append_c (string, "MLCZ"[data->header.type]);
      for (int j = 1; j < data->header.length; j++)
        g_string_append_printf (string, " %g %g", data[j].point.x, data[j].point.y);
    }

  return g_string_free (string, FALSE);
}

/* Parses @d onto a fresh context and checks the path cairo holds against @expected, number by
 * number to within EPSILON. */
static void
check_path (const char *d,
            const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tokens = g_strsplit (expected, " ", -1);
  g_autofree char *actual = NULL;
  cairo_t *cr = create_context ();
  cairo_path_t *path;
  guint n_tokens = g_strv_length (tokens);
  guint t = 0;
  gboolean ok = TRUE;

  if (!kl_body_geometry_parse_path_data (d, cr, &error))
    g_error ("“%s”: %s", d, error->message);

  path = cairo_copy_path (cr);
  actual = path_to_string (path);

  for (int i = 0; ok && i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *data = &path->data[i];

      ok = t < n_tokens && tokens[t++][0] == "MLCZ"[data->header.type];
      for (int j = 1; ok && j < data->header.length; j++)
        ok = t + 1 < n_tokens &&
             fabs (g_ascii_strtod (tokens[t], NULL) - data[j].point.x) < EPSILON &&
             fabs (g_ascii_strtod (tokens[t + 1], NULL) - data[j].point.y) < EPSILON &&
             (t += 2);
    }
  ok = ok && t == n_tokens;

  if (!ok)
    g_test_fail_printf ("“%s” gave “%s”, not “%s”", d, actual, expected);

  cairo_path_destroy (path);
  cairo_destroy (cr);
}

/* The bounds of @d flattened finely, for curves whose control points are not worth spelling out. */
static void
get_flat_bounds (const char *d,
                 double     *x1,
                 double     *y1,
                 double     *x2,
                 double     *y2)
{
  g_autoptr(GError) error = NULL;
  cairo_t *cr = create_context ();
  cairo_path_t *path;

  cairo_set_tolerance (cr, 0.001);
  g_assert_true (kl_body_geometry_parse_path_data (d, cr, &error));
  g_assert_no_error (error);

  *x1 = *y1 = G_MAXDOUBLE;
  *x2 = *y2 = -G_MAXDOUBLE;
  path = cairo_copy_path_flat (cr);
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    for (int j = 1; j < path->data[i].header.length; j++)
      {
        *x1 = MIN (*x1, path->data[i + j].point.x);
        *y1 = MIN (*y1, path->data[i + j].point.y);
        *x2 = MAX (*x2, path->data[i + j].point.x);
        *y2 = MAX (*y2, path->data[i + j].point.y);
      }

  cairo_path_destroy (path);
  cairo_destroy (cr);
}

static void
check_flat_bounds (const char *d,
                   double      x1,
                   double      y1,
                   double      x2,
                   double      y2)
{
  double ax1, ay1, ax2, ay2;

  get_flat_bounds (d, &ax1, &ay1, &ax2, &ay2);
  if (fabs (ax1 - x1) > 0.1 || fabs (ay1 - y1) > 0.1 || fabs (ax2 - x2) > 0.1 ||
      fabs (ay2 - y2) > 0.1)
    g_test_fail_printf ("“%s” spans (%g, %g)–(%g, %g), not (%g, %g)–(%g, %g)",
                        d, ax1, ay1, ax2, ay2, x1, y1, x2, y2);
}

static void
test_path_lines (void)
{
  check_path ("M10 20 L30 40", "M 10 20 L 30 40");
  check_path ("m10 20 l30 40", "M 10 20 L 40 60");
  check_path ("M10 10 H50 V60 h-10 v-5", "M 10 10 L 50 10 L 50 60 L 40 60 L 40 55");
  check_path ("  M 1 2  \n", "M 1 2");

  /* Two movetos: the second relative to the end of the first subpath. */
  check_path ("M10 10 L20 10 m5 5 l1 0", "M 10 10 L 20 10 M 25 15 L 26 15");
}

static void
test_path_repetition (void)
{
  /* cairo merges a line that goes on in the same direction into the previous one, so the lines
   * below all turn. */
  /* Pairs after a moveto are linetos, relative if the moveto was. */
  check_path ("M10 20 30 40 50 20", "M 10 20 L 30 40 L 50 20");
  check_path ("m10 20 30 40 50 60", "M 10 20 L 40 60 L 90 120");
  check_path ("M0 0 L1 1 2 0", "M 0 0 L 1 1 L 2 0");
  check_path ("M0 0 l1 1 2 -2", "M 0 0 L 1 1 L 3 -1");
  check_path ("M0 0 H1 0 2 V4 3", "M 0 0 L 1 0 L 0 0 L 2 0 L 2 4 L 2 3");
  check_path ("M0 0 h1 -2 v3 -4", "M 0 0 L 1 0 L -1 0 L -1 3 L -1 -1");
  check_path ("M0 0 C1 1 2 2 3 3 4 4 5 5 6 6", "M 0 0 C 1 1 2 2 3 3 C 4 4 5 5 6 6");
  check_path ("M1 1 c1 1 2 2 3 3 1 1 2 2 3 3", "M 1 1 C 2 2 3 3 4 4 C 5 5 6 6 7 7");
  check_path ("M0 0,1 1,2 0", "M 0 0 L 1 1 L 2 0");
}

static void
test_path_numbers (void)
{
  check_path ("M.5.5L1-2", "M 0.5 0.5 L 1 -2");
  check_path ("M-1.5e-3-.5-.5.25", "M 0 -0.5 L -0.5 0.25");
  check_path ("M1e2 1E+1 L+3 5.", "M 100 10 L 3 5");
  check_path ("M0.5e1.5", "M 5 0.5");
  check_path ("M0,0L10,10", "M 0 0 L 10 10");
  check_path ("M 0 , 0 L 1e1-1e1", "M 0 0 L 10 -10");
  check_path ("M\t0\r\n0\fL1 1", "M 0 0 L 1 1");
  check_path ("M0 0l.5.5.5-.5", "M 0 0 L 0.5 0.5 L 1 0");
  /* A number too small for a double is zero, not an error. */
  check_path ("M1e-400 0", "M 0 0");
  check_path ("M000012.50000 -0000", "M 12.5 0");
}

static void
test_path_curves (void)
{
  check_path ("M0 0 C10 0 20 10 20 20", "M 0 0 C 10 0 20 10 20 20");
  check_path ("M5 5 c10 0 20 10 20 20", "M 5 5 C 15 5 25 15 25 25");

  /* S reflects the previous cubic's second control point about the current point… */
  check_path ("M0 0 C0 10 10 10 10 0 S20 -10 20 0",
              "M 0 0 C 0 10 10 10 10 0 C 10 -10 20 -10 20 0");
  check_path ("M0 0 C0 10 10 10 10 0 s10 -10 10 0",
              "M 0 0 C 0 10 10 10 10 0 C 10 -10 20 -10 20 0");
  /* …also after another S, and in its implicit repetition… */
  check_path ("M0 0 S10 10 20 0 S30 -10 40 0",
              "M 0 0 C 0 0 10 10 20 0 C 30 -10 30 -10 40 0");
  check_path ("M0 0 S10 10 20 0 30 -10 40 0",
              "M 0 0 C 0 0 10 10 20 0 C 30 -10 30 -10 40 0");
  /* …but not after a line or a quadratic: then it is the current point. */
  check_path ("M0 0 L10 0 S20 10 30 0", "M 0 0 L 10 0 C 10 0 20 10 30 0");
  check_path ("M0 0 Q10 10 20 0 S30 10 40 0",
              "M 0 0 C 6.6667 6.6667 13.3333 6.6667 20 0 C 20 0 30 10 40 0");

  /* A quadratic is the cubic with control points two thirds of the way to its own. */
  check_path ("M0 0 Q10 20 20 0", "M 0 0 C 6.6667 13.3333 13.3333 13.3333 20 0");
  check_path ("M10 10 q10 20 20 0", "M 10 10 C 16.6667 23.3333 23.3333 23.3333 30 10");
  /* T reflects the previous quadratic's control point, after Q or T… */
  check_path ("M0 0 Q10 20 20 0 T40 0",
              "M 0 0 C 6.6667 13.3333 13.3333 13.3333 20 0 "
              "C 26.6667 -13.3333 33.3333 -13.3333 40 0");
  check_path ("M0 0 Q10 20 20 0 t20 0 20 0",
              "M 0 0 C 6.6667 13.3333 13.3333 13.3333 20 0 "
              "C 26.6667 -13.3333 33.3333 -13.3333 40 0 "
              "C 46.6667 13.3333 53.3333 13.3333 60 0");
  /* …and not after anything else, where it is a straight line. */
  check_path ("M0 0 L10 0 T20 0", "M 0 0 L 10 0 C 10 0 13.3333 0 20 0");
  check_path ("M0 0 C0 10 10 10 10 0 T20 0",
              "M 0 0 C 0 10 10 10 10 0 C 10 0 13.3333 0 20 0");
}

/* From (0, 0) to (50, 0), radius 25, below the x axis (y grows downwards). */
#define HALF_CIRCLE "M 0 0 C 0 13.807 11.193 25 25 25 C 38.807 25 50 13.807 50 0"

static void
test_path_arcs (void)
{
  /* A full circle of two half circles, centre (100, 100), radius 50. */
  check_flat_bounds ("M50 100 A50 50 0 0 1 150 100 A50 50 0 0 1 50 100 Z", 50, 50, 150, 150);
  check_flat_bounds ("M50 100 a50 50 0 1 0 100 0 a50 50 0 1 0 -100 0 z", 50, 50, 150, 150);

  /* The flags need no separators: "1050" is 1, 0, then 50. */
  check_path ("M0 0 a25 25 0 1050 0", HALF_CIRCLE);
  check_path ("M0 0 a25,25 0 1,0 50,0", HALF_CIRCLE);
  check_path ("M0 0 a25,25,0,1,0,50,0", HALF_CIRCLE);
  check_path ("M0 0 A25 25 0 10 50 0", HALF_CIRCLE);

  /* The sweep flag picks the side; the large-arc flag the longer way round. */
  check_flat_bounds ("M0 0 A25 25 0 0 1 50 0", 0, -25, 50, 0);
  check_flat_bounds ("M0 0 A50 50 0 0 1 50 50", 0, 0, 50, 50);
  check_flat_bounds ("M0 0 A50 50 0 1 1 50 50", 0, -50, 100, 50);
  check_flat_bounds ("M0 0 A50 50 0 0 0 50 50", 0, 0, 50, 50);
  check_flat_bounds ("M0 0 A50 50 0 1 0 50 50", -50, 0, 50, 100);

  /* Radii too small are scaled up until the arc reaches: a half circle of radius 50. */
  check_flat_bounds ("M0 0 A1 1 0 0 1 100 0", 0, -50, 100, 0);
  check_flat_bounds ("M0 0 A-1 -1 0 0 1 100 0", 0, -50, 100, 0);

  /* A rotated ellipse: its long axis along y. */
  check_flat_bounds ("M0 0 A20 10 90 0 1 0 40", 0, 0, 10, 40);
  check_flat_bounds ("M0 0 A20 10 450 0 1 0 40", 0, 0, 10, 40);

  /* A zero radius is a straight line; equal end points draw nothing. */
  check_path ("M0 0 A0 10 0 0 1 10 10", "M 0 0 L 10 10");
  check_path ("M0 0 a10 0 0 0 1 10 10", "M 0 0 L 10 10");
  check_path ("M5 5 A10 10 0 0 1 5 5 L6 6", "M 5 5 L 6 6");

  /* Huge radii overflow nothing: a gentle curve, close to the straight line. */
  check_flat_bounds ("M0 0 A1e300 1e300 0 0 1 100 0", 0, 0, 100, 0);
}

static void
test_path_close (void)
{
  /* A segment after Z starts at the start of the closed subpath. */
  check_path ("M10 10 L20 10 L20 20 Z L30 30", "M 10 10 L 20 10 L 20 20 Z M 10 10 L 30 30");
  check_path ("M10 10 L20 20 z m5 5 l1 1", "M 10 10 L 20 20 Z M 15 15 L 16 16");
  check_path ("M10 10 L20 20 Z Z", "M 10 10 L 20 20 Z M 10 10 Z M 10 10");
  check_path ("M10 10 L20 20Zl1 1", "M 10 10 L 20 20 Z M 10 10 L 11 11");
  /* After Z, the current point is the start: S and T have nothing to reflect. */
  check_path ("M0 0 C0 10 10 10 10 0 Z S10 10 20 0",
              "M 0 0 C 0 10 10 10 10 0 Z M 0 0 C 0 0 10 10 20 0");
}

static void
test_path_user_space (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *actual = NULL;
  cairo_t *cr = create_context ();
  cairo_path_t *path;

  /* The numbers are in the user space of the cr given. */
  cairo_translate (cr, 100, 0);
  cairo_scale (cr, 2, 3);
  g_assert_true (kl_body_geometry_parse_path_data ("M1 1 L2 2", cr, &error));
  g_assert_no_error (error);
  cairo_identity_matrix (cr);
  path = cairo_copy_path (cr);
  actual = path_to_string (path);
  g_assert_cmpstr (actual, ==, "M 102 3 L 104 6");

  cairo_path_destroy (path);
  cairo_destroy (cr);
}

static void
check_path_error (const char *d,
                  gsize       offset,
                  const char *phrase)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *at = g_strdup_printf ("at offset %" G_GSIZE_FORMAT, offset);
  cairo_t *cr = create_context ();

  if (kl_body_geometry_parse_path_data (d, cr, &error))
    g_test_fail_printf ("“%s” parsed", d);
  else if (!g_error_matches (error, KL_BODY_GEOMETRY_ERROR, KL_BODY_GEOMETRY_ERROR_PATH_DATA))
    g_test_fail_printf ("“%s”: not a path data error: %s", d, error->message);
  else if (strstr (error->message, at) == NULL || strstr (error->message, phrase) == NULL)
    g_test_fail_printf ("“%s”: “%s” has no “%s” or no “%s”", d, error->message, at, phrase);
  else if (!g_utf8_validate (error->message, -1, NULL))
    g_test_fail_printf ("“%s”: the message is not UTF-8", d);

  /* Bad data adds nothing to the path, not even what came before the mistake. */
  if (cairo_has_current_point (cr))
    g_test_fail_printf ("“%s”: half a path was added", d);

  cairo_destroy (cr);
}

static void
test_path_errors (void)
{
  check_path_error ("", 0, "empty");
  check_path_error (" \n", 2, "empty");
  check_path_error ("L10 10", 0, "“L”");
  check_path_error ("  10 10", 2, "“1”");
  check_path_error ("M0 0 X1 1", 5, "unknown command “X”");
  check_path_error ("M0 0 L1", 7, "“L”");
  check_path_error ("M0 0 L1 1 2", 11, "“L”");
  check_path_error ("M0 0 C1 1 2 2 3 L4 4", 16, "“C”");
  check_path_error ("M0 0 L1 ?", 8, "unexpected “?”");
  check_path_error ("M0 0 L1 -", 8, "“-”");
  check_path_error ("M0 0 L. 1", 6, "“.”");
  check_path_error ("M0 0 L+.e1 1", 6, "“+.”");
  check_path_error ("M0 0 L1,,2", 8, "unexpected “,”");
  check_path_error ("M0 0, L1 1", 6, "“M”");
  check_path_error ("M0 0 L,1 1", 6, "unexpected “,”");
  check_path_error ("M0 0 Z 1 1", 7, "unexpected “1”");
  check_path_error ("M0 0 L1e 2", 7, "unexpected “e”");
  check_path_error ("M0 0 L0x10 2", 7, "unexpected “x”");
  check_path_error ("M0 0 Linf 2", 6, "unexpected “i”");
  check_path_error ("M0 0 A1 1 0 2 0 5 5", 12, "“2”");
  check_path_error ("M0 0 A1 1 0 1 . 5 5", 14, "“.”");
  check_path_error ("M0 0 A1 1 0 1", 13, "“A”");
  check_path_error ("M0 0 L1e999 0", 6, "too large");
  check_path_error ("M0 0 L-1e309 0", 6, "too large");
  check_path_error ("M 1e308 0 l 1e308 0", 12, "out of range");
  check_path_error ("M0 0 L1 1 \xff", 10, "\\xFF");
  check_path_error ("M0 0 L1 1 \x01", 10, "\\x01");
  check_path_error ("M0 0 L1 1 é", 10, "é");
}

/* Random path data from the grammar, half of it then damaged by a byte: what is well formed
 * parses, and the rest fails with an offset inside the string. */
static void
append_random_number (GString *d,
                      GRand   *rand)
{
  static const char * const numbers[] = {
    "0", "1", "10", "-5", "+3", "2.5", ".5", "-.25", "7.", "1e2", "-1.5e-3", "3E+1", "0.0001",
    "250", "-999.999",
  };

  g_string_append (d, numbers[g_rand_int_range (rand, 0, G_N_ELEMENTS (numbers))]);
}

static void
test_path_random (void)
{
  static const char commands[] = "MmLlHhVvCcSsQqTtAaZz";
  static const char * const separators[] = { " ", ",", " , ", "\n", "  " };
  static const char junk[] = "MLCAZmlcaz0123456789.-+eE, \t#x\xc3";
  GRand *rand = g_rand_new_with_seed (20260101);
  cairo_t *cr = create_context ();
  guint n_parsed = 0, n_failed = 0;

  for (int i = 0; i < 20000; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) d = g_string_new ("M");
      int n_commands = g_rand_int_range (rand, 0, 8);
      gboolean damaged = g_rand_boolean (rand);

      append_random_number (d, rand);
      g_string_append (d, " ");
      append_random_number (d, rand);

      for (int c = 0; c < n_commands; c++)
        {
          char command = commands[g_rand_int_range (rand, 0, sizeof commands - 1)];
          int n_args, n_groups;

          switch (command)
            {
            case 'Z': case 'z': n_args = 0; break;
            case 'H': case 'h': case 'V': case 'v': n_args = 1; break;
            case 'S': case 's': case 'Q': case 'q': n_args = 4; break;
            case 'C': case 'c': n_args = 6; break;
            case 'A': case 'a': n_args = 7; break;
            default: n_args = 2; break;
            }

          g_string_append_c (d, ' ');
          g_string_append_c (d, command);
          /* Sometimes two argument groups: the command repeats. No comma before the first. */
          n_groups = n_args > 0 && g_rand_boolean (rand) ? 2 : 1;
          for (int group = 0; group < n_groups; group++)
            for (int a = 0; a < n_args; a++)
              {
                if (group == 0 && a == 0)
                  g_string_append_c (d, ' ');
                else
                  g_string_append (d, separators[g_rand_int_range (rand, 0,
                                                                   G_N_ELEMENTS (separators))]);
                if (g_ascii_tolower (command) == 'a' && (a == 3 || a == 4))
                  g_string_append_c (d, g_rand_boolean (rand) ? '1' : '0');
                else
                  append_random_number (d, rand);
              }
        }

      if (damaged)
        {
          guint at = g_rand_int_range (rand, 0, d->len);

          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0:
              d->str[at] = junk[g_rand_int_range (rand, 0, sizeof junk - 1)];
              break;
            case 1:
              g_string_erase (d, at, 1);
              break;
            default:
              g_string_truncate (d, at);
              break;
            }
        }

      cairo_new_path (cr);
      if (kl_body_geometry_parse_path_data (d->str, cr, &error))
        n_parsed++;
      else
        {
          const char *offset = strstr (error->message, "at offset ");

          if (!damaged)
            g_test_fail_printf ("“%s”: %s", d->str, error->message);
          g_assert_nonnull (offset);
          g_assert_cmpint (atoi (offset + strlen ("at offset ")), <=, d->len);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          n_failed++;
        }
    }

  g_test_message ("of 20000 random paths, %u parsed and %u failed", n_parsed, n_failed);
  g_assert_cmpuint (n_failed, >, 1000);
  cairo_destroy (cr);
  g_rand_free (rand);
}

/* SVG documents ------------------------------------------------------------------------------- */

static KlBodyGeometry *
load_string (const char  *svg,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (svg, strlen (svg));

  return kl_body_geometry_new_from_bytes (bytes, error);
}

static void
check_svg_error (const char *svg,
                 int         code,
                 const char *phrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlBodyGeometry) geometry = load_string (svg, &error);

  if (geometry != NULL)
    g_test_fail_printf ("loaded: %s", svg);
  else if (!g_error_matches (error, KL_BODY_GEOMETRY_ERROR, code))
    g_test_fail_printf ("not error %d but %s %d “%s”: %s", code,
                        g_quark_to_string (error->domain), error->code, error->message, svg);
  else if (strstr (error->message, phrase) == NULL)
    g_test_fail_printf ("“%s” has no “%s”", error->message, phrase);
}

#define SQUARE "M0 0 H1 V1 H0 Z"

static void
test_svg_errors (void)
{
  /* Not well-formed, with GMarkup's position. */
  check_svg_error ("<svg viewBox=\"0 0 10 10\"><g id=\"regions\">"
                   "<path id=\"a\" d=\"" SQUARE "\"/></g>",
                   KL_BODY_GEOMETRY_ERROR_MARKUP, "line 1");
  check_svg_error ("<svg viewBox=\"0 0 10 10\">\n<g id=\"regions\">\n<path id=\"a\" d=\"M0 0\">\n"
                   "</g></svg>",
                   KL_BODY_GEOMETRY_ERROR_MARKUP, "line 4");
  check_svg_error ("", KL_BODY_GEOMETRY_ERROR_MARKUP, "empty");
  check_svg_error ("<svg viewBox=\"0 0 10 10\">\xff</svg>", KL_BODY_GEOMETRY_ERROR_MARKUP, "UTF-8");

  /* Not an <svg> with a viewBox. */
  check_svg_error ("<html><g id=\"regions\"><path id=\"a\" d=\"" SQUARE "\"/></g></html>",
                   KL_BODY_GEOMETRY_ERROR_MARKUP, "<html>");
  check_svg_error ("<svg><g id=\"regions\"><path id=\"a\" d=\"" SQUARE "\"/></g></svg>",
                   KL_BODY_GEOMETRY_ERROR_MARKUP, "<svg>");
  check_svg_error ("<svg viewBox=\"0 0 -10 10\"><g id=\"regions\"><path id=\"a\" d=\"" SQUARE
                   "\"/></g></svg>", KL_BODY_GEOMETRY_ERROR_MARKUP, "viewBox “0 0 -10 10”");
  check_svg_error ("<svg viewBox=\"0 0 10\"><g id=\"regions\"><path id=\"a\" d=\"" SQUARE
                   "\"/></g></svg>", KL_BODY_GEOMETRY_ERROR_MARKUP, "viewBox");
  check_svg_error ("<svg viewBox=\"0 0 10 10 10\"><g id=\"regions\"><path id=\"a\" d=\"" SQUARE
                   "\"/></g></svg>", KL_BODY_GEOMETRY_ERROR_MARKUP, "viewBox");
  check_svg_error ("<svg viewBox=\"0 0 1e999 10\"><g id=\"regions\"><path id=\"a\" d=\"" SQUARE
                   "\"/></g></svg>", KL_BODY_GEOMETRY_ERROR_MARKUP, "viewBox");

  /* Region paths without an id, twice the same id, without data, with bad data. */
  check_svg_error ("<svg viewBox=\"0 0 10 10\"><g id=\"regions\"><path d=\"" SQUARE
                   "\"/></g></svg>", KL_BODY_GEOMETRY_ERROR_MARKUP, "path");
  check_svg_error ("<svg viewBox=\"0 0 10 10\"><g id=\"regions\"><path id=\"\" d=\"" SQUARE
                   "\"/></g></svg>", KL_BODY_GEOMETRY_ERROR_MARKUP, "no id");
  check_svg_error ("<svg viewBox=\"0 0 10 10\"><g id=\"regions\"><path id=\"a\" d=\"" SQUARE
                   "\"/><g><path id=\"a\" d=\"" SQUARE "\"/></g></g></svg>",
                   KL_BODY_GEOMETRY_ERROR_DUPLICATE, "Path “a”");
  check_svg_error ("<svg viewBox=\"0 0 10 10\"><g id=\"regions\"><path id=\"a\"/></g></svg>",
                   KL_BODY_GEOMETRY_ERROR_PATH_DATA, "Path “a”");
  check_svg_error ("<svg viewBox=\"0 0 10 10\"><g id=\"regions\"><path id=\"a\" d=\" \"/>"
                   "</g></svg>",
                   KL_BODY_GEOMETRY_ERROR_PATH_DATA, "Path “a”");
  check_svg_error ("<svg viewBox=\"0 0 10 10\"><g id=\"regions\">"
                   "<path id=\"deltoid-anterior-left\" d=\"M0 0 H1 V1 H0 x\"/></g></svg>",
                   KL_BODY_GEOMETRY_ERROR_PATH_DATA,
                   "Path “deltoid-anterior-left”: unknown command “x” "
                   "at offset 14 of its path data");
  check_svg_error ("<svg viewBox=\"0 0 10 10\"><g id=\"regions\">"
                   "<path id=\"a\" d=\"M0 0 H1 V1 ?\"/></g></svg>",
                   KL_BODY_GEOMETRY_ERROR_PATH_DATA, "Path “a”: unexpected “?” at offset 11");

  /* Regions that are not there: no area, far away, transformed, none at all. */
  check_svg_error ("<svg viewBox=\"0 0 10 10\"><g id=\"regions\"><path id=\"a\" d=\"M0 0 L5 5 Z\"/>"
                   "</g></svg>", KL_BODY_GEOMETRY_ERROR_PATH_DATA, "Path “a”");
  check_svg_error ("<svg viewBox=\"0 0 10 10\"><g id=\"regions\"><path id=\"a\" d=\"M0 0 H1 V1 H0 Z"
                   " M1 0 H0 V1 H1 Z\"/></g></svg>", KL_BODY_GEOMETRY_ERROR_PATH_DATA, "Path “a”");
  check_svg_error ("<svg viewBox=\"0 0 10 10\"><g id=\"regions\">"
                   "<path id=\"a\" d=\"M0 0 H1e6 V1 Z\"/>"
                   "</g></svg>", KL_BODY_GEOMETRY_ERROR_PATH_DATA, "Path “a”");
  check_svg_error ("<svg viewBox=\"0 0 10 10\"><g id=\"regions\" transform=\"scale(2)\">"
                   "<path id=\"a\" d=\"" SQUARE "\"/></g></svg>",
                   KL_BODY_GEOMETRY_ERROR_MARKUP, "Path “a”");
  check_svg_error ("<svg viewBox=\"0 0 10 10\"><g id=\"marks\"><path id=\"a\" d=\"" SQUARE
                   "\"/></g></svg>", KL_BODY_GEOMETRY_ERROR_MARKUP, "regions");
}

static void
test_svg_structure (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlBodyGeometry) geometry = NULL;
  cairo_rectangle_t bounds;
  double x, y;

  /* What is not a region path is ignored: the declaration, defs, style, other groups and their
   * paths, attributes of other namespaces. Paths count at any depth inside the regions group. */
  geometry = load_string ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<!-- a comment -->\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" "
                          "viewBox=\" 100,200 40 20 \">\n"
                          "  <defs><style>path { fill: red; }</style>"
                          "<path id=\"defs-path\" d=\"nonsense\"/></defs>\n"
                          "  <g id=\"marks\" transform=\"translate(5 5)\"><text x=\"1\">L</text>"
                          "<path id=\"x\" d=\"\"/></g>\n"
                          "  <g id=\"regions\">\n"
                          "    <path id=\"left\" class=\"muscle\" d=\"M100 200 h20 v20 h-20 z\"/>\n"
                          "    <g><g><path id=\"right\" d=\"M120 200 h20 v20 h-20 z\">"
                          "<title>R</title>"
                          "</path></g></g>\n"
                          "  </g>\n"
                          "  <path id=\"after\" d=\"M0 0\"/>\n"
                          "</svg>\n", &error);
  g_assert_no_error (error);
  g_assert_nonnull (geometry);

  /* Region coordinates start at the viewBox's corner. */
  g_assert_cmpfloat (kl_body_geometry_get_width (geometry), ==, 40);
  g_assert_cmpfloat (kl_body_geometry_get_height (geometry), ==, 20);
  g_assert_cmpuint (kl_body_geometry_get_n_regions (geometry), ==, 2);
  g_assert_cmpstr (kl_body_geometry_get_region_id (geometry, 0), ==, "left");
  g_assert_cmpstr (kl_body_geometry_get_region_id (geometry, 1), ==, "right");
  g_assert_true (kl_body_geometry_has_region (geometry, "right"));
  g_assert_false (kl_body_geometry_has_region (geometry, "x"));
  g_assert_false (kl_body_geometry_has_region (geometry, "after"));

  g_assert_true (kl_body_geometry_get_region_bounds (geometry, "right", &bounds));
  g_assert_cmpfloat_with_epsilon (bounds.x, 20, EPSILON);
  g_assert_cmpfloat_with_epsilon (bounds.y, 0, EPSILON);
  g_assert_cmpfloat_with_epsilon (bounds.width, 20, EPSILON);
  g_assert_cmpfloat_with_epsilon (bounds.height, 20, EPSILON);
  g_assert_false (kl_body_geometry_get_region_bounds (geometry, "x", &bounds));

  g_assert_true (kl_body_geometry_get_region_centre (geometry, "left", &x, &y));
  g_assert_cmpfloat_with_epsilon (x, 10, 0.5);
  g_assert_cmpfloat_with_epsilon (y, 10, 0.5);
  g_assert_false (kl_body_geometry_get_region_centre (geometry, "x", &x, &y));

  g_assert_cmpstr (kl_body_geometry_hit_test (geometry, 5, 5), ==, "left");
  g_assert_cmpstr (kl_body_geometry_hit_test (geometry, 35, 15), ==, "right");
  g_assert_null (kl_body_geometry_hit_test (geometry, 105, 205));
  g_assert_null (kl_body_geometry_hit_test (geometry, NAN, 5));
}

static void
test_svg_holes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlBodyGeometry) geometry = NULL;
  double x, y;

  /* "ring": its inner square runs the other way, so under the nonzero rule it is a hole.
   * "solid": its inner square runs the same way, winding number 2, filled. */
  geometry = load_string ("<svg viewBox=\"0 0 100 50\"><g id=\"regions\">"
                          "<path id=\"ring\" d=\"M0 0 H40 V40 H0 Z M10 10 V30 H30 V10 Z\"/>"
                          "<path id=\"solid\" d=\"M50 0 H90 V40 H50 Z M60 10 H80 V30 H60 Z\"/>"
                          "</g></svg>", &error);
  g_assert_no_error (error);

  g_assert_null (kl_body_geometry_hit_test (geometry, 20, 20));
  g_assert_null (kl_body_geometry_hit_test (geometry, 11, 29));
  g_assert_cmpstr (kl_body_geometry_hit_test (geometry, 5, 5), ==, "ring");
  g_assert_cmpstr (kl_body_geometry_hit_test (geometry, 35, 20), ==, "ring");
  g_assert_cmpstr (kl_body_geometry_hit_test (geometry, 20, 35), ==, "ring");
  g_assert_cmpstr (kl_body_geometry_hit_test (geometry, 70, 20), ==, "solid");
  g_assert_cmpstr (kl_body_geometry_hit_test (geometry, 55, 5), ==, "solid");
  g_assert_null (kl_body_geometry_hit_test (geometry, 45, 20));

  /* The centre of the ring is in its band, not in the hole. */
  g_assert_true (kl_body_geometry_get_region_centre (geometry, "ring", &x, &y));
  g_assert_cmpstr (kl_body_geometry_hit_test (geometry, x, y), ==, "ring");
  g_assert_true (x < 10 || x > 30 || y < 10 || y > 30);
}

static void
test_svg_shared_edges (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlBodyGeometry) geometry = NULL;
  g_autoptr(KlBodyGeometry) reversed = NULL;

  /* "a" and "b" share the edge x = 50, each drawing it the other way; "c" overlaps "a". */
  geometry = load_string ("<svg viewBox=\"0 0 100 100\"><g id=\"regions\">"
                          "<path id=\"a\" d=\"M0 0 H50 V50 H0 Z\"/>"
                          "<path id=\"b\" d=\"M50 0 V50 H100 V0 Z\"/>"
                          "<path id=\"c\" d=\"M25 25 H75 V75 H25 Z\"/>"
                          "</g></svg>", &error);
  g_assert_no_error (error);
  reversed = load_string ("<svg viewBox=\"0 0 100 100\"><g id=\"regions\">"
                          "<path id=\"c\" d=\"M25 25 H75 V75 H25 Z\"/>"
                          "<path id=\"b\" d=\"M50 0 V50 H100 V0 Z\"/>"
                          "<path id=\"a\" d=\"M0 0 H50 V50 H0 Z\"/>"
                          "</g></svg>", &error);
  g_assert_no_error (error);

  /* Every point of the shared edge belongs to exactly one of them, the same every time. */
  for (double y = 0.5; y < 25; y += 0.5)
    {
      const char *id = kl_body_geometry_hit_test (geometry, 50, y);

      g_assert_true (g_strcmp0 (id, "a") == 0 || g_strcmp0 (id, "b") == 0);
      g_assert_cmpstr (kl_body_geometry_hit_test (geometry, 50, y), ==, id);
      g_assert_cmpstr (kl_body_geometry_hit_test (geometry, 49.99, y), ==, "a");
      g_assert_cmpstr (kl_body_geometry_hit_test (geometry, 50.01, y), ==, "b");
    }

  /* Where two regions overlap, the first in the document has the point. */
  g_assert_cmpstr (kl_body_geometry_hit_test (geometry, 30, 30), ==, "a");
  g_assert_cmpstr (kl_body_geometry_hit_test (reversed, 30, 30), ==, "c");
  g_assert_cmpstr (kl_body_geometry_hit_test (geometry, 60, 60), ==, "c");
}

/* The shipped views ---------------------------------------------------------------------------- */

static KlBodyGeometry *
load_view (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("KL_BODY_DIR"), name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  KlBodyGeometry *geometry;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  geometry = kl_body_geometry_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (geometry);
  return geometry;
}

/* Points outside the figure, the same on both views: the silhouette is the same. */
static const struct
{
  double x;
  double y;
  const char *where;
} outside_points[] = {
  { 0, 0, "top left corner" },
  { 400, 0, "top right corner" },
  { 0, 1000, "bottom left corner" },
  { 400, 1000, "bottom right corner" },
  { 200, 5, "above the head" },
  { 200, 990, "below the feet" },
  { 200, 800, "between the legs" },
  { 118, 360, "between the right-hand arm and the waist" },
  { 282, 360, "between the left-hand arm and the waist" },
  { 30, 300, "beside the right-hand arm" },
};

static void
check_view (const char *name,
            guint       n_regions)
{
  g_autoptr(KlBodyGeometry) geometry = load_view (name);
  double width = kl_body_geometry_get_width (geometry);
  double height = kl_body_geometry_get_height (geometry);

  g_assert_cmpfloat (width, ==, 400);
  g_assert_cmpfloat (height, ==, 1000);
  g_assert_cmpuint (kl_body_geometry_get_n_regions (geometry), ==, n_regions);

  for (guint i = 0; i < n_regions; i++)
    {
      const char *id = kl_body_geometry_get_region_id (geometry, i);
      cairo_rectangle_t bounds;
      double x, y;

      g_assert_true (kl_body_geometry_get_region_bounds (geometry, id, &bounds));
      g_assert_true (kl_body_geometry_get_region_centre (geometry, id, &x, &y));
      g_assert_true (bounds.x >= 0 && bounds.y >= 0 &&
                     bounds.x + bounds.width <= width && bounds.y + bounds.height <= height);
      g_assert_true (x > bounds.x && x < bounds.x + bounds.width &&
                     y > bounds.y && y < bounds.y + bounds.height);

      if (g_strcmp0 (kl_body_geometry_hit_test (geometry, x, y), id) != 0)
        g_test_fail_printf ("%s: the centre (%g, %g) of %s hits %s", name, x, y, id,
                            kl_body_geometry_hit_test (geometry, x, y));

      /* Far from the edges: a step of one unit any way stays in the region. */
      for (int dx = -1; dx <= 1; dx++)
        for (int dy = -1; dy <= 1; dy++)
          if (g_strcmp0 (kl_body_geometry_hit_test (geometry, x + dx, y + dy), id) != 0)
            g_test_fail_printf ("%s: the centre (%g, %g) of %s is less than a unit from its edge",
                                name, x, y, id);
    }

  for (guint i = 0; i < G_N_ELEMENTS (outside_points); i++)
    if (kl_body_geometry_hit_test (geometry, outside_points[i].x, outside_points[i].y) != NULL)
      g_test_fail_printf ("%s: (%g, %g), %s, hits %s", name,
                          outside_points[i].x, outside_points[i].y, outside_points[i].where,
                          kl_body_geometry_hit_test (geometry, outside_points[i].x,
                                                     outside_points[i].y));
}

static void
test_view_front (void)
{
  check_view ("front.svg", 42);
}

static void
test_view_back (void)
{
  check_view ("back.svg", 52);
}

/* The chart's mapping of a widget of @widget_w × @widget_h to the figure: fitted, centred. */
static void
get_widget_matrix (KlBodyGeometry *geometry,
                   double          widget_w,
                   double          widget_h,
                   cairo_matrix_t *matrix)
{
  double width = kl_body_geometry_get_width (geometry);
  double height = kl_body_geometry_get_height (geometry);
  double scale = MIN (widget_w / width, widget_h / height);

  cairo_matrix_init_translate (matrix, (widget_w - width * scale) / 2,
                               (widget_h - height * scale) / 2);
  cairo_matrix_scale (matrix, scale, scale);
}

static void
check_widget_sizes (const char *name)
{
  static const double sizes[][2] = { { 300, 750 }, { 1200, 3000 }, { 500, 700 } };
  g_autoptr(KlBodyGeometry) geometry = load_view (name);
  guint n = kl_body_geometry_get_n_regions (geometry);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_matrix_t to_widget, to_figure;

      get_widget_matrix (geometry, sizes[s][0], sizes[s][1], &to_widget);
      to_figure = to_widget;
      g_assert_cmpint (cairo_matrix_invert (&to_figure), ==, CAIRO_STATUS_SUCCESS);

      /* Each region's centre and each outside point, to the widget and back, as a click. */
      for (guint i = 0; i < n + G_N_ELEMENTS (outside_points); i++)
        {
          const char *id = i < n ? kl_body_geometry_get_region_id (geometry, i) : NULL;
          double x, y;

          if (id != NULL)
            kl_body_geometry_get_region_centre (geometry, id, &x, &y);
          else
            {
              x = outside_points[i - n].x;
              y = outside_points[i - n].y;
            }

          cairo_matrix_transform_point (&to_widget, &x, &y);
          cairo_matrix_transform_point (&to_figure, &x, &y);
          if (g_strcmp0 (kl_body_geometry_hit_test (geometry, x, y), id) != 0)
            g_test_fail_printf ("%s at %g×%g: (%g, %g) hits %s, not %s", name,
                                sizes[s][0], sizes[s][1], x, y,
                                kl_body_geometry_hit_test (geometry, x, y), id);
        }
    }
}

static void
test_view_widget_sizes (void)
{
  check_widget_sizes ("front.svg");
  check_widget_sizes ("back.svg");
}

/* What is drawn and what is hit agree: each region filled through the widget matrix, in its own
 * colour, at twice the figure's size and at an odd size, compared with the hit-test at the centre
 * of every pixel. Only pixels within a hair of an edge may disagree. */
static void
check_drawing (KlBodyGeometry *geometry,
               double          widget_w,
               double          widget_h)
{
  int w = (int)widget_w, h = (int)widget_h;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (surface);
  guint n = kl_body_geometry_get_n_regions (geometry);
  cairo_matrix_t to_widget, to_figure;
  guint n_pixels = 0, n_inside = 0, n_differ = 0;
  const guint8 *pixels;
  int stride;

  get_widget_matrix (geometry, widget_w, widget_h, &to_widget);
  to_figure = to_widget;
  cairo_matrix_invert (&to_figure);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_matrix (cr, &to_widget);

  /* Last first, so that where regions meet the first in document order is on top, as in the
   * hit-test. Colour i + 1 in the red and green channels. */
  for (guint i = n; i > 0; i--)
    {
      cairo_new_path (cr);
      g_assert_true (kl_body_geometry_append_region_path (geometry,
                                                          kl_body_geometry_get_region_id (geometry,
                                                                                          i - 1),
                                                          cr));
      cairo_set_source_rgb (cr, i / 255.0, i / 255.0, 0);
      cairo_fill (cr);
    }
  cairo_surface_flush (surface);

  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  for (int py = 0; py < h; py++)
    for (int px = 0; px < w; px++)
      {
        guint32 pixel = *(const guint32 *)(gconstpointer)(pixels + py * stride + px * 4);
        guint drawn = (pixel >> 16) & 0xff;
        double x = px + 0.5, y = py + 0.5;
        const char *id;
        guint hit = 0;

        cairo_matrix_transform_point (&to_figure, &x, &y);
        id = kl_body_geometry_hit_test (geometry, x, y);
        for (guint i = 0; id != NULL && i < n; i++)
          if (g_str_equal (id, kl_body_geometry_get_region_id (geometry, i)))
            hit = i + 1;

        n_pixels++;
        n_inside += drawn != 0;
        n_differ += drawn != hit;
      }

  g_test_message ("%d×%d: %u of %u pixels drawn, %u differ from the hit-test",
                  w, h, n_inside, n_pixels, n_differ);
  /* The figure covers about a fifth of its box; the flattening tolerances leave a few pixels
   * along the edges on the other side. */
  g_assert_cmpuint (n_inside, >, n_pixels / 10);
  g_assert_cmpuint (n_differ, <, n_inside / 200);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_view_drawing (void)
{
  g_autoptr(KlBodyGeometry) front = load_view ("front.svg");
  g_autoptr(KlBodyGeometry) back = load_view ("back.svg");

  check_drawing (front, 800, 2000);
  check_drawing (back, 800, 2000);
  check_drawing (back, 333, 777);
}

static void
test_view_resources (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlBodyGeometry) front_file = load_view ("front.svg");
  KlBodyGeometry *front, *back;
  cairo_t *cr;

  front = kl_body_geometry_get_for_view (KL_BODY_VIEW_FRONT, &error);
  g_assert_no_error (error);
  back = kl_body_geometry_get_for_view (KL_BODY_VIEW_BACK, &error);
  g_assert_no_error (error);

  g_assert_true (kl_body_geometry_get_for_view (KL_BODY_VIEW_FRONT, NULL) == front);
  g_assert_cmpuint (kl_body_geometry_get_n_regions (front), ==, 42);
  g_assert_cmpuint (kl_body_geometry_get_n_regions (back), ==, 52);

  /* The compiled-in copy is the file in the source tree. */
  for (guint i = 0; i < kl_body_geometry_get_n_regions (front); i++)
    {
      const char *id = kl_body_geometry_get_region_id (front, i);
      double x1, y1, x2, y2;

      g_assert_cmpstr (id, ==, kl_body_geometry_get_region_id (front_file, i));
      kl_body_geometry_get_region_centre (front, id, &x1, &y1);
      kl_body_geometry_get_region_centre (front_file, id, &x2, &y2);
      g_assert_cmpfloat (x1, ==, x2);
      g_assert_cmpfloat (y1, ==, y2);
    }

  /* An unknown region adds nothing. */
  cr = create_context ();
  g_assert_false (kl_body_geometry_append_region_path (front, "no-such-region", cr));
  g_assert_false (cairo_has_current_point (cr));
  g_assert_true (kl_body_geometry_append_region_path (front, "abdomen", cr));
  g_assert_true (cairo_has_current_point (cr));
  cairo_destroy (cr);
}

static void
test_view_timing (void)
{
  g_autoptr(KlBodyGeometry) geometry = load_view ("back.svg");
  GRand *rand = g_rand_new_with_seed (42);
  guint n = 200000, n_hits = 0;
  g_autofree double *points = g_new (double, 2 * n);
  gint64 start;
  double us_box, us_body;

  /* Anywhere in the viewBox, as a pointer moves… */
  for (guint i = 0; i < n; i++)
    {
      points[2 * i] = g_rand_double_range (rand, 0, 400);
      points[2 * i + 1] = g_rand_double_range (rand, 0, 1000);
    }
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    n_hits += kl_body_geometry_hit_test (geometry, points[2 * i], points[2 * i + 1]) != NULL;
  us_box = (double)(g_get_monotonic_time () - start) / n;

  /* …and on the figure only, where more outlines must be walked. */
  for (guint i = 0; i < n; i++)
    kl_body_geometry_get_region_centre (geometry,
                                        kl_body_geometry_get_region_id (geometry, i % 52),
                                        &points[2 * i], &points[2 * i + 1]);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    n_hits += kl_body_geometry_hit_test (geometry, points[2 * i], points[2 * i + 1]) != NULL;
  us_body = (double)(g_get_monotonic_time () - start) / n;

  g_test_message ("hit-test over the back view's 52 regions: %.3f µs at random points of the "
                  "viewBox, %.3f µs at region centres (budget 50 µs)", us_box, us_body);
  g_assert_cmpuint (n_hits, >, n);
  g_rand_free (rand);
}

static void
test_view_load_timing (void)
{
  gint64 start = g_get_monotonic_time ();

  for (int i = 0; i < 10; i++)
    {
      g_object_unref (load_view ("front.svg"));
      g_object_unref (load_view ("back.svg"));
    }

  g_test_message ("loading both views: %.2f ms",
                  (g_get_monotonic_time () - start) / 10 / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/body-geometry/path/lines", test_path_lines);
  g_test_add_func ("/body-geometry/path/repetition", test_path_repetition);
  g_test_add_func ("/body-geometry/path/numbers", test_path_numbers);
  g_test_add_func ("/body-geometry/path/curves", test_path_curves);
  g_test_add_func ("/body-geometry/path/arcs", test_path_arcs);
  g_test_add_func ("/body-geometry/path/close", test_path_close);
  g_test_add_func ("/body-geometry/path/user-space", test_path_user_space);
  g_test_add_func ("/body-geometry/path/errors", test_path_errors);
  g_test_add_func ("/body-geometry/path/random", test_path_random);
  g_test_add_func ("/body-geometry/svg/errors", test_svg_errors);
  g_test_add_func ("/body-geometry/svg/structure", test_svg_structure);
  g_test_add_func ("/body-geometry/svg/holes", test_svg_holes);
  g_test_add_func ("/body-geometry/svg/shared-edges", test_svg_shared_edges);
  g_test_add_func ("/body-geometry/view/front", test_view_front);
  g_test_add_func ("/body-geometry/view/back", test_view_back);
  g_test_add_func ("/body-geometry/view/widget-sizes", test_view_widget_sizes);
  g_test_add_func ("/body-geometry/view/drawing", test_view_drawing);
  g_test_add_func ("/body-geometry/view/resources", test_view_resources);
  g_test_add_func ("/body-geometry/view/timing", test_view_timing);
  g_test_add_func ("/body-geometry/view/load-timing", test_view_load_timing);

  return g_test_run ();
}
