package io.entityflow.alerting.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the machine's Chromium headless (Debian package {@code chromium} at {@value #PATH}) on a
 * page: its DOM after the scripts ran, or a screenshot.
 *
 * <pre>{@code
 * HeadlessChromium.requireInstalled();
 * String dom = HeadlessChromium.run(workDir, "--dump-dom", "http://localhost:8080/status/index.html");
 * }</pre>
 */
final class HeadlessChromium {
  static final String PATH = "/usr/bin/chromium";

  private HeadlessChromium() {}

  /** Fails the test with how to install Chromium when it is missing. */
  static void requireInstalled() {
    assertThat(Files.isExecutable(Path.of(PATH)))
        .withFailMessage(
            "Chromium is required for the status page tests: install it with"
                + " 'apt-get install -y chromium' (expected at "
                + PATH
                + ")")
        .isTrue();
  }

  /**
   * Runs Chromium with a fresh profile under {@code workDir} and the given arguments (e.g. {@code
   * --dump-dom URL}); returns its standard output.
   */
  static String run(Path workDir, String... extra) throws Exception {
    Path profile = Files.createTempDirectory(workDir, "chromium-profile");
    List<String> command =
        new ArrayList<>(
            List.of(
                PATH,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=5000"));
    command.addAll(Arrays.asList(extra));
    Path out = workDir.resolve("chromium-" + System.nanoTime() + ".out");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 90 s: " + command);
    }
    assertThat(p.exitValue()).withFailMessage("chromium exited with " + p.exitValue()).isZero();
    return Files.readString(out);
  }

  /** Takes a PNG screenshot of {@code url} into {@code png} and checks it is a PNG. */
  static void screenshot(Path workDir, Path png, String windowSize, String url) throws Exception {
    Files.deleteIfExists(png);
    run(workDir, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + windowSize, url);
    byte[] bytes = Files.readAllBytes(png);
    assertThat(Arrays.copyOf(bytes, 8))
        .isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
  }
}
