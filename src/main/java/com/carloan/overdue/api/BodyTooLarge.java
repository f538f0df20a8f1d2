package com.carloan.overdue.api;

import java.io.IOException;

/**
 * A request body over the limit of its kind (JSON or CSV). An {@link IOException}, so it leaves the
 * body's stream as any read failure does; the API answers it with 413.
 */
public class BodyTooLarge extends IOException {

  private final long limitBytes;

  BodyTooLarge(long limitBytes) {
    super("The request body is larger than " + limitBytes + " bytes");
    this.limitBytes = limitBytes;
  }

  public long limitBytes() {
    return limitBytes;
  }
}
