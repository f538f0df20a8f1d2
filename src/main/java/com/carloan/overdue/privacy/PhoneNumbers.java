package com.carloan.overdue.privacy;

import java.util.regex.Pattern;

/** Mainland China mobile numbers: validation and the masked form the process may carry. */
public final class PhoneNumbers {

  private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");

  private PhoneNumbers() {}

  public static boolean isMainlandMobile(String phone) {
    return phone != null && MAINLAND_MOBILE.matcher(phone).matches();
  }

  /** {@code 13812345678} → {@code 138****5678}. */
  public static String mask(String phone) {
    if (!isMainlandMobile(phone)) {
      throw new IllegalArgumentException("not a mainland mobile number");
    }
    return phone.substring(0, 3) + "****" + phone.substring(7);
  }
}
