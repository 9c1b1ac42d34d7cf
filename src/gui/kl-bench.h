/* kl-bench.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void kl_bench_watch_first_frame (GtkWindow *window);

G_END_DECLS
