package com.carloan.overdue.intake;

import com.carloan.overdue.api.Borrowers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Builds import files: the header in a chosen column order, then one valid row per loan, each overridable. */
final class CaseCsv {

  static final List<String> COLUMNS = List.of("loanId", "borrowerName", "borrowerPhone", "borrowerIdNumber",
      "vehiclePlate", "vehicleVin", "vehicleStatus", "overdueAmount", "outstandingPrincipal", "daysPastDue",
      "priorOverdueCount");

  private final List<String> columns;
  private final StringBuilder text = new StringBuilder();
  private boolean bom;

  CaseCsv(List<String> columns) {
    this.columns = columns;
    text.append(String.join(",", columns)).append("\r\n");
  }

  CaseCsv() {
    this(COLUMNS);
  }

  CaseCsv withBom() {
    bom = true;
    return this;
  }

  /** A valid row for the loan, varied by n; overrides replace single values (by column name). */
  CaseCsv row(String loanId, int n, String... overrides) {
    List<String> values = new ArrayList<>();
    for (String column : columns) {
      values.add(value(column, loanId, n));
    }
    for (int i = 0; i < overrides.length; i += 2) {
      values.set(columns.indexOf(overrides[i]), overrides[i + 1]);
    }
    text.append(String.join(",", values)).append("\r\n");
    return this;
  }

  CaseCsv rows(int count, IntFunction<String> loanIds) {
    for (int n = 0; n < count; n++) {
      row(loanIds.apply(n), n);
    }
    return this;
  }

  CaseCsv line(String raw) {
    text.append(raw).append("\r\n");
    return this;
  }

  byte[] bytes() {
    byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
    if (!bom) {
      return body;
    }
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    return withBom;
  }

  private static String value(String column, String loanId, int n) {
    return switch (column) {
      case "loanId" -> loanId;
      case "borrowerName" -> "\"借款人" + n + "\"";
      case "borrowerPhone" -> Borrowers.phone(n);
      case "borrowerIdNumber" -> Borrowers.idNumber(n);
      case "vehiclePlate" -> Borrowers.plate(n);
      case "vehicleVin" -> Borrowers.vin(n);
      case "vehicleStatus" -> "NORMAL";
      case "overdueAmount" -> (5000 + n % 1000) + ".50";
      case "outstandingPrincipal" -> "96000.00";
      // a mix of strategies: REMINDER (≤7 days, no prior), WeChat contact, and escalation (> 90 days)
      case "daysPastDue" -> String.valueOf(n % 10 == 0 ? 120 : n % 3 == 0 ? 5 : 15);
      case "priorOverdueCount" -> n % 3 == 0 ? "0" : "1";
      default -> throw new IllegalArgumentException(column);
    };
  }
}
