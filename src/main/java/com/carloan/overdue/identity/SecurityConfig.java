package com.carloan.overdue.identity;

import static org.springframework.security.config.http.SessionCreationPolicy.STATELESS;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who signs in where. Camunda guards its own parts: the REST API with
 * {@link EngineRestAuthentication}, the webapps with their login, session and CSRF filter. Spring
 * Security therefore only lets those paths through and guards {@code /api}, the actuator and the
 * rest with stateless HTTP Basic against the engine's users ({@link EngineUserAuthenticationProvider});
 * the evidence-pack download a Tasklist form links to and the collections dashboard also take the
 * webapps' session ({@link WebappSessionAuthentication}).
 */
@Configuration
@EnableMethodSecurity(securedEnabled = true)
class SecurityConfig {

  @Bean
  @Order(1)
  SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
    return passThrough(http, path("/engine-rest/**")).build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappChain(HttpSecurity http) throws Exception {
    // Camunda's CacheControlFilter decides what the browser may cache of the webapps.
    return passThrough(http, path("/camunda/**"))
        .headers(headers -> headers.cacheControl(cache -> cache.disable()))
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain apiChain(HttpSecurity http, EngineUserAuthenticationProvider users,
      ProblemResponses problems, ProcessEngine engine) throws Exception {
    return basic(http.securityMatcher(path("/api/**")), users, problems)
        // Linked from a Tasklist form: the webapps' session signs in there too (GET only).
        .addFilterAfter(new WebappSessionAuthentication(
            new OrRequestMatcher(path("/api/cases/*/evidence-pack"), path("/api/cases/*/phone")),
            path("/api/cases/*/dial"), engine), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> requests
            // WeCom signs its callbacks and cannot send Basic credentials (CONTRACT §2).
            .requestMatchers(path("/api/wecom/callback")).permitAll()
            .anyRequest().authenticated())
        .build();
  }

  /**
   * The collections dashboard (operations package): for supervisors, process owners and admins,
   * signed in through the Camunda webapps (their session is accepted) or with HTTP Basic. A browser
   * without a login is asked to sign in through the Camunda login ({@link BrowserResponses}). The
   * chart library the page loads is public.
   */
  @Bean
  @Order(4)
  SecurityFilterChain dashboardChain(HttpSecurity http, EngineUserAuthenticationProvider users,
      ProblemResponses problems, BrowserResponses browser, ProcessEngine engine) throws Exception {
    RequestMatcher dashboard = new OrRequestMatcher(path("/dashboard"), path("/dashboard/**"));
    return basic(http.securityMatcher(new OrRequestMatcher(dashboard, path("/webjars/chart.js/**"))), users, problems)
        .addFilterAfter(new WebappSessionAuthentication(dashboard, engine), BasicAuthenticationFilter.class)
        .exceptionHandling(errors -> errors.authenticationEntryPoint(browser).accessDeniedHandler(browser))
        // The session is the webapps': rotating its id on every read would break the page's parallel requests.
        .sessionManagement(session -> session.sessionFixation(fixation -> fixation.none()))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path("/webjars/chart.js/**")).permitAll()
            .requestMatchers(HttpMethod.GET).hasAnyAuthority(GroupAuthority.SUPERVISOR,
                GroupAuthority.MANAGER, GroupAuthority.PROCESS_OWNER, GroupAuthority.ADMIN)
            .anyRequest().denyAll())
        .build();
  }

  @Bean
  @Order(5)
  SecurityFilterChain defaultChain(HttpSecurity http, EngineUserAuthenticationProvider users,
      ProblemResponses problems) throws Exception {
    return basic(http, users, problems)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
            // Prometheus scrapes with an account of the metrics group; nobody else but admins.
            .requestMatchers(EndpointRequest.to("prometheus"))
            .hasAnyAuthority(GroupAuthority.ADMIN, GroupAuthority.METRICS)
            .requestMatchers(EndpointRequest.toAnyEndpoint()).hasAuthority(GroupAuthority.ADMIN)
            // "/" redirects to the webapps; "/error" renders errors of paths already let through.
            .requestMatchers(path("/"), path("/error")).permitAll()
            // the dialler page a Tasklist form links to holds no data; its calls to /api are signed in
            .requestMatchers(path("/dialler/**")).permitAll()
            // The webapps' login page asks for the Enterprise welcome page on a first visit; a Basic
            // challenge there would open the browser's password dialog over the login form.
            .requestMatchers(path("/camunda-welcome")).permitAll()
            .anyRequest().authenticated())
        .build();
  }

  private static HttpSecurity passThrough(HttpSecurity http, RequestMatcher paths) throws Exception {
    return http.securityMatcher(paths)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(session -> session.sessionCreationPolicy(STATELESS));
  }

  // No session and no cookie to ride on, so CSRF protection has nothing to protect. The engine's users
  // only, without Spring's global manager as a parent: that would check a refused password a second time.
  private static HttpSecurity basic(HttpSecurity http, EngineUserAuthenticationProvider users,
      ProblemResponses problems) throws Exception {
    return http
        .authenticationManager(new ProviderManager(users))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems))
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(session -> session.sessionCreationPolicy(STATELESS));
  }

  // Path patterns on the whole request path: Jersey and the webapps run their own servlets,
  // which makes Spring Security's plain String matchers ambiguous.
  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }
}
