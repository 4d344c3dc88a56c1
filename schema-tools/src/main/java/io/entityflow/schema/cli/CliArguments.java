package io.entityflow.schema.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --name value} options of a command, checked against the options the command knows.
 *
 * <pre>{@code
 * CliArguments args = CliArguments.parse(List.of("--against", "main"), List.of("against", "format"));
 * args.require("against"); // "main"
 * }</pre>
 *
 * <p>Guarantees: an unknown option, a missing value or a repeated option is refused with a {@link
 * UsageException} naming it and the allowed options.
 */
public final class CliArguments {
  private final Map<String, String> values;

  private CliArguments(Map<String, String> values) {
    this.values = values;
  }

  /** Parses {@code --name value} pairs; {@code --name=value} works too. */
  public static CliArguments parse(List<String> args, List<String> known) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "'; " + allowed(known));
      }
      String name = arg.substring(2);
      String value;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i);
      } else {
        throw new UsageException("option --" + name + " needs a value");
      }
      if (!known.contains(name)) {
        throw new UsageException("unknown option --" + name + "; " + allowed(known));
      }
      if (values.put(name, value) != null) {
        throw new UsageException("option --" + name + " is given twice");
      }
    }
    return new CliArguments(values);
  }

  /** The value of an option, if given. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The value of a required option. */
  public String require(String name) {
    return get(name).orElseThrow(() -> new UsageException("option --" + name + " is required"));
  }

  /** The value of an option restricted to {@code allowed}, else {@code fallback}. */
  public String oneOf(String name, List<String> allowed, String fallback) {
    String value = get(name).orElse(fallback);
    if (!allowed.contains(value)) {
      throw new UsageException(
          "--"
              + name
              + " '"
              + value
              + "' is not supported; allowed: "
              + String.join(", ", allowed));
    }
    return value;
  }

  private static String allowed(List<String> known) {
    return "allowed: --" + String.join(", --", known);
  }
}
