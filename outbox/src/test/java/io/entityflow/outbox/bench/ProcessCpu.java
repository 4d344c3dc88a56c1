package io.entityflow.outbox.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time (user + system, in clock ticks of 10 ms) of this JVM, of its child processes by command
 * name (the dedicated emulator) and of the PostgreSQL server listening on a given port (daemonized
 * by {@code pg_ctl}, so found by its {@code -p} argument: the postmaster, its backends and the
 * backends that already ended), read from Linux's {@code /proc}.
 */
final class ProcessCpu {
  private ProcessCpu() {}

  /** Ticks by group: {@code jvm}, {@code postgres}, {@code emulator}, {@code other}. */
  static Map<String, Long> ticks(int postgresPort) throws IOException {
    long self = ProcessHandle.current().pid();
    Map<Long, Long> parent = new HashMap<>();
    Map<Long, Long> cpu = new HashMap<>();
    Map<Long, String> name = new HashMap<>();
    Map<Long, Long> reaped = new HashMap<>();
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process : processes.toList()) {
        String file = process.getFileName().toString();
        if (!file.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String stat = Files.readString(process.resolve("stat"));
          String afterName = stat.substring(stat.lastIndexOf(')') + 2);
          String[] fields = afterName.split(" ");
          long pid = Long.parseLong(file);
          parent.put(pid, Long.parseLong(fields[1]));
          cpu.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
          // CPU of ended children the process waited for (a PostgreSQL backend whose connection
          // closed): without it the postmaster's group loses their time when they end
          reaped.put(pid, Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
          name.put(pid, new String(Files.readAllBytes(process.resolve("cmdline"))));
        } catch (IOException | RuntimeException e) {
          // the process ended meanwhile
        }
      }
    }
    Long postmaster = null;
    for (Map.Entry<Long, String> entry : name.entrySet()) {
      List<String> args = List.of(entry.getValue().split("\0"));
      int p = args.indexOf("-p");
      if (entry.getValue().contains("postgres")
          && p >= 0
          && p + 1 < args.size()
          && args.get(p + 1).equals(Integer.toString(postgresPort))) {
        postmaster = entry.getKey();
      }
    }
    Map<String, Long> groups = new HashMap<>();
    for (Map.Entry<Long, Long> entry : cpu.entrySet()) {
      long pid = entry.getKey();
      if (pid == self) {
        groups.merge("jvm", entry.getValue(), Long::sum);
      } else if (postmaster != null && pid == postmaster) {
        groups.merge("postgres", entry.getValue() + reaped.getOrDefault(pid, 0L), Long::sum);
      } else if (postmaster != null && postmaster.equals(parent.get(pid))) {
        groups.merge("postgres", entry.getValue(), Long::sum);
      } else if (descends(pid, self, parent)) {
        String command = name.get(pid);
        String group =
            command.contains("postgres")
                ? "postgres"
                : command.contains("pubsub") ? "emulator" : "other";
        groups.merge(group, entry.getValue(), Long::sum);
      }
    }
    for (String group : List.of("jvm", "postgres", "emulator")) {
      groups.putIfAbsent(group, 0L);
    }
    return groups;
  }

  private static boolean descends(long pid, long ancestor, Map<Long, Long> parent) {
    Long p = parent.get(pid);
    for (int depth = 0; p != null && depth < 10; depth++) {
      if (p == ancestor) {
        return true;
      }
      p = parent.get(p);
    }
    return false;
  }
}
