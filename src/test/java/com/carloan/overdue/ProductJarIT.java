package com.carloan.overdue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The product jar as it ships: the benchmark (bench/src, its own jar) is not in it, and no class of ours in
 * it writes rows of Camunda's tables; only the engine does. Creating our own indexes on them
 * (common.EngineTableIndexes) is not writing rows.
 */
class ProductJarIT {

  /** An SQL statement that writes an engine table, as a string constant in a class file. */
  private static final Pattern WRITES_ENGINE_ROWS =
      Pattern.compile("(insert\\s+into|update|delete\\s+from)\\s+(\\w+\\.)?ACT_", Pattern.CASE_INSENSITIVE);

  @Test
  void holdsNoBenchmarkCodeAndNoClassOfOursWritesEngineRows() throws IOException {
    Path jar = Path.of(System.getProperty("app.jar", "target/car-loan-overdue-0.1.0-SNAPSHOT.jar"));
    List<String> ours = entries(jar, "BOOT-INF/classes/");
    assertThat(ours).contains("BOOT-INF/classes/com/carloan/overdue/OverdueCollectionsApplication.class");

    // files only: an empty directory left in target/classes by a build from before the move holds no code
    assertThat(ours).noneMatch(name -> !name.endsWith("/") && name.contains("/bench/")
        || name.endsWith("application-bench.yaml"));
    assertThat(writersOfEngineRows(jar, "BOOT-INF/classes/")).isEmpty();
  }

  /** The check above would see a writer: the benchmark's jar has one. */
  @Test
  void theBenchmarksJarIsWhereEngineRowsAreWritten() throws IOException {
    Path jar = Path.of(System.getProperty("bench.jar", "target/bench/car-loan-overdue-0.1.0-SNAPSHOT-bench.jar"));
    assertThat(writersOfEngineRows(jar, "")).contains("com/carloan/overdue/bench/CaseHistory.class");
  }

  private static List<String> entries(Path jar, String prefix) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return Collections.list(file.entries()).stream().map(JarEntry::getName).filter(n -> n.startsWith(prefix)).toList();
    }
  }

  private static List<String> writersOfEngineRows(Path jar, String prefix) throws IOException {
    List<String> writers = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : Collections.list(file.entries())) {
        if (entry.getName().startsWith(prefix) && entry.getName().endsWith(".class")) {
          try (InputStream in = file.getInputStream(entry)) {
            // string constants are (modified) UTF-8: ASCII SQL reads the same as Latin-1
            if (WRITES_ENGINE_ROWS.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).find()) {
              writers.add(entry.getName());
            }
          }
        }
      }
    }
    return writers;
  }
}
