/* kl-test-utils.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes a test's temporary folder and everything in it. */
void kl_test_remove_tree (const char *path);

G_END_DECLS
