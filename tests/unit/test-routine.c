/* test-routine.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "kl-routine.h"

/* CONTENT.md's "Built-in routines" table: number, name, kind and "Time". */
typedef struct
{
  const char    *slug;
  const char    *name;
  KlRoutineKind  kind;
  guint          seconds;
} Expected;

static const Expected expected[] = {
  { "box-breathing", "Box breathing", KL_ROUTINE_KIND_BREATHING, 5 * 60 },
  { "cyclic-sighing", "Cyclic sighing", KL_ROUTINE_KIND_BREATHING, 5 * 60 },
  { "4-7-8-wind-down", "4-7-8 wind-down", KL_ROUTINE_KIND_BREATHING, 80 },
  { "resonance-breathing", "Resonance breathing", KL_ROUTINE_KIND_BREATHING, 5 * 60 },
  { "belly-breathing", "Belly breathing", KL_ROUTINE_KIND_BREATHING, 5 * 60 },
  { "sigh-reset", "Sigh reset", KL_ROUTINE_KIND_BREATHING, 30 },
  { "neck-release", "Neck release", KL_ROUTINE_KIND_STRETCH, 2 * 60 + 45 },
  { "chest-opener", "Chest opener", KL_ROUTINE_KIND_STRETCH, 2 * 60 + 50 },
  { "thoracic-mobility", "Thoracic mobility", KL_ROUTINE_KIND_STRETCH, 2 * 60 + 30 },
  { "low-back", "Low back", KL_ROUTINE_KIND_STRETCH, 5 * 60 },
  { "hips", "Hips", KL_ROUTINE_KIND_STRETCH, 4 * 60 + 30 },
  { "hamstrings", "Hamstrings", KL_ROUTINE_KIND_STRETCH, 2 * 60 + 20 },
  { "calves-and-shins", "Calves & shins", KL_ROUTINE_KIND_STRETCH, 3 * 60 + 20 },
  { "mouse-arm", "Mouse arm", KL_ROUTINE_KIND_STRETCH, 2 * 60 + 30 },
  { "desk-break", "Two-minute desk break", KL_ROUTINE_KIND_BREAK, 2 * 60 },
  { "20-20-20", "20-20-20", KL_ROUTINE_KIND_BREAK, 20 },
  { "evening-full-body", "Evening full body", KL_ROUTINE_KIND_STRETCH, 10 * 60 },
  { "upper-trapezius-ball", "Upper-trapezius ball", KL_ROUTINE_KIND_BALL, 4 * 60 },
  { "shoulder-blades-ball", "Between the shoulder blades", KL_ROUTINE_KIND_BALL, 3 * 60 + 30 },
  { "glute-ball", "Glute ball", KL_ROUTINE_KIND_BALL, 3 * 60 + 30 },
  { "pec-ball", "Pec ball", KL_ROUTINE_KIND_BALL, 60 + 45 },
  { "suboccipital-release", "Suboccipital release", KL_ROUTINE_KIND_BALL, 60 + 30 },
  { "foot-and-calf-roll", "Foot & calf roll", KL_ROUTINE_KIND_BALL, 4 * 60 + 30 },
  { "heat-session", "Heat session", KL_ROUTINE_KIND_THERMAL, 20 * 60 },
  { "cold-pack", "Cold pack", KL_ROUTINE_KIND_THERMAL, 15 * 60 },
  { "relaxation", "Relaxation", KL_ROUTINE_KIND_RELAX, 15 * 60 },
};

/* "Within a few seconds": the files explain each difference in a comment. */
#define TOLERANCE_US (5 * G_USEC_PER_SEC)

/* Ball work: no more than 5 minutes on one area (CONTENT.md). */
#define BALL_AREA_MAX_US ((gint64) 5 * 60 * G_USEC_PER_SEC)

/* Readable in the first seconds of a step. */
#define INSTRUCTION_MAX_CHARS 120

static GPtrArray *
load_builtins (void)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *routines = kl_routine_load_builtins (&error);

  g_assert_no_error (error);
  g_assert_nonnull (routines);
  return routines;
}

static void
test_builtins_match_content (void)
{
  g_autoptr(GPtrArray) routines = load_builtins ();

  g_assert_cmpuint (routines->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < routines->len; i++)
    {
      KlRoutine *routine = g_ptr_array_index (routines, i);
      g_autoptr(GError) error = NULL;
      gint64 duration_us = kl_routine_get_duration_us (routine);
      gint64 content_us = (gint64) expected[i].seconds * G_USEC_PER_SEC;

      g_test_message ("%s: %.1f s, CONTENT.md %u s", expected[i].slug, duration_us / 1e6,
                      expected[i].seconds);

      g_assert_cmpstr (kl_routine_get_slug (routine), ==, expected[i].slug);
      g_assert_cmpstr (kl_routine_get_name (routine), ==, expected[i].name);
      g_assert_cmpint (kl_routine_get_kind (routine), ==, expected[i].kind);
      g_assert_cmpuint (kl_routine_get_version (routine), >=, 1);
      g_assert_true (kl_routine_validate (routine, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (ABS (duration_us - content_us), <=, TOLERANCE_US);
    }
}

/* Every file of data/routines is a built-in, compiled in and listed, and the other way round;
 * and what the program holds is what the folder holds. */
static void
test_builtins_match_folder (void)
{
  g_autoptr(GPtrArray) routines = load_builtins ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *folder = g_getenv ("KL_ROUTINES_DIR");
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (folder);
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *slug = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(KlRoutine) from_file = NULL;
      g_autofree char *contents = NULL;
      gsize length;
      KlRoutine *builtin = NULL;

      if (!g_str_has_suffix (name, ".routine"))
        continue;

      n_files++;
      slug = g_strndup (name, strlen (name) - strlen (".routine"));
      for (guint i = 0; i < routines->len && builtin == NULL; i++)
        {
          if (g_str_equal (kl_routine_get_slug (g_ptr_array_index (routines, i)), slug))
            builtin = g_ptr_array_index (routines, i);
        }
      g_test_message ("%s", name);
      g_assert_nonnull (builtin);

      path = g_build_filename (folder, name, NULL);
      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      bytes = g_bytes_new (contents, length);
      from_file = kl_routine_load_from_bytes (bytes, name, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (kl_routine_get_name (from_file), ==, kl_routine_get_name (builtin));
      g_assert_cmpuint (kl_routine_get_n_steps (from_file), ==, kl_routine_get_n_steps (builtin));
      g_assert_cmpint (kl_routine_get_duration_us (from_file), ==,
                       kl_routine_get_duration_us (builtin));
    }

  g_assert_cmpuint (n_files, ==, routines->len);
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  return haystack != NULL && strstr (haystack, needle) != NULL;
}

/* The safety rules of CONTENT.md that can be checked on the data. */
static void
test_builtins_safety (void)
{
  g_autoptr(GPtrArray) routines = load_builtins ();

  for (guint i = 0; i < routines->len; i++)
    {
      KlRoutine *routine = g_ptr_array_index (routines, i);
      const char *slug = kl_routine_get_slug (routine);
      const char *cautions = kl_routine_get_cautions (routine);
      KlRoutineKind kind = kl_routine_get_kind (routine);

      g_test_message ("%s", slug);

      g_assert_cmpuint (g_strv_length ((char **) kl_routine_get_sources (routine)), >=, 1);
      if (kind == KL_ROUTINE_KIND_STRETCH || kind == KL_ROUTINE_KIND_BALL)
        g_assert_cmpuint (g_strv_length ((char **) kl_routine_get_regions (routine)), >=, 2);

      for (guint s = 0; s < kl_routine_get_n_steps (routine); s++)
        {
          const KlRoutineStep *step = kl_routine_get_step (routine, s);

          g_assert_null (strchr (step->instruction, '\n'));
          g_assert_cmpuint (g_utf8_strlen (step->instruction, -1), <=, INSTRUCTION_MAX_CHARS);

          if (step->kind == KL_ROUTINE_STEP_BALL)
            {
              g_assert_true (contains (step->avoid, " "));
              /* 30–90 s of steady pressure per spot. */
              g_assert_cmpint (step->duration_us, <=, 90 * G_USEC_PER_SEC);
            }
          /* The ball never goes on the spine: a step by it says so. */
          if (step->kind == KL_ROUTINE_STEP_BALL && contains (step->placement, "spine"))
            g_assert_true (contains (step->avoid, "spine"));
        }

      if (kind == KL_ROUTINE_KIND_BALL)
        {
          g_assert_true (contains (cautions, "spine") || contains (cautions, "shin bone"));
          g_assert_true (contains (cautions, "blood thinners"));
          g_assert_true (contains (cautions, "comfort"));
          g_assert_cmpint (kl_routine_get_duration_us (routine), <=, BALL_AREA_MAX_US);
        }
    }
}

static KlRoutine *
find (GPtrArray  *routines,
      const char *slug)
{
  for (guint i = 0; i < routines->len; i++)
    {
      if (g_str_equal (kl_routine_get_slug (g_ptr_array_index (routines, i)), slug))
        return g_ptr_array_index (routines, i);
    }

  g_assert_not_reached ();
}

static void
test_builtins_specific (void)
{
  g_autoptr(GPtrArray) routines = load_builtins ();
  KlRoutine *routine;
  const KlRoutineStep *step;

  /* 4-7-8: four cycles at most, seated. */
  routine = find (routines, "4-7-8-wind-down");
  step = kl_routine_get_step (routine, 0);
  g_assert_cmpint (step->kind, ==, KL_ROUTINE_STEP_BREATHING);
  g_assert_cmpuint (step->cycles, <=, 4);
  g_assert_cmpint (step->inhale_us, ==, 4 * G_USEC_PER_SEC);
  g_assert_cmpint (step->hold_in_us, ==, 7 * G_USEC_PER_SEC);
  g_assert_cmpint (step->exhale_us, ==, 8 * G_USEC_PER_SEC);
  g_assert_true (g_strv_contains (kl_routine_get_equipment (routine), "chair"));
  g_assert_true (contains (kl_routine_get_cautions (routine), "sitting"));

  /* The sigh's top-up is half a second. */
  step = kl_routine_get_step (find (routines, "sigh-reset"), 0);
  g_assert_cmpint (step->top_up_us, ==, G_USEC_PER_SEC / 2);
  g_assert_cmpuint (step->cycles, ==, 5);

  /* Calf rolling warns of a clot. */
  routine = find (routines, "foot-and-calf-roll");
  g_assert_true (contains (kl_routine_get_cautions (routine), "clot"));

  /* Heat through a cloth, medium at most, then a stretching routine. */
  routine = find (routines, "heat-session");
  g_assert_true (contains (kl_routine_get_cautions (routine), "cloth"));
  g_assert_true (contains (kl_routine_get_cautions (routine), "medium"));
  g_assert_true (contains (kl_routine_get_cautions (routine), "asleep"));
  g_assert_true (g_strv_contains (kl_routine_get_follow_up (routine), "neck-release"));
  g_assert_true (g_strv_contains (kl_routine_get_follow_up (routine), "low-back"));

  /* Cold: wrapped, and not again within 2–3 hours. */
  routine = find (routines, "cold-pack");
  g_assert_true (contains (kl_routine_get_cautions (routine), "wrapped"));
  g_assert_true (contains (kl_routine_get_cautions (routine), "2–3 hours"));

  /* The default stretch: 30 s per side, 5 s to switch. */
  step = kl_routine_get_step (find (routines, "neck-release"), 1);
  g_assert_cmpint (step->sides, ==, KL_ROUTINE_SIDES_BOTH);
  g_assert_cmpint (step->duration_us, ==, 30 * G_USEC_PER_SEC);
  g_assert_cmpint (kl_routine_step_get_duration_us (step), ==, 65 * G_USEC_PER_SEC);

  /* Hips: "L/R ×2" is left, right, left, right with three switches. */
  step = kl_routine_get_step (find (routines, "hips"), 0);
  g_assert_cmpuint (step->repetitions, ==, 2);
  g_assert_cmpint (kl_routine_step_get_duration_us (step), ==, 135 * G_USEC_PER_SEC);
}

static void
test_lengths (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlRoutine) routine = kl_routine_load_builtin ("resonance-breathing", &error);
  g_autoptr(KlRoutine) ten = NULL;
  g_autoptr(KlRoutine) twenty = NULL;
  g_autoptr(KlRoutine) odd = NULL;
  const gint64 *lengths;
  guint n_lengths;

  g_assert_no_error (error);
  lengths = kl_routine_get_lengths (routine, &n_lengths);
  g_assert_cmpuint (n_lengths, ==, 3);
  g_assert_cmpint (lengths[0], ==, 5 * 60 * G_USEC_PER_SEC);
  g_assert_cmpint (lengths[1], ==, 10 * 60 * G_USEC_PER_SEC);
  g_assert_cmpint (lengths[2], ==, 20 * 60 * G_USEC_PER_SEC);

  ten = kl_routine_copy_for_length (routine, lengths[1], &error);
  g_assert_no_error (error);
  g_assert_cmpint (kl_routine_get_duration_us (ten), ==, lengths[1]);
  g_assert_cmpuint (kl_routine_get_step (ten, 0)->cycles, ==, 60);
  /* The original is left alone. */
  g_assert_cmpuint (kl_routine_get_step (routine, 0)->cycles, ==, 30);

  twenty = kl_routine_copy_for_length (routine, lengths[2], &error);
  g_assert_no_error (error);
  g_assert_cmpint (kl_routine_get_duration_us (twenty), ==, lengths[2]);
  g_assert_true (kl_routine_validate (twenty, NULL, NULL, &error));

  /* Only a length on offer. */
  odd = kl_routine_copy_for_length (routine, 7 * 60 * G_USEC_PER_SEC, &error);
  g_assert_null (odd);
  g_assert_error (error, KL_ROUTINE_ERROR, KL_ROUTINE_ERROR_RANGE);

  g_clear_object (&routine);
  g_clear_error (&error);
  routine = kl_routine_load_builtin ("no-such-routine", &error);
  g_assert_null (routine);
  g_assert_error (error, KL_ROUTINE_ERROR, KL_ROUTINE_ERROR_MISSING);
}

/* Loader errors ------------------------------------------------------------------------------- */

static const char valid_file[] =
  "# A test routine\n"
  "[Routine]\n"
  "Slug=test\n"
  "Name=Test routine\n"
  "Kind=stretch\n"
  "Regions=upper-trapezius-left; upper-trapezius-right;;\n"
  "Equipment=chair;\n"
  "\n"
  "[Step 1]\n"
  "Kind=stretch\n"
  "Title=Side stretch\n"
  "Instruction=Tilt your head away from this side.\n"
  "Duration=30\n"
  "Sides=both\n"
  "\n"
  "[Step 2]\n"
  "Kind=breathing\n"
  "Title=Breathe\n"
  "Instruction=In and out.\n"
  "Inhale=4\n"
  "Exhale=6\n"
  "Cycles=3\n"
  "\n"
  "[Step 3]\n"
  "Kind=ball\n"
  "Title=Ball\n"
  "Instruction=Lean into the ball.\n"
  "Duration=45\n"
  "Placement=Beside the spine.\n"
  "Pressure=A tolerable 5–7 out of 10.\n"
  "Avoid=The spine.\n";

static KlRoutine *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return kl_routine_load_from_bytes (bytes, "test.routine", error);
}

/* @text with the first line equal to @line replaced by @replacement (which may hold several
 * lines), or taken out when @replacement is empty. */
static char *
replace_line (const char *text,
              const char *line,
              const char *replacement)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) result = g_ptr_array_new ();
  gboolean replaced = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (replaced || !g_str_equal (lines[i], line))
        {
          g_ptr_array_add (result, lines[i]);
          continue;
        }

      replaced = TRUE;
      if (*replacement != '\0')
        g_ptr_array_add (result, (gpointer) replacement);
    }

  g_assert_true (replaced);
  g_ptr_array_add (result, NULL);
  return g_strjoinv ("\n", (char **) result->pdata);
}

/* The 1-based line of @text that is @line. */
static guint
line_of (const char *text,
         const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_equal (lines[i], line))
        return i + 1;
    }

  g_assert_not_reached ();
}

typedef struct
{
  const char     *what;
  const char     *line;          /* the line of valid_file to change */
  const char     *replacement;
  KlRoutineError  code;
  const char     *at;            /* the line the error must point at */
  const char     *key;           /* must be named in the message; NULL: not checked */
} BadFile;

static const BadFile bad_files[] = {
  { "missing name", "Name=Test routine", "", KL_ROUTINE_ERROR_MISSING,
    "[Routine]", "Name" },
  { "empty name", "Name=Test routine", "Name=  ", KL_ROUTINE_ERROR_MISSING,
    "Name=  ", "Name" },
  { "zero duration", "Duration=30", "Duration=0", KL_ROUTINE_ERROR_RANGE,
    "Duration=0", "[Step 1] Duration" },
  { "negative duration", "Duration=45", "Duration=-5", KL_ROUTINE_ERROR_RANGE,
    "Duration=-5", "[Step 3] Duration" },
  { "duration over 60 min", "Duration=30", "Duration=3600.5", KL_ROUTINE_ERROR_RANGE,
    "Duration=3600.5", "[Step 1] Duration" },
  { "repetitions past 60 min", "Duration=30", "Duration=1800\nRepetitions=3",
    KL_ROUTINE_ERROR_RANGE, "Repetitions=3", "[Step 1] Repetitions" },
  { "not a number", "Duration=45", "Duration=forty", KL_ROUTINE_ERROR_INVALID,
    "Duration=forty", "[Step 3] Duration" },
  { "missing duration", "Duration=45", "", KL_ROUTINE_ERROR_MISSING,
    "[Step 3]", "[Step 3] Duration" },
  { "unknown routine kind", "Kind=stretch", "Kind=yoga", KL_ROUTINE_ERROR_UNKNOWN_KIND,
    "Kind=yoga", "[Routine] Kind" },
  { "unknown step kind", "Kind=ball", "Kind=massage", KL_ROUTINE_ERROR_UNKNOWN_KIND,
    "Kind=massage", "[Step 3] Kind" },
  { "unknown region", "Regions=upper-trapezius-left; upper-trapezius-right;;",
    "Regions=upper-trapezius-left;trapezius;", KL_ROUTINE_ERROR_UNKNOWN_REGION,
    "Regions=upper-trapezius-left;trapezius;", "[Routine] Regions" },
  { "unknown step region", "Sides=both", "Sides=both\nRegions=neck",
    KL_ROUTINE_ERROR_UNKNOWN_REGION, "Regions=neck", "[Step 1] Regions" },
  { "unknown equipment", "Equipment=chair;", "Equipment=chair;foam-roller;",
    KL_ROUTINE_ERROR_INVALID, "Equipment=chair;foam-roller;", "Equipment" },
  { "not a key=value line", "Sides=both", "Sides both", KL_ROUTINE_ERROR_SYNTAX,
    "Sides both", NULL },
  { "unclosed group", "[Step 2]", "[Step 2", KL_ROUTINE_ERROR_SYNTAX, "[Step 2", NULL },
  { "key before any group", "# A test routine", "Name=Early", KL_ROUTINE_ERROR_SYNTAX,
    "Name=Early", NULL },
  { "bad key name", "Sides=both", "Si des=both", KL_ROUTINE_ERROR_SYNTAX, "Si des=both",
    NULL },
  { "misspelt key", "Sides=both", "Sydes=both", KL_ROUTINE_ERROR_UNKNOWN_KEY,
    "Sydes=both", "[Step 1] Sydes" },
  { "key of another kind", "Exhale=6", "Exhale=6\nRelease=2", KL_ROUTINE_ERROR_UNKNOWN_KEY,
    "Release=2", "[Step 2] Release" },
  { "untranslated key with a locale", "Slug=test", "Slug=test\nSlug[de]=test",
    KL_ROUTINE_ERROR_UNKNOWN_KEY, "Slug[de]=test", "Slug[de]" },
  { "key twice", "Exhale=6", "Exhale=6\nExhale=7", KL_ROUTINE_ERROR_DUPLICATE,
    "Exhale=7", "Exhale" },
  { "group twice", "[Step 3]", "[Step 2]", KL_ROUTINE_ERROR_DUPLICATE, NULL, "[Step 2]" },
  { "unknown group", "[Step 3]", "[Stretch 3]", KL_ROUTINE_ERROR_UNKNOWN_KEY,
    "[Stretch 3]", "[Stretch 3]" },
  { "gap in the steps", "[Step 2]", "[Step 4]", KL_ROUTINE_ERROR_MISSING, "[Step 3]",
    "[Step 2]" },
  { "no breath in", "Inhale=4", "Inhale=0", KL_ROUTINE_ERROR_RANGE, "Inhale=0",
    "[Step 2] Inhale" },
  { "no cycles", "Cycles=3", "", KL_ROUTINE_ERROR_MISSING, "[Step 2]", "[Step 2] Cycles" },
  { "zero cycles", "Cycles=3", "Cycles=0", KL_ROUTINE_ERROR_RANGE, "Cycles=0",
    "[Step 2] Cycles" },
  { "partial cycles", "Cycles=3", "Duration=25", KL_ROUTINE_ERROR_INVALID, "Duration=25",
    "[Step 2] Duration" },
  { "ball without placement", "Placement=Beside the spine.", "", KL_ROUTINE_ERROR_MISSING,
    "[Step 3]", "[Step 3] Placement" },
  { "rest without repetitions", "Sides=both", "Sides=both\nRest=10",
    KL_ROUTINE_ERROR_INVALID, "Rest=10", "[Step 1] Rest" },
  { "bad sides", "Sides=both", "Sides=left", KL_ROUTINE_ERROR_INVALID, "Sides=left",
    "[Step 1] Sides" },
  { "bad slug", "Slug=test", "Slug=Test Routine", KL_ROUTINE_ERROR_INVALID,
    "Slug=Test Routine", "[Routine] Slug" },
  { "no routine group", "[Routine]", "[Routines]", KL_ROUTINE_ERROR_MISSING, NULL,
    "[Routine]" },
};

static void
test_loader_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      const BadFile *bad = &bad_files[i];
      g_autofree char *text = replace_line (valid_file, bad->line, bad->replacement);
      g_autofree char *where = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(KlRoutine) routine = NULL;

      g_test_message ("%s", bad->what);

      routine = load_text (text, &error);
      g_assert_null (routine);
      g_assert_error (error, KL_ROUTINE_ERROR, (int) bad->code);
      g_test_message ("  %s", error->message);

      where = bad->at != NULL ? g_strdup_printf ("test.routine:%u: ", line_of (text, bad->at))
                              : g_strdup ("test.routine:");
      g_assert_true (g_str_has_prefix (error->message, where));
      if (bad->key != NULL)
        g_assert_nonnull (strstr (error->message, bad->key));
    }
}

static void
test_loader_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlRoutine) routine = load_text (valid_file, &error);
  const KlRoutineStep *step;

  g_assert_no_error (error);
  g_assert_cmpstr (kl_routine_get_slug (routine), ==, "test");
  g_assert_cmpstr (kl_routine_get_summary (routine), ==, "");
  g_assert_cmpuint (kl_routine_get_version (routine), ==, 1);
  g_assert_cmpuint (kl_routine_get_n_steps (routine), ==, 3);
  g_assert_cmpuint (g_strv_length ((char **) kl_routine_get_regions (routine)), ==, 2);
  g_assert_cmpstr (kl_routine_get_regions (routine)[1], ==, "upper-trapezius-right");
  /* 30 + 5 + 30, 3 × 10, 45 */
  g_assert_cmpint (kl_routine_get_duration_us (routine), ==, 140 * G_USEC_PER_SEC);

  step = kl_routine_get_step (routine, 2);
  g_assert_cmpstr (step->placement, ==, "Beside the spine.");
  g_assert_cmpstr (step->pressure, ==, "A tolerable 5–7 out of 10.");
  g_assert_cmpuint (g_strv_length (step->regions), ==, 0);
}

static void
test_loader_not_utf8 (void)
{
  static const char text[] = "[Routine]\nSlug=test\nName=Caf\xe9\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlRoutine) routine = kl_routine_load_from_bytes (bytes, "test.routine", &error);

  g_assert_null (routine);
  g_assert_error (error, KL_ROUTINE_ERROR, KL_ROUTINE_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "test.routine:3: "));
}

static void
test_loader_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlRoutine) routine = load_text ("", &error);
  g_autoptr(KlRoutine) no_steps = NULL;

  g_assert_null (routine);
  g_assert_error (error, KL_ROUTINE_ERROR, KL_ROUTINE_ERROR_MISSING);
  g_clear_error (&error);

  no_steps = load_text ("[Routine]\nSlug=test\nName=Test\nKind=relax\n", &error);
  g_assert_null (no_steps);
  g_assert_error (error, KL_ROUTINE_ERROR, KL_ROUTINE_ERROR_NO_STEPS);
  g_assert_true (g_str_has_prefix (error->message, "test.routine:1: [Routine]"));
}

/* A localised key in the file wins over the message catalogue. */
static void
test_loader_localised (void)
{
  g_autofree char *text = replace_line (valid_file, "Name=Test routine",
                                        "Name=Test routine\nName[de]=Testübung");
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(KlRoutine) routine = NULL;

  g_setenv ("LANGUAGE", "de", TRUE);
  routine = load_text (text, &error);
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  g_assert_no_error (error);
  g_assert_cmpstr (kl_routine_get_name (routine), ==, "Testübung");
}

/* Validation, as an editor uses it ------------------------------------------------------------ */

static KlRoutine *
build_routine (void)
{
  KlRoutine *routine = kl_routine_new ("built");
  KlRoutineStep *stretch = kl_routine_step_new (KL_ROUTINE_STEP_STRETCH);
  KlRoutineStep *breathing = kl_routine_step_new (KL_ROUTINE_STEP_BREATHING);

  kl_routine_set_name (routine, "Built");
  kl_routine_set_kind (routine, KL_ROUTINE_KIND_STRETCH);

  g_free (stretch->title);
  stretch->title = g_strdup ("Stretch");
  g_free (stretch->instruction);
  stretch->instruction = g_strdup ("Stretch it.");
  stretch->duration_us = 30 * G_USEC_PER_SEC;
  kl_routine_append_step (routine, stretch);

  g_free (breathing->title);
  breathing->title = g_strdup ("Breathe");
  g_free (breathing->instruction);
  breathing->instruction = g_strdup ("Breathe.");
  breathing->inhale_us = 4 * G_USEC_PER_SEC;
  breathing->exhale_us = 6 * G_USEC_PER_SEC;
  breathing->cycles = 6;
  kl_routine_append_step (routine, breathing);

  return routine;
}

static void
expect_problem (KlRoutine      *routine,
                KlRoutineError  code,
                int             step,
                const char     *key)
{
  g_autoptr(GError) error = NULL;
  const char *bad_key = "unset";
  int bad_step = -2;

  g_assert_false (kl_routine_validate (routine, &bad_step, &bad_key, &error));
  g_assert_error (error, KL_ROUTINE_ERROR, (int) code);
  g_assert_cmpint (bad_step, ==, step);
  g_assert_cmpstr (bad_key, ==, key);
}

static void
test_validate (void)
{
  g_autoptr(KlRoutine) routine = build_routine ();
  g_autoptr(KlRoutine) copy = NULL;
  g_autoptr(GError) error = NULL;
  const char * const bad_regions[] = { "deltoid", NULL };
  const char * const good_regions[] = { "deltoid-anterior-left", NULL };
  KlRoutineStep *stretch = kl_routine_get_step (routine, 0);
  KlRoutineStep *breathing = kl_routine_get_step (routine, 1);

  g_assert_true (kl_routine_validate (routine, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kl_routine_get_duration_us (routine), ==, 90 * G_USEC_PER_SEC);

  stretch->duration_us = 0;
  expect_problem (routine, KL_ROUTINE_ERROR_RANGE, 0, "Duration");
  stretch->duration_us = KL_ROUTINE_MAX_US + 1;
  expect_problem (routine, KL_ROUTINE_ERROR_RANGE, 0, "Duration");
  stretch->duration_us = 30 * G_USEC_PER_SEC;

  stretch->kind = 99;
  expect_problem (routine, KL_ROUTINE_ERROR_UNKNOWN_KIND, 0, "Kind");
  stretch->kind = KL_ROUTINE_STEP_BALL;
  expect_problem (routine, KL_ROUTINE_ERROR_MISSING, 0, "Placement");
  stretch->kind = KL_ROUTINE_STEP_STRETCH;

  stretch->repetitions = 0;
  expect_problem (routine, KL_ROUTINE_ERROR_RANGE, 0, "Repetitions");
  stretch->repetitions = 1;

  breathing->exhale_us = 0;
  expect_problem (routine, KL_ROUTINE_ERROR_RANGE, 1, "Exhale");
  breathing->exhale_us = 6 * G_USEC_PER_SEC;
  breathing->hold_in_us = -1;
  expect_problem (routine, KL_ROUTINE_ERROR_RANGE, 1, "HoldIn");
  breathing->hold_in_us = 0;
  breathing->sides = KL_ROUTINE_SIDES_BOTH;
  expect_problem (routine, KL_ROUTINE_ERROR_INVALID, 1, "Sides");
  breathing->sides = KL_ROUTINE_SIDES_NONE;

  kl_routine_set_regions (routine, bad_regions);
  expect_problem (routine, KL_ROUTINE_ERROR_UNKNOWN_REGION, -1, "Regions");
  kl_routine_set_regions (routine, good_regions);

  kl_routine_set_name (routine, "");
  expect_problem (routine, KL_ROUTINE_ERROR_MISSING, -1, "Name");
  kl_routine_set_name (routine, "Built");

  /* Past 60 minutes together, though each step is within bounds. */
  stretch->duration_us = (gint64) (59 * 60 + 30) * G_USEC_PER_SEC;
  expect_problem (routine, KL_ROUTINE_ERROR_RANGE, -1, NULL);
  stretch->duration_us = 30 * G_USEC_PER_SEC;

  copy = kl_routine_copy (routine);
  kl_routine_remove_step (routine, 1);
  kl_routine_remove_step (routine, 0);
  expect_problem (routine, KL_ROUTINE_ERROR_NO_STEPS, -1, NULL);

  /* The copy is deep. */
  g_assert_true (kl_routine_validate (copy, NULL, NULL, &error));
  g_assert_cmpuint (kl_routine_get_n_steps (copy), ==, 2);
  g_assert_cmpstrv (kl_routine_get_regions (copy), good_regions);
}

static void
test_vocabularies (void)
{
  KlRoutineKind kind;
  KlRoutineStepKind step_kind;

  g_assert_true (kl_routine_kind_from_string ("thermal", &kind));
  g_assert_cmpint (kind, ==, KL_ROUTINE_KIND_THERMAL);
  g_assert_cmpstr (kl_routine_kind_to_string (kind), ==, "thermal");
  g_assert_false (kl_routine_kind_from_string ("Thermal", NULL));
  g_assert_nonnull (kl_routine_kind_get_label (KL_ROUTINE_KIND_RELAX));

  g_assert_true (kl_routine_step_kind_from_string ("look", &step_kind));
  g_assert_cmpint (step_kind, ==, KL_ROUTINE_STEP_LOOK);
  g_assert_cmpstr (kl_routine_step_kind_to_string (step_kind), ==, "look");

  for (guint i = 0; kl_routine_equipment_ids ()[i] != NULL; i++)
    g_assert_nonnull (kl_routine_equipment_get_name (kl_routine_equipment_ids ()[i]));
  g_assert_null (kl_routine_equipment_get_name ("foam-roller"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/routine/builtins/content", test_builtins_match_content);
  g_test_add_func ("/routine/builtins/folder", test_builtins_match_folder);
  g_test_add_func ("/routine/builtins/safety", test_builtins_safety);
  g_test_add_func ("/routine/builtins/specific", test_builtins_specific);
  g_test_add_func ("/routine/lengths", test_lengths);
  g_test_add_func ("/routine/loader/errors", test_loader_errors);
  g_test_add_func ("/routine/loader/valid", test_loader_valid);
  g_test_add_func ("/routine/loader/not-utf8", test_loader_not_utf8);
  g_test_add_func ("/routine/loader/empty", test_loader_empty);
  g_test_add_func ("/routine/loader/localised", test_loader_localised);
  g_test_add_func ("/routine/validate", test_validate);
  g_test_add_func ("/routine/vocabularies", test_vocabularies);

  return g_test_run ();
}
