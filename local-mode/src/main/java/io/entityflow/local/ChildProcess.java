package io.entityflow.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Java child process of local mode (pipeline, alerting service, demo service): started with a
 * module's classpath, its output copied line by line to the console with a {@code [name]} prefix
 * and to {@code logs/<name>.log}, and stopped gracefully (SIGTERM, then kill after a grace period).
 * Its recent lines are kept for diagnostics.
 *
 * <pre>{@code
 * ChildProcess alerting = ChildProcess.start("alerting", cp, "io.entityflow.alerting.AlertingApplication",
 *     List.of("-Dmicronaut.server.port=8089"), List.of(), Map.of(), logs, System.out);
 * alerting.awaitLine(l -> l.contains("Startup completed"), Duration.ofSeconds(60));
 * alerting.stop(Duration.ofSeconds(10));
 * }</pre>
 */
public final class ChildProcess implements AutoCloseable {
  private static final int KEPT_LINES = 200;

  private final String name;
  private final Process process;
  private final Deque<String> recent = new ArrayDeque<>();

  private ChildProcess(String name, Process process) {
    this.name = name;
    this.process = process;
  }

  /** Starts {@code java <jvmArgs> -cp <classpath> <mainClass> <args>}. */
  public static ChildProcess start(
      String name,
      String classpath,
      String mainClass,
      List<String> jvmArgs,
      List<String> args,
      Map<String, String> environment,
      Path logs,
      PrintStream console) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    try {
      Files.createDirectories(logs);
      ChildProcess child = new ChildProcess(name, builder.start());
      child.pump(logs.resolve(name + ".log"), console);
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " (" + mainClass + ")", e);
    }
  }

  /** The process name used in prefixes and log file names. */
  public String name() {
    return name;
  }

  /** The operating system process id. */
  public long pid() {
    return process.pid();
  }

  /** Whether the process is running. */
  public boolean alive() {
    return process.isAlive();
  }

  /**
   * Waits until a line of output matches, or fails naming the process and its last lines when it
   * exits or the timeout passes.
   */
  public void awaitLine(Predicate<String> matcher, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      synchronized (recent) {
        if (recent.stream().anyMatch(matcher)) {
          return;
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name
                + " exited with code "
                + process.exitValue()
                + " before it was ready:\n"
                + lastLines());
      }
      sleep(100);
    }
    throw new IllegalStateException(
        name + " was not ready within " + timeout + ":\n" + lastLines());
  }

  /** The most recent output lines. */
  public String lastLines() {
    synchronized (recent) {
      return String.join("\n", recent);
    }
  }

  /** Stops the process: SIGTERM, then a kill after {@code grace}. */
  public void stop(Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }

  private void pump(Path logFile, PrintStream console) throws IOException {
    Writer log =
        Files.newBufferedWriter(
            logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  log) {
                String line;
                while ((line = reader.readLine()) != null) {
                  synchronized (recent) {
                    recent.addLast(line);
                    if (recent.size() > KEPT_LINES) {
                      recent.removeFirst();
                    }
                  }
                  log.write(line);
                  log.write('\n');
                  log.flush();
                  if (console != null) {
                    console.println("[" + name + "] " + line);
                  }
                }
              } catch (IOException e) {
                if (console != null) {
                  console.println("[" + name + "] output closed: " + e.getMessage());
                }
              }
            },
            name + "-output");
    thread.setDaemon(true);
    thread.start();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
