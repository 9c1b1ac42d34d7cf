/* test-body-regions.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib.h>

#include "kl-body-regions.h"

#define CENTRE_X 200.0

/* Collects every problem a test finds, so that one run shows all of them in one failure. */
typedef struct
{
  GString *text;
  guint    count;
} Problems;

static void
problems_init (Problems *problems)
{
  problems->text = g_string_new (NULL);
  problems->count = 0;
}

G_GNUC_PRINTF (2, 3)
static void
problems_add (Problems   *problems,
              const char *format,
              ...)
{
  va_list args;

  if (problems->count > 0)
    g_string_append (problems->text, "; ");

  va_start (args, format);
  g_string_append_vprintf (problems->text, format, args);
  va_end (args);

  problems->count++;
}

static void
problems_check (Problems *problems)
{
  if (problems->count > 0)
    g_test_fail_printf ("%u problem(s): %s", problems->count, problems->text->str);

  g_string_free (problems->text, TRUE);
}

/* One <path> of the regions group of a body SVG. */
typedef struct
{
  char *klass;
  char *d;
} SvgRegion;

static void
svg_region_free (gpointer data)
{
  SvgRegion *region = data;

  g_free (region->klass);
  g_free (region->d);
  g_free (region);
}

typedef struct
{
  GHashTable *regions;         /* id → SvgRegion */
  guint       depth;
  guint       regions_depth;   /* depth of <g id="regions">, 0 outside it */
  Problems   *problems;
  const char *file;
} SvgParser;

static const char *
find_attribute (const char **names,
                const char **values,
                const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], wanted))
        return values[i];
    }

  return NULL;
}

static void
svg_start_element (GMarkupParseContext  *context,
                   const char           *element,
                   const char          **names,
                   const char          **values,
                   gpointer              user_data,
                   GError              **error)
{
  SvgParser *parser = user_data;
  const char *id = find_attribute (names, values, "id");
  SvgRegion *region;

  parser->depth++;

  if (parser->regions_depth == 0)
    {
      if (g_str_equal (element, "g") && g_strcmp0 (id, "regions") == 0)
        parser->regions_depth = parser->depth;
      return;
    }

  if (!g_str_equal (element, "path"))
    return;

  if (id == NULL)
    {
      problems_add (parser->problems, "%s has a region path without an id", parser->file);
      return;
    }

  if (g_hash_table_contains (parser->regions, id))
    problems_add (parser->problems, "%s has two paths with the id %s", parser->file, id);

  region = g_new0 (SvgRegion, 1);
  region->klass = g_strdup (find_attribute (names, values, "class"));
  region->d = g_strdup (find_attribute (names, values, "d"));
  g_hash_table_replace (parser->regions, g_strdup (id), region);
}

static void
svg_end_element (GMarkupParseContext  *context,
                 const char           *element,
                 gpointer              user_data,
                 GError              **error)
{
  SvgParser *parser = user_data;

  if (parser->depth == parser->regions_depth)
    parser->regions_depth = 0;
  parser->depth--;
}

/* The regions of one view's SVG in $KL_BODY_DIR (the source data/body folder), by id. */
static GHashTable *
load_svg (KlBodyView  view,
          Problems   *problems)
{
  static const GMarkupParser markup_parser = { svg_start_element, svg_end_element, };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  SvgParser parser = { 0, };

  if (g_getenv ("KL_BODY_DIR") != NULL)
    dir = g_strdup (g_getenv ("KL_BODY_DIR"));
  else
    dir = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "body", NULL);

  file = g_strdup_printf ("%s.svg", kl_body_view_to_string (view));
  path = g_build_filename (dir, file, NULL);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  parser.regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, svg_region_free);
  parser.problems = problems;
  parser.file = file;

  context = g_markup_parse_context_new (&markup_parser, G_MARKUP_DEFAULT_FLAGS, &parser, NULL);
  g_markup_parse_context_parse (context, contents, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_hash_table_size (parser.regions), >, 0);

  return parser.regions;
}

static const char *
kind_to_class (KlBodyRegionKind kind)
{
  return kind == KL_BODY_REGION_MUSCLE ? "muscle" : "area";
}

static gboolean
is_group (const char *group)
{
  return group != NULL && g_strv_contains (kl_body_groups (), group);
}

/* The id of the same region on the other side: "x-left" ↔ "x-right"; unpaired ids stay. */
static char *
mirror_id (const char *id)
{
  const KlBodyRegion *region = kl_body_regions_lookup (id);

  if (region == NULL || region->side == KL_BODY_SIDE_NONE)
    return g_strdup (id);

  return g_strconcat (region->base,
                      region->side == KL_BODY_SIDE_LEFT ? "-right" : "-left",
                      NULL);
}

static void
test_svg_agreement (void)
{
  static const KlBodyView views[] = { KL_BODY_VIEW_FRONT, KL_BODY_VIEW_BACK };
  GHashTable *svgs[G_N_ELEMENTS (views)] = { NULL, };
  Problems problems;
  guint n_svg_regions = 0;

  problems_init (&problems);

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      const char *view_name = kl_body_view_to_string (views[v]);
      GHashTableIter iter;
      gpointer key, value;

      svgs[v] = load_svg (views[v], &problems);
      n_svg_regions += g_hash_table_size (svgs[v]);

      g_hash_table_iter_init (&iter, svgs[v]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const char *id = key;
          SvgRegion *svg_region = value;
          const KlBodyRegion *region = kl_body_regions_lookup (id);

          if (region == NULL)
            {
              problems_add (&problems, "%s.svg: %s is not in the catalogue", view_name, id);
              continue;
            }

          if (region->view != views[v])
            problems_add (&problems, "%s.svg: %s is catalogued on the %s view", view_name, id,
                          kl_body_view_to_string (region->view));

          if (g_strcmp0 (svg_region->klass, kind_to_class (region->kind)) != 0)
            problems_add (&problems, "%s.svg: %s has class \"%s\" but is catalogued as a %s",
                          view_name, id, svg_region->klass ? svg_region->klass : "",
                          kind_to_class (region->kind));
        }
    }

  for (guint i = 0; i < kl_body_regions_get_n (); i++)
    {
      const KlBodyRegion *region = kl_body_regions_get (i);
      guint v = region->view == KL_BODY_VIEW_FRONT ? 0 : 1;

      if (!g_hash_table_contains (svgs[v], region->id))
        problems_add (&problems, "catalogue: %s is not in %s.svg", region->id,
                      kl_body_view_to_string (region->view));
    }

  if (n_svg_regions != kl_body_regions_get_n ())
    problems_add (&problems, "the SVGs have %u regions, the catalogue %u",
                  n_svg_regions, kl_body_regions_get_n ());

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    g_hash_table_unref (svgs[v]);

  problems_check (&problems);
}

static void
test_fields (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean seen_back = FALSE;
  Problems problems;

  problems_init (&problems);

  for (guint i = 0; i < kl_body_regions_get_n (); i++)
    {
      const KlBodyRegion *region = kl_body_regions_get (i);
      g_autofree char *expected_id = NULL;
      g_autofree char *lower_name = NULL;
      const char *base_with_name;

      if (region == NULL || region->id == NULL || region->base == NULL)
        {
          problems_add (&problems, "entry %u has no id or base", i);
          continue;
        }

      if (!g_hash_table_add (ids, (gpointer) region->id))
        problems_add (&problems, "%s is in the catalogue twice", region->id);

      if (region->side == KL_BODY_SIDE_NONE)
        expected_id = g_strdup (region->base);
      else
        expected_id = g_strconcat (region->base, "-", kl_body_side_to_string (region->side), NULL);
      if (!g_str_equal (region->id, expected_id))
        problems_add (&problems, "%s: base %s and side do not make up the id", region->id,
                      region->base);

      if (region->side == KL_BODY_SIDE_NONE &&
          (g_str_has_suffix (region->id, "-left") || g_str_has_suffix (region->id, "-right")))
        problems_add (&problems, "%s: has a side in its id but no side", region->id);

      if (region->kind != KL_BODY_REGION_MUSCLE && region->kind != KL_BODY_REGION_AREA)
        problems_add (&problems, "%s: bad kind %d", region->id, region->kind);

      if (region->view == KL_BODY_VIEW_BACK)
        seen_back = TRUE;
      else if (region->view == KL_BODY_VIEW_FRONT && seen_back)
        problems_add (&problems, "%s: a front region after the back ones", region->id);
      else if (region->view != KL_BODY_VIEW_FRONT)
        problems_add (&problems, "%s: bad view %d", region->id, region->view);

      if (!is_group (region->group))
        problems_add (&problems, "%s: unknown group %s", region->id,
                      region->group ? region->group : "(null)");

      /* Sentence case, no side: the label adds the side. */
      if (region->name == NULL || region->name[0] == '\0' ||
          !g_ascii_isupper (region->name[0]))
        {
          problems_add (&problems, "%s: the name must start with a capital", region->id);
          continue;
        }
      lower_name = g_ascii_strdown (region->name, -1);
      if (strstr (lower_name, "left") != NULL || strstr (lower_name, "right") != NULL)
        problems_add (&problems, "%s: the name \"%s\" has a side", region->id, region->name);

      /* Two bases with one name could not be told apart in a list. */
      base_with_name = g_hash_table_lookup (names, region->name);
      if (base_with_name == NULL)
        g_hash_table_insert (names, (gpointer) region->name, (gpointer) region->base);
      else if (!g_str_equal (base_with_name, region->base))
        problems_add (&problems, "%s and %s are both called \"%s\"", base_with_name,
                      region->base, region->name);

      /* Right before left, next to each other. */
      if (region->side == KL_BODY_SIDE_RIGHT)
        {
          const KlBodyRegion *next = kl_body_regions_get (i + 1);

          if (next == NULL || next->side != KL_BODY_SIDE_LEFT ||
              g_strcmp0 (next->base, region->base) != 0)
            problems_add (&problems, "%s is not followed by its left side", region->id);
        }
    }

  problems_check (&problems);
}

static void
test_pairs (void)
{
  Problems problems;

  problems_init (&problems);

  for (guint i = 0; i < kl_body_regions_get_n (); i++)
    {
      const KlBodyRegion *region = kl_body_regions_get (i);
      const KlBodyRegion *other;
      guint n_refs = 0, n_other_refs = 0;

      if (region->side != KL_BODY_SIDE_LEFT)
        {
          /* Unpaired bases must not also exist with a side. */
          if (region->side == KL_BODY_SIDE_NONE &&
              (kl_body_regions_lookup_sided (region->base, KL_BODY_SIDE_LEFT) != NULL ||
               kl_body_regions_lookup_sided (region->base, KL_BODY_SIDE_RIGHT) != NULL))
            problems_add (&problems, "%s exists both with and without a side", region->base);
          else if (region->side == KL_BODY_SIDE_RIGHT &&
                   kl_body_regions_lookup_sided (region->base, KL_BODY_SIDE_LEFT) == NULL)
            problems_add (&problems, "%s has no left side", region->id);
          continue;
        }

      other = kl_body_regions_lookup_sided (region->base, KL_BODY_SIDE_RIGHT);
      if (other == NULL)
        {
          problems_add (&problems, "%s has no right side", region->id);
          continue;
        }

      if (g_strcmp0 (region->name, other->name) != 0)
        problems_add (&problems, "%s: the sides have different names", region->base);
      if (g_strcmp0 (region->group, other->group) != 0)
        problems_add (&problems, "%s: the sides are in different groups", region->base);
      if (region->kind != other->kind)
        problems_add (&problems, "%s: the sides are of different kinds", region->base);
      if (region->view != other->view)
        problems_add (&problems, "%s: the sides are on different views", region->base);
      if (g_strcmp0 (region->referral, other->referral) != 0)
        problems_add (&problems, "%s: the sides have different referral texts", region->base);

      if (region->refers_to != NULL)
        n_refs = g_strv_length ((char **) region->refers_to);
      if (other->refers_to != NULL)
        n_other_refs = g_strv_length ((char **) other->refers_to);
      if (n_refs != n_other_refs)
        {
          problems_add (&problems, "%s: %u refers_to on the left, %u on the right",
                        region->base, n_refs, n_other_refs);
          continue;
        }

      for (guint r = 0; r < n_refs; r++)
        {
          g_autofree char *mirrored = mirror_id (region->refers_to[r]);

          if (!g_str_equal (mirrored, other->refers_to[r]))
            problems_add (&problems, "%s: refers_to[%u] is %s on the left but %s on the right",
                          region->base, r, region->refers_to[r], other->refers_to[r]);
        }
    }

  problems_check (&problems);
}

static void
test_referrals (void)
{
  Problems problems;

  problems_init (&problems);

  for (guint i = 0; i < kl_body_regions_get_n (); i++)
    {
      const KlBodyRegion *region = kl_body_regions_get (i);
      g_autoptr(GHashTable) seen = NULL;

      if (region->kind == KL_BODY_REGION_AREA)
        {
          if (region->referral != NULL || region->refers_to != NULL)
            problems_add (&problems, "%s: an area with a referral", region->id);
          continue;
        }

      if (region->referral == NULL || !g_ascii_isupper (region->referral[0]) ||
          !g_str_has_suffix (region->referral, "."))
        problems_add (&problems, "%s: the referral must be a sentence", region->id);

      if (region->refers_to == NULL || region->refers_to[0] == NULL)
        {
          problems_add (&problems, "%s: a muscle that refers nowhere", region->id);
          continue;
        }

      seen = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint r = 0; region->refers_to[r] != NULL; r++)
        {
          const char *id = region->refers_to[r];
          const KlBodyRegion *target = kl_body_regions_lookup (id);

          if (!g_hash_table_add (seen, (gpointer) id))
            problems_add (&problems, "%s: refers to %s twice", region->id, id);

          if (target == NULL)
            problems_add (&problems, "%s: refers to %s, which is not a region", region->id, id);
          else if (target->side != KL_BODY_SIDE_NONE && target->side != region->side)
            problems_add (&problems, "%s: refers to %s, on the other side", region->id, id);
        }
    }

  problems_check (&problems);
}

/* The muscles of CONTENT.md's table, by base id and the view the table gives. */
static const struct
{
  const char *base;
  KlBodyView  view;
} content_muscles[] = {
  { "upper-trapezius", KL_BODY_VIEW_BACK },
  { "mid-lower-trapezius", KL_BODY_VIEW_BACK },
  { "levator-scapulae", KL_BODY_VIEW_BACK },
  { "suboccipitals", KL_BODY_VIEW_BACK },
  { "splenius-capitis", KL_BODY_VIEW_BACK },
  { "sternocleidomastoid", KL_BODY_VIEW_FRONT },
  { "scalenes", KL_BODY_VIEW_FRONT },
  { "pectoralis-major", KL_BODY_VIEW_FRONT },
  { "deltoid-anterior", KL_BODY_VIEW_FRONT },
  { "deltoid-posterior", KL_BODY_VIEW_BACK },
  { "supraspinatus", KL_BODY_VIEW_BACK },
  { "infraspinatus", KL_BODY_VIEW_BACK },
  { "rhomboids", KL_BODY_VIEW_BACK },
  { "forearm-extensors", KL_BODY_VIEW_BACK },
  { "forearm-flexors", KL_BODY_VIEW_FRONT },
  { "erector-spinae-thoracic", KL_BODY_VIEW_BACK },
  { "erector-spinae-lumbar", KL_BODY_VIEW_BACK },
  { "quadratus-lumborum", KL_BODY_VIEW_BACK },
  { "gluteus-medius", KL_BODY_VIEW_BACK },
  { "gluteus-maximus", KL_BODY_VIEW_BACK },
  { "piriformis", KL_BODY_VIEW_BACK },
  { "hamstrings", KL_BODY_VIEW_BACK },
  { "rectus-femoris", KL_BODY_VIEW_FRONT },
  { "vastus-medialis", KL_BODY_VIEW_FRONT },
  { "gastrocnemius", KL_BODY_VIEW_BACK },
  { "soleus", KL_BODY_VIEW_BACK },
  { "tibialis-anterior", KL_BODY_VIEW_FRONT },
};

static void
test_content_muscles (void)
{
  g_autoptr(GHashTable) muscle_bases = g_hash_table_new (g_str_hash, g_str_equal);
  Problems problems;

  problems_init (&problems);

  for (guint i = 0; i < kl_body_regions_get_n (); i++)
    {
      const KlBodyRegion *region = kl_body_regions_get (i);

      if (region->kind == KL_BODY_REGION_MUSCLE)
        g_hash_table_add (muscle_bases, (gpointer) region->base);
    }

  if (g_hash_table_size (muscle_bases) < 23)
    problems_add (&problems, "only %u muscles", g_hash_table_size (muscle_bases));
  if (kl_body_regions_get_n () < 40)
    problems_add (&problems, "only %u regions", kl_body_regions_get_n ());

  for (guint i = 0; i < G_N_ELEMENTS (content_muscles); i++)
    {
      const char *base = content_muscles[i].base;
      const KlBodySide sides[] = { KL_BODY_SIDE_LEFT, KL_BODY_SIDE_RIGHT };

      for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
        {
          const KlBodyRegion *region = kl_body_regions_lookup_sided (base, sides[s]);

          if (region == NULL)
            problems_add (&problems, "no %s on the %s", base, kl_body_side_to_string (sides[s]));
          else if (region->kind != KL_BODY_REGION_MUSCLE)
            problems_add (&problems, "%s is not a muscle", region->id);
          else if (region->view != content_muscles[i].view)
            problems_add (&problems, "%s is not on the %s view", region->id,
                          kl_body_view_to_string (content_muscles[i].view));
        }
    }

  problems_check (&problems);
}

static void
test_lookup (void)
{
  const KlBodyRegion *region;

  region = kl_body_regions_lookup ("upper-trapezius-left");
  g_assert_nonnull (region);
  g_assert_cmpstr (region->id, ==, "upper-trapezius-left");
  g_assert_cmpstr (region->base, ==, "upper-trapezius");
  g_assert_cmpstr (region->name, ==, "Upper trapezius");
  g_assert_cmpint (region->kind, ==, KL_BODY_REGION_MUSCLE);
  g_assert_cmpint (region->view, ==, KL_BODY_VIEW_BACK);
  g_assert_cmpint (region->side, ==, KL_BODY_SIDE_LEFT);
  g_assert_cmpstr (region->group, ==, "shoulders");
  g_assert_nonnull (region->referral);
  g_assert_true (g_strv_contains (region->refers_to, "head-temple-left"));

  region = kl_body_regions_lookup ("spine");
  g_assert_nonnull (region);
  g_assert_cmpint (region->kind, ==, KL_BODY_REGION_AREA);
  g_assert_cmpint (region->side, ==, KL_BODY_SIDE_NONE);
  g_assert_null (region->referral);
  g_assert_null (region->refers_to);

  /* Every entry is found by its id, as itself. */
  for (guint i = 0; i < kl_body_regions_get_n (); i++)
    g_assert_true (kl_body_regions_lookup (kl_body_regions_get (i)->id) == kl_body_regions_get (i));

  g_assert_null (kl_body_regions_lookup ("upper-trapezius"));
  g_assert_null (kl_body_regions_lookup ("Upper-trapezius-left"));
  g_assert_null (kl_body_regions_lookup ("upper-trapezius-left "));
  g_assert_null (kl_body_regions_lookup (""));
  g_assert_null (kl_body_regions_lookup ("no-such-region"));

  g_assert_nonnull (kl_body_regions_get (0));
  g_assert_nonnull (kl_body_regions_get (kl_body_regions_get_n () - 1));
  g_assert_null (kl_body_regions_get (kl_body_regions_get_n ()));
  g_assert_null (kl_body_regions_get (G_MAXUINT));

  g_test_expect_message ("kl-body-regions", G_LOG_LEVEL_CRITICAL, "*id != NULL*");
  g_assert_null (kl_body_regions_lookup (NULL));
  g_test_assert_expected_messages ();
}

static void
test_lookup_sided (void)
{
  const KlBodyRegion *region;

  region = kl_body_regions_lookup_sided ("upper-trapezius", KL_BODY_SIDE_LEFT);
  g_assert_nonnull (region);
  g_assert_cmpstr (region->id, ==, "upper-trapezius-left");
  region = kl_body_regions_lookup_sided ("upper-trapezius", KL_BODY_SIDE_RIGHT);
  g_assert_nonnull (region);
  g_assert_cmpstr (region->id, ==, "upper-trapezius-right");
  g_assert_null (kl_body_regions_lookup_sided ("upper-trapezius", KL_BODY_SIDE_NONE));

  region = kl_body_regions_lookup_sided ("spine", KL_BODY_SIDE_NONE);
  g_assert_nonnull (region);
  g_assert_cmpstr (region->id, ==, "spine");
  g_assert_null (kl_body_regions_lookup_sided ("spine", KL_BODY_SIDE_LEFT));
  g_assert_null (kl_body_regions_lookup_sided ("spine", KL_BODY_SIDE_RIGHT));

  /* The deltoid is two muscles, one per view. */
  g_assert_null (kl_body_regions_lookup_sided ("deltoid", KL_BODY_SIDE_LEFT));
  region = kl_body_regions_lookup_sided ("deltoid-anterior", KL_BODY_SIDE_LEFT);
  g_assert_nonnull (region);
  g_assert_cmpint (region->view, ==, KL_BODY_VIEW_FRONT);
  region = kl_body_regions_lookup_sided ("deltoid-posterior", KL_BODY_SIDE_RIGHT);
  g_assert_nonnull (region);
  g_assert_cmpint (region->view, ==, KL_BODY_VIEW_BACK);

  /* A full id is not a base. */
  g_assert_null (kl_body_regions_lookup_sided ("upper-trapezius-left", KL_BODY_SIDE_LEFT));
  g_assert_null (kl_body_regions_lookup_sided ("upper-trapezius-left", KL_BODY_SIDE_NONE));
  g_assert_null (kl_body_regions_lookup_sided ("", KL_BODY_SIDE_NONE));
  g_assert_null (kl_body_regions_lookup_sided ("no-such-region", KL_BODY_SIDE_LEFT));

  for (guint i = 0; i < kl_body_regions_get_n (); i++)
    {
      region = kl_body_regions_get (i);
      g_assert_true (kl_body_regions_lookup_sided (region->base, region->side) == region);
    }

  g_test_expect_message ("kl-body-regions", G_LOG_LEVEL_CRITICAL, "*base != NULL*");
  g_assert_null (kl_body_regions_lookup_sided (NULL, KL_BODY_SIDE_NONE));
  g_test_assert_expected_messages ();
}

static void
test_strings (void)
{
  KlBodySide side;

  g_assert_cmpstr (kl_body_view_to_string (KL_BODY_VIEW_FRONT), ==, "front");
  g_assert_cmpstr (kl_body_view_to_string (KL_BODY_VIEW_BACK), ==, "back");

  g_assert_cmpstr (kl_body_side_to_string (KL_BODY_SIDE_LEFT), ==, "left");
  g_assert_cmpstr (kl_body_side_to_string (KL_BODY_SIDE_RIGHT), ==, "right");
  g_assert_cmpstr (kl_body_side_to_string (KL_BODY_SIDE_NONE), ==, "");

  side = KL_BODY_SIDE_NONE;
  g_assert_true (kl_body_side_from_string ("left", &side));
  g_assert_cmpint (side, ==, KL_BODY_SIDE_LEFT);
  g_assert_true (kl_body_side_from_string ("right", &side));
  g_assert_cmpint (side, ==, KL_BODY_SIDE_RIGHT);
  g_assert_true (kl_body_side_from_string ("left", NULL));

  /* Anything else fails and leaves the side alone. */
  side = KL_BODY_SIDE_RIGHT;
  g_assert_false (kl_body_side_from_string ("", &side));
  g_assert_false (kl_body_side_from_string ("none", &side));
  g_assert_false (kl_body_side_from_string ("Left", &side));
  g_assert_false (kl_body_side_from_string ("left ", &side));
  g_assert_false (kl_body_side_from_string ("l", &side));
  g_assert_false (kl_body_side_from_string ("both", NULL));
  g_assert_cmpint (side, ==, KL_BODY_SIDE_RIGHT);

  g_test_expect_message ("kl-body-regions", G_LOG_LEVEL_CRITICAL, "*string != NULL*");
  g_assert_false (kl_body_side_from_string (NULL, &side));
  g_test_assert_expected_messages ();
  g_assert_cmpint (side, ==, KL_BODY_SIDE_RIGHT);
}

static void
test_groups (void)
{
  /* The words people search for (CONTENT.md), and the rest of the body. */
  static const struct
  {
    const char *key;
    const char *name;
  } required[] = {
    { "head", "Head" },
    { "neck", "Neck" },
    { "shoulders", "Shoulders" },
    { "upper-back", "Upper back" },
    { "lower-back", "Lower back" },
    { "chest", "Chest" },
    { "abdomen", NULL },
    { "arms", "Arms" },
    { "hands", NULL },
    { "hips", "Hips" },
    { "thighs", NULL },
    { "knees", NULL },
    { "calves", "Calves" },
    { "shins", "Shins" },
    { "feet", NULL },
  };
  const char * const *groups = kl_body_groups ();
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  Problems problems;

  problems_init (&problems);

  g_assert_nonnull (groups);
  g_assert_cmpuint (g_strv_length ((char **) groups), >=, G_N_ELEMENTS (required));

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      const char *name = kl_body_group_get_name (required[i].key);

      if (!g_strv_contains (groups, required[i].key))
        problems_add (&problems, "no group %s", required[i].key);
      else if (required[i].name != NULL && g_strcmp0 (name, required[i].name) != 0)
        problems_add (&problems, "group %s is called \"%s\", not \"%s\"", required[i].key,
                      name ? name : "(null)", required[i].name);
    }

  for (guint i = 0; i < kl_body_regions_get_n (); i++)
    g_hash_table_add (used, (gpointer) kl_body_regions_get (i)->group);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *name = kl_body_group_get_name (groups[i]);

      for (guint j = 0; j < i; j++)
        {
          if (g_str_equal (groups[i], groups[j]))
            problems_add (&problems, "group %s is listed twice", groups[i]);
        }

      /* Sentence case: a capital first, then none. */
      if (name == NULL || !g_ascii_isupper (name[0]))
        {
          problems_add (&problems, "group %s has no proper name", groups[i]);
          continue;
        }
      for (const char *c = name + 1; *c != '\0'; c++)
        {
          if (g_ascii_isupper (*c))
            problems_add (&problems, "group %s: \"%s\" is not in sentence case", groups[i], name);
        }

      if (!g_hash_table_contains (used, groups[i]))
        problems_add (&problems, "group %s has no regions", groups[i]);
    }

  g_assert_null (kl_body_group_get_name ("no-such-group"));
  g_assert_null (kl_body_group_get_name (""));
  g_assert_null (kl_body_group_get_name ("Neck"));

  problems_check (&problems);
}

static void
test_label (void)
{
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autofree char *spine = NULL;

  left = kl_body_region_dup_label (kl_body_regions_lookup ("upper-trapezius-left"));
  right = kl_body_region_dup_label (kl_body_regions_lookup ("upper-trapezius-right"));
  spine = kl_body_region_dup_label (kl_body_regions_lookup ("spine"));

  g_assert_cmpstr (left, ==, "Upper trapezius, left");
  g_assert_cmpstr (right, ==, "Upper trapezius, right");
  g_assert_cmpstr (spine, ==, "Spine");

  for (guint i = 0; i < kl_body_regions_get_n (); i++)
    {
      g_autofree char *label = kl_body_region_dup_label (kl_body_regions_get (i));

      g_assert_nonnull (label);
      g_assert_true (g_str_has_prefix (label, kl_body_regions_get (i)->name));
    }
}

/* Every coordinate pair of path data made of M, C, L and Z with absolute numbers. */
static GArray *
parse_points (const char *d)
{
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (double));
  const char *p = d;

  while (*p != '\0')
    {
      char *end;
      double value;

      if (g_ascii_isalpha (*p) || g_ascii_isspace (*p) || *p == ',')
        {
          p++;
          continue;
        }

      value = g_ascii_strtod (p, &end);
      if (end == p)
        {
          g_array_set_size (numbers, 0);
          break;
        }
      g_array_append_val (numbers, value);
      p = end;
    }

  if (numbers->len % 2 != 0)
    g_array_set_size (numbers, 0);

  return numbers;
}

/* The person's left is on the viewer's right from the front and on the viewer's left from the
 * back. Region outlines may run along the centre line, so points on it are allowed: the first
 * point "M x y" must not be on the wrong side, nor any other, and on average the region must be
 * clearly on its side. */
static void
test_side_placement (void)
{
  static const KlBodyView views[] = { KL_BODY_VIEW_FRONT, KL_BODY_VIEW_BACK };
  Problems problems;

  problems_init (&problems);

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autoptr(GHashTable) svg = load_svg (views[v], &problems);
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, svg);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const char *id = key;
          SvgRegion *svg_region = value;
          g_autoptr(GArray) numbers = NULL;
          KlBodySide side;
          double sign, sum = 0, first_wrong = 0;
          guint n_wrong = 0;

          if (g_str_has_suffix (id, "-left"))
            side = KL_BODY_SIDE_LEFT;
          else if (g_str_has_suffix (id, "-right"))
            side = KL_BODY_SIDE_RIGHT;
          else
            continue;

          /* +1 where the side's x is above the centre line. */
          sign = (side == KL_BODY_SIDE_LEFT) == (views[v] == KL_BODY_VIEW_FRONT) ? 1 : -1;

          numbers = parse_points (svg_region->d ? svg_region->d : "");
          if (numbers->len == 0)
            {
              problems_add (&problems, "%s: path data that does not parse", id);
              continue;
            }

          for (guint i = 0; i < numbers->len; i += 2)
            {
              double x = g_array_index (numbers, double, i);

              if (sign * (x - CENTRE_X) < 0 && n_wrong++ == 0)
                first_wrong = x;
              sum += x;
            }

          if (sign * (g_array_index (numbers, double, 0) - CENTRE_X) < 0)
            problems_add (&problems, "%s (%s): starts at x = %g, on the wrong side", id,
                          kl_body_view_to_string (views[v]), g_array_index (numbers, double, 0));
          else if (n_wrong > 0)
            problems_add (&problems, "%s (%s): %u point(s) on the wrong side, as x = %g", id,
                          kl_body_view_to_string (views[v]), n_wrong, first_wrong);

          if (sign * (sum / (numbers->len / 2) - CENTRE_X) <= 0)
            problems_add (&problems, "%s (%s): not on its side", id,
                          kl_body_view_to_string (views[v]));
        }
    }

  problems_check (&problems);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/body-regions/svg-agreement", test_svg_agreement);
  g_test_add_func ("/body-regions/fields", test_fields);
  g_test_add_func ("/body-regions/pairs", test_pairs);
  g_test_add_func ("/body-regions/referrals", test_referrals);
  g_test_add_func ("/body-regions/content-muscles", test_content_muscles);
  g_test_add_func ("/body-regions/lookup", test_lookup);
  g_test_add_func ("/body-regions/lookup-sided", test_lookup_sided);
  g_test_add_func ("/body-regions/strings", test_strings);
  g_test_add_func ("/body-regions/groups", test_groups);
  g_test_add_func ("/body-regions/label", test_label);
  g_test_add_func ("/body-regions/side-placement", test_side_placement);

  return g_test_run ();
}
