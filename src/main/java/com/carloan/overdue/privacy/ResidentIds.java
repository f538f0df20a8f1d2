package com.carloan.overdue.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** 18-character PRC resident identity numbers (GB 11643-1999): format, birth date and ISO 7064 check digit. */
public final class ResidentIds {

  private static final Pattern FORMAT = Pattern.compile("\\d{17}[\\dX]");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  private ResidentIds() {}

  public static boolean isValid(String id) {
    if (id == null || !FORMAT.matcher(id).matches()) {
      return false;
    }
    try {
      LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
          Integer.parseInt(id.substring(12, 14)));
    } catch (DateTimeException e) {
      return false;
    }
    return checkDigit(id.substring(0, 17)) == id.charAt(17);
  }

  /** The ISO 7064 MOD 11-2 check digit of an ID's first 17 digits; tests build valid IDs with it. */
  public static char checkDigit(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }
}
