package com.carloan.overdue.intake;

import com.carloan.overdue.api.FieldError;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of an import file as {@link CaseIntake}s, one at a time. The header names the eleven
 * columns in any order; each row's errors name the CSV column and the row (the header is row 1, as a
 * spreadsheet numbers it).
 */
final class CsvCaseRows implements Closeable {

  static final List<String> COLUMNS = List.of("loanId", "borrowerName", "borrowerPhone", "borrowerIdNumber",
      "vehiclePlate", "vehicleVin", "vehicleStatus", "overdueAmount", "outstandingPrincipal", "daysPastDue",
      "priorOverdueCount");

  /** Columns a file may leave out (CONTRACT §5: penalty and fees default to 0). */
  static final List<String> OPTIONAL_COLUMNS = List.of("penaltyAmount", "feeAmount");

  /** The intake's field paths as CSV columns. */
  private static final Map<String, String> COLUMN_OF = Map.of(
      "borrower.name", "borrowerName",
      "borrower.phone", "borrowerPhone",
      "borrower.idNumber", "borrowerIdNumber",
      "vehicle.plate", "vehiclePlate",
      "vehicle.vin", "vehicleVin",
      "vehicle.status", "vehicleStatus");

  private static final char NOT_UTF8 = '\uFFFD';

  /** One data row: its number, the intake it describes, and what is wrong with it (empty when nothing). */
  record Row(long row, CaseIntake intake, List<FieldError> errors) {}

  private final CsvReader csv;
  private final Map<String, Integer> index = new HashMap<>();
  private final List<FieldError> headerErrors = new ArrayList<>();
  private int width;

  private CsvCaseRows(CsvReader csv) {
    this.csv = csv;
  }

  /** Reads the header of the file; see {@link #headerErrors()}. */
  static CsvCaseRows open(InputStream file) throws IOException {
    // Bytes that are not UTF-8 decode to U+FFFD, reported on the field where they are.
    Reader reader = new InputStreamReader(file, StandardCharsets.UTF_8);
    CsvCaseRows rows = new CsvCaseRows(new CsvReader(reader));
    rows.readHeader();
    return rows;
  }

  /** What is wrong with the header; when not empty, there are no rows to read. */
  List<FieldError> headerErrors() {
    return headerErrors;
  }

  /**
   * The next data row, skipping blank lines; {@code null} at the end.
   *
   * @throws CsvReader.MalformedCsv when the rest of the file cannot be read as CSV
   */
  Row next() throws IOException, CsvReader.MalformedCsv {
    while (true) {
      List<String> fields = nextRecord();
      if (fields == null) {
        return null;
      }
      if (fields.size() == 1 && fields.get(0).isBlank()) {
        continue;
      }
      return row(csv.recordNumber(), fields);
    }
  }

  private void readHeader() throws IOException {
    List<String> header;
    try {
      header = nextRecord();
    } catch (CsvReader.MalformedCsv e) {
      headerErrors.add(new FieldError("header", e.getMessage(), e.row()));
      return;
    }
    if (header == null) {
      headerErrors.add(new FieldError("file", "is empty: the first line must be a header naming the columns "
          + String.join(", ", COLUMNS)));
      return;
    }
    width = header.size();
    Set<String> unknown = new LinkedHashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip();
      if (name.indexOf(NOT_UTF8) >= 0) {
        headerErrors.add(new FieldError("header", "is not valid UTF-8 text: save the file as UTF-8", 1L));
        return;
      }
      if (!COLUMNS.contains(name) && !OPTIONAL_COLUMNS.contains(name)) {
        unknown.add(name);
      } else if (index.putIfAbsent(name, i) != null) {
        headerErrors.add(new FieldError(name, "is a column named twice in the header", 1L));
      }
    }
    for (String name : unknown) {
      headerErrors.add(new FieldError(truncate(name), "is not a column of the import; the columns are "
          + String.join(", ", COLUMNS) + " and, optionally, " + String.join(", ", OPTIONAL_COLUMNS), 1L));
    }
    for (String column : COLUMNS) {
      if (!index.containsKey(column)) {
        headerErrors.add(new FieldError(column, "is a column missing from the header", 1L));
      }
    }
  }

  private List<String> nextRecord() throws IOException, CsvReader.MalformedCsv {
    return csv.next();
  }

  private Row row(long row, List<String> fields) {
    List<FieldError> errors = new ArrayList<>();
    if (fields.size() != width) {
      errors.add(new FieldError("row", "has " + fields.size() + " fields, the header has " + width, row));
      return new Row(row, null, errors);
    }
    for (String column : index.keySet()) {
      if (fields.get(index.get(column)).indexOf(NOT_UTF8) >= 0) {
        errors.add(new FieldError(column, "is not valid UTF-8 text: save the file as UTF-8", row));
      }
    }
    if (!errors.isEmpty()) {
      return new Row(row, null, errors);
    }
    BigDecimal overdueAmount = decimal(fields, "overdueAmount", errors);
    BigDecimal principal = decimal(fields, "outstandingPrincipal", errors);
    Integer daysPastDue = integer(fields, "daysPastDue", errors);
    Integer priorOverdueCount = integer(fields, "priorOverdueCount", errors);
    CaseIntake intake = new CaseIntake(value(fields, "loanId"),
        new CaseIntake.Borrower(value(fields, "borrowerName"), value(fields, "borrowerPhone"),
            value(fields, "borrowerIdNumber")),
        new CaseIntake.Vehicle(value(fields, "vehiclePlate"), value(fields, "vehicleVin"), value(fields, "vehicleStatus")),
        overdueAmount, principal, daysPastDue, priorOverdueCount, decimal(fields, "penaltyAmount", errors),
        decimal(fields, "feeAmount", errors));
    List<FieldError> typeErrors = List.copyOf(errors);
    for (FieldError rule : IntakeValidation.check(intake)) {
      String column = COLUMN_OF.getOrDefault(rule.field(), rule.field());
      if (typeErrors.stream().noneMatch(t -> t.field().equals(column))) {
        errors.add(new FieldError(column, rule.message()));
      }
    }
    return new Row(row, intake, errors.stream().map(e -> e.atRow(row)).toList());
  }

  private String value(List<String> fields, String column) {
    Integer at = index.get(column);
    if (at == null) {
      return null; // an optional column the file leaves out
    }
    String value = fields.get(at).strip();
    return value.isEmpty() ? null : value;
  }

  private BigDecimal decimal(List<String> fields, String column, List<FieldError> errors) {
    String value = value(fields, column);
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      errors.add(new FieldError(column, "must be a decimal number"));
      return null;
    }
  }

  private Integer integer(List<String> fields, String column, List<FieldError> errors) {
    String value = value(fields, column);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      errors.add(new FieldError(column, "must be a whole number"));
      return null;
    }
  }

  private static String truncate(String name) {
    return name.length() <= 40 ? name : name.substring(0, 40) + "…";
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
