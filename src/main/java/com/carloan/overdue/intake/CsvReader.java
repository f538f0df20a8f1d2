package com.carloan.overdue.intake;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: one record at a time, so a file of any length needs the memory of
 * one record. Quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF,
 * LF or CR; a byte-order mark at the start is skipped. Field length and field count are capped, so a
 * file without line breaks cannot become one giant record.
 */
final class CsvReader implements Closeable {

  static final int MAX_FIELD_LENGTH = 1_000;
  static final int MAX_FIELDS = 100;

  private static final int EOF = -1;

  private final Reader in;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private long record;
  private boolean started;

  CsvReader(Reader in) {
    this.in = in;
  }

  /** A file the reader cannot make records of, from the record it stopped at on. */
  static final class MalformedCsv extends Exception {

    private final long row;

    MalformedCsv(long row, String message) {
      super(message);
      this.row = row;
    }

    long row() {
      return row;
    }
  }

  /** The number of the record {@link #next()} returned last; the first record (the header) is 1. */
  long recordNumber() {
    return record;
  }

  /** The next record's fields, or {@code null} at the end of the file. A blank line is one empty field. */
  List<String> next() throws IOException, MalformedCsv {
    int c = read();
    if (!started) {
      started = true;
      if (c == '\uFEFF') {
        c = read();
      }
    }
    if (c == EOF) {
      return null;
    }
    record++;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (true) {
      if (c == '"' && field.isEmpty()) {
        c = quoted(field);
      } else {
        while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
          if (c == '"') {
            throw new MalformedCsv(record, "has a quote inside an unquoted field; quote the whole field and double the quote");
          }
          append(field, c);
          c = read();
        }
      }
      fields.add(field.toString());
      if (fields.size() > MAX_FIELDS) {
        throw new MalformedCsv(record, "has more than " + MAX_FIELDS + " fields");
      }
      field.setLength(0);
      if (c == ',') {
        c = read();
        continue;
      }
      if (c == '\r') {
        int after = read();
        if (after != '\n' && after != EOF) {
          position--;
        }
      }
      return fields;
    }
  }

  /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
  private int quoted(StringBuilder field) throws IOException, MalformedCsv {
    while (true) {
      int c = read();
      if (c == EOF) {
        throw new MalformedCsv(record, "has a quoted field that is never closed");
      }
      if (c == '"') {
        int after = read();
        if (after == '"') {
          append(field, '"');
          continue;
        }
        if (after != ',' && after != '\n' && after != '\r' && after != EOF) {
          throw new MalformedCsv(record, "has characters after the closing quote of a field");
        }
        return after;
      }
      append(field, c);
    }
  }

  private void append(StringBuilder field, int c) throws MalformedCsv {
    if (field.length() >= MAX_FIELD_LENGTH) {
      throw new MalformedCsv(record, "has a field longer than " + MAX_FIELD_LENGTH + " characters");
    }
    field.append((char) c);
  }

  private int read() throws IOException {
    if (position == limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return EOF;
      }
    }
    return buffer[position++];
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
