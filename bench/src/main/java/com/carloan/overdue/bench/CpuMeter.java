package com.carloan.overdue.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time from Linux's /proc, when bench/run.sh runs the driver on the application's machine: the
 * application process, the PostgreSQL server processes, and the whole machine (every core's busy time).
 * On a machine shared with other work the wall-clock figures stretch with the load; the CPU spent per
 * operation does not. And when the machine's cores are busy all the time, the CPU per operation sets
 * the throughput, and a closed loop of N clients waits N / throughput per round whatever the code does.
 */
final class CpuMeter {

  /** What one reading saw; -1 where unknown (no process id, not Linux, H2 inside the application). */
  record Reading(long application, long database, long machine, long wallNanos) {

    /** CPU milliseconds used since {@code before} by each, and the wall time between the two. */
    Reading since(Reading before) {
      return new Reading(minus(application, before.application), minus(database, before.database),
          minus(machine, before.machine), wallNanos - before.wallNanos);
    }

    /** How busy the machine's cores were, in % of all of them (200 % = two cores busy). */
    long machinePercent() {
      return machine < 0 || wallNanos <= 0 ? -1 : machine * 100_000_000L / wallNanos;
    }

    private static long minus(long now, long before) {
      return now < 0 || before < 0 || now < before ? -1 : now - before;
    }
  }

  private static final double TICKS_PER_SECOND = 100.0;
  private static final Path PROC = Path.of("/proc");

  private final Path application;
  private final String databaseCommand;

  /**
   * @param applicationPid the application's process id, or null
   * @param databaseCommand the database server's process name ({@code postgres}), or null when the
   *     database runs inside the application (H2)
   */
  CpuMeter(Long applicationPid, String databaseCommand) {
    this.application = applicationPid == null ? null : PROC.resolve(applicationPid.toString()).resolve("stat");
    this.databaseCommand = databaseCommand;
  }

  Reading read() {
    return new Reading(application == null ? -1 : processMillis(application),
        databaseCommand == null ? -1 : commandMillis(databaseCommand), machineMillis(), System.nanoTime());
  }

  /** User + system time of one process, from /proc/PID/stat; -1 if unreadable. */
  private static long processMillis(Path stat) {
    try {
      String line = Files.readString(stat);
      // the fields after the command name, which is in parentheses and may contain spaces
      String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
      return ticksToMillis(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * The sum over every process of that name (PostgreSQL runs one per connection and its background
   * workers). A connection that closes takes its time along; the pool keeps its connections for the run.
   */
  private static long commandMillis(String command) {
    long sum = 0;
    boolean found = false;
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path process : processes) {
        try {
          if (command.equals(Files.readString(process.resolve("comm")).strip())) {
            long millis = processMillis(process.resolve("stat"));
            if (millis >= 0) {
              sum += millis;
              found = true;
            }
          }
        } catch (IOException | RuntimeException gone) {
          // the process ended while we looked
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return found ? sum : -1;
  }

  /** Busy time of all cores together, from the first line of /proc/stat (everything but idle and iowait). */
  private static long machineMillis() {
    try {
      String[] cpu = Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i < cpu.length && i <= 8; i++) {
        if (i != 4 && i != 5) {
          busy += Long.parseLong(cpu[i]);
        }
      }
      return ticksToMillis(busy);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long ticksToMillis(long ticks) {
    return (long) (ticks * 1000 / TICKS_PER_SECOND);
  }
}
