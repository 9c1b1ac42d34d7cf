/* kl-routines-page.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-routines-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "kl-body-regions.h"
#include "kl-knot.h"
#include "kl-routine-editor.h"
#include "kl-routine.h"
#include "kl-routines-page.h"
#include "kl-screening-dialog.h"
#include "kl-window.h"

/* The user's own results count for the ranking only from this many rated sessions. */
#define MIN_RATED_FOR_RANKING 3
/* Region names in a row's subtitle before "and N others". */
#define MAX_REGION_NAMES 3

struct _KlRoutinesPage
{
  AdwBin               parent_instance;

  KlStore             *store;
  GPtrArray           *routines;       /* KlRoutine, in the store's order */
  GArray              *stats;          /* KlRoutineStats, one per routine */
  GPtrArray           *knot_regions;   /* region ids of the active knots */
  char                *shown_slug;     /* the routine of the detail, or NULL */
  GtkWidget           *activated_row;  /* weak: where focus returns from the detail */
  gboolean             screening_offered;

  GtkStack            *stack;
  GtkDropDown         *area_dropdown;
  GtkDropDown         *length_dropdown;
  AdwPreferencesGroup *for_you_group;
  GPtrArray           *for_you_rows;
  GtkBox              *groups_box;
  AdwStatusPage       *empty_status;
  GtkButton           *back_button;
  GtkLabel            *name_label;
  GtkLabel            *summary_label;
  GtkButton           *start_button;
  GtkButton           *duplicate_button;
  GtkButton           *edit_button;
  GtkButton           *delete_button;
  GtkLabel            *builtin_label;
  GtkBox              *length_box;
  AdwActionRow        *total_row;     /* weak: the detail's Total Time, for the length chosen */
  GtkWidget           *steps_group;   /* weak: the detail's Steps, for the length chosen */
  GPtrArray           *step_rows;     /* the rows in steps_group (it owns them) */
  GtkScrolledWindow   *detail_scroller;
  GtkBox              *detail_box;
  GtkButton           *new_button;
};

G_DEFINE_FINAL_TYPE (KlRoutinesPage, kl_routines_page, ADW_TYPE_BIN)

/* The library's groups, in this order. */
static const struct {
  KlRoutineKind  kind;
  const char    *title;
} kind_groups[] = {
  { KL_ROUTINE_KIND_BREATHING, N_("Breathing") },
  { KL_ROUTINE_KIND_STRETCH, N_("Stretches") },
  { KL_ROUTINE_KIND_BALL, N_("Tennis Ball") },
  { KL_ROUTINE_KIND_THERMAL, N_("Heat & Cold") },
  { KL_ROUTINE_KIND_RELAX, N_("Relaxation") },
  { KL_ROUTINE_KIND_BREAK, N_("Desk Breaks") },
};

/* The length drop-down: from (inclusive) and up to (exclusive, 0 for no limit), in seconds. */
static const struct {
  gint64      from_s;
  gint64      to_s;
  const char *label;
} lengths[] = {
  { 0, 0, N_("Any Length") },
  { 0, 3 * 60, N_("Under 3 Minutes") },
  { 3 * 60, 10 * 60 + 1, N_("3 to 10 Minutes") },
  { 10 * 60 + 1, 0, N_("Over 10 Minutes") },
};

GtkWidget *
kl_routines_page_new (void)
{
  return g_object_new (KL_TYPE_ROUTINES_PAGE, NULL);
}

static void
show_error (KlRoutinesPage *self,
            const GError   *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (KL_IS_WINDOW (root))
    kl_window_show_toast (KL_WINDOW (root), error->message);
  else
    g_warning ("%s", error->message);
}

/* Text */

/* "3:20" */
static char *
format_total (gint64 us)
{
  gint64 s = (us + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC;

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d", s / 60, (int) (s % 60));
}

/* "30 s", "1.5 s", "2 min", "1:30" */
static char *
format_span (gint64 us)
{
  gint64 ms = us / 1000;

  if (ms % 1000 != 0)
    /* Translators: a time in seconds with a fraction */
    return g_strdup_printf (_("%.1f s"), ms / 1000.0);
  if (ms < 60 * 1000)
    /* Translators: a time in seconds */
    return g_strdup_printf (_("%d s"), (int) (ms / 1000));
  if (ms % (60 * 1000) == 0)
    /* Translators: a time in whole minutes */
    return g_strdup_printf (_("%d min"), (int) (ms / 60000));

  return format_total (us);
}

/* "−1.5", "+0.5", "0" */
static char *
format_change (double change)
{
  if (change < -0.05)
    return g_strdup_printf ("−%.1f", fabs (change));
  if (change > 0.05)
    return g_strdup_printf ("+%.1f", change);
  return g_strdup ("0");
}

/* "Upper trapezius, Levator scapulae": each muscle once, whatever its sides. */
static char *
dup_region_names (const char * const *regions)
{
  g_autoptr(GPtrArray) bases = g_ptr_array_new ();
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; regions != NULL && regions[i] != NULL; i++)
    {
      const KlBodyRegion *region = kl_body_regions_lookup (regions[i]);

      if (region == NULL || g_ptr_array_find_with_equal_func (bases, region->base, g_str_equal,
                                                              NULL))
        continue;
      g_ptr_array_add (bases, (gpointer) region->base);
      if (bases->len <= MAX_REGION_NAMES)
        {
          if (names->len > 0)
            /* Translators: between the names of body regions */
            g_string_append (names, _(", "));
          g_string_append (names, _(region->name));
        }
    }

  if (bases->len > MAX_REGION_NAMES)
    {
      guint others = bases->len - MAX_REGION_NAMES;

      /* Translators: %s is a list of body regions, %u how many more there are */
      return g_strdup_printf (ngettext ("%s and %u other", "%s and %u others", others),
                              names->str, others);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
dup_step_timing (const KlRoutineStep *step)
{
  g_autofree char *one = NULL;
  g_autofree char *sided = NULL;

  if (step->kind == KL_ROUTINE_STEP_BREATHING)
    {
      g_autoptr(GString) phases = g_string_new (NULL);
      const struct { gint64 us; const char *name; } parts[] = {
        /* Translators: the phases of one breath, each followed by its time ("in 4 s") */
        { step->inhale_us, N_("in") }, { step->top_up_us, N_("top up") },
        { step->hold_in_us, N_("hold") }, { step->exhale_us, N_("out") },
        { step->hold_out_us, N_("hold") },
      };

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          g_autofree char *span = NULL;

          if (parts[i].us == 0)
            continue;
          span = format_span (parts[i].us);
          if (phases->len > 0)
            g_string_append (phases, _(", "));
          /* Translators: a phase of a breath and its time: "in 4 s" */
          g_string_append_printf (phases, C_("breath phase", "%s %s"), _(parts[i].name), span);
        }

      /* Translators: the phases of one breath, then how many breaths */
      return g_strdup_printf (ngettext ("%s; %u breath", "%s; %u breaths", step->cycles),
                              phases->str, step->cycles);
    }

  one = format_span (step->duration_us);
  if (step->sides == KL_ROUTINE_SIDES_BOTH)
    /* Translators: a time held on each side in turn ("30 s each side") */
    sided = g_strdup_printf (_("%s each side"), one);
  else
    sided = g_steal_pointer (&one);

  if (step->repetitions > 1)
    /* Translators: a time and how many times ("30 s each side × 2") */
    return g_strdup_printf (_("%s × %u"), sided, step->repetitions);

  return g_steal_pointer (&sided);
}

static char *
dup_stats_text (const KlRoutineStats *stats)
{
  g_autofree char *sessions = NULL;
  g_autofree char *change = NULL;

  if (stats->n_sessions == 0)
    return g_strdup (_("No sessions yet"));

  /* Translators: how many times a routine was started */
  sessions = g_strdup_printf (ngettext ("n = %u session", "n = %u sessions", stats->n_sessions),
                              stats->n_sessions);
  if (stats->relief.n_rated == 0)
    /* Translators: %s is "n = 2 sessions" */
    return g_strdup_printf (_("%s, none rated before and after"), sessions);

  change = format_change (stats->relief.median_change);
  /* Translators: "n = 4 sessions, median change −1.5, 2 of 4 meaningful": the pain after a
   * session minus before, and how many of the rated sessions brought it down by 2 points or
   * 30 % */
  return g_strdup_printf (_("%s, median change %s, %u of %u meaningful"), sessions, change,
                          stats->relief.n_meaningful_drops, stats->relief.n_rated);
}

static AdwActionRow *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Routine text is plain text: "Bandy & Irion" is not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return ADW_ACTION_ROW (row);
}

/* The library */

static gboolean
routine_has_region_in (KlRoutine  *routine,
                       const char *group)
{
  const char * const *regions = kl_routine_get_regions (routine);

  for (guint i = 0; regions != NULL && regions[i] != NULL; i++)
    {
      const KlBodyRegion *region = kl_body_regions_lookup (regions[i]);

      if (region != NULL && g_strcmp0 (region->group, group) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
routine_matches_filters (KlRoutinesPage *self,
                         KlRoutine      *routine)
{
  guint area = gtk_drop_down_get_selected (self->area_dropdown);
  guint length = gtk_drop_down_get_selected (self->length_dropdown);
  gint64 seconds = kl_routine_get_duration_us (routine) / G_USEC_PER_SEC;

  if (area != GTK_INVALID_LIST_POSITION && area > 0 &&
      !routine_has_region_in (routine, kl_body_groups ()[area - 1]))
    return FALSE;

  if (length != GTK_INVALID_LIST_POSITION && length > 0 &&
      (seconds < lengths[length].from_s ||
       (lengths[length].to_s > 0 && seconds >= lengths[length].to_s)))
    return FALSE;

  return TRUE;
}

/* How many of the routine's regions have an active knot. */
static guint
count_fit (KlRoutinesPage *self,
           KlRoutine      *routine)
{
  const char * const *regions = kl_routine_get_regions (routine);
  guint fit = 0;

  for (guint i = 0; regions != NULL && regions[i] != NULL; i++)
    {
      if (g_ptr_array_find_with_equal_func (self->knot_regions, regions[i], g_str_equal, NULL))
        fit++;
    }

  return fit;
}

static void
row_activated_cb (KlRoutinesPage *self,
                  AdwActionRow   *row)
{
  const char *slug = g_object_get_data (G_OBJECT (row), "slug");

  g_set_weak_pointer (&self->activated_row, GTK_WIDGET (row));
  kl_routines_page_show_detail (self, slug);
}

static GtkWidget *
new_routine_row (KlRoutinesPage       *self,
                 KlRoutine            *routine,
                 const KlRoutineStats *stats)
{
  g_autofree char *total = format_total (kl_routine_get_duration_us (routine));
  g_autofree char *names = dup_region_names (kl_routine_get_regions (routine));
  g_autofree char *subtitle = NULL;
  AdwActionRow *row;
  GtkWidget *chevron;

  if (names[0] != '\0')
    /* Translators: a routine's length and the body regions it works on: "3:20 · Upper
     * trapezius, Levator scapulae" */
    subtitle = g_strdup_printf (_("%s · %s"), total, names);
  else
    subtitle = g_strdup (total);

  if (stats != NULL && stats->relief.n_rated >= MIN_RATED_FOR_RANKING)
    {
      g_autofree char *change = format_change (stats->relief.median_change);
      g_autofree char *with_stats = NULL;

      /* Translators: a routine's subtitle, then the median change of the user's pain after it
       * and over how many rated sessions */
      with_stats = g_strdup_printf (_("%s · your median change %s (n = %u)"), subtitle, change,
                                    stats->relief.n_rated);
      g_free (subtitle);
      subtitle = g_steal_pointer (&with_stats);
    }

  row = new_row (kl_routine_get_name (routine), subtitle);
  chevron = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (chevron), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (row, chevron);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "slug", g_strdup (kl_routine_get_slug (routine)),
                          g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  return GTK_WIDGET (row);
}

typedef struct
{
  guint    index;
  guint    fit;
  guint    n_regions;
  gboolean rated;
  double   median_change;
} Ranked;

/* The user's own results first (the most relief first), then the most knots covered, then the
 * most focused routine: a routine for the one muscle before a full-body one. */
static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a;
  const Ranked *y = b;

  if (x->rated != y->rated)
    return x->rated ? -1 : 1;
  if (x->rated && x->median_change != y->median_change)
    return x->median_change < y->median_change ? -1 : 1;
  if (x->fit != y->fit)
    return x->fit > y->fit ? -1 : 1;
  if (x->n_regions != y->n_regions)
    return x->n_regions < y->n_regions ? -1 : 1;

  return x->index < y->index ? -1 : (x->index > y->index ? 1 : 0);
}

static guint
fill_for_you (KlRoutinesPage *self)
{
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));

  for (guint i = 0; i < self->for_you_rows->len; i++)
    adw_preferences_group_remove (self->for_you_group, g_ptr_array_index (self->for_you_rows, i));
  g_ptr_array_set_size (self->for_you_rows, 0);

  for (guint i = 0; i < self->routines->len && self->knot_regions->len > 0; i++)
    {
      KlRoutine *routine = g_ptr_array_index (self->routines, i);
      const KlRoutineStats *stats = &g_array_index (self->stats, KlRoutineStats, i);
      Ranked entry = { .index = i };

      if (!routine_matches_filters (self, routine))
        continue;
      entry.fit = count_fit (self, routine);
      if (entry.fit == 0)
        continue;
      entry.n_regions = g_strv_length ((char **) kl_routine_get_regions (routine));
      entry.rated = stats->relief.n_rated >= MIN_RATED_FOR_RANKING;
      entry.median_change = stats->relief.median_change;
      g_array_append_val (ranked, entry);
    }

  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    {
      guint index = g_array_index (ranked, Ranked, i).index;
      GtkWidget *row = new_routine_row (self, g_ptr_array_index (self->routines, index),
                                        &g_array_index (self->stats, KlRoutineStats, index));

      adw_preferences_group_add (self->for_you_group, row);
      g_ptr_array_add (self->for_you_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->for_you_group), ranked->len > 0);

  return ranked->len;
}

static void
fill_library (KlRoutinesPage *self)
{
  GtkWidget *child;
  guint n_shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);

  n_shown += fill_for_you (self);

  for (guint g = 0; g < G_N_ELEMENTS (kind_groups); g++)
    {
      GtkWidget *group = NULL;

      for (guint i = 0; i < self->routines->len; i++)
        {
          KlRoutine *routine = g_ptr_array_index (self->routines, i);

          if (kl_routine_get_kind (routine) != kind_groups[g].kind ||
              !routine_matches_filters (self, routine))
            continue;

          if (group == NULL)
            {
              g_autofree char *title = g_markup_escape_text (_(kind_groups[g].title), -1);

              group = adw_preferences_group_new ();
              adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
              gtk_box_append (self->groups_box, group);
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     new_routine_row (self, routine,
                                                      &g_array_index (self->stats,
                                                                      KlRoutineStats, i)));
          n_shown++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->empty_status), n_shown == 0);
}

static void
filter_changed_cb (KlRoutinesPage *self)
{
  if (self->routines != NULL)
    fill_library (self);
}

static gboolean
read_knot_regions (KlRoutinesPage  *self,
                   GError         **error)
{
  g_autoptr(GPtrArray) knots = kl_store_list_knots (self->store, FALSE, error);

  if (knots == NULL)
    return FALSE;

  g_ptr_array_set_size (self->knot_regions, 0);
  for (guint i = 0; i < knots->len; i++)
    {
      KlKnot *knot = g_ptr_array_index (knots, i);
      const char *region = kl_knot_get_region (knot);

      if (kl_knot_get_state (knot) == KL_KNOT_ACTIVE &&
          !g_ptr_array_find_with_equal_func (self->knot_regions, region, g_str_equal, NULL))
        g_ptr_array_add (self->knot_regions, g_strdup (region));
    }

  return TRUE;
}

void
kl_routines_page_reload (KlRoutinesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) routines = NULL;
  g_autoptr(GArray) stats = NULL;

  g_return_if_fail (KL_IS_ROUTINES_PAGE (self));

  if (self->store == NULL)
    return;

  routines = kl_store_list_routines (self->store, &error);
  if (routines == NULL || !read_knot_regions (self, &error))
    {
      show_error (self, error);
      return;
    }

  stats = g_array_sized_new (FALSE, TRUE, sizeof (KlRoutineStats), routines->len);
  g_array_set_size (stats, routines->len);
  for (guint i = 0; i < routines->len; i++)
    {
      KlRoutine *routine = g_ptr_array_index (routines, i);

      if (!kl_store_get_routine_stats (self->store, kl_routine_get_slug (routine),
                                       &g_array_index (stats, KlRoutineStats, i), &error))
        {
          show_error (self, error);
          return;
        }
    }

  g_clear_pointer (&self->routines, g_ptr_array_unref);
  g_clear_pointer (&self->stats, g_array_unref);
  self->routines = g_steal_pointer (&routines);
  self->stats = g_steal_pointer (&stats);
  fill_library (self);
}

void
kl_routines_page_set_store (KlRoutinesPage *self,
                            KlStore        *store)
{
  g_return_if_fail (KL_IS_ROUTINES_PAGE (self));
  g_return_if_fail (KL_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  gtk_stack_set_visible_child_name (self->stack, "library");
  g_clear_pointer (&self->shown_slug, g_free);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    kl_routines_page_reload (self);
}

/* Safety screening */

static void
screening_saved_cb (KlRoutinesPage *self)
{
  if (self->shown_slug != NULL)
    {
      g_autofree char *slug = g_strdup (self->shown_slug);

      kl_routines_page_show_detail (self, slug);
    }
}

static void
present_screening (KlRoutinesPage *self)
{
  KlScreeningDialog *dialog = kl_screening_dialog_new (self->store);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  self->screening_offered = TRUE;
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
      gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (screening_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
safety_activated_cb (KlRoutinesPage *self)
{
  if (self->store != NULL)
    present_screening (self);
}

/* The detail */

static GtkWidget *
add_group (KlRoutinesPage *self,
           const char     *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->detail_box, group);

  return group;
}

static void
add_warning_row (GtkWidget  *group,
                 const char *text,
                 const char *style)
{
  AdwActionRow *row = new_row (text, NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, style);
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (row, icon);
  gtk_widget_add_css_class (GTK_WIDGET (row), "caution-row");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (row));
}

static void
set_routine_action (GtkButton  *button,
                    const char *action_name,
                    KlRoutine  *routine)
{
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_string (kl_routine_get_slug (routine)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
}

/* The Steps group's rows, for @routine as it will play. */
static void
fill_steps (KlRoutinesPage *self,
            KlRoutine      *routine)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self->steps_group);

  if (group == NULL)
    return;

  for (guint i = 0; i < self->step_rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (self->step_rows, i));
  g_ptr_array_set_size (self->step_rows, 0);

  for (guint i = 0; i < kl_routine_get_n_steps (routine); i++)
    {
      const KlRoutineStep *step = kl_routine_get_step (routine, i);
      g_autofree char *timing = dup_step_timing (step);
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;

      if (step->avoid != NULL && step->avoid[0] != '\0')
        /* Translators: a step's timing, its instruction, and where not to press */
        subtitle = g_strdup_printf (_("%s\n%s\nAvoid: %s"), timing, step->instruction,
                                    step->avoid);
      else
        /* Translators: a step's timing, then its instruction */
        subtitle = g_strdup_printf (_("%s\n%s"), timing, step->instruction);
      row = new_row (step->title, subtitle);
      adw_preferences_group_add (group, GTK_WIDGET (row));
      g_ptr_array_add (self->step_rows, row);
    }
}

static void
length_toggled_cb (GtkToggleButton *button,
                   KlRoutinesPage  *self)
{
  GtkActionable *start = GTK_ACTIONABLE (self->start_button);
  gint64 length_us = *(gint64 *) g_object_get_data (G_OBJECT (button), "length-us");

  if (!gtk_toggle_button_get_active (button))
    return;

  if (self->total_row != NULL)
    {
      g_autofree char *total = format_total (length_us);

      adw_action_row_set_subtitle (self->total_row, total);
    }

  /* The steps as they will play: "30 breaths" becomes 60 at ten minutes. */
  {
    KlRoutine *routine = g_object_get_data (G_OBJECT (button), "routine");
    g_autoptr(KlRoutine) chosen = kl_routine_copy_for_length (routine, length_us, NULL);

    if (chosen != NULL)
      fill_steps (self, chosen);
  }

  /* The name again after the target, so that the two always agree on the parameter's type. */
  gtk_actionable_set_action_name (start, NULL);
  gtk_actionable_set_action_target (start, "(sx)",
                                    g_object_get_data (G_OBJECT (button), "slug"), length_us);
  gtk_actionable_set_action_name (start, "win.play-routine-length");
}

/* A routine offered at several lengths (resonance breathing: 5, 10 or 20 minutes) gets one
 * linked toggle per length, its own length chosen, and Start plays the length chosen. */
static void
fill_lengths (KlRoutinesPage *self,
              KlRoutine      *routine)
{
  guint n_lengths = 0;
  const gint64 *offered = kl_routine_get_lengths (routine, &n_lengths);
  gint64 own_us = kl_routine_get_duration_us (routine);
  GtkToggleButton *group = NULL, *closest = NULL;
  gint64 closest_us = G_MAXINT64;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->length_box))) != NULL)
    gtk_box_remove (self->length_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self->length_box), n_lengths > 1);
  if (n_lengths <= 1)
    return;

  for (guint i = 0; i < n_lengths; i++)
    {
      /* TRANSLATORS: a routine's length, in minutes: "10 min" */
      g_autofree char *label = g_strdup_printf (_("%u min"),
                                                (guint) ((offered[i] + 30 * G_USEC_PER_SEC) /
                                                         (60 * G_USEC_PER_SEC)));
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      g_object_set_data_full (G_OBJECT (button), "length-us",
                              g_memdup2 (&offered[i], sizeof (gint64)), g_free);
      g_object_set_data_full (G_OBJECT (button), "slug", g_strdup (kl_routine_get_slug (routine)),
                              g_free);
      g_object_set_data_full (G_OBJECT (button), "routine", g_object_ref (routine),
                              g_object_unref);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (length_toggled_cb), self);
      gtk_box_append (self->length_box, button);

      if (ABS (offered[i] - own_us) < closest_us)
        {
          closest_us = ABS (offered[i] - own_us);
          closest = GTK_TOGGLE_BUTTON (button);
        }
    }
  gtk_toggle_button_set_active (closest, TRUE);
}

static void
fill_detail (KlRoutinesPage       *self,
             KlRoutine            *routine,
             const KlRoutineStats *stats,
             GPtrArray            *warnings)
{
  g_autofree char *total = format_total (kl_routine_get_duration_us (routine));
  g_autofree char *areas = dup_region_names (kl_routine_get_regions (routine));
  g_autofree char *stats_text = dup_stats_text (stats);
  g_autoptr(GString) equipment = g_string_new (NULL);
  const char * const *equipment_ids = kl_routine_get_equipment (routine);
  const char * const *sources = kl_routine_get_sources (routine);
  const char *cautions = kl_routine_get_cautions (routine);
  GtkWidget *child;
  GtkWidget *group;
  gboolean builtin;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->detail_box))) != NULL)
    gtk_box_remove (self->detail_box, child);

  gtk_label_set_text (self->name_label, kl_routine_get_name (routine));
  gtk_label_set_text (self->summary_label, kl_routine_get_summary (routine));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->start_button), NULL);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->start_button),
                                          g_variant_new_string (kl_routine_get_slug (routine)));
  /* The action only with its target: a slug-less win.play-routine cannot be activated. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->start_button), "win.play-routine");
  set_routine_action (self->duplicate_button, "routines.duplicate", routine);
  set_routine_action (self->edit_button, "routines.edit", routine);
  set_routine_action (self->delete_button, "routines.delete", routine);
  /* A built-in is only ever copied: the store refuses to change or delete one. */
  builtin = kl_routine_is_builtin_slug (kl_routine_get_slug (routine));
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), !builtin);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), !builtin);
  gtk_widget_set_visible (GTK_WIDGET (self->builtin_label), builtin);

  for (guint i = 0; equipment_ids != NULL && equipment_ids[i] != NULL; i++)
    {
      const char *name = kl_routine_equipment_get_name (equipment_ids[i]);

      if (equipment->len > 0)
        g_string_append (equipment, _(", "));
      g_string_append (equipment, name != NULL ? name : equipment_ids[i]);
    }

  group = add_group (self, _("About"));
  g_set_weak_pointer (&self->total_row, new_row (_("Total Time"), total));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->total_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             GTK_WIDGET (new_row (_("Kind"),
                                                  kl_routine_kind_get_label (kl_routine_get_kind (routine)))));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             GTK_WIDGET (new_row (_("Equipment"),
                                                  equipment->len > 0 ? equipment->str
                                                                     : _("Nothing"))));
  if (areas[0] != '\0')
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               GTK_WIDGET (new_row (_("Areas"), areas)));

  if ((cautions != NULL && cautions[0] != '\0') || warnings->len > 0)
    {
      group = add_group (self, _("Before You Start"));
      for (guint i = 0; i < warnings->len; i++)
        add_warning_row (group, g_ptr_array_index (warnings, i), "error");
      if (cautions != NULL && cautions[0] != '\0')
        add_warning_row (group, cautions, "warning");
    }

  g_set_weak_pointer (&self->steps_group, add_group (self, _("Steps")));
  g_ptr_array_set_size (self->step_rows, 0);
  fill_steps (self, routine);

  group = add_group (self, _("Your Results"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             GTK_WIDGET (new_row (stats_text, NULL)));

  if (sources != NULL && sources[0] != NULL)
    {
      group = add_group (self, _("Sources"));
      for (guint i = 0; sources[i] != NULL; i++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   GTK_WIDGET (new_row (sources[i], NULL)));
    }

  fill_lengths (self, routine);
}

gboolean
kl_routines_page_show_detail (KlRoutinesPage *self,
                              const char     *slug)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  KlRoutineStats stats;
  KlRoutine *routine = NULL;
  gboolean unanswered = FALSE;

  g_return_val_if_fail (KL_IS_ROUTINES_PAGE (self), FALSE);
  g_return_val_if_fail (slug != NULL, FALSE);

  if (self->store == NULL)
    return FALSE;
  if (self->routines == NULL)
    kl_routines_page_reload (self);

  for (guint i = 0; self->routines != NULL && i < self->routines->len; i++)
    {
      if (g_str_equal (kl_routine_get_slug (g_ptr_array_index (self->routines, i)), slug))
        routine = g_ptr_array_index (self->routines, i);
    }
  if (routine == NULL)
    return FALSE;

  if (!kl_store_get_routine_stats (self->store, slug, &stats, &error) ||
      (warnings = kl_screening_dup_warnings (self->store, routine, &error)) == NULL)
    {
      show_error (self, error);
      return FALSE;
    }

  if (self->shown_slug != slug)
    {
      g_free (self->shown_slug);
      self->shown_slug = g_strdup (slug);
    }
  fill_detail (self, routine, &stats, warnings);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "detail");
  gtk_widget_grab_focus (GTK_WIDGET (self->back_button));

  /* Asked once, before the first press of a ball on the body. */
  if (kl_routine_get_kind (routine) == KL_ROUTINE_KIND_BALL && !self->screening_offered)
    {
      if (!kl_screening_is_unanswered (self->store, &unanswered, &error))
        show_error (self, error);
      else if (unanswered)
        present_screening (self);
    }

  return TRUE;
}

/* The editor */

static void
editor_saved_cb (KlRoutinesPage *self,
                 const char     *slug)
{
  g_set_weak_pointer (&self->activated_row, NULL);
  kl_routines_page_reload (self);
  kl_routines_page_show_detail (self, slug);
}

static void
present_editor (KlRoutinesPage  *self,
                KlRoutineEditor *editor)
{
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static GtkWindow *
get_window (KlRoutinesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
kl_routines_page_new_routine (KlRoutinesPage *self)
{
  g_return_if_fail (KL_IS_ROUTINES_PAGE (self));

  if (self->store != NULL)
    present_editor (self, kl_routine_editor_new_routine (get_window (self), self->store, NULL));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  kl_routines_page_new_routine (KL_ROUTINES_PAGE (widget));
}

/* What the store has under the slug of @parameter, or NULL with the error shown. */
static KlRoutine *
get_routine (KlRoutinesPage *self,
             GVariant       *parameter)
{
  g_autoptr(GError) error = NULL;
  KlRoutine *routine;

  if (self->store == NULL)
    return NULL;

  routine = kl_store_get_routine (self->store, g_variant_get_string (parameter, NULL), &error);
  if (routine == NULL)
    show_error (self, error);

  return routine;
}

/* A copy to change, stored only when saved. */
static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KlRoutinesPage *self = KL_ROUTINES_PAGE (widget);
  g_autoptr(KlRoutine) routine = get_routine (self, parameter);

  if (routine != NULL)
    present_editor (self, kl_routine_editor_new_routine (get_window (self), self->store, routine));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlRoutinesPage *self = KL_ROUTINES_PAGE (widget);
  g_autoptr(KlRoutine) routine = get_routine (self, parameter);

  if (routine != NULL)
    present_editor (self, kl_routine_editor_new_edit (get_window (self), self->store, routine));
}

typedef struct
{
  KlRoutinesPage *page;     /* weak */
  KlStore        *store;
  KlRoutine      *routine;
} Deleted;

static void
deleted_free (Deleted *deleted)
{
  g_clear_weak_pointer (&deleted->page);
  g_clear_object (&deleted->store);
  g_clear_object (&deleted->routine);
  g_free (deleted);
}

static void
deleted_closure_notify (gpointer  data,
                        GClosure *closure)
{
  deleted_free (data);
}

static void
undo_delete_cb (AdwToast *toast,
                Deleted  *deleted)
{
  g_autoptr(GError) error = NULL;
  KlRoutinesPage *self = deleted->page;

  if (!kl_store_restore_routine (deleted->store, deleted->routine, &error))
    {
      if (self != NULL)
        show_error (self, error);
      return;
    }

  if (self != NULL && self->store == deleted->store)
    {
      kl_routines_page_reload (self);
      kl_routines_page_show_detail (self, kl_routine_get_slug (deleted->routine));
    }
}

/* Deleted at once, with a toast to undo it: the routine is kept until the toast goes. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlRoutinesPage *self = KL_ROUTINES_PAGE (widget);
  g_autoptr(KlRoutine) routine = get_routine (self, parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  Deleted *deleted;
  AdwToast *toast;

  if (routine == NULL)
    return;

  if (!kl_store_delete_routine (self->store, kl_routine_get_slug (routine), &error))
    {
      show_error (self, error);
      return;
    }

  g_clear_pointer (&self->shown_slug, g_free);
  g_set_weak_pointer (&self->activated_row, NULL);
  kl_routines_page_reload (self);
  gtk_stack_set_visible_child_name (self->stack, "library");
  gtk_widget_grab_focus (GTK_WIDGET (self->new_button));

  if (!KL_IS_WINDOW (root))
    return;

  deleted = g_new0 (Deleted, 1);
  g_set_weak_pointer (&deleted->page, self);
  deleted->store = g_object_ref (self->store);
  deleted->routine = g_steal_pointer (&routine);

  /* Translators: %s is the name of a routine */
  title = g_strdup_printf (_("“%s” deleted"), kl_routine_get_name (deleted->routine));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb), deleted,
                         deleted_closure_notify, 0);
  kl_window_add_toast (KL_WINDOW (root), toast);
}

static void
back_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  KlRoutinesPage *self = KL_ROUTINES_PAGE (widget);

  if (self->shown_slug == NULL)
    return;

  g_clear_pointer (&self->shown_slug, g_free);
  gtk_stack_set_visible_child_name (self->stack, "library");
  if (self->activated_row != NULL)
    gtk_widget_grab_focus (self->activated_row);
}

static void
back_clicked_cb (KlRoutinesPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "routines.back", NULL);
}

static void
kl_routines_page_map (GtkWidget *widget)
{
  KlRoutinesPage *self = KL_ROUTINES_PAGE (widget);

  GTK_WIDGET_CLASS (kl_routines_page_parent_class)->map (widget);

  /* Knots and results change on other pages: read them again each time the page shows. */
  if (self->shown_slug == NULL)
    kl_routines_page_reload (self);
}

static void
kl_routines_page_dispose (GObject *object)
{
  KlRoutinesPage *self = KL_ROUTINES_PAGE (object);

  /* First: the drop-downs notify as they go, and with no routines there is nothing to refill. */
  g_clear_pointer (&self->routines, g_ptr_array_unref);
  g_clear_weak_pointer (&self->total_row);
  g_clear_weak_pointer (&self->steps_group);
  g_clear_pointer (&self->step_rows, g_ptr_array_unref);
  /* The bin's child is a template child: let the bin drop it before the template does. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_ROUTINES_PAGE);
  g_clear_weak_pointer (&self->activated_row);
  g_clear_object (&self->store);
  g_clear_pointer (&self->stats, g_array_unref);
  g_clear_pointer (&self->knot_regions, g_ptr_array_unref);
  g_clear_pointer (&self->for_you_rows, g_ptr_array_unref);
  g_clear_pointer (&self->shown_slug, g_free);

  G_OBJECT_CLASS (kl_routines_page_parent_class)->dispose (object);
}

static void
kl_routines_page_class_init (KlRoutinesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_routines_page_dispose;
  widget_class->map = kl_routines_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/knotless/Knotless/kl-routines-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlRoutinesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinesPage, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinesPage, length_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinesPage, for_you_group);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinesPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinesPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinesPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinesPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinesPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinesPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinesPage, length_box);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinesPage, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinesPage, detail_box);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinesPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinesPage, duplicate_button);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinesPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinesPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, KlRoutinesPage, builtin_label);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, safety_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "routines.back", NULL, back_cb);
  gtk_widget_class_install_action (widget_class, "routines.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "routines.duplicate", "s", duplicate_action);
  gtk_widget_class_install_action (widget_class, "routines.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "routines.delete", "s", delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "routines.back", NULL);
}

static void
kl_routines_page_init (KlRoutinesPage *self)
{
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) length_names = gtk_string_list_new (NULL);
  const char * const *groups = kl_body_groups ();

  self->knot_regions = g_ptr_array_new_with_free_func (g_free);
  self->for_you_rows = g_ptr_array_new ();
  self->step_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (areas, _("All Areas"));
  for (guint i = 0; groups[i] != NULL; i++)
    gtk_string_list_append (areas, kl_body_group_get_name (groups[i]));
  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    gtk_string_list_append (length_names, _(lengths[i].label));

  gtk_drop_down_set_model (self->area_dropdown, G_LIST_MODEL (areas));
  gtk_drop_down_set_model (self->length_dropdown, G_LIST_MODEL (length_names));
}
