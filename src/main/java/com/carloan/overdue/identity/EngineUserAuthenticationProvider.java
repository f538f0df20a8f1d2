package com.carloan.overdue.identity;

import com.carloan.overdue.common.BusinessClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials on {@code /api} and the actuator against the engine's users, so
 * one account (and Camunda's lock-out after failed attempts) serves the API, REST and webapps.
 * The caller's Camunda groups become {@link GroupAuthority} authorities.
 *
 * <p>After a wrong password the engine refuses every password of that user for a while
 * ({@code loginDelayBase}, growing by {@code loginDelayFactor} up to {@code loginDelayMaxTime}
 * seconds; for good after {@code loginMaxAttempts}). A held-back user is told so and until when,
 * without a password check: the engine would refuse it unseen, and it must not count as an attempt.
 */
@Component
class EngineUserAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final JdbcTemplate jdbc;
  private final ProcessEngineConfigurationImpl engineSettings;
  private final BusinessClock clock;

  EngineUserAuthenticationProvider(IdentityService identityService, JdbcTemplate jdbc,
      ProcessEngineConfigurationImpl engineSettings, BusinessClock clock) {
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.engineSettings = engineSettings;
    this.clock = clock;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object password = authentication.getCredentials();
    if (userId == null || userId.isBlank() || !(password instanceof String secret)) {
      throw LoginRefused.wrongCredentials();
    }
    Optional<LoginRefused> heldBack = heldBack(userId);
    if (heldBack.isPresent()) {
      throw heldBack.get();
    }
    if (!identityService.checkPassword(userId, secret)) {
      throw LoginRefused.wrongCredentials();
    }
    List<GrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId)
        .list().stream()
        .<GrantedAuthority>map(group -> new SimpleGrantedAuthority(GroupAuthority.of(group.getId())))
        .toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }

  /** The engine's own test (its clock, its settings), on the row only a wrong password writes. */
  private Optional<LoginRefused> heldBack(String userId) {
    // Read, never written: the engine's public API does not show a user's lock (User has no getter for it).
    List<LoginRefused> refusals = jdbc.query("select LOCK_EXP_TIME_, ATTEMPTS_ from "
        + engineSettings.getDatabaseTablePrefix() + "ACT_ID_USER where ID_ = ?",
        (row, n) -> {
          int attempts = row.getInt("ATTEMPTS_");
          Timestamp until = row.getTimestamp("LOCK_EXP_TIME_");
          Instant now = clock.now();
          if (attempts > 0 && attempts >= engineSettings.getLoginMaxAttempts()) {
            return LoginRefused.locked(userId);
          }
          return until != null && until.toInstant().isAfter(now)
              ? LoginRefused.heldBack(userId, until.toInstant(), now) : null;
        }, userId);
    return refusals.stream().filter(Objects::nonNull).findFirst();
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
