/* kl-body-regions.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-body-regions"

#include "config.h"

#include <glib/gi18n.h>

#include "kl-body-regions.h"

/* Everyday groups, in the order they are shown: head to toe, each arm finished before the trunk
 * goes on. The first eight names are the words people search for (see CONTENT.md). */
static const char * const group_keys[] = {
  "head",
  "neck",
  "shoulders",
  "upper-back",
  "chest",
  "arms",
  "hands",
  "abdomen",
  "lower-back",
  "hips",
  "thighs",
  "knees",
  "shins",
  "calves",
  "feet",
  NULL
};

static const char * const group_names[] = {
  N_("Head"),
  N_("Neck"),
  N_("Shoulders"),
  N_("Upper back"),
  N_("Chest"),
  N_("Arms"),
  N_("Hands"),
  N_("Abdomen"),
  N_("Lower back"),
  N_("Hips"),
  N_("Thighs"),
  N_("Knees"),
  N_("Shins"),
  N_("Calves"),
  N_("Feet"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (group_keys) == G_N_ELEMENTS (group_names) + 1);

/* Where pressing each muscle sends pain, as regions, one list per side. Paired targets are on the
 * muscle's own side; a muscle lists itself when the pain is also felt where it lies. The lists
 * are spelled out rather than generated so that an id can be found with grep. */
static const char * const sternocleidomastoid_right[] = {
  "head-forehead", "head-face-right", "head-top", "head-back", NULL };
static const char * const sternocleidomastoid_left[] = {
  "head-forehead", "head-face-left", "head-top", "head-back", NULL };
static const char * const scalenes_right[] = {
  "pectoralis-major-right", "upper-arm-front-right", "upper-arm-back-right", "rhomboids-right",
  NULL };
static const char * const scalenes_left[] = {
  "pectoralis-major-left", "upper-arm-front-left", "upper-arm-back-left", "rhomboids-left",
  NULL };
static const char * const deltoid_anterior_right[] = { "deltoid-anterior-right", NULL };
static const char * const deltoid_anterior_left[] = { "deltoid-anterior-left", NULL };
static const char * const pectoralis_major_right[] = {
  "pectoralis-major-right", "deltoid-anterior-right", "upper-arm-front-right", NULL };
static const char * const pectoralis_major_left[] = {
  "pectoralis-major-left", "deltoid-anterior-left", "upper-arm-front-left", NULL };
static const char * const forearm_flexors_right[] = {
  "elbow-front-right", "hand-front-right", "hand-back-right", NULL };
static const char * const forearm_flexors_left[] = {
  "elbow-front-left", "hand-front-left", "hand-back-left", NULL };
static const char * const rectus_femoris_right[] = { "knee-front-right", NULL };
static const char * const rectus_femoris_left[] = { "knee-front-left", NULL };
/* The inner side of the knee is where this muscle ends, beside the kneecap. */
static const char * const vastus_medialis_right[] = {
  "knee-front-right", "vastus-medialis-right", NULL };
static const char * const vastus_medialis_left[] = {
  "knee-front-left", "vastus-medialis-left", NULL };
/* The big toe is on the top of the foot. */
static const char * const tibialis_anterior_right[] = {
  "tibialis-anterior-right", "ankle-front-right", "foot-top-right", NULL };
static const char * const tibialis_anterior_left[] = {
  "tibialis-anterior-left", "ankle-front-left", "foot-top-left", NULL };

static const char * const suboccipitals_right[] = {
  "head-back", "head-temple-right", "head-face-right", NULL };
static const char * const suboccipitals_left[] = {
  "head-back", "head-temple-left", "head-face-left", NULL };
static const char * const splenius_capitis_right[] = { "head-top", NULL };
static const char * const splenius_capitis_left[] = { "head-top", NULL };
static const char * const levator_scapulae_right[] = {
  "levator-scapulae-right", "rhomboids-right", NULL };
static const char * const levator_scapulae_left[] = {
  "levator-scapulae-left", "rhomboids-left", NULL };
/* Behind the ear is the back of the head; the side of the neck is drawn on the front view. */
static const char * const upper_trapezius_right[] = {
  "splenius-capitis-right", "scalenes-right", "head-back", "head-temple-right", NULL };
static const char * const upper_trapezius_left[] = {
  "splenius-capitis-left", "scalenes-left", "head-back", "head-temple-left", NULL };
/* The middle of the deltoid is its outer side, where the front and back views meet. */
static const char * const supraspinatus_right[] = {
  "deltoid-anterior-right", "deltoid-posterior-right", "elbow-back-right", NULL };
static const char * const supraspinatus_left[] = {
  "deltoid-anterior-left", "deltoid-posterior-left", "elbow-back-left", NULL };
static const char * const deltoid_posterior_right[] = { "deltoid-posterior-right", NULL };
static const char * const deltoid_posterior_left[] = { "deltoid-posterior-left", NULL };
static const char * const infraspinatus_right[] = {
  "deltoid-anterior-right", "upper-arm-front-right", NULL };
static const char * const infraspinatus_left[] = {
  "deltoid-anterior-left", "upper-arm-front-left", NULL };
static const char * const rhomboids_right[] = {
  "rhomboids-right", "mid-lower-trapezius-right", NULL };
static const char * const rhomboids_left[] = {
  "rhomboids-left", "mid-lower-trapezius-left", NULL };
/* The base of the skull is where the suboccipitals lie; the top of the shoulder is the outer end
 * of the upper trapezius; the inner edge of the shoulder blade is the rhomboids. */
static const char * const mid_lower_trapezius_right[] = {
  "suboccipitals-right", "upper-trapezius-right", "rhomboids-right", NULL };
static const char * const mid_lower_trapezius_left[] = {
  "suboccipitals-left", "upper-trapezius-left", "rhomboids-left", NULL };
static const char * const erector_spinae_thoracic_right[] = {
  "spine", "erector-spinae-thoracic-right", "erector-spinae-lumbar-right", NULL };
static const char * const erector_spinae_thoracic_left[] = {
  "spine", "erector-spinae-thoracic-left", "erector-spinae-lumbar-left", NULL };
static const char * const forearm_extensors_right[] = {
  "elbow-back-right", "hand-back-right", NULL };
static const char * const forearm_extensors_left[] = {
  "elbow-back-left", "hand-back-left", NULL };
/* The top of the hip bone and the outer hip are the gluteus medius; the sacroiliac joint is at
 * the edge of the sacrum. */
static const char * const quadratus_lumborum_right[] = {
  "gluteus-medius-right", "sacrum", "gluteus-maximus-right", NULL };
static const char * const quadratus_lumborum_left[] = {
  "gluteus-medius-left", "sacrum", "gluteus-maximus-left", NULL };
static const char * const erector_spinae_lumbar_right[] = {
  "spine", "erector-spinae-lumbar-right", "gluteus-maximus-right", NULL };
static const char * const erector_spinae_lumbar_left[] = {
  "spine", "erector-spinae-lumbar-left", "gluteus-maximus-left", NULL };
static const char * const gluteus_medius_right[] = {
  "erector-spinae-lumbar-right", "sacrum", "gluteus-medius-right", NULL };
static const char * const gluteus_medius_left[] = {
  "erector-spinae-lumbar-left", "sacrum", "gluteus-medius-left", NULL };
static const char * const piriformis_right[] = {
  "piriformis-right", "gluteus-maximus-right", "hamstrings-right", NULL };
static const char * const piriformis_left[] = {
  "piriformis-left", "gluteus-maximus-left", "hamstrings-left", NULL };
/* The tailbone sits at the foot of the sacrum. */
static const char * const gluteus_maximus_right[] = { "gluteus-maximus-right", "sacrum", NULL };
static const char * const gluteus_maximus_left[] = { "gluteus-maximus-left", "sacrum", NULL };
static const char * const hamstrings_right[] = { "hamstrings-right", "knee-back-right", NULL };
static const char * const hamstrings_left[] = { "hamstrings-left", "knee-back-left", NULL };
/* The arch of the foot has no region of its own: the heel is the nearest one under the foot. */
static const char * const gastrocnemius_right[] = {
  "gastrocnemius-right", "knee-back-right", "heel-right", NULL };
static const char * const gastrocnemius_left[] = {
  "gastrocnemius-left", "knee-back-left", "heel-left", NULL };
static const char * const soleus_right[] = { "heel-right", NULL };
static const char * const soleus_left[] = { "heel-left", NULL };

#define AREA(id, name, view, group) \
  { id, id, name, KL_BODY_REGION_AREA, KL_BODY_VIEW_##view, KL_BODY_SIDE_NONE, group, NULL, NULL }

#define AREA_PAIR(base, name, view, group) \
  { base "-right", base, name, KL_BODY_REGION_AREA, KL_BODY_VIEW_##view, KL_BODY_SIDE_RIGHT, \
    group, NULL, NULL }, \
  { base "-left", base, name, KL_BODY_REGION_AREA, KL_BODY_VIEW_##view, KL_BODY_SIDE_LEFT, \
    group, NULL, NULL }

/* @refs names the pair of lists above: refs_right and refs_left. */
#define MUSCLE_PAIR(base, refs, name, view, group, referral) \
  { base "-right", base, name, KL_BODY_REGION_MUSCLE, KL_BODY_VIEW_##view, KL_BODY_SIDE_RIGHT, \
    group, referral, refs##_right }, \
  { base "-left", base, name, KL_BODY_REGION_MUSCLE, KL_BODY_VIEW_##view, KL_BODY_SIDE_LEFT, \
    group, referral, refs##_left }

/* Every <path> of data/body/front.svg and back.svg: by view, then head to toe (each arm before
 * the trunk goes on), the person's right before their left. The test checks it against the SVGs. */
static const KlBodyRegion regions[] = {
  /* Front */
  AREA ("head-forehead", N_("Forehead"), FRONT, "head"),
  AREA_PAIR ("head-temple", N_("Temple"), FRONT, "head"),
  AREA_PAIR ("head-face", N_("Face"), FRONT, "head"),
  AREA ("neck-front", N_("Front of the neck"), FRONT, "neck"),
  MUSCLE_PAIR ("sternocleidomastoid", sternocleidomastoid,
               N_("Sternocleidomastoid"), FRONT, "neck",
               N_("Up into the head rather than the neck: the forehead, over the eye, the cheek "
                  "and ear, and the top and back of the head.")),
  MUSCLE_PAIR ("scalenes", scalenes,
               N_("Scalenes"), FRONT, "neck",
               N_("Down into the chest, along the outside of the arm, and back to the inner edge "
                  "of the shoulder blade.")),
  MUSCLE_PAIR ("deltoid-anterior", deltoid_anterior,
               N_("Anterior deltoid"), FRONT, "shoulders",
               N_("Mostly where it lies: an ache over the front of the shoulder itself.")),
  MUSCLE_PAIR ("pectoralis-major", pectoralis_major,
               N_("Pectoralis major"), FRONT, "chest",
               N_("Across the front of the chest and shoulder and down the inner side of the "
                  "arm.")),
  AREA ("chest-centre", N_("Breastbone"), FRONT, "chest"),
  AREA_PAIR ("upper-arm-front", N_("Front of the upper arm"), FRONT, "arms"),
  AREA_PAIR ("elbow-front", N_("Front of the elbow"), FRONT, "arms"),
  MUSCLE_PAIR ("forearm-flexors", forearm_flexors,
               N_("Forearm flexors"), FRONT, "arms",
               N_("To the elbow, the wrist and into the hand; with the forearm extensors, a usual "
                  "source of “mouse arm”.")),
  AREA_PAIR ("hand-front", N_("Palm"), FRONT, "hands"),
  AREA ("abdomen", N_("Abdomen"), FRONT, "abdomen"),
  AREA_PAIR ("hip-front", N_("Front of the hip"), FRONT, "hips"),
  AREA_PAIR ("thigh-outer", N_("Outer thigh"), FRONT, "thighs"),
  MUSCLE_PAIR ("rectus-femoris", rectus_femoris,
               N_("Rectus femoris"), FRONT, "thighs",
               N_("Down to the kneecap, as an ache in and around the front of the knee.")),
  MUSCLE_PAIR ("vastus-medialis", vastus_medialis,
               N_("Vastus medialis"), FRONT, "thighs",
               N_("To the kneecap and the inner side of the knee.")),
  AREA_PAIR ("knee-front", N_("Front of the knee"), FRONT, "knees"),
  AREA_PAIR ("shin-inner", N_("Inner shin"), FRONT, "shins"),
  MUSCLE_PAIR ("tibialis-anterior", tibialis_anterior,
               N_("Tibialis anterior"), FRONT, "shins",
               N_("Down the front of the shin to the front of the ankle and on to the big toe.")),
  /* No ankle group: people look for the ankle with the foot. */
  AREA_PAIR ("ankle-front", N_("Front of the ankle"), FRONT, "feet"),
  AREA_PAIR ("foot-top", N_("Top of the foot"), FRONT, "feet"),

  /* Back */
  AREA ("head-top", N_("Top of the head"), BACK, "head"),
  AREA ("head-back", N_("Back of the head"), BACK, "head"),
  MUSCLE_PAIR ("suboccipitals", suboccipitals,
               N_("Suboccipitals"), BACK, "neck",
               N_("A band around the head from the back of the skull to behind the eye.")),
  MUSCLE_PAIR ("splenius-capitis", splenius_capitis,
               N_("Splenius capitis"), BACK, "neck",
               N_("Up to the crown, the top of the head.")),
  MUSCLE_PAIR ("levator-scapulae", levator_scapulae,
               N_("Levator scapulae"), BACK, "neck",
               N_("Into the angle where the neck meets the shoulder and down the inner edge of "
                  "the shoulder blade — a usual cause of a stiff neck.")),
  /* Felt as "tight shoulders" by most people, though it also pulls on the neck. */
  MUSCLE_PAIR ("upper-trapezius", upper_trapezius,
               N_("Upper trapezius"), BACK, "shoulders",
               N_("Up the back and side of the neck to behind the ear and the temple — a common "
                  "source of tension headaches.")),
  MUSCLE_PAIR ("supraspinatus", supraspinatus,
               N_("Supraspinatus"), BACK, "shoulders",
               N_("Into the middle of the shoulder, over the deltoid, and at times down to the "
                  "outer elbow.")),
  MUSCLE_PAIR ("deltoid-posterior", deltoid_posterior,
               N_("Posterior deltoid"), BACK, "shoulders",
               N_("Mostly where it lies: an ache over the back of the shoulder itself.")),
  /* On the shoulder blade, but part of the rotator cuff, and its pain is felt in the shoulder. */
  MUSCLE_PAIR ("infraspinatus", infraspinatus,
               N_("Infraspinatus"), BACK, "shoulders",
               N_("Deep into the front of the shoulder and on down the arm.")),
  MUSCLE_PAIR ("rhomboids", rhomboids,
               N_("Rhomboids"), BACK, "upper-back",
               N_("Stays between the shoulder blades, along the inner edge of the blade.")),
  MUSCLE_PAIR ("mid-lower-trapezius", mid_lower_trapezius,
               N_("Middle and lower trapezius"), BACK, "upper-back",
               N_("Up to the base of the skull, over the top of the shoulder and along the inner "
                  "edge of the shoulder blade.")),
  /* The spine runs down both halves of the back; most of its length is the upper back. */
  AREA ("spine", N_("Spine"), BACK, "upper-back"),
  MUSCLE_PAIR ("erector-spinae-thoracic", erector_spinae_thoracic,
               N_("Thoracic erector spinae"), BACK, "upper-back",
               N_("Along the spine and down into the low back.")),
  AREA_PAIR ("upper-arm-back", N_("Back of the upper arm"), BACK, "arms"),
  AREA_PAIR ("elbow-back", N_("Back of the elbow"), BACK, "arms"),
  MUSCLE_PAIR ("forearm-extensors", forearm_extensors,
               N_("Forearm extensors"), BACK, "arms",
               N_("To the outer elbow, the wrist and the back of the hand; with the forearm "
                  "flexors, a usual source of “mouse arm”.")),
  AREA_PAIR ("hand-back", N_("Back of the hand"), BACK, "hands"),
  MUSCLE_PAIR ("quadratus-lumborum", quadratus_lumborum,
               N_("Quadratus lumborum"), BACK, "lower-back",
               N_("Over the top of the hip bone, into the joint beside the base of the spine, "
                  "around the outer hip and into the buttock.")),
  MUSCLE_PAIR ("erector-spinae-lumbar", erector_spinae_lumbar,
               N_("Lumbar erector spinae"), BACK, "lower-back",
               N_("Along the spine in the low back and down into the buttock.")),
  AREA ("sacrum", N_("Base of the spine"), BACK, "lower-back"),
  MUSCLE_PAIR ("gluteus-medius", gluteus_medius,
               N_("Gluteus medius"), BACK, "hips",
               N_("Into the low back, across the base of the spine and out to the side of the "
                  "hip.")),
  MUSCLE_PAIR ("piriformis", piriformis,
               N_("Piriformis"), BACK, "hips",
               N_("Deep in the buttock and down the back of the thigh.")),
  MUSCLE_PAIR ("gluteus-maximus", gluteus_maximus,
               N_("Gluteus maximus"), BACK, "hips",
               N_("Through the buttock and in towards the tailbone.")),
  MUSCLE_PAIR ("hamstrings", hamstrings,
               N_("Hamstrings"), BACK, "thighs",
               N_("Along the back of the thigh and into the back of the knee.")),
  AREA_PAIR ("knee-back", N_("Back of the knee"), BACK, "knees"),
  MUSCLE_PAIR ("gastrocnemius", gastrocnemius,
               N_("Gastrocnemius"), BACK, "calves",
               N_("Through the calf, up into the back of the knee and down to the arch of the "
                  "foot.")),
  MUSCLE_PAIR ("soleus", soleus,
               N_("Soleus"), BACK, "calves",
               N_("Down into the heel, at the back and underneath.")),
  AREA_PAIR ("heel", N_("Heel"), BACK, "feet"),
};

#undef AREA
#undef AREA_PAIR
#undef MUSCLE_PAIR

/* Built once, on first use, and kept for the life of the process like the table itself. */
static GHashTable *by_id;
/* base → its row of by_side: the region for each KlBodySide, or NULL */
static GHashTable *by_base;
static const KlBodyRegion *by_side[G_N_ELEMENTS (regions)][KL_BODY_SIDE_RIGHT + 1];

static void
ensure_index (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      guint n_bases = 0;

      by_id = g_hash_table_new (g_str_hash, g_str_equal);
      by_base = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
        {
          const KlBodyRegion *region = &regions[i];
          const KlBodyRegion **row = g_hash_table_lookup (by_base, region->base);

          g_hash_table_insert (by_id, (gpointer) region->id, (gpointer) region);

          if (row == NULL)
            {
              row = by_side[n_bases++];
              g_hash_table_insert (by_base, (gpointer) region->base, row);
            }
          row[region->side] = region;
        }

      g_once_init_leave (&initialized, 1);
    }
}

guint
kl_body_regions_get_n (void)
{
  return G_N_ELEMENTS (regions);
}

/* Returns NULL past the end, without a warning, so that callers may loop until NULL. */
const KlBodyRegion *
kl_body_regions_get (guint index)
{
  if (index >= G_N_ELEMENTS (regions))
    return NULL;

  return &regions[index];
}

const KlBodyRegion *
kl_body_regions_lookup (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  ensure_index ();

  return g_hash_table_lookup (by_id, id);
}

const KlBodyRegion *
kl_body_regions_lookup_sided (const char *base,
                              KlBodySide  side)
{
  const KlBodyRegion **row;

  g_return_val_if_fail (base != NULL, NULL);
  g_return_val_if_fail ((guint) side <= KL_BODY_SIDE_RIGHT, NULL);

  ensure_index ();

  if ((row = g_hash_table_lookup (by_base, base)) == NULL)
    return NULL;

  return row[side];
}

const char * const *
kl_body_groups (void)
{
  return group_keys;
}

const char *
kl_body_group_get_name (const char *group)
{
  g_return_val_if_fail (group != NULL, NULL);

  for (guint i = 0; group_keys[i] != NULL; i++)
    {
      if (g_str_equal (group, group_keys[i]))
        return _(group_names[i]);
    }

  return NULL;
}

const char *
kl_body_view_to_string (KlBodyView view)
{
  switch (view)
    {
    case KL_BODY_VIEW_FRONT:
      return "front";
    case KL_BODY_VIEW_BACK:
      return "back";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
kl_body_side_to_string (KlBodySide side)
{
  switch (side)
    {
    case KL_BODY_SIDE_NONE:
      /* Empty rather than "none": a region without a side leaves the CSV field empty. */
      return "";
    case KL_BODY_SIDE_LEFT:
      return "left";
    case KL_BODY_SIDE_RIGHT:
      return "right";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Only the two real sides: "" or "none" are not a side someone can ask for. @out_side may be
 * NULL to check the string only. */
gboolean
kl_body_side_from_string (const char *string,
                          KlBodySide *out_side)
{
  KlBodySide side;

  g_return_val_if_fail (string != NULL, FALSE);

  if (g_str_equal (string, "left"))
    side = KL_BODY_SIDE_LEFT;
  else if (g_str_equal (string, "right"))
    side = KL_BODY_SIDE_RIGHT;
  else
    return FALSE;

  if (out_side != NULL)
    *out_side = side;

  return TRUE;
}

char *
kl_body_region_dup_label (const KlBodyRegion *region)
{
  g_return_val_if_fail (region != NULL, NULL);

  switch (region->side)
    {
    case KL_BODY_SIDE_LEFT:
      /* Translators: a body region and the person's own side: "Upper trapezius, left" */
      return g_strdup_printf (_("%s, left"), _(region->name));
    case KL_BODY_SIDE_RIGHT:
      /* Translators: a body region and the person's own side: "Upper trapezius, right" */
      return g_strdup_printf (_("%s, right"), _(region->name));
    case KL_BODY_SIDE_NONE:
    default:
      return g_strdup (_(region->name));
    }
}
