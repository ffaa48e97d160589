package io.fieldops.notification.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import org.junit.jupiter.api.Test;

/** The dashboard page and its scripts are served to anyone: the page logs in by itself. */
class DashboardIT extends NotificationIntegrationTest {

  @Test
  void thePageAndItsScriptsAreServedWithoutAToken() {
    for (String path : new String[] {"/dashboard/", "/dashboard"}) {
      Http.Response page = http().get(path);
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
      assertThat(page.body())
          .contains(
              "<title>fieldops dashboard</title>",
              "dashboard.js",
              "id=\"count-new-jobcards\"",
              "id=\"count-new-tickets\"",
              "New tickets",
              "id=\"jobcard-statuses\"");
    }
    Http.Response script = http().get("/dashboard/dashboard.js");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.body())
        .contains(
            "/topic/orgs/",
            "/api/v1/notifications/",
            "/api/v1/notifications/counts/",
            "jobcard_created",
            "jobcard_status_changed",
            // tickets: their labels, their counter, the parts of their summary
            "ticket_created",
            "\"New ticket\"",
            "ticket_updated",
            "\"Ticket updated\"",
            "ticket_assigned",
            "\"Technicians assigned\"",
            "ticket_deleted",
            "\"Ticket deleted\"",
            "count-new-tickets",
            "byType.ticket_created",
            "\"backlog\"")
        // event data never becomes markup
        .doesNotContain("innerHTML", "insertAdjacentHTML", "outerHTML", "document.write");
    assertThat(http().get("/dashboard/vendor/stomp.umd.min.js").body()).contains("StompJs");
    assertThat(http().get("/dashboard/dashboard.css").status()).isEqualTo(200);
  }

  /**
   * The page's policy allows only its own files and origin (WebSocket included), so it must carry
   * no inline script or style: DashboardBrowserIT shows in Chromium that the page still works.
   */
  @Test
  void thePageCarriesAContentSecurityPolicyAndNeedsNothingInline() {
    String policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    for (String path :
        new String[] {
          "/dashboard/", "/dashboard", "/dashboard/index.html", "/dashboard/dashboard.js"
        }) {
      assertThat(http().get(path).header("Content-Security-Policy")).as(path).isEqualTo(policy);
    }
    String page = http().get("/dashboard/").body();
    assertThat(page.split("<script").length)
        .as("every script is a file")
        .isEqualTo(page.split("<script src=").length)
        .isEqualTo(3);
    assertThat(page).doesNotContain("style=", "<style", "onclick=", "javascript:");
    assertThat(http().get("/dashboard/dashboard.js").body())
        .doesNotContain(".style", "setAttribute(\"style\"", "eval(", "new Function");
    // the API beside it is not a page: no policy there
    assertThat(http().get("/api/v1/notifications/").header("Content-Security-Policy")).isNull();
  }

  @Test
  void theApiBesideItStillNeedsAToken() {
    assertThat(http().get("/api/v1/notifications/").status()).isEqualTo(401);
    assertThat(http().get("/dashboard/missing.js").status()).isEqualTo(404);
  }
}
