/* kl-store.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kl-knot.h"
#include "kl-pain-entry.h"
#include "kl-pain-stats.h"
#include "kl-routine.h"
#include "kl-session.h"
#include "kl-reminder.h"
#include "kl-schedule.h"

G_BEGIN_DECLS

#define KL_STORE_ERROR (kl_store_error_quark ())

typedef enum
{
  KL_STORE_ERROR_FAILED,
  KL_STORE_ERROR_IO,
  KL_STORE_ERROR_NOT_DATABASE,
  KL_STORE_ERROR_DAMAGED,
  KL_STORE_ERROR_TOO_NEW,
  KL_STORE_ERROR_BUSY,
  KL_STORE_ERROR_NO_BACKUP,
  KL_STORE_ERROR_INVALID,
  KL_STORE_ERROR_NOT_FOUND,
} KlStoreError;

/* Keys of one-time acknowledgements kept in the database. */
#define KL_ACK_WELCOME "welcome"

/* One tenderness rating of a knot's history. */
typedef struct
{
  gint64 at_ms;
  int    utc_offset_min;
  int    tenderness;
} KlKnotRating;

/* Which pain entries to list; every field is optional (NULL or 0). */
typedef struct
{
  GDateTime  *from;        /* at or after */
  GDateTime  *to;          /* before */
  const char *search;      /* words in the note or the medication */
  const char *factor;
  const char *region;      /* a knot or area in this region */
} KlEntryFilter;

/* One pain entry as exported, straight from its row: lists already joined as the pain file
 * writes them. Valid only during the KlPainRowFunc call. */
typedef struct
{
  gint64      id;
  gint64      at_ms;
  int         utc_offset_min;
  int         pain;
  int         worst;             /* KL_PAIN_NONE when not given, as the ratings below */
  int         least;
  int         interference[KL_N_INTERFERENCES];
  const char *knots;             /* "ID=PAIN;ID" */
  const char *regions;           /* "REGION=PAIN;REGION" */
  const char *factors;           /* "name;name" */
  const char *medication;
  int         medication_helped;
  const char *note;
} KlPainRow;

typedef gboolean (*KlPainRowFunc) (const KlPainRow *row,
                                   gpointer         user_data,
                                   GError         **error);
/* One event of the break history, as stored. */
typedef struct
{
  gint64              id;
  gint64              reminder_id;    /* 0 once the reminder is removed */
  KlReminderKind      reminder_kind;  /* kept when the reminder is removed */
  KlBreakOutcomeKind  outcome;
  GDateTime          *at;             /* in the time zone it was recorded in */
  GTimeSpan           duration;       /* as in KlBreakOutcome, to the millisecond */
} KlBreakEvent;

#define KL_N_BREAK_OUTCOMES (KL_BREAK_OUTCOME_SKIPPED + 1)

/* The break events of one day, counted. */
typedef struct
{
  guint     counts[KL_N_BREAK_OUTCOMES];  /* by KlBreakOutcomeKind */
  GTimeSpan rest;                         /* the taken and natural breaks together */
} KlBreakSummary;

/* Called for each entry of kl_store_foreach_entry (), oldest first; FALSE stops. */
typedef gboolean (*KlEntryFunc) (KlPainEntry *entry,
                                 gpointer     user_data,
                                 GError     **error);

/* What a routine's sessions came to. */
typedef struct
{
  guint         n_sessions;    /* started, finished or not */
  guint         n_completed;   /* played to the end */
  KlPainRelief  relief;        /* over the sessions rated both before and after */
} KlRoutineStats;

#define KL_TYPE_STORE (kl_store_get_type ())

G_DECLARE_FINAL_TYPE (KlStore, kl_store, KL, STORE, GObject)

GQuark      kl_store_error_quark                (void);

char       *kl_store_default_data_dir           (void);
char       *kl_store_database_path              (const char     *data_dir);
int         kl_store_latest_schema_version      (void);

KlStore    *kl_store_open                       (const char     *data_dir,
                                                 GError        **error);

/* kl_store_open () reads an existing database through once before it writes anything (a quick
 * integrity check, linear in the file's size). A precheck starts that reading in a thread, so
 * that it overlaps with whatever the caller does meanwhile (the window's start-up);
 * kl_store_open_prechecked () waits for it and then opens as kl_store_open () does. */
typedef struct _KlStorePrecheck KlStorePrecheck;

KlStorePrecheck *kl_store_precheck_start        (const char       *data_dir);
KlStore    *kl_store_open_prechecked            (KlStorePrecheck  *precheck,
                                                 GError          **error);
void        kl_store_precheck_free              (KlStorePrecheck  *precheck);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlStorePrecheck, kl_store_precheck_free)
KlStore    *kl_store_open_reader                (KlStore        *self,
                                                 GError        **error);
KlStore    *kl_store_open_writer                (KlStore        *self,
                                                 GError        **error);
const char *kl_store_get_data_dir               (KlStore        *self);
const char *kl_store_get_path                   (KlStore        *self);
int         kl_store_get_schema_version         (KlStore        *self);

gboolean    kl_store_is_acknowledged            (KlStore        *self,
                                                 const char     *what,
                                                 gboolean       *out_acknowledged,
                                                 GError        **error);
gboolean    kl_store_acknowledge                (KlStore        *self,
                                                 const char     *what,
                                                 GError        **error);
gboolean    kl_store_forget_acknowledgement     (KlStore        *self,
                                                 const char     *what,
                                                 GError        **error);

/* Knots. Every change is saved at once; each tenderness rating is a new row of the knot's
 * history, never an overwrite. */
gboolean    kl_store_add_knot                   (KlStore        *self,
                                                 KlKnot         *knot,
                                                 int             tenderness,
                                                 GError        **error);
GPtrArray  *kl_store_list_knots                 (KlStore        *self,
                                                 gboolean        include_resolved,
                                                 GError        **error);
KlKnot     *kl_store_get_knot                   (KlStore        *self,
                                                 gint64          id,
                                                 GError        **error);
gboolean    kl_store_save_knot                  (KlStore        *self,
                                                 KlKnot         *knot,
                                                 GError        **error);
gboolean    kl_store_rate_knot                  (KlStore        *self,
                                                 KlKnot         *knot,
                                                 int             tenderness,
                                                 GError        **error);
gboolean    kl_store_set_knot_resolved          (KlStore        *self,
                                                 KlKnot         *knot,
                                                 gboolean        resolved,
                                                 GError        **error);
GArray     *kl_store_list_knot_ratings          (KlStore        *self,
                                                 gint64          knot_id,
                                                 GError        **error);
gboolean    kl_store_delete_knot                (KlStore        *self,
                                                 KlKnot         *knot,
                                                 GError        **error);
/* Undo of a delete: the knot again, with its id and the ratings it had. */
gboolean    kl_store_restore_knot               (KlStore        *self,
                                                 KlKnot         *knot,
                                                 GArray         *ratings,
                                                 GError        **error);

/* Backups: one file a day in DATA_DIR/backups, the newest seven kept. */
gboolean    kl_store_backup                     (KlStore        *self,
                                                 gboolean        force,
                                                 char          **out_path,
                                                 GError        **error);
void        kl_store_backup_async               (KlStore        *self,
                                                 gboolean        force,
                                                 GCancellable   *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer        user_data);
char       *kl_store_backup_finish              (KlStore        *self,
                                                 GAsyncResult   *result,
                                                 GError        **error);
GPtrArray  *kl_store_list_backups               (const char     *data_dir,
                                                 GError        **error);

/* Recovery from a database that kl_store_open() refused. Neither deletes anything: the refused
 * file is renamed beside itself with a ".damaged-DATE" suffix. */
gboolean    kl_store_move_aside                 (const char     *data_dir,
                                                 char          **out_moved_to,
                                                 GError        **error);
gboolean    kl_store_restore_backup             (const char     *data_dir,
                                                 const char     *backup_path,
                                                 char          **out_moved_to,
                                                 GError        **error);

gboolean     kl_store_add_entry                 (KlStore             *self,
                                                 KlPainEntry         *entry,
                                                 GError             **error);
gboolean     kl_store_begin_import              (KlStore             *self,
                                                 GError             **error);
gboolean     kl_store_import_entry              (KlStore             *self,
                                                 KlPainEntry         *entry,
                                                 gboolean            *out_added,
                                                 GError             **error);
gboolean     kl_store_end_import                (KlStore             *self,
                                                 gboolean             commit,
                                                 GError             **error);
gboolean     kl_store_update_entry              (KlStore             *self,
                                                 KlPainEntry         *entry,
                                                 GError             **error);
gboolean     kl_store_delete_entry              (KlStore             *self,
                                                 KlPainEntry         *entry,
                                                 GError             **error);
KlPainEntry *kl_store_get_entry                 (KlStore             *self,
                                                 gint64               id,
                                                 GError             **error);
GArray      *kl_store_list_entry_ids            (KlStore             *self,
                                                 const KlEntryFilter *filter,
                                                 GError             **error);
GPtrArray   *kl_store_get_entries               (KlStore             *self,
                                                 const gint64        *ids,
                                                 guint                n_ids,
                                                 GError             **error);
gboolean     kl_store_count_entries             (KlStore             *self,
                                                 const KlEntryFilter *filter,
                                                 guint64             *out_count,
                                                 GError             **error);
gboolean     kl_store_foreach_pain_row          (KlStore             *self,
                                                 const KlEntryFilter *filter,
                                                 KlPainRowFunc        func,
                                                 gpointer             user_data,
                                                 GError             **error);
gboolean     kl_store_foreach_entry             (KlStore             *self,
                                                 const KlEntryFilter *filter,
                                                 KlEntryFunc          func,
                                                 gpointer             user_data,
                                                 GError             **error);
GPtrArray   *kl_store_list_factors              (KlStore             *self,
                                                 GError             **error);
GArray      *kl_store_list_pain_days            (KlStore             *self,
                                                 const GDate         *from,
                                                 const GDate         *to,
                                                 GPtrArray          **out_day_factors,
                                                 GError             **error);
void         kl_store_list_entry_ids_async      (KlStore             *self,
                                                 const KlEntryFilter *filter,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GArray      *kl_store_list_entry_ids_finish     (KlStore             *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void         kl_store_list_pain_days_async      (KlStore             *self,
                                                 const GDate         *from,
                                                 const GDate         *to,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GArray      *kl_store_list_pain_days_finish     (KlStore             *self,
                                                 GAsyncResult        *result,
                                                 GPtrArray          **out_day_factors,
                                                 GError             **error);
gboolean     kl_store_get_first_entry_date      (KlStore             *self,
                                                 GDate               *out_date,
                                                 GError             **error);
GArray      *kl_store_list_knot_days            (KlStore             *self,
                                                 gint64               knot_id,
                                                 GError             **error);

/* Routines. kl_store_open () seeds the built-in ones from data/routines, and updates one when
 * its file's Version is newer. The user's own sit beside them, under slugs of their own: a
 * built-in routine is never edited or deleted, but may be duplicated into a user routine. */
gboolean     kl_store_seed_routines             (KlStore             *self,
                                                 GError             **error);
GPtrArray   *kl_store_list_routines             (KlStore             *self,
                                                 GError             **error);
KlRoutine   *kl_store_get_routine               (KlStore             *self,
                                                 const char          *slug,
                                                 GError             **error);
/* Adds a user routine, or replaces the user routine of that slug. */
gboolean     kl_store_save_routine              (KlStore             *self,
                                                 KlRoutine           *routine,
                                                 GError             **error);
/* A user routine copied from @slug, under @new_slug or, when NULL, "SLUG-copy" (-2, -3 …). */
KlRoutine   *kl_store_duplicate_routine         (KlStore             *self,
                                                 const char          *slug,
                                                 const char          *new_slug,
                                                 GError             **error);
/* A slug for a new user routine called @name, taken by no routine: "Hips & back" → "hips-back",
 * then "hips-back-2" … */
char        *kl_store_dup_free_routine_slug     (KlStore             *self,
                                                 const char          *name,
                                                 GError             **error);
/* Its sessions stay. */
gboolean     kl_store_delete_routine            (KlStore             *self,
                                                 const char          *slug,
                                                 GError             **error);
/* Undo of a delete: the routine again, as long as nothing took its slug meanwhile. */
gboolean     kl_store_restore_routine           (KlStore             *self,
                                                 KlRoutine           *routine,
                                                 GError             **error);

/* Sessions: added when a routine starts (the start defaults to now), finished when it ends or
 * is stopped (the end defaults to now). */
gboolean     kl_store_add_session               (KlStore             *self,
                                                 KlSession           *session,
                                                 GError             **error);
gboolean     kl_store_finish_session            (KlStore             *self,
                                                 KlSession           *session,
                                                 GError             **error);
KlSession   *kl_store_get_session               (KlStore             *self,
                                                 gint64               id,
                                                 GError             **error);
/* Started at or after @from and before @to, either NULL; oldest first. */
GPtrArray   *kl_store_list_sessions             (KlStore             *self,
                                                 GDateTime           *from,
                                                 GDateTime           *to,
                                                 GError             **error);
gboolean     kl_store_get_routine_stats         (KlStore             *self,
                                                 const char          *slug,
                                                 KlRoutineStats      *out_stats,
                                                 GError             **error);

/* The safety screening: the latest answer to each question, by id ("blood-thinners"). Setting
 * KL_SCREENING_UNANSWERED forgets the answer. @out_answered_at may be NULL, and is set to NULL
 * for a question not answered. */
gboolean     kl_store_get_screening_answer      (KlStore             *self,
                                                 const char          *question,
                                                 KlScreeningAnswer   *out_answer,
                                                 GDateTime          **out_answered_at,
                                                 GError             **error);
gboolean     kl_store_set_screening_answer      (KlStore             *self,
                                                 const char          *question,
                                                 KlScreeningAnswer    answer,
                                                 GError             **error);

/* Reminders, in the order they were added (the first-run ones first). Adding and updating check
 * the reminder with kl_reminder_validate (), and that its routine is a built-in one; what is
 * wrong is a KL_STORE_ERROR_INVALID. */
GPtrArray   *kl_store_list_reminders            (KlStore             *self,
                                                 GError             **error);
KlReminder  *kl_store_get_reminder              (KlStore             *self,
                                                 gint64               id,
                                                 GError             **error);
gboolean     kl_store_add_reminder              (KlStore             *self,
                                                 KlReminder          *reminder,
                                                 GError             **error);
gboolean     kl_store_update_reminder           (KlStore             *self,
                                                 KlReminder          *reminder,
                                                 GError             **error);
gboolean     kl_store_set_reminder_enabled      (KlStore             *self,
                                                 KlReminder          *reminder,
                                                 gboolean             enabled,
                                                 GError             **error);
/* Its break events stay, without the link to it; @out_event_ids (nullable) gets their ids
 * (gint64), for an undo to link them again. */
gboolean     kl_store_remove_reminder           (KlStore             *self,
                                                 KlReminder          *reminder,
                                                 GArray             **out_event_ids,
                                                 GError             **error);
/* Undo of a remove: the reminder again, with its id, linked again to @event_ids (nullable). */
gboolean     kl_store_restore_reminder          (KlStore             *self,
                                                 KlReminder          *reminder,
                                                 GArray              *event_ids,
                                                 GError             **error);

gboolean     kl_store_get_working_hours         (KlStore             *self,
                                                 KlWorkingHours      *out_hours,
                                                 GError             **error);
gboolean     kl_store_set_working_hours         (KlStore             *self,
                                                 const KlWorkingHours *hours,
                                                 GError             **error);

/* The KlBreakOutcome of kl_schedule_take_outcomes (), all or none. Store them before their
 * reminder is removed: an outcome of a reminder the store does not have is
 * KL_STORE_ERROR_NOT_FOUND. */
gboolean     kl_store_add_break_events          (KlStore             *self,
                                                 GArray              *outcomes,
                                                 GError             **error);
/* KlBreakEvent at or after @from and before @to (both nullable), oldest first. */
GArray      *kl_store_list_break_events         (KlStore             *self,
                                                 GDateTime           *from,
                                                 GDateTime           *to,
                                                 GError             **error);
/* The calendar day of @day, in @day's time zone. */
gboolean     kl_store_summarize_breaks          (KlStore             *self,
                                                 GDateTime           *day,
                                                 KlBreakSummary      *out_summary,
                                                 GError             **error);

/* "Pause reminders until …", kept across restarts: µs since the Unix epoch, as
 * kl_schedule_pause_until () takes it, 0 for none. A pause that has ended is read back as it
 * was set; the schedule ignores it. */
gboolean     kl_store_get_paused_until          (KlStore             *self,
                                                 gint64              *out_until,
                                                 GError             **error);
gboolean     kl_store_set_paused_until          (KlStore             *self,
                                                 gint64               until,
                                                 GError             **error);

G_END_DECLS
