package io.entityflow.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses every {@code .tf} file under a directory offline with the npm package {@code
 * @cdktf/hcl2json} (installed once into {@code entityflow.npm.prefix}, default {@code target/npm}
 * of the module running the tests), as HCL's own parser does: a syntax error fails with the file
 * and line. Needs {@code node} and {@code npm} on the {@code PATH}.
 *
 * <pre>{@code
 * Map<String, JsonObject> files = Hcl2Json.parseAll(Path.of("terraform"));
 * JsonObject alerting = files.get("modules/alerting/main.tf"); // blocks as hcl2json renders them
 * }</pre>
 *
 * <p>Blocks are arrays of bodies; expressions are strings such as {@code "${var.project_id}"}.
 */
public final class Hcl2Json {
  /** The pinned npm package. */
  public static final String PACKAGE = "@cdktf/hcl2json@0.21.0";

  private static final String SCRIPT =
      """
      const fs = require('fs');
      const path = require('path');
      const hcl = require(process.argv[2]);
      const root = process.argv[3];
      function walk(dir) {
        return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) return e.name.startsWith('.') ? [] : walk(p);
          return e.name.endsWith('.tf') ? [p] : [];
        });
      }
      (async () => {
        const out = {};
        for (const file of walk(root).sort()) {
          const rel = path.relative(root, file).split(path.sep).join('/');
          out[rel] = await hcl.parse(rel, fs.readFileSync(file, 'utf8'));
        }
        process.stdout.write(JSON.stringify(out));
      })().catch((e) => { process.stderr.write(String(e && e.message || e)); process.exit(1); });
      """;

  private Hcl2Json() {}

  /**
   * Relative path (with {@code /}) to the parsed file, for every {@code .tf} under {@code root}
   * (directories starting with a dot, such as {@code .terraform}, are skipped).
   */
  public static Map<String, JsonObject> parseAll(Path root)
      throws IOException, InterruptedException {
    Path prefix = Npm.prefix();
    Path module = prefix.resolve("node_modules/@cdktf/hcl2json");
    if (!Files.isRegularFile(module.resolve("package.json"))) {
      Npm.install(prefix, List.of(PACKAGE));
    }
    Path script = prefix.resolve("parse-all.js");
    Files.writeString(script, SCRIPT);
    String json =
        Npm.run(List.of("node", script.toString(), module.toString(), root.toString()), prefix);
    Map<String, JsonObject> files = new TreeMap<>();
    for (Map.Entry<String, JsonElement> e :
        JsonParser.parseString(json).getAsJsonObject().entrySet()) {
      files.put(e.getKey(), e.getValue().getAsJsonObject());
    }
    return files;
  }
}
