package com.carloan.overdue.identity;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import com.carloan.overdue.workqueue.TasklistFilters;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Brings groups, demo users, authorizations and Tasklist filters to the state CONTRACT §3 asks for.
 *
 * <p>A process engine plugin, like the starter's own admin-user and filter set-up: it runs once the
 * engine and its schema exist, before any bean uses the engine and before the web server takes the
 * first login. ({@code PostDeployEvent} is only published for {@code @EnableProcessApplication},
 * and an {@code ApplicationRunner} runs after the server is already open.) Every step creates only
 * what is missing, so it is safe on each start.
 */
@Component
class IdentitySetup extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

  /** Camunda's default admits {@code camunda-admin} but no other hyphenated group id. */
  static final String GROUP_ID_PATTERN = "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*";

  private final boolean demoUsers;

  IdentitySetup(@Value("${collections.demo-users:false}") boolean demoUsers) {
    this.demoUsers = demoUsers;
  }

  // The contract's group ids (collection-agent, ...) contain hyphens. A pattern set in
  // camunda.bpm.generic-properties (groupResourceWhitelistPattern) wins over this one.
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getGroupResourceWhitelistPattern() == null) {
      configuration.setGroupResourceWhitelistPattern(GROUP_ID_PATTERN);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    apply(engine);
  }

  void apply(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    int groups = 0;
    int users = 0;
    // A read-only identity provider (LDAP) owns users and groups; grants and filters still apply.
    if (!identity.isReadOnly()) {
      groups = DemoIdentity.ensureGroups(identity);
      if (demoUsers) {
        users = DemoIdentity.ensureUsers(identity);
      }
    }
    Grants grants = GroupRights.all();
    TasklistFilters.ensure(engine.getFilterService(), engine.getTaskService())
        .forEach((filterId, readers) -> readers.forEach(group -> grants.grant(group, FILTER, filterId, READ)));
    int authorizations = grants.applyTo(engine.getAuthorizationService());
    LOG.info("Identity set up: created {} groups, {} demo users and memberships; "
        + "created or widened {} authorizations (demo users {})",
        groups, users, authorizations, demoUsers ? "on" : "off");
  }
}
