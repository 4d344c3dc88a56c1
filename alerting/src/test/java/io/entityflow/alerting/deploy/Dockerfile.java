package io.entityflow.alerting.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The instructions of {@code alerting/Dockerfile} the tests compare with Terraform and the build:
 * the exposed port, the jar copied into the image and the exec-form entrypoint.
 *
 * <pre>{@code
 * Dockerfile file = Dockerfile.read(Path.of("Dockerfile"));
 * file.entrypoint(); // [java, -XX:MaxRAMPercentage=75, ..., -jar, /app/entityflow-alerting.jar]
 * }</pre>
 */
final class Dockerfile {
  private final List<String> lines;

  private Dockerfile(List<String> lines) {
    this.lines = lines;
  }

  static Dockerfile read(Path path) throws IOException {
    return new Dockerfile(Files.readAllLines(path));
  }

  /** The port of the one {@code EXPOSE} instruction. */
  int exposedPort() {
    return Integer.parseInt(instruction("EXPOSE"));
  }

  /** Source of the one {@code COPY} instruction, relative to the build context. */
  String copiedJar() {
    return copy().get(0);
  }

  /** Destination of the one {@code COPY} instruction: the jar's path in the image. */
  String jarInImage() {
    return copy().get(1);
  }

  /** The exec-form {@code ENTRYPOINT}. */
  List<String> entrypoint() {
    List<String> command = new ArrayList<>();
    for (JsonElement part : JsonParser.parseString(instruction("ENTRYPOINT")).getAsJsonArray()) {
      command.add(part.getAsString());
    }
    return command;
  }

  private List<String> copy() {
    List<String> words = new ArrayList<>();
    for (String word : instruction("COPY").split("\\s+")) {
      if (!word.startsWith("--")) {
        words.add(word);
      }
    }
    if (words.size() != 2) {
      throw new AssertionError("COPY must copy one file to one path, got " + words);
    }
    return words;
  }

  /** The arguments of the one instruction of this name (continuation lines joined). */
  private String instruction(String name) {
    List<String> found = new ArrayList<>();
    StringBuilder current = null;
    for (String line : lines) {
      String text = line.strip();
      if (current == null) {
        if (text.startsWith(name + " ")) {
          current = new StringBuilder(text.substring(name.length()).strip());
        } else {
          continue;
        }
      } else {
        current.append(' ').append(text);
      }
      if (current.toString().endsWith("\\")) {
        current.setLength(current.length() - 1);
      } else {
        found.add(current.toString().strip());
        current = null;
      }
    }
    if (found.size() != 1) {
      throw new AssertionError("Dockerfile has " + found.size() + " " + name + "; expected one");
    }
    return found.get(0);
  }
}
