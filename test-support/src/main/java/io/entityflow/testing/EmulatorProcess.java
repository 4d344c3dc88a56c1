package io.entityflow.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Google Cloud CLI's Pub/Sub emulator run as a child process ({@code java -jar
 * cloud-pubsub-emulator-*-all.jar}) on a loopback port. Killed with the JVM.
 */
final class EmulatorProcess {
  static final String INSTALL_HINT =
      "The Pub/Sub emulator was not found. Install the Google Cloud CLI emulator component"
          + " (`gcloud components install pubsub-emulator`, or on Debian/Ubuntu `sudo apt-get"
          + " install google-cloud-cli-pubsub-emulator`), set PUBSUB_EMULATOR_HOST to a running"
          + " emulator, or run where Docker is available (Testcontainers).";

  private final Path jar;
  private final int port;
  private Process process;

  private EmulatorProcess(Path jar, int port) {
    this.jar = jar;
    this.port = port;
  }

  /** Finds the emulator jar of the installed Google Cloud CLI. */
  static Optional<Path> findJar() {
    List<Path> roots = new ArrayList<>();
    String env = System.getenv("CLOUDSDK_ROOT_DIR");
    if (env != null) {
      roots.add(Path.of(env));
    }
    roots.add(Path.of("/usr/lib/google-cloud-sdk"));
    roots.add(Path.of("/usr/share/google-cloud-sdk"));
    roots.add(Path.of(System.getProperty("user.home"), "google-cloud-sdk"));
    roots.add(Path.of("/opt/google-cloud-sdk"));
    sdkRootFromPath().ifPresent(roots::add);
    for (Path root : roots) {
      Path lib = root.resolve("platform/pubsub-emulator/lib");
      if (Files.isDirectory(lib)) {
        try (Stream<Path> files = Files.list(lib)) {
          Optional<Path> jar =
              files
                  .filter(
                      p -> p.getFileName().toString().matches("cloud-pubsub-emulator-.*-all\\.jar"))
                  .sorted()
                  .reduce((a, b) -> b);
          if (jar.isPresent()) {
            return jar;
          }
        } catch (IOException e) {
          throw new IllegalStateException("cannot list " + lib, e);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> sdkRootFromPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path gcloud = Path.of(dir, "gcloud");
      if (Files.isExecutable(gcloud)) {
        try {
          Path real = gcloud.toRealPath();
          // <root>/bin/gcloud
          return Optional.ofNullable(real.getParent()).map(Path::getParent);
        } catch (IOException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** System property with the emulator's maximum heap. */
  static final String HEAP_PROPERTY = "entityflow.emulator.heap";

  /** The default maximum heap of the emulator. */
  static final String DEFAULT_HEAP = "2g";

  /**
   * JVM options the emulator always runs with, before any {@value #JVM_OPTIONS_PROPERTY}: the
   * parallel collector, promoting what survives a young collection at once. The emulator keeps
   * every message it was given for as long as it runs, acknowledged or not, so nearly everything
   * published survives; over a 5-minute run at 22,000 messages/s it used about a quarter less CPU
   * than with G1, which marked the grown heap concurrently (beam-pipelines/BENCHMARKS.md,
   * "Sustained stream").
   */
  static final List<String> DEFAULT_JVM_OPTIONS =
      List.of("-XX:+UseParallelGC", "-XX:MaxTenuringThreshold=0");

  /**
   * System property with extra JVM options of the emulator, separated by spaces (none by default),
   * e.g. a GC log while measuring: {@code -Xlog:gc:file=/tmp/emulator-gc.log}.
   */
  static final String JVM_OPTIONS_PROPERTY = "entityflow.emulator.jvmOptions";

  /** System property with the Java home the emulator runs on (default: this JVM's). */
  static final String JAVA_HOME_PROPERTY = "entityflow.emulator.javaHome";

  static EmulatorProcess start(Path jar) {
    return start(jar, freePort());
  }

  static EmulatorProcess start(Path jar, int port) {
    EmulatorProcess emulator = new EmulatorProcess(jar, port);
    emulator.launch();
    return emulator;
  }

  int port() {
    return port;
  }

  /**
   * The emulator's maximum heap: system property {@value #HEAP_PROPERTY} (default {@value
   * #DEFAULT_HEAP}). The emulator keeps every unacknowledged message in its heap; with 512m it
   * stalled for a minute under a backlog of 400,000 small messages (20,000/s published for 20 s).
   */
  static String heap() {
    String heap = System.getProperty(HEAP_PROPERTY, DEFAULT_HEAP);
    if (!heap.matches("[0-9]+[kmgKMG]")) {
      throw new IllegalArgumentException(
          HEAP_PROPERTY
              + " '"
              + heap
              + "' is not a heap size; allowed: a number and k, m or g (2g)");
    }
    return heap;
  }

  synchronized void launch() {
    String java =
        Path.of(
                System.getProperty(JAVA_HOME_PROPERTY, System.getProperty("java.home")),
                "bin",
                "java")
            .toString();
    List<String> command =
        command(java, heap(), System.getProperty(JVM_OPTIONS_PROPERTY, ""), jar, port);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the Pub/Sub emulator " + jar, e);
    }
    Process started = process;
    Thread drain =
        new Thread(
            () -> {
              try (InputStream in = started.getInputStream()) {
                in.transferTo(OutputSink.INSTANCE);
              } catch (IOException ignored) {
                // the process ended; its output is of no further use
              }
            },
            "pubsub-emulator-output");
    drain.setDaemon(true);
    drain.start();
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    awaitPort(Duration.ofSeconds(60));
  }

  /**
   * The command line of an emulator on {@code port}: {@code java}, the heap, {@link
   * #DEFAULT_JVM_OPTIONS}, then {@code extraOptions} (separated by spaces; later options win).
   */
  static List<String> command(String java, String heap, String extraOptions, Path jar, int port) {
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap));
    command.addAll(DEFAULT_JVM_OPTIONS);
    if (!extraOptions.isBlank()) {
      command.addAll(List.of(extraOptions.trim().split("\\s+")));
    }
    command.addAll(List.of("-jar", jar.toString(), "--host=127.0.0.1", "--port=" + port));
    return command;
  }

  /** Kills the process (like a crash) and waits until it is gone. */
  synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  private void awaitPort(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the Pub/Sub emulator exited with code " + process.exitValue() + " on port " + port);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while starting the emulator", e);
        }
      }
    }
    kill();
    throw new IllegalStateException(
        "the Pub/Sub emulator did not open port " + port + " within " + timeout);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }

  /** Discards the emulator's console output (it may contain payload data). */
  private static final class OutputSink extends java.io.OutputStream {
    static final OutputSink INSTANCE = new OutputSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
