/* kl-csv-private.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether a spreadsheet could take @text, or @text once the writer's guard is taken off again,
 * for a formula: it starts with =, +, -, @, tab or CR, after any number of '. The writer guards
 * every such text with one more ', so that kl_csv_unescape_formula () can take exactly that one
 * off again, even from a text that started with ' of its own. */
gboolean _kl_csv_starts_like_formula (const char *text);

G_END_DECLS
