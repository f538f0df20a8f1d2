package com.carloan.overdue.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials on {@code /api} and the actuator against the engine's users, so
 * one account (and Camunda's lock-out after failed attempts) serves the API, REST and webapps.
 * The caller's Camunda groups become {@link GroupAuthority} authorities.
 */
@Component
class EngineUserAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  EngineUserAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object password = authentication.getCredentials();
    if (userId == null || userId.isBlank() || !(password instanceof String secret)
        || !identityService.checkPassword(userId, secret)) {
      throw new BadCredentialsException("Bad credentials");
    }
    List<GrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId)
        .list().stream()
        .<GrantedAuthority>map(group -> new SimpleGrantedAuthority(GroupAuthority.of(group.getId())))
        .toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
