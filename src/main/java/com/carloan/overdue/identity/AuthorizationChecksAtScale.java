package com.carloan.overdue.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Authorization checks that stay fast with tens of thousands of open tasks. Every open task carries an
 * authorization per candidate group (the engine creates them, and they are what lets an agent see a call
 * but not a supervisor's approval), so ACT_RU_AUTHORIZATION grows with the Tasklist. Two of the engine's
 * habits are linear or worse in that table, and both are changed here without changing any answer:
 *
 * <ul>
 *   <li>Before each command that checks rights, Camunda's AuthorizationManager reads {@code select
 *       distinct GROUP_ID_ from ACT_RU_AUTHORIZATION} to drop the user's groups that hold no authorization
 *       at all: a scan of every authorization, up to five times per Tasklist page. The groups stay
 *       unfiltered here ({@link UnfilteredGroups}); a group without authorizations matches no row of the
 *       check's {@code GROUP_ID_ in (…)}, so the answer is the same. The filter pays off for users in
 *       hundreds of directory groups; ours are in one or two.</li>
 *   <li>The task and variable queries join the authorizations with an OR condition that no database can
 *       hash; {@link AuthorizationSemiJoin} asks the same as a semi-join.</li>
 * </ul>
 */
@Component
class AuthorizationChecksAtScale extends AbstractProcessEnginePlugin {

  private AuthorizationSemiJoin semiJoin;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new UnfilteredGroups();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    semiJoin = new AuthorizationSemiJoin(configuration.getDatabaseType());
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(semiJoin);
  }

  AuthorizationSemiJoin semiJoin() {
    return semiJoin;
  }

  static final class UnfilteredGroups extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? List.of() : new ArrayList<>(authenticatedGroupIds);
    }
  }
}
