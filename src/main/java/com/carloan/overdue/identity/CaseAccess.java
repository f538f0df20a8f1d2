package com.carloan.overdue.identity;

import com.carloan.overdue.api.RequestRejected;
import java.util.Arrays;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The authenticated {@code /api} caller, for rules that {@code @Secured} cannot express, such as
 * "collection-supervisor, legal-officer, or the case's agent" (CONTRACT §2).
 */
@Component
public class CaseAccess {

  /** The caller's Camunda user id, or {@code null} when the request is not authenticated. */
  public String currentUserId() {
    Authentication authentication = authentication();
    return authentication == null ? null : authentication.getName();
  }

  public boolean isInAnyGroup(String... groupIds) {
    Authentication authentication = authentication();
    if (authentication == null) {
      return false;
    }
    return authentication.getAuthorities().stream()
        .anyMatch(granted -> Arrays.stream(groupIds)
            .anyMatch(groupId -> GroupAuthority.of(groupId).equals(granted.getAuthority())));
  }

  /**
   * Lets the call through for {@code userId} itself or a member of one of the groups; anyone else
   * gets 403 problem+json that names who may.
   */
  public void requireUserOrAnyGroup(String userId, String... groupIds) {
    String caller = currentUserId();
    boolean isThatUser = caller != null && caller.equals(userId);
    if (!isThatUser && !isInAnyGroup(groupIds)) {
      throw RequestRejected.forbidden("Only " + String.join(", ", groupIds)
          + (userId == null ? "" : " or the case's own agent") + " may do this.");
    }
  }

  private static Authentication authentication() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || authentication instanceof AnonymousAuthenticationToken
        || !authentication.isAuthenticated()) {
      return null;
    }
    return authentication;
  }
}
