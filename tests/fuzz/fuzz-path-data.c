/* fuzz-path-data.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A libFuzzer target for the body chart's path-data parser, on its own and inside an SVG, and for
 * the SVG loader with the input as the whole document. See README.md. */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "kl-body-geometry.h"

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const guint8  *data,
                            size_t         size);

static cairo_t *cr;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);

  /* Every block through malloc, where AddressSanitizer sees it. */
  g_setenv ("G_SLICE", "always-malloc", TRUE);

  cr = cairo_create (surface);
  cairo_surface_destroy (surface);
  return 0;
}

/* The input as a "d" attribute: the markup characters escaped, so that the parser gets to see
 * the bytes rather than GMarkup stopping at the first "<" or quote. */
static GBytes *
wrap_in_svg (const char *d)
{
  GString *svg = g_string_new ("<svg viewBox=\"0 0 10 10\"><g id=\"regions\"><path id=\"a\" d=\"");

  for (const char *p = d; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (svg, "&amp;");
          break;
        case '<':
          g_string_append (svg, "&lt;");
          break;
        case '"':
          g_string_append (svg, "&quot;");
          break;
        default:
          g_string_append_c (svg, *p);
          break;
        }
    }

  g_string_append (svg, "\"/></g></svg>");
  return g_string_free_to_bytes (svg);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *d = g_strndup (size > 0 ? (const char *)data : "", size);
  g_autoptr(GBytes) svg = wrap_in_svg (d);
  g_autoptr(GBytes) raw = g_bytes_new (data, size);
  g_autoptr(KlBodyGeometry) geometry = NULL;
  g_autoptr(KlBodyGeometry) document = NULL;
  g_autoptr(GError) error = NULL;

  cairo_new_path (cr);
  if (!kl_body_geometry_parse_path_data (d, cr, &error))
    {
      g_assert (error != NULL && error->domain == KL_BODY_GEOMETRY_ERROR);
      g_clear_error (&error);
    }

  /* What loads must answer the queries without surprises. (A sliver thinner than the centre
   * search's grid may have its centre just outside it: the shipped regions' centres are checked
   * by the unit tests instead.) */
  if ((geometry = kl_body_geometry_new_from_bytes (svg, &error)))
    {
      double x, y;

      g_assert (kl_body_geometry_get_n_regions (geometry) == 1);
      g_assert (kl_body_geometry_get_region_centre (geometry, "a", &x, &y));
      kl_body_geometry_hit_test (geometry, x, y);
      kl_body_geometry_hit_test (geometry, 5, 5);
    }
  else
    {
      g_assert (error != NULL && error->domain == KL_BODY_GEOMETRY_ERROR);
      g_clear_error (&error);
    }

  if (!(document = kl_body_geometry_new_from_bytes (raw, &error)))
    g_assert (error != NULL && error->domain == KL_BODY_GEOMETRY_ERROR);

  return 0;
}
