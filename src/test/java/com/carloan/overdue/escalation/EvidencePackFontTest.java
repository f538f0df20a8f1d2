package com.carloan.overdue.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The evidence pack's font as the start-up check and {@code evidencePackFont} in /actuator/health see it. */
class EvidencePackFontTest {

  @Test
  void withNoFontPathTheBundledNotoSansScIsUp() {
    EvidencePackFont font = new EvidencePackFont("", "");

    Health health = new EvidencePackFontHealthIndicator(font).health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("font", "NotoSansSC-Regular")
        .containsEntry("source", "classpath:fonts/noto-sans-sc/NotoSansSC_400Regular.ttf");
  }

  @Test
  void aConfiguredFontThatIsMissingIsDegradedAndCompilingFailsNamingIt() {
    String missing = "/nonexistent/fonts/wqy-microhei.ttc";
    EvidencePackFont font = new EvidencePackFont(missing, "WenQuanYiMicroHei");

    Health health = new EvidencePackFontHealthIndicator(font).health();

    assertThat(health.getStatus()).isEqualTo(EvidencePackFontHealthIndicator.DEGRADED);
    assertThat(health.getDetails().get("problem")).asString().contains(missing, "not found or unreadable");
    assertThatThrownBy(font::open).isInstanceOf(IllegalStateException.class).hasMessageContaining(missing);
  }

  @Test
  void aConfiguredFileThatIsNoFontIsDegraded(@TempDir Path dir) throws IOException {
    Path notAFont = Files.writeString(dir.resolve("wqy-microhei.ttf"), "not a font");

    Health health = new EvidencePackFontHealthIndicator(new EvidencePackFont(notAFont.toString(), "")).health();

    assertThat(health.getStatus()).isEqualTo(EvidencePackFontHealthIndicator.DEGRADED);
    assertThat(health.getDetails().get("problem")).asString().contains(notAFont.toString(), "unreadable");
  }
}
