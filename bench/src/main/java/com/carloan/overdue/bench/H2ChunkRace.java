package com.carloan.overdue.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * What makes H2 2.3's MVStore answer {@code Chunk … not found}: long reads beside many small commits on an H2
 * file, once per kind of read, each on a new file. A read either runs inside its statement (as every read of
 * the application does: without {@code LAZY_QUERY_EXECUTION} H2 computes the whole result in
 * {@code executeQuery}) or iterates a lazy cursor after its statement returned. Two writers update 50 random
 * rows per commit; {@code WRITE_DELAY=1} lets the background writer store and compact after almost every
 * commit. Two more kinds put the read into H2 itself: its automatic {@code ANALYZE}, which a writer's commit
 * runs after enough changes and which reads the table outside any statement, and the same reads as an
 * {@code ANALYZE} statement with the automatic one off. Writers' errors (a failed {@code COMMIT}) count too.
 * Prints one line per kind: reads, rows written, chunk errors, other errors.
 *
 * <pre>java -Dloader.main=com.carloan.overdue.bench.H2ChunkRace "${LAUNCH[@]}" [seconds per kind] [rows]</pre>
 * ({@code bench/h2-chunk-race.sh} builds the jars and runs it.)
 */
public final class H2ChunkRace {

  /** One kind of read: the H2 settings its file opens with, the readers' statement, and how they read it. */
  record Kind(String name, String settings, String readSql, boolean lazyCursor) {
  }

  private static final String SCAN = "select grp, count(*), sum(length(payload)) from race group by grp";
  private static final String ROWS = "select id, payload from race";
  /** H2's automatic ANALYZE after every 100 changes of the table (doubling), reading the whole table. */
  private static final String AUTO_ANALYZE_WHOLE_TABLE = ";ANALYZE_AUTO=100;ANALYZE_SAMPLE=10000000";

  static final List<Kind> KINDS = List.of(
      new Kind("scan inside its statement, RETENTION_TIME=0", ";WRITE_DELAY=1;RETENTION_TIME=0", SCAN, false),
      new Kind("lazy cursor, RETENTION_TIME=0", ";WRITE_DELAY=1;RETENTION_TIME=0;LAZY_QUERY_EXECUTION=1", ROWS, true),
      new Kind("lazy cursor, retention as default (45 s)", ";WRITE_DELAY=1;LAZY_QUERY_EXECUTION=1", ROWS, true),
      // the writers' own commits run H2's automatic ANALYZE (SessionLocal.commit → analyzeTables), which reads
      // the table through a cursor outside any statement, so no reader's version is registered for it
      new Kind("automatic ANALYZE at commit, RETENTION_TIME=0", ";WRITE_DELAY=1;RETENTION_TIME=0"
          + AUTO_ANALYZE_WHOLE_TABLE, SCAN, false),
      // the same reads as a statement of their own, with the automatic one off
      new Kind("ANALYZE statement, ANALYZE_AUTO=0, RETENTION_TIME=0",
          ";WRITE_DELAY=1;RETENTION_TIME=0;ANALYZE_AUTO=0", "analyze sample_size 10000000", false));

  private static final int READERS = 2;
  private static final int WRITERS = 2;
  private static final int ROWS_PER_COMMIT = 50;

  private H2ChunkRace() {
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
    System.out.printf("%-45s | %6s | %12s | %12s | %s%n", "read", "reads", "rows written", "chunk errors",
        "other errors");
    for (Kind kind : KINDS) {
      Path dir = Files.createTempDirectory("h2-chunk-race");
      try {
        System.out.println(run(kind, "jdbc:h2:file:" + dir.resolve("race") + kind.settings(), seconds, rows));
      } finally {
        delete(dir);
      }
    }
  }

  static String run(Kind kind, String url, int seconds, int rows) throws Exception {
    fill(url, rows);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong reads = new AtomicLong();
    AtomicLong written = new AtomicLong();
    AtomicLong chunkErrors = new AtomicLong();
    AtomicLong otherErrors = new AtomicLong();
    AtomicReference<String> firstChunkError = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(READERS + WRITERS);
    List<Future<?>> workers = new ArrayList<>();
    // held until the end, so that the database stays open between the workers' connections
    try (Connection keepOpen = DriverManager.getConnection(url, "sa", "")) {
      for (int r = 0; r < READERS; r++) {
        workers.add(pool.submit(() -> {
          try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            while (!stop.get()) {
              try {
                if (s.execute(kind.readSql())) {
                  try (ResultSet rs = s.getResultSet()) {
                    long n = 0;
                    while (rs.next()) {
                      if (kind.lazyCursor() && ++n % 2_000 == 0) {
                        TimeUnit.MILLISECONDS.sleep(1);
                      }
                    }
                  }
                }
                reads.incrementAndGet();
              } catch (SQLException e) {
                count(e, chunkErrors, otherErrors, firstChunkError);
              }
            }
          }
          return null;
        }));
      }
      for (int w = 0; w < WRITERS; w++) {
        workers.add(pool.submit(() -> {
          try (Connection c = DriverManager.getConnection(url, "sa", "");
              PreparedStatement update = c.prepareStatement("update race set payload = ? where id = ?")) {
            c.setAutoCommit(false);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (!stop.get()) {
              try {
                for (int k = 0; k < ROWS_PER_COMMIT; k++) {
                  update.setString(1, "y".repeat(100 + random.nextInt(90)));
                  update.setInt(2, random.nextInt(rows));
                  update.addBatch();
                }
                update.executeBatch();
                c.commit();
                written.addAndGet(ROWS_PER_COMMIT);
              } catch (SQLException e) {
                count(e, chunkErrors, otherErrors, firstChunkError);
                c.rollback();
              }
            }
          }
          return null;
        }));
      }
      TimeUnit.SECONDS.sleep(seconds);
      stop.set(true);
      for (Future<?> worker : workers) {
        worker.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    String line = String.format("%-45s | %6d | %12d | %12d | %d", kind.name(), reads.get(), written.get(),
        chunkErrors.get(), otherErrors.get());
    return firstChunkError.get() == null ? line : line + System.lineSeparator() + "   first: " + firstChunkError.get();
  }

  private static void fill(String url, int rows) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      c.createStatement().execute("create table race(id int primary key, grp int, payload varchar(200))");
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement("insert into race values (?, ?, ?)")) {
        for (int i = 0; i < rows; i++) {
          insert.setInt(1, i);
          insert.setInt(2, i % 97);
          insert.setString(3, "x".repeat(100 + i % 50));
          insert.addBatch();
          if (i % 10_000 == 9_999) {
            insert.executeBatch();
            c.commit();
          }
        }
        insert.executeBatch();
        c.commit();
      }
    }
  }

  private static void count(SQLException e, AtomicLong chunkErrors, AtomicLong otherErrors,
      AtomicReference<String> first) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("Chunk") && message.contains("not found")) {
      chunkErrors.incrementAndGet();
      first.compareAndSet(null, message.lines().findFirst().orElse(message));
    } else {
      otherErrors.incrementAndGet();
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
