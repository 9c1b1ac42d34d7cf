/* kl-entry-list.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-entry-list"

#include "config.h"

#include "kl-entry-list.h"

/* A page is one query of about a millisecond; a screen shows less than one. */
#define PAGE_SIZE 50
#define MAX_PAGES 16

struct _KlEntryList
{
  GObject      parent_instance;

  KlStore     *store;
  GArray      *ids;             /* gint64, newest first */
  GHashTable  *pages;           /* page number → GPtrArray of KlPainEntry */
  GQueue       page_order;      /* page numbers, most recently read first */
  guint        n_pages_read;
  GCancellable *reading;        /* the ids query in flight, cancelled by a newer one */

  GDateTime   *from;
  GDateTime   *to;
  char        *search;
  char        *factor;
  char        *region;
};

static GType
kl_entry_list_get_item_type (GListModel *model)
{
  return KL_TYPE_PAIN_ENTRY;
}

static guint
kl_entry_list_get_n_items (GListModel *model)
{
  return KL_ENTRY_LIST (model)->ids->len;
}

static GPtrArray *
read_page (KlEntryList *self,
           guint        page)
{
  g_autoptr(GError) error = NULL;
  guint first = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - first);
  GPtrArray *entries;

  entries = kl_store_get_entries (self->store, &g_array_index (self->ids, gint64, first), n,
                                  &error);
  if (entries == NULL)
    {
      /* A view cannot take an error here; the store reports it, and the rows stay empty. */
      g_warning ("Could not read entries %u to %u: %s", first, first + n, error->message);
      return NULL;
    }

  self->n_pages_read++;
  return entries;
}

static gpointer
kl_entry_list_get_item (GListModel *model,
                        guint       position)
{
  KlEntryList *self = KL_ENTRY_LIST (model);
  guint page = position / PAGE_SIZE;
  gint64 id;
  GPtrArray *entries;

  if (position >= self->ids->len)
    return NULL;

  entries = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (entries == NULL)
    {
      if (!(entries = read_page (self, page)))
        return NULL;

      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), entries);
      g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));
      while (g_queue_get_length (&self->page_order) > MAX_PAGES)
        g_hash_table_remove (self->pages, g_queue_pop_tail (&self->page_order));
    }

  /* An entry deleted since the ids were read is missing from its page: look it up by id. */
  id = g_array_index (self->ids, gint64, position);
  for (guint i = 0; i < entries->len; i++)
    {
      KlPainEntry *entry = g_ptr_array_index (entries, (position % PAGE_SIZE + i) % entries->len);

      if (kl_pain_entry_get_id (entry) == id)
        return g_object_ref (entry);
    }

  return NULL;
}

static void
kl_entry_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kl_entry_list_get_item_type;
  iface->get_n_items = kl_entry_list_get_n_items;
  iface->get_item = kl_entry_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (KlEntryList, kl_entry_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, kl_entry_list_model_init))

static void
kl_entry_list_finalize (GObject *object)
{
  KlEntryList *self = (KlEntryList *)object;

  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_object (&self->store);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->page_order);
  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->to, g_date_time_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->factor, g_free);
  g_clear_pointer (&self->region, g_free);

  G_OBJECT_CLASS (kl_entry_list_parent_class)->finalize (object);
}

static void
kl_entry_list_class_init (KlEntryListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kl_entry_list_finalize;
}

static void
kl_entry_list_init (KlEntryList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  g_queue_init (&self->page_order);
}

/* Empty until kl_entry_list_reload_async () or kl_entry_list_set_filter_async () is done. */
KlEntryList *
kl_entry_list_new (KlStore *store)
{
  KlEntryList *self;

  g_return_val_if_fail (KL_IS_STORE (store), NULL);

  self = g_object_new (KL_TYPE_ENTRY_LIST, NULL);
  self->store = g_object_ref (store);
  return self;
}

static void
ids_ready_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KlEntryList *self = g_task_get_source_object (task);
  g_autoptr(GArray) ids = NULL;
  GError *error = NULL;
  guint removed;

  /* A newer filter cancelled this one: its ids are never shown, even if they came first. */
  if (!(ids = kl_store_list_entry_ids_finish (KL_STORE (source), result, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  removed = self->ids->len;
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->ids->len);
  g_task_return_boolean (task, TRUE);
}

/* Reads the ids again (after an entry was added, edited or deleted), in a thread, and tells
 * the views when they are in. A newer reload or filter cancels this one, which then finishes
 * with G_IO_ERROR_CANCELLED and changes nothing. */
void
kl_entry_list_reload_async (KlEntryList         *self,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  KlEntryFilter filter = {
    self->from, self->to, self->search, self->factor, self->region,
  };
  GTask *task;

  g_return_if_fail (KL_IS_ENTRY_LIST (self));

  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  self->reading = g_cancellable_new ();

  task = g_task_new (self, self->reading, callback, user_data);
  g_task_set_source_tag (task, kl_entry_list_reload_async);
  kl_store_list_entry_ids_async (self->store, &filter, self->reading, ids_ready_cb, task);
}

gboolean
kl_entry_list_reload_finish (KlEntryList   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
replace_date_time (GDateTime **slot,
                   GDateTime  *value)
{
  if (value != NULL)
    g_date_time_ref (value);
  g_clear_pointer (slot, g_date_time_unref);
  *slot = value;
}

static void
replace_string (char       **slot,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*slot);
  *slot = copy;
}

/* Shows the entries matching @filter (copied) once they are read, as
 * kl_entry_list_reload_async () does. */
void
kl_entry_list_set_filter_async (KlEntryList         *self,
                                const KlEntryFilter *filter,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  static const KlEntryFilter none = { 0 };

  g_return_if_fail (KL_IS_ENTRY_LIST (self));

  if (filter == NULL)
    filter = &none;

  replace_date_time (&self->from, filter->from);
  replace_date_time (&self->to, filter->to);
  replace_string (&self->search, filter->search != NULL && *filter->search != '\0'
                                   ? filter->search : NULL);
  replace_string (&self->factor, filter->factor);
  replace_string (&self->region, filter->region);

  kl_entry_list_reload_async (self, callback, user_data);
}

gboolean
kl_entry_list_set_filter_finish (KlEntryList   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return kl_entry_list_reload_finish (self, result, error);
}

/* For tests: how many pages have been read from the store so far. */
guint
kl_entry_list_get_n_pages_read (KlEntryList *self)
{
  g_return_val_if_fail (KL_IS_ENTRY_LIST (self), 0);

  return self->n_pages_read;
}
