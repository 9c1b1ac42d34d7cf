/* kl-entry-row.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-entry-row"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kl-body-regions.h"
#include "kl-entry-row.h"

/* Enough of a note's first line to recognise it: a label shapes all of its text, ellipsized or
 * not, so a long note is cut well before the row's width. */
#define EXCERPT_CHARS 200

/* One check-in of the history, the day above the first check-in of each day. */
struct _KlEntryRow
{
  GtkWidget  parent_instance;

  GtkLabel  *day;
  GtkLabel  *time;
  GtkLabel  *pain;
  GtkLabel  *details;
  GtkLabel  *note;
  char      *pain_class;
};

G_DEFINE_FINAL_TYPE (KlEntryRow, kl_entry_row, GTK_TYPE_WIDGET)

GtkWidget *
kl_entry_row_new (void)
{
  return g_object_new (KL_TYPE_ENTRY_ROW, NULL);
}

static char *
day_label (GDateTime *local)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int days = g_date_time_get_day_of_year (now) - g_date_time_get_day_of_year (local);

  if (g_date_time_get_year (now) == g_date_time_get_year (local) && days == 0)
    return g_strdup (_("Today"));
  if (g_date_time_get_year (now) == g_date_time_get_year (local) && days == 1)
    return g_strdup (_("Yesterday"));
  if (g_date_time_get_year (now) == g_date_time_get_year (local))
    return g_date_time_format (local, "%A %e %B");
  return g_date_time_format (local, "%A %e %B %Y");
}

void
kl_entry_row_set_entry (KlEntryRow  *self,
                        KlPainEntry *entry,
                        gboolean     first_of_day)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *day_text = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *pain_text = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *accessible = NULL;
  const char * const *factors;
  const char *note_text;
  const char *end;

  g_return_if_fail (KL_IS_ENTRY_ROW (self));
  g_return_if_fail (KL_IS_PAIN_ENTRY (entry));

  local = g_date_time_to_local (kl_pain_entry_get_at (entry));
  day_text = day_label (local);
  gtk_label_set_label (self->day, day_text);
  gtk_widget_set_visible (GTK_WIDGET (self->day), first_of_day);

  time_text = g_date_time_format (local, "%H:%M");
  gtk_label_set_label (self->time, time_text);

  pain_text = g_strdup_printf ("%d", kl_pain_entry_get_pain (entry));
  gtk_label_set_label (self->pain, pain_text);
  if (self->pain_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->pain), self->pain_class);
  g_free (self->pain_class);
  self->pain_class = g_strdup_printf ("pain-%d", kl_pain_entry_get_pain (entry));
  gtk_widget_add_css_class (GTK_WIDGET (self->pain), self->pain_class);

  for (guint i = 0; i < kl_pain_entry_get_n_locations (entry); i++)
    {
      const KlBodyRegion *region = kl_body_regions_lookup (kl_pain_entry_get_location (entry, i)->region);
      g_autofree char *label = region != NULL ? kl_body_region_dup_label (region) : NULL;

      if (label != NULL)
        g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", label);
    }
  factors = kl_pain_entry_get_factors (entry);
  for (guint i = 0; factors[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "",
                            kl_factor_get_label (factors[i]));
  gtk_label_set_label (self->details, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->details), text->len > 0);

  /* The first line of the note is enough to recognise it; the dialog shows all. */
  note_text = kl_pain_entry_get_note (entry);
  end = note_text;
  for (guint i = 0; i < EXCERPT_CHARS && *end != '\0' && *end != '\n'; i++)
    end = g_utf8_next_char (end);
  excerpt = g_strndup (note_text, end - note_text);
  gtk_label_set_label (self->note, excerpt);
  gtk_widget_set_visible (GTK_WIDGET (self->note), *excerpt != '\0');

  /* Translators: a check-in in the history, for screen readers: "Today 09:15, pain 5. …" */
  accessible = g_strdup_printf (_("%s %s, pain %d. %s %s"), day_text, time_text,
                                kl_pain_entry_get_pain (entry), text->str, excerpt);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
kl_entry_row_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), KL_TYPE_ENTRY_ROW);
  /* The template's unnamed box is not one of the bound children dispose_template () clears. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kl_entry_row_parent_class)->dispose (object);
}

static void
kl_entry_row_finalize (GObject *object)
{
  KlEntryRow *self = (KlEntryRow *)object;

  g_free (self->pain_class);

  G_OBJECT_CLASS (kl_entry_row_parent_class)->finalize (object);
}

static void
kl_entry_row_class_init (KlEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_entry_row_dispose;
  object_class->finalize = kl_entry_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/knotless/Knotless/kl-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KlEntryRow, day);
  gtk_widget_class_bind_template_child (widget_class, KlEntryRow, time);
  gtk_widget_class_bind_template_child (widget_class, KlEntryRow, pain);
  gtk_widget_class_bind_template_child (widget_class, KlEntryRow, details);
  gtk_widget_class_bind_template_child (widget_class, KlEntryRow, note);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kl_entry_row_init (KlEntryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
