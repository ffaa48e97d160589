package io.fieldops.notification;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin dashboard: a static page (src/main/resources/static/dashboard) that logs in with
 * auth-service and talks to the APIs through the gateway, so it is meant to be opened at {@code
 * http://localhost:8080/dashboard/}.
 */
@Controller
class DashboardController {

  @GetMapping({"/dashboard", "/dashboard/"})
  String dashboard() {
    return "forward:/dashboard/index.html";
  }
}
