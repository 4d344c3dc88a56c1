package io.entityflow.testing.sql;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.entityflow.testing.Npm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One long-lived {@code node} process running {@code parse-bigquery.js}: a request is one JSON line
 * on its stdin, the answer one JSON line on its stdout. Installs the pinned npm package into the
 * prefix first if it is missing (under a file lock, so concurrent JVMs install it once).
 */
final class NodeParserProcess {
  private static final String SCRIPT = "parse-bigquery.js";

  private final Process process;
  private final Writer requests;
  private final BufferedReader answers;
  private final Path stderr;

  private NodeParserProcess(Process process, Path stderr) {
    this.process = process;
    this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.answers =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.stderr = stderr;
  }

  /** Installs the package into {@code prefix} if needed and starts the parser process. */
  static NodeParserProcess start(Path prefix, String npmPackage) {
    try {
      Files.createDirectories(prefix);
      String name = npmPackage.substring(0, npmPackage.lastIndexOf('@'));
      String version = npmPackage.substring(npmPackage.lastIndexOf('@') + 1);
      Path module = prefix.resolve("node_modules").resolve(name);
      try (FileChannel lock =
              FileChannel.open(
                  prefix.resolve(".install.lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock held = lock.lock()) {
        if (!installed(module, version)) {
          Npm.install(prefix, List.of(npmPackage));
        }
      }
      Path script = prefix.resolve(SCRIPT);
      try (InputStream in = NodeParserProcess.class.getResourceAsStream(SCRIPT)) {
        Files.write(script, in.readAllBytes());
      }
      Path stderr = prefix.resolve("parse-bigquery.err");
      Process process =
          new ProcessBuilder("node", script.toString(), module.toString())
              .directory(prefix.toFile())
              .redirectError(stderr.toFile())
              .start();
      NodeParserProcess parser = new NodeParserProcess(process, stderr);
      Runtime.getRuntime().addShutdownHook(new Thread(parser::stop, "bigquery-sql-parser-stop"));
      return parser;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the BigQuery SQL parser in " + prefix, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted installing " + npmPackage, e);
    }
  }

  /** The parser's answer for one statement. */
  JsonObject ask(String sql) {
    JsonObject request = new JsonObject();
    request.addProperty("sql", sql);
    try {
      requests.write(request.toString());
      requests.write('\n');
      requests.flush();
      String line = answers.readLine();
      if (line == null) {
        throw new IllegalStateException(
            "the BigQuery SQL parser process exited (code "
                + (process.isAlive() ? "none" : process.exitValue())
                + "): "
                + Files.readString(stderr));
      }
      return JsonParser.parseString(line).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException("the BigQuery SQL parser process failed", e);
    }
  }

  /** Closes the parser's stdin (it exits at end of input) and kills it if it lingers. */
  void stop() {
    try {
      requests.close();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static boolean installed(Path module, String version) throws IOException {
    Path packageJson = module.resolve("package.json");
    return Files.isRegularFile(packageJson)
        && JsonParser.parseString(Files.readString(packageJson))
            .getAsJsonObject()
            .get("version")
            .getAsString()
            .equals(version);
  }
}
