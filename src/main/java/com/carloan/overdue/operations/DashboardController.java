package com.carloan.overdue.operations;

import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The collections dashboard (催收看板) for supervisors, process owners and administrators: the page
 * ({@code static/dashboard/index.html}, charts drawn in the browser) and its one data call. Who may
 * open it is decided in identity.SecurityConfig, for the page and the data alike.
 */
@Controller
class DashboardController {

  private final Dashboard dashboard;

  DashboardController(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  @GetMapping({"/dashboard", "/dashboard/"})
  String page() {
    return "redirect:/dashboard/index.html";
  }

  @GetMapping("/dashboard/data")
  @ResponseBody
  ResponseEntity<DashboardData> data() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(0, TimeUnit.SECONDS).cachePrivate().mustRevalidate())
        .body(dashboard.data());
  }
}
