package io.entityflow.schema.lookml;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.entityflow.testing.Npm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Parses every {@code .lkml} file under a directory with the npm package {@code lookml-parser}
 * (installed once into {@code <entityflow.npm.prefix>/lookml-parser}), as Looker's own grammar
 * does: a syntax error fails naming the file. Also follows each model's includes. Needs {@code
 * node} and {@code npm} on the {@code PATH}.
 *
 * <pre>{@code
 * JsonObject parsed = LookmlParser.parseAll(Path.of("target/lookml"));
 * parsed.getAsJsonObject("files").getAsJsonObject("views/sale_v1_latest.view.lkml");
 * parsed.getAsJsonObject("models").getAsJsonObject("entityflow").get("views"); // included views
 * }</pre>
 */
final class LookmlParser {
  /** The pinned npm package. */
  static final String PACKAGE = "lookml-parser@7.1.3";

  private LookmlParser() {}

  /** {@code {files: {path: parsed}, models: {name: {views, explores}}}} of the directory. */
  static JsonObject parseAll(Path root) throws IOException, InterruptedException {
    Path prefix = Npm.prefix().resolve("lookml-parser");
    Files.createDirectories(prefix);
    Path module = prefix.resolve("node_modules/lookml-parser");
    try (FileChannel channel =
            FileChannel.open(
                prefix.resolve(".install.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      if (!Files.isRegularFile(module.resolve("package.json"))
          || !Files.readString(module.resolve("package.json")).contains("\"version\": \"7.1.3\"")) {
        Npm.install(prefix, List.of(PACKAGE));
      }
    }
    Path script = prefix.resolve("parse-lookml.js");
    try (InputStream in = LookmlParser.class.getResourceAsStream("parse-lookml.js")) {
      Files.write(script, in.readAllBytes());
    }
    String json =
        Npm.run(
            List.of("node", script.toString(), module.toString(), root.toAbsolutePath().toString()),
            prefix);
    return JsonParser.parseString(json).getAsJsonObject();
  }
}
