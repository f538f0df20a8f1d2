package com.carloan.overdue.api;

import com.carloan.overdue.privacy.ResidentIds;

/** Valid, distinct borrower data for generated cases: resident IDs with their check digit, phones, VINs, plates. */
public final class Borrowers {

  private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

  private Borrowers() {}

  /** An ID number of someone born 1980-01-01 in Beijing, with sequence number n (0-999) and its check digit. */
  public static String idNumber(int n) {
    String first17 = "110105" + "19800101" + String.format("%03d", n % 1000);
    return first17 + ResidentIds.checkDigit(first17);
  }

  public static String phone(int n) {
    return "138" + String.format("%08d", n % 100_000_000);
  }

  public static String vin(int n) {
    StringBuilder vin = new StringBuilder("LSVAU2180N");
    for (int i = 0, v = n; i < 7; i++, v /= VIN_CHARS.length()) {
      vin.append(VIN_CHARS.charAt(v % VIN_CHARS.length()));
    }
    return vin.toString();
  }

  public static String plate(int n) {
    return "京A" + String.format("%05d", n % 100_000);
  }
}
