package com.carloan.overdue.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The one clock of the application. It reads the engine's clock, so a test that moves
 * {@link ClockUtil} moves timers, quiet hours and due dates together.
 *
 * <p>Machines run in UTC; the business runs in Asia/Shanghai. Every business-date question goes
 * through {@link #ZONE}, never through the JVM default zone.
 */
@Component
public class BusinessClock {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public ZonedDateTime nowInBusinessZone() {
    return now().atZone(ZONE);
  }

  public LocalDate today() {
    return nowInBusinessZone().toLocalDate();
  }
}
