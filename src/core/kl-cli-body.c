/* kl-cli-body.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* knotless regions | knots | knot add | knot resolve */

#define G_LOG_DOMAIN "kl-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "kl-body-geometry.h"
#include "kl-body-regions.h"
#include "kl-cli-private.h"
#include "kl-csv.h"
#include "kl-export.h"
#include "kl-store.h"

int
_kl_cli_regions (const KlCliCommand *command,
                 const char         *data_dir,
                 int                 argc,
                 char              **argv)
{
  static const char * const header[] = { "id", "name", "view", "side", "group", NULL };
  g_autoptr(KlCsvWriter) csv = NULL;
  g_autoptr(GError) error = NULL;

  if (!_kl_cli_parse (command, NULL, &argc, &argv, 0))
    return KL_CLI_EXIT_USAGE;

  csv = _kl_cli_stdout_csv ();
  if (!kl_csv_writer_write_header (csv, header, NULL, &error))
    return _kl_cli_failure (error);

  for (guint i = 0; i < kl_body_regions_get_n (); i++)
    {
      const KlBodyRegion *region = kl_body_regions_get (i);

      kl_csv_writer_add_text (csv, region->id);
      kl_csv_writer_add_text (csv, _(region->name));
      kl_csv_writer_add_text (csv, kl_body_view_to_string (region->view));
      kl_csv_writer_add_text (csv, kl_body_side_to_string (region->side));
      kl_csv_writer_add_text (csv, region->group);
      if (!kl_csv_writer_end_row (csv, NULL, &error))
        return _kl_cli_failure (error);
    }

  if (!kl_csv_writer_flush (csv, NULL, &error))
    return _kl_cli_failure (error);

  return KL_CLI_EXIT_OK;
}

int
_kl_cli_knots (const KlCliCommand *command,
               const char         *data_dir,
               int                 argc,
               char              **argv)
{
  static const char * const header[] = {
    "id", "region", "view", "side", "state", "tenderness", "previous_tenderness", "referred",
    "referred_to", "twitch", "created_at", "resolved_at", "note", NULL
  };
  g_autoptr(KlCsvWriter) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autoptr(GPtrArray) knots = NULL;
  gboolean all = FALSE;
  const GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Include resolved knots"), NULL },
    { NULL }
  };

  if (!_kl_cli_parse (command, entries, &argc, &argv, 0))
    return KL_CLI_EXIT_USAGE;

  if (!(store = kl_store_open (data_dir, &error)) ||
      !(knots = kl_store_list_knots (store, all, &error)))
    return _kl_cli_failure (error);

  csv = _kl_cli_stdout_csv ();
  if (!kl_csv_writer_write_header (csv, header, NULL, &error))
    return _kl_cli_failure (error);

  for (guint i = 0; i < knots->len; i++)
    {
      KlKnot *knot = g_ptr_array_index (knots, i);
      const KlBodyRegion *region = kl_body_regions_lookup (kl_knot_get_region (knot));

      kl_csv_writer_add_int (csv, kl_knot_get_id (knot));
      kl_csv_writer_add_text (csv, kl_knot_get_region (knot));
      kl_csv_writer_add_text (csv, kl_body_view_to_string (region->view));
      kl_csv_writer_add_text (csv, kl_body_side_to_string (region->side));
      kl_csv_writer_add_text (csv, kl_knot_state_to_string (kl_knot_get_state (knot)));
      if (kl_knot_get_tenderness (knot) != KL_KNOT_NO_RATING)
        kl_csv_writer_add_int (csv, kl_knot_get_tenderness (knot));
      else
        kl_csv_writer_add_empty (csv);
      if (kl_knot_get_previous_tenderness (knot) != KL_KNOT_NO_RATING)
        kl_csv_writer_add_int (csv, kl_knot_get_previous_tenderness (knot));
      else
        kl_csv_writer_add_empty (csv);
      kl_csv_writer_add_text (csv, kl_knot_get_referred (knot) ? "yes" : "no");
      kl_csv_writer_add_text (csv, kl_knot_get_referred_to (knot));
      kl_csv_writer_add_text (csv, kl_twitch_to_string (kl_knot_get_twitch (knot)));
      kl_export_add_date_time (csv, kl_knot_get_created (knot));
      kl_export_add_date_time (csv, kl_knot_get_resolved (knot));
      kl_csv_writer_add_text (csv, kl_knot_get_note (knot));
      if (!kl_csv_writer_end_row (csv, NULL, &error))
        return _kl_cli_failure (error);
    }

  if (!kl_csv_writer_flush (csv, NULL, &error))
    return _kl_cli_failure (error);

  return KL_CLI_EXIT_OK;
}

/* REGION is an id ("upper-trapezius-left") or a muscle or area on its own ("upper-trapezius"),
 * which needs --side when it has two. */
static const KlBodyRegion *
resolve_region (const char *name,
                const char *side_text,
                int        *out_status)
{
  const KlBodyRegion *region = kl_body_regions_lookup (name);
  KlBodySide side = KL_BODY_SIDE_NONE;

  if (side_text != NULL && !kl_body_side_from_string (side_text, &side))
    {
      *out_status = _kl_cli_usage_error (_("--side must be “left” or “right”, not “%s”"),
                                         side_text);
      return NULL;
    }

  if (region != NULL)
    {
      if (side_text != NULL && region->side != side)
        {
          *out_status = _kl_cli_usage_error (_("region “%s” is not on the %s side"),
                                             name, side_text);
          return NULL;
        }
      return region;
    }

  if (side != KL_BODY_SIDE_NONE && (region = kl_body_regions_lookup_sided (name, side)) != NULL)
    return region;

  if (side == KL_BODY_SIDE_NONE &&
      kl_body_regions_lookup_sided (name, KL_BODY_SIDE_LEFT) != NULL)
    {
      *out_status = _kl_cli_usage_error (_("“%s” is on both sides: add --side left or "
                                           "--side right"), name);
      return NULL;
    }

  *out_status = _kl_cli_usage_error (_("unknown region “%s” (“knotless regions” lists them)"),
                                     name);
  return NULL;
}

static int
add_knot (const KlCliCommand *command,
          const char         *data_dir,
          int                 argc,
          char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autoptr(KlKnot) knot = NULL;
  g_autofree char *side = NULL;
  g_autofree char *pain = NULL;
  g_autofree char *note = NULL;
  const KlBodyRegion *region;
  KlBodyGeometry *geometry;
  gboolean latent = FALSE;
  gint64 tenderness = KL_KNOT_NO_RATING;
  double x, y;
  int status = KL_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "side", 0, 0, G_OPTION_ARG_STRING, &side, N_("The person’s own side"), N_("left|right") },
    { "latent", 0, 0, G_OPTION_ARG_NONE, &latent, N_("Hurts only when pressed"), NULL },
    { "pain", 0, 0, G_OPTION_ARG_STRING, &pain, N_("Tenderness when pressed"), N_("0–10") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note"), N_("TEXT") },
    { NULL }
  };

  if (!_kl_cli_parse (command, entries, &argc, &argv, 1))
    return KL_CLI_EXIT_USAGE;

  if (!(region = resolve_region (argv[1], side, &status)))
    return status;

  if (pain != NULL && !g_ascii_string_to_signed (pain, 10, 0, 10, &tenderness, NULL))
    return _kl_cli_usage_error (_("--pain must be a whole number from 0 to 10, not “%s”"), pain);

  /* Before the store is opened: bad input writes nothing, not even a new empty journal. */
  if (!(geometry = kl_body_geometry_get_for_view (region->view, &error)) ||
      !kl_body_geometry_get_region_centre (geometry, region->id, &x, &y))
    return _kl_cli_failure (error);

  knot = kl_knot_new ();
  kl_knot_set_region (knot, region->id);
  kl_knot_set_position (knot,
                        x / kl_body_geometry_get_width (geometry),
                        y / kl_body_geometry_get_height (geometry));
  kl_knot_set_state (knot, latent ? KL_KNOT_LATENT : KL_KNOT_ACTIVE);
  kl_knot_set_note (knot, note);

  if (!(store = kl_store_open (data_dir, &error)) ||
      !kl_store_add_knot (store, knot, (int)tenderness, &error))
    return _kl_cli_failure (error);

  g_print ("%" G_GINT64_FORMAT "\n", kl_knot_get_id (knot));
  return KL_CLI_EXIT_OK;
}

static int
resolve_knot (const KlCliCommand *command,
              const char         *data_dir,
              int                 argc,
              char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autoptr(KlKnot) knot = NULL;
  guint64 id;

  if (!_kl_cli_parse (command, NULL, &argc, &argv, 1))
    return KL_CLI_EXIT_USAGE;

  if (!g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    return _kl_cli_usage_error (_("a knot id is a whole number, not “%s”"), argv[1]);

  if (!(store = kl_store_open (data_dir, &error)))
    return _kl_cli_failure (error);

  if (!(knot = kl_store_get_knot (store, (gint64)id, &error)))
    {
      if (g_error_matches (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND))
        return _kl_cli_usage_error (_("unknown knot id “%s” (“knotless knots --all” lists them)"),
                                    argv[1]);
      return _kl_cli_failure (error);
    }

  if (!kl_knot_is_resolved (knot) && !kl_store_set_knot_resolved (store, knot, TRUE, &error))
    return _kl_cli_failure (error);

  return KL_CLI_EXIT_OK;
}

/* "knot add …" and "knot resolve …" share the word "knot". */
static const KlCliCommand knot_commands[] = {
  { "add", "REGION [--side left|right] [--latent] [--pain N] [--note TEXT]",
    N_("mark a knot; prints its id"), add_knot },
  { "resolve", "ID", N_("mark a knot as resolved"), resolve_knot },
};

int
_kl_cli_knot (const KlCliCommand *command,
              const char         *data_dir,
              int                 argc,
              char              **argv)
{
  for (guint i = 0; argc > 1 && i < G_N_ELEMENTS (knot_commands); i++)
    {
      if (g_str_equal (argv[1], knot_commands[i].name))
        {
          KlCliCommand sub = knot_commands[i];
          g_autofree char *name = g_strdup_printf ("knot %s", sub.name);

          sub.name = name;
          return sub.run (&sub, data_dir, argc - 1, argv + 1);
        }
    }

  if (argc < 2)
    return _kl_cli_usage_error (_("“knot” needs “add” or “resolve”"));

  return _kl_cli_usage_error (_("unknown command “knot %s”"), argv[1]);
}
