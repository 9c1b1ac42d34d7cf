/* kl-test-screenshot.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The window around @widget as the user would see it, drawn by the cairo renderer into
 * @name, a PNG in the test's build folder. */
void kl_test_save_png (GtkWidget  *widget,
                       const char *name);

G_END_DECLS
