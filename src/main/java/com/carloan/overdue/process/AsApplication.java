package com.carloan.overdue.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls as the application rather than as the user whose request or task completion led to them:
 * the user's rights decided the change itself (an agent completing a call through /engine-rest), its
 * consequences on the case (its variables, its other tasks, its jobs) are the application's to make.
 */
public final class AsApplication {

  private AsApplication() {}

  public static void run(IdentityService identity, Runnable work) {
    get(identity, () -> {
      work.run();
      return null;
    });
  }

  public static <T> T get(IdentityService identity, Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
