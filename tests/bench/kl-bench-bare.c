/* kl-bench-bare.c
 *
 * The toolkit's own floor for the Knotless startup benchmark: the smallest
 * libadwaita window that looks like an app (header bar + status page), so
 * that tests/bench/bench.py can tell how much of our startup cost is ours.
 *
 * It reports its first frame through src/gui/kl-bench.c, the same code as
 * Knotless itself.
 */

#include <adwaita.h>

#include "kl-bench.h"

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *status_page;

  window = adw_application_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());

  status_page = adw_status_page_new ();
  adw_status_page_set_title (ADW_STATUS_PAGE (status_page), "Bare");
  gtk_widget_set_vexpand (status_page, TRUE);
  gtk_box_append (GTK_BOX (box), status_page);

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  kl_bench_watch_first_frame (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (AdwApplication) app = NULL;

  app = adw_application_new ("io.github.knotless.BenchBare",
                             G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  /* Drop every argument so the harness can hand us the app's command line
   * (e.g. --data-dir DIR) when standing in for it. */
  (void) argc;
  return g_application_run (G_APPLICATION (app), 1, argv);
}
