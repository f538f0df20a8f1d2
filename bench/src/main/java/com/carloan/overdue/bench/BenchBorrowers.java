package com.carloan.overdue.bench;

import com.carloan.overdue.intake.CaseIntake;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Valid, distinct overdue cases for the benchmark: row {@code n} of a run always describes the same loan
 * and borrower. Every borrower has a phone number of their own (the daily contact cap counts per
 * number), taken from {@code phoneBase + n}.
 *
 * <p>As a program it writes a day's list as an import file to standard output ({@code bench/import-100k.sh}):
 * {@code java -Dloader.main=com.carloan.overdue.bench.BenchBorrowers -Dloader.path=bench.jar -cp app.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher ROWS LOAN_PREFIX > cases.csv}.
 */
final class BenchBorrowers {

  /** A day's list as a lender's loan system sends it: mostly WeCom contact, some reminders and escalations. */
  enum Mix {
    /** n % 10 == 0: 120 days past due (ESCALATE); n % 3 == 0: 5 days, first time (REMINDER); else WECHAT_CONTACT. */
    DAILY_LIST,
    /** Every case goes to WeCom contact and its callBorrower task. */
    CALLS_ONLY
  }

  static final String CSV_HEADER = "loanId,borrowerName,borrowerPhone,borrowerIdNumber,vehiclePlate,vehicleVin,"
      + "vehicleStatus,overdueAmount,outstandingPrincipal,daysPastDue,priorOverdueCount\r\n";

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
  private static final long FIRST_PHONE = 13_800_000_000L;

  private final String loanPrefix;
  private final long phoneBase;
  private final Mix mix;

  BenchBorrowers(String loanPrefix, long phoneBase, Mix mix) {
    this.loanPrefix = loanPrefix;
    this.phoneBase = phoneBase;
    this.mix = mix;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: BenchBorrowers ROWS LOAN_PREFIX");
      System.exit(2);
    }
    BenchBorrowers list = new BenchBorrowers(args[1], 0, Mix.DAILY_LIST);
    try (Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
      list.writeCsv(Integer.parseInt(args[0]), out);
    }
  }

  CaseIntake intake(int n) {
    return intake(n, daysPastDue(n));
  }

  /** Row {@code n}, its days past due chosen by the caller (the ownership scenario spreads calls over the buckets). */
  CaseIntake intake(int n, int daysPastDue) {
    return new CaseIntake(loanPrefix + n,
        new CaseIntake.Borrower("借款人" + n, phone(n), idNumber(n)),
        new CaseIntake.Vehicle("京A" + String.format("%05d", n % 100_000), vin(n), "NORMAL"),
        new BigDecimal((5000 + n % 1000) + ".50"), new BigDecimal("96000.00"), daysPastDue, priorOverdueCount(n));
  }

  /** Rows {@code 0..count-1} as an import file (CONTRACT §2), header first. */
  void writeCsv(int count, Writer out) throws IOException {
    out.write(CSV_HEADER);
    for (int n = 0; n < count; n++) {
      CaseIntake c = intake(n);
      out.write(String.join(",", c.loanId(), c.borrower().name(), c.borrower().phone(), c.borrower().idNumber(),
          c.vehicle().plate(), c.vehicle().vin(), c.vehicle().status(), c.overdueAmount().toPlainString(),
          c.outstandingPrincipal().toPlainString(), c.daysPastDue().toString(), c.priorOverdueCount().toString()));
      out.write("\r\n");
    }
  }

  private String phone(int n) {
    long phone = FIRST_PHONE + phoneBase + n;
    if (phone >= 13_900_000_000L) {
      throw new IllegalArgumentException("row " + n + " runs out of 138 numbers");
    }
    return Long.toString(phone);
  }

  private int daysPastDue(int n) {
    if (mix == Mix.CALLS_ONLY) {
      return 15;
    }
    return n % 10 == 0 ? 120 : n % 3 == 0 ? 5 : 15;
  }

  private int priorOverdueCount(int n) {
    return mix == Mix.DAILY_LIST && n % 3 == 0 ? 0 : 1;
  }

  private static String idNumber(int n) {
    String first17 = "110105" + "19800101" + String.format("%03d", n % 1000);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return first17 + CHECK[sum % 11];
  }

  private static String vin(int n) {
    StringBuilder vin = new StringBuilder("LSVAU2180N");
    for (int i = 0, v = n; i < 7; i++, v /= VIN_CHARS.length()) {
      vin.append(VIN_CHARS.charAt(v % VIN_CHARS.length()));
    }
    return vin.toString();
  }
}
