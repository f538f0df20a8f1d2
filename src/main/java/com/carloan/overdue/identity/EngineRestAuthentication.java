package com.carloan.overdue.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Camunda's own Basic authentication for {@code /engine-rest}: it signs the caller in to the
 * engine for the request, so the engine's authorizations decide what they see (Camunda Modeler
 * deploys here with a process owner's account). Accounts of the loan system and of monitoring have
 * no business with the engine at all (CONTRACT §3: "the intake and payment API only"): they are
 * refused at the door instead of being shown empty lists.
 */
@Configuration
class EngineRestAuthentication {

  /** The groups that work with the engine: everyone of CONTRACT §3 but the integration account. */
  static final Set<String> ENGINE_GROUPS = Set.of(CollectionGroups.ADMIN, CollectionGroups.AGENT,
      CollectionGroups.SUPERVISOR, CollectionGroups.MANAGER, CollectionGroups.LEGAL, CollectionGroups.PROCESS_OWNER);

  // Where it always was (after Spring Security, which lets /engine-rest through), with the group check right behind.
  /** Authentication and the groups check run before the filters registered last (workqueue.CompletionRetry). */
  private static final int AUTHENTICATION_ORDER = Ordered.LOWEST_PRECEDENCE - 2;

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(AUTHENTICATION_ORDER);
    return registration;
  }

  /** Runs inside the authentication filter, while the engine knows who is calling. */
  @Bean
  FilterRegistrationBean<Filter> engineRestGroupsFilter(IdentityService identity, ObjectMapper json) {
    Filter onlyEngineGroups = (request, response, chain) -> {
      Authentication caller = identity.getCurrentAuthentication();
      List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
      if (caller != null && Collections.disjoint(groups, ENGINE_GROUPS)) {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(HttpServletResponse.SC_FORBIDDEN);
        http.setContentType("application/json");
        http.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // The engine REST API's own error shape, which its clients (Camunda Modeler) read, not the /api problem.
        Map<String, String> body = new LinkedHashMap<>();
        body.put("type", "AuthorizationException");
        body.put("message", "User '" + caller.getUserId() + "' has no access to the process engine's REST API");
        json.writeValue(http.getOutputStream(), body);
        return;
      }
      chain.doFilter(request, response);
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(onlyEngineGroups);
    registration.setName("engine-rest-groups");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(AUTHENTICATION_ORDER + 1);
    return registration;
  }
}
