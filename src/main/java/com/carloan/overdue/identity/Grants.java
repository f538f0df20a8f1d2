package com.carloan.overdue.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * Group grants the application needs, applied idempotently. Camunda keeps one grant per group,
 * resource type and resource id, so wanted permissions are merged per such key and added to an
 * existing grant; what an administrator granted on top is never taken away.
 */
final class Grants {

  private record Key(String groupId, Resource resource, String resourceId) {
  }

  private final Map<Key, Set<Permission>> wanted = new LinkedHashMap<>();

  Grants grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    wanted.computeIfAbsent(new Key(groupId, resource, resourceId), key -> new LinkedHashSet<>())
        .addAll(List.of(permissions));
    return this;
  }

  /** Returns how many grants were created or widened. */
  int applyTo(AuthorizationService authorizations) {
    int changed = 0;
    for (Map.Entry<Key, Set<Permission>> entry : wanted.entrySet()) {
      Key key = entry.getKey();
      Authorization grant = authorizations.createAuthorizationQuery()
          .authorizationType(AUTH_TYPE_GRANT)
          .groupIdIn(key.groupId())
          .resourceType(key.resource())
          .resourceId(key.resourceId())
          .singleResult();
      if (grant == null) {
        grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(key.groupId());
        grant.setResource(key.resource());
        grant.setResourceId(key.resourceId());
      }
      boolean widened = false;
      for (Permission permission : entry.getValue()) {
        if (!grant.isPermissionGranted(permission)) {
          grant.addPermission(permission);
          widened = true;
        }
      }
      if (widened) {
        authorizations.saveAuthorization(grant);
        changed++;
      }
    }
    return changed;
  }
}
