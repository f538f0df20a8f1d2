package com.carloan.overdue.identity;

import com.carloan.overdue.common.BusinessClock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.security.core.AuthenticationException;

/**
 * Why {@link EngineUserAuthenticationProvider} refused a sign-in, in words for the person signing in;
 * {@link ProblemResponses} sends the message as the 401's detail.
 */
final class LoginRefused extends AuthenticationException {

  static final String WRONG_CREDENTIALS = "Sign-in failed: wrong user or password.";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(BusinessClock.ZONE);

  private final Long retryAfterSeconds;

  private LoginRefused(String message, Long retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The same words for an unknown user and a wrong password, as the engine does not tell them apart either. */
  static LoginRefused wrongCredentials() {
    return new LoginRefused(WRONG_CREDENTIALS, null);
  }

  /** The engine holds the user back after a wrong password until {@code until}, the right password too. */
  static LoginRefused heldBack(String userId, Instant until, Instant now) {
    Instant end = until.truncatedTo(ChronoUnit.SECONDS).equals(until) ? until
        : until.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    long seconds = Math.max(1, Duration.between(now, end).toSeconds());
    return new LoginRefused("Too many wrong passwords for " + userId + ": try again after " + TIME.format(end)
        + " (in " + seconds + " s).", seconds);
  }

  /** After the engine's last allowed attempt the hold does not end by itself. */
  static LoginRefused locked(String userId) {
    return new LoginRefused("Too many wrong passwords for " + userId
        + ": the account is locked until an administrator unlocks it in Camunda Admin.", null);
  }

  /** For the Retry-After header; empty where waiting does not help. */
  Optional<Long> retryAfterSeconds() {
    return Optional.ofNullable(retryAfterSeconds);
  }
}
