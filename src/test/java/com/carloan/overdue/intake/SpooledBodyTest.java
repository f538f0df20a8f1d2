package com.carloan.overdue.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SpooledBodyTest {

  @Test
  void readsTheBodyAgainAndAgainButKeepsItEncryptedOnDisk() throws Exception {
    String csv = "loanId,borrowerPhone,borrowerIdNumber\r\nL-1,13812345678,11010519491231002X\r\n".repeat(1000);
    Path path;
    try (SpooledBody body = SpooledBody.copy(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
      path = body.path();
      for (int pass = 0; pass < 2; pass++) {
        try (var in = body.open()) {
          assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(csv);
        }
      }
      String onDisk = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
      assertThat(onDisk).doesNotContain("13812345678", "110105", "loanId");
    }
    assertThat(path).doesNotExist();
  }
}
