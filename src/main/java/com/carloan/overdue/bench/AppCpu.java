package com.carloan.overdue.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time the application process has used, from Linux's /proc/PID/stat, when bench/run.sh hands the
 * driver the process id. On a machine shared with other work the wall-clock figures stretch with the
 * load; the CPU spent per case does not, so the two ratios side by side show what the load did.
 */
final class AppCpu {

  private static final double TICKS_PER_SECOND = 100.0;

  private final Path stat;

  AppCpu(Long pid) {
    this.stat = pid == null ? null : Path.of("/proc", pid.toString(), "stat");
  }

  /** @return CPU milliseconds (user + system) used so far, or -1 where unknown */
  long millis() {
    if (stat == null || !Files.isReadable(stat)) {
      return -1;
    }
    try {
      String line = Files.readString(stat);
      // the fields after the command name, which is in parentheses and may contain spaces
      String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return (long) (ticks * 1000 / TICKS_PER_SECOND);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
