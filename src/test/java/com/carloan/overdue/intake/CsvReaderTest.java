package com.carloan.overdue.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  @Test
  void readsRecordsWithQuotesCommasAndLineBreaks() throws Exception {
    List<List<String>> records = read("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\r");

    assertThat(records).containsExactly(List.of("a", "b", "c"), List.of("x, y", "say \"hi\"", "two\nlines"),
        List.of("last", "", ""));
  }

  @Test
  void countsRecordsFromTheHeaderAsOne() throws Exception {
    CsvReader csv = new CsvReader(new StringReader("h\n\"multi\nline\"\n\nthird\n"));
    csv.next();
    assertThat(csv.recordNumber()).isEqualTo(1);
    csv.next();
    assertThat(csv.recordNumber()).isEqualTo(2);
    assertThat(csv.next()).containsExactly("");
    assertThat(csv.next()).containsExactly("third");
    assertThat(csv.recordNumber()).isEqualTo(4);
    assertThat(csv.next()).isNull();
  }

  @Test
  void refusesWhatIsNotCsv() {
    assertThatThrownBy(() -> read("a\n\"open")).isInstanceOf(CsvReader.MalformedCsv.class)
        .hasMessageContaining("never closed");
    assertThatThrownBy(() -> read("a\"b")).isInstanceOf(CsvReader.MalformedCsv.class);
    assertThatThrownBy(() -> read("\"a\"b")).isInstanceOf(CsvReader.MalformedCsv.class);
    assertThatThrownBy(() -> read("x".repeat(CsvReader.MAX_FIELD_LENGTH + 1))).isInstanceOf(CsvReader.MalformedCsv.class);
    assertThatThrownBy(() -> read(",".repeat(CsvReader.MAX_FIELDS + 1))).isInstanceOf(CsvReader.MalformedCsv.class);
  }

  private static List<List<String>> read(String text) throws Exception {
    List<List<String>> records = new ArrayList<>();
    try (CsvReader csv = new CsvReader(new StringReader(text))) {
      for (List<String> r = csv.next(); r != null; r = csv.next()) {
        records.add(r);
      }
    }
    return records;
  }
}
