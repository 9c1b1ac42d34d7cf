/* kl-body-regions.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  KL_BODY_VIEW_FRONT,
  KL_BODY_VIEW_BACK,
} KlBodyView;

/* Always the person's own side. */
typedef enum
{
  KL_BODY_SIDE_NONE,
  KL_BODY_SIDE_LEFT,
  KL_BODY_SIDE_RIGHT,
} KlBodySide;

typedef enum
{
  KL_BODY_REGION_MUSCLE,
  KL_BODY_REGION_AREA,
} KlBodyRegionKind;

typedef struct _KlBodyRegion KlBodyRegion;

/* One region of the body chart: one <path> of data/body/front.svg or back.svg, whose id is @id.
 * The catalogue is static data; pointers stay valid for the life of the process. */
struct _KlBodyRegion
{
  const char        *id;          /* "upper-trapezius-left": unique across both views */
  const char        *base;        /* "upper-trapezius": @id without the side suffix */
  const char        *name;        /* N_("Upper trapezius"): without the side; translate with _() */
  KlBodyRegionKind   kind;
  KlBodyView         view;
  KlBodySide         side;
  const char        *group;       /* everyday group: see kl_body_group_get_name() */
  const char        *referral;    /* N_() where pressing it commonly sends pain; NULL for areas */
  const char *const *refers_to;   /* NULL-terminated ids of the regions of @referral, same view
                                   * or not, on the same side where paired; NULL for none */
};

guint               kl_body_regions_get_n          (void);
const KlBodyRegion *kl_body_regions_get            (guint               index);
const KlBodyRegion *kl_body_regions_lookup         (const char         *id);
const KlBodyRegion *kl_body_regions_lookup_sided   (const char         *base,
                                                    KlBodySide          side);
const char * const *kl_body_groups                 (void);
const char         *kl_body_group_get_name         (const char         *group);
const char         *kl_body_view_to_string         (KlBodyView          view);
const char         *kl_body_side_to_string         (KlBodySide          side);
gboolean            kl_body_side_from_string       (const char         *string,
                                                    KlBodySide         *out_side);
char               *kl_body_region_dup_label       (const KlBodyRegion *region);

G_END_DECLS
