/* kl-body-geometry.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "kl-body-regions.h"

G_BEGIN_DECLS

#define KL_BODY_GEOMETRY_ERROR (kl_body_geometry_error_quark ())

typedef enum
{
  KL_BODY_GEOMETRY_ERROR_MARKUP,     /* not well-formed XML, or not an <svg> with a viewBox */
  KL_BODY_GEOMETRY_ERROR_PATH_DATA,  /* a "d" attribute that does not parse */
  KL_BODY_GEOMETRY_ERROR_DUPLICATE,  /* two regions with one id */
} KlBodyGeometryError;

#define KL_TYPE_BODY_GEOMETRY (kl_body_geometry_get_type ())

G_DECLARE_FINAL_TYPE (KlBodyGeometry, kl_body_geometry, KL, BODY_GEOMETRY, GObject)

GQuark          kl_body_geometry_error_quark         (void);

/* Parses one body view: every <path id="…" d="…"/> inside <g id="regions">. */
KlBodyGeometry *kl_body_geometry_new_from_bytes      (GBytes          *svg,
                                                      GError         **error);

/* The shipped views (data/body, compiled into the program), parsed once and shared. Not
 * thread-safe on first use: call it from the main thread (or the CLI) first. */
KlBodyGeometry *kl_body_geometry_get_for_view        (KlBodyView       view,
                                                      GError         **error);

/* The SVG viewBox: region coordinates run from (0, 0) to (width, height). */
double          kl_body_geometry_get_width           (KlBodyGeometry  *self);
double          kl_body_geometry_get_height          (KlBodyGeometry  *self);

guint           kl_body_geometry_get_n_regions       (KlBodyGeometry  *self);
const char     *kl_body_geometry_get_region_id       (KlBodyGeometry  *self,
                                                      guint            index);
gboolean        kl_body_geometry_has_region          (KlBodyGeometry  *self,
                                                      const char      *id);

/* Appends the region's outline to the current path of @cr, in viewBox units. */
gboolean        kl_body_geometry_append_region_path  (KlBodyGeometry  *self,
                                                      const char      *id,
                                                      cairo_t         *cr);

/* The region drawn at (x, y) in viewBox units, by its shape, or NULL outside the body. */
const char     *kl_body_geometry_hit_test            (KlBodyGeometry  *self,
                                                      double           x,
                                                      double           y);

gboolean        kl_body_geometry_get_region_bounds   (KlBodyGeometry  *self,
                                                      const char      *id,
                                                      cairo_rectangle_t *out_bounds);
/* A point well inside the region (not merely the centre of its bounds, which can fall outside
 * a curved shape), where a knot added from the keyboard goes. */
gboolean        kl_body_geometry_get_region_centre   (KlBodyGeometry  *self,
                                                      const char      *id,
                                                      double          *out_x,
                                                      double          *out_y);

/* The path-data parser on its own, for tests and the fuzzer: appends "d" to @cr. Errors name
 * the byte offset in @d. */
gboolean        kl_body_geometry_parse_path_data     (const char      *d,
                                                      cairo_t         *cr,
                                                      GError         **error);

G_END_DECLS
