package com.carloan.overdue.identity;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Endpoints guarded the way the other packages guard theirs. A {@code @TestConfiguration}, so the
 * application's component scan in other tests never picks these up.
 */
@TestConfiguration
class ApiProbe {

  @RestController
  static class Controller {

    private final CaseAccess access;

    Controller(CaseAccess access) {
      this.access = access;
    }

    @Secured({GroupAuthority.INTEGRATION, GroupAuthority.SUPERVISOR})
    @GetMapping("/api/identity-probe/intake")
    String intake() {
      return access.currentUserId();
    }

    @GetMapping("/api/identity-probe/agents/{agentId}")
    String agentOnly(@PathVariable String agentId) {
      access.requireUserOrAnyGroup(agentId, CollectionGroups.SUPERVISOR);
      return agentId;
    }
  }

  /** Like a catch-all error handler another package might add: it must not swallow denials. */
  @RestControllerAdvice
  @Order(Ordered.LOWEST_PRECEDENCE)
  static class CatchAllAdvice {

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> any(Exception exception) {
      return ResponseEntity.internalServerError().body("caught by catch-all");
    }
  }
}
