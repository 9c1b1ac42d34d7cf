/* kl-routine.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KL_ROUTINE_ERROR (kl_routine_error_quark ())

typedef enum
{
  KL_ROUTINE_ERROR_SYNTAX,          /* not a key file */
  KL_ROUTINE_ERROR_MISSING,         /* a required group or key is not there */
  KL_ROUTINE_ERROR_UNKNOWN_KEY,     /* a group or key the format does not have */
  KL_ROUTINE_ERROR_DUPLICATE,       /* a key twice in one group; two routines with one slug */
  KL_ROUTINE_ERROR_INVALID,         /* a value of the wrong type or shape */
  KL_ROUTINE_ERROR_UNKNOWN_KIND,    /* a routine or step kind the format does not have */
  KL_ROUTINE_ERROR_UNKNOWN_REGION,  /* not a region id of kl-body-regions */
  KL_ROUTINE_ERROR_RANGE,           /* a time or count out of bounds */
  KL_ROUTINE_ERROR_NO_STEPS,
} KlRoutineError;

typedef enum
{
  KL_ROUTINE_KIND_BREATHING,
  KL_ROUTINE_KIND_STRETCH,
  KL_ROUTINE_KIND_BALL,
  KL_ROUTINE_KIND_BREAK,
  KL_ROUTINE_KIND_THERMAL,
  KL_ROUTINE_KIND_RELAX,
} KlRoutineKind;

typedef enum
{
  KL_ROUTINE_STEP_STRETCH,    /* a static stretch */
  KL_ROUTINE_STEP_HOLD,       /* hold a position: a chin tuck, a tensed muscle */
  KL_ROUTINE_STEP_MOVE,       /* a movement, or getting into position */
  KL_ROUTINE_STEP_BALL,       /* a tennis ball: steady pressure or slow rolls */
  KL_ROUTINE_STEP_BREATHING,  /* paced breathing, in cycles */
  KL_ROUTINE_STEP_REST,
  KL_ROUTINE_STEP_THERMAL,    /* heat or cold */
  KL_ROUTINE_STEP_LOOK,       /* rest the eyes on something far away */
} KlRoutineStepKind;

typedef enum
{
  KL_ROUTINE_SIDES_NONE,
  KL_ROUTINE_SIDES_BOTH,      /* the person's left, a switch, then their right */
} KlRoutineSides;

/* Every time is in microseconds, the unit of g_get_monotonic_time (), so that a timeline adds
 * up exactly; the files give seconds, kept to the millisecond. */
#define KL_ROUTINE_MIN_US           (1 * G_USEC_PER_SEC)
#define KL_ROUTINE_MAX_US           ((gint64) 60 * 60 * G_USEC_PER_SEC)
#define KL_ROUTINE_SWITCH_SIDES_US  (5 * G_USEC_PER_SEC)
#define KL_ROUTINE_MAX_REPETITIONS  100

typedef struct _KlRoutineStep KlRoutineStep;

/* One step of a routine. A plain struct that its routine owns: an editor may change the fields
 * (strings with g_free, strvs with g_strfreev) and then call kl_routine_validate (), but not
 * while a runner uses the routine. */
struct _KlRoutineStep
{
  KlRoutineStepKind  kind;
  char              *title;        /* translated */
  char              *instruction;  /* translated; one line */
  char             **regions;      /* region ids; never NULL */

  /* All kinds but breathing */
  gint64             duration_us;  /* one repetition on one side */
  KlRoutineSides     sides;
  guint              repetitions;  /* at least 1 */
  gint64             rest_us;      /* between repetitions; 0 for none */
  gint64             release_us;   /* ends each repetition; 0 for none */

  /* Breathing: one cycle is the phases in this order, those of 0 left out */
  gint64             inhale_us;
  gint64             top_up_us;
  gint64             hold_in_us;
  gint64             exhale_us;
  gint64             hold_out_us;
  guint              cycles;

  /* Ball: translated */
  char              *placement;
  char              *pressure;
  char              *avoid;
};

#define KL_TYPE_ROUTINE_STEP (kl_routine_step_get_type ())

GType          kl_routine_step_get_type        (void) G_GNUC_CONST;
KlRoutineStep *kl_routine_step_new             (KlRoutineStepKind   kind);
KlRoutineStep *kl_routine_step_copy            (const KlRoutineStep *step);
void           kl_routine_step_free            (KlRoutineStep      *step);
gint64         kl_routine_step_get_cycle_us    (const KlRoutineStep *step);
gint64         kl_routine_step_get_duration_us (const KlRoutineStep *step);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlRoutineStep, kl_routine_step_free)

#define KL_TYPE_ROUTINE (kl_routine_get_type ())

G_DECLARE_FINAL_TYPE (KlRoutine, kl_routine, KL, ROUTINE, GObject)

GQuark              kl_routine_error_quark       (void);

/* A guided routine: what it is for, its steps, and where its content comes from. Built-in ones
 * come from data/routines (see the README there for the file format). */
KlRoutine          *kl_routine_new               (const char     *slug);
KlRoutine          *kl_routine_copy              (KlRoutine      *self);
KlRoutine          *kl_routine_copy_as           (KlRoutine      *self,
                                                  const char     *slug);

/* Parses one routine file. @filename is only for messages: "neck-release.routine:12: [Step 2]
 * Duration: …". The routine is validated before it is returned. */
KlRoutine          *kl_routine_load_from_bytes   (GBytes         *bytes,
                                                  const char     *filename,
                                                  GError        **error);
/* The routines of data/routines, compiled into the program, in CONTENT.md's order. */
GPtrArray          *kl_routine_load_builtins     (GError        **error);
KlRoutine          *kl_routine_load_builtin      (const char     *slug,
                                                  GError        **error);
const char * const *kl_routine_get_builtin_slugs (void);
gboolean            kl_routine_is_builtin_slug   (const char     *slug);
GBytes             *kl_routine_get_builtin_bytes (const char     *slug,
                                                  GError        **error);
gboolean            kl_routine_peek_version      (GBytes         *bytes,
                                                  guint          *out_version,
                                                  GError        **error);
/* The routine as a routine file, for the store to keep a user's routine in. */
GBytes             *kl_routine_to_bytes          (KlRoutine      *self);

/* Checks everything the loader checks of the content, for an editor as much as the loader. On
 * failure, @out_step is the index of the bad step or -1 for the routine itself, and @out_key the
 * key-file key of the bad field ("Duration", "Regions"), or NULL when no one field is to blame;
 * the message says what is wrong with it. Both may be NULL. */
gboolean            kl_routine_validate          (KlRoutine      *self,
                                                  int            *out_step,
                                                  const char    **out_key,
                                                  GError        **error);

const char         *kl_routine_get_slug          (KlRoutine      *self);
const char         *kl_routine_get_name          (KlRoutine      *self);
void                kl_routine_set_name          (KlRoutine      *self,
                                                  const char     *name);
const char         *kl_routine_get_summary       (KlRoutine      *self);
void                kl_routine_set_summary       (KlRoutine      *self,
                                                  const char     *summary);
KlRoutineKind       kl_routine_get_kind          (KlRoutine      *self);
void                kl_routine_set_kind          (KlRoutine      *self,
                                                  KlRoutineKind   kind);
guint               kl_routine_get_version       (KlRoutine      *self);
void                kl_routine_set_version       (KlRoutine      *self,
                                                  guint           version);
const char         *kl_routine_get_cautions      (KlRoutine      *self);
void                kl_routine_set_cautions      (KlRoutine      *self,
                                                  const char     *cautions);
const char * const *kl_routine_get_regions       (KlRoutine      *self);
void                kl_routine_set_regions       (KlRoutine      *self,
                                                  const char * const *regions);
const char * const *kl_routine_get_equipment     (KlRoutine      *self);
void                kl_routine_set_equipment     (KlRoutine      *self,
                                                  const char * const *equipment);
const char * const *kl_routine_get_sources       (KlRoutine      *self);
void                kl_routine_set_sources       (KlRoutine      *self,
                                                  const char * const *sources);
const char * const *kl_routine_get_follow_up     (KlRoutine      *self);
void                kl_routine_set_follow_up     (KlRoutine      *self,
                                                  const char * const *slugs);

/* The lengths a user may pick, in µs; NULL and 0 when the routine has one length only. */
const gint64       *kl_routine_get_lengths       (KlRoutine      *self,
                                                  guint          *out_n_lengths);
void                kl_routine_set_lengths       (KlRoutine      *self,
                                                  const gint64   *lengths_us,
                                                  guint           n_lengths);
/* A copy whose breathing step has as many cycles as @length_us needs: one of the lengths. */
KlRoutine          *kl_routine_copy_for_length   (KlRoutine      *self,
                                                  gint64          length_us,
                                                  GError        **error);

guint               kl_routine_get_n_steps       (KlRoutine      *self);
KlRoutineStep      *kl_routine_get_step          (KlRoutine      *self,
                                                  guint           index);
/* Takes @step. */
void                kl_routine_append_step       (KlRoutine      *self,
                                                  KlRoutineStep  *step);
void                kl_routine_remove_step       (KlRoutine      *self,
                                                  guint           index);

/* The steps end to end, with their switches and rests, without the player's get-ready. */
gint64              kl_routine_get_duration_us   (KlRoutine      *self);

const char         *kl_routine_kind_to_string      (KlRoutineKind      kind);
gboolean            kl_routine_kind_from_string    (const char        *string,
                                                    KlRoutineKind     *out_kind);
const char         *kl_routine_kind_get_label      (KlRoutineKind      kind);
const char         *kl_routine_step_kind_to_string (KlRoutineStepKind  kind);
gboolean            kl_routine_step_kind_from_string (const char      *string,
                                                      KlRoutineStepKind *out_kind);
/* The things a routine may need, by id ("tennis-ball"), NULL-terminated. */
const char * const *kl_routine_equipment_ids       (void);
const char         *kl_routine_equipment_get_name  (const char        *id);

G_END_DECLS
