package io.entityflow.schema.lookml;

import java.util.ArrayList;
import java.util.List;

/**
 * One LookML block ({@code dimension: name { ... }}) built parameter by parameter and rendered with
 * two-space indentation (a block without name, such as {@code derived_table: { ... }}, when the
 * name is empty). Strings are quoted with {@code "} and {@code \} escaped and line breaks folded to
 * spaces; SQL ends with {@code ;;}.
 *
 * <pre>{@code
 * String text =
 *     new LookmlBlock("dimension", "sale_id").raw("type", "string").sql("${TABLE}.sale_id").render(1);
 * // "  dimension: sale_id {\n    type: string\n    sql: ${TABLE}.sale_id ;;\n  }\n"
 * }</pre>
 *
 * <p>Guarantees: parameters and nested blocks render in the order they were added.
 */
final class LookmlBlock {
  private final String type;
  private final String name;
  private final List<Object> items = new ArrayList<>();

  LookmlBlock(String type, String name) {
    this.type = type;
    this.name = name;
  }

  /** A parameter with an unquoted value: {@code type: string}. */
  LookmlBlock raw(String parameter, String value) {
    items.add(parameter + ": " + value);
    return this;
  }

  /** A parameter with a quoted string value: {@code label: "Sale"}. */
  LookmlBlock string(String parameter, String value) {
    items.add(parameter + ": " + quote(value));
    return this;
  }

  /** A quoted string parameter, left out when the value is empty. */
  LookmlBlock optionalString(String parameter, String value) {
    return value == null || value.isEmpty() ? this : string(parameter, value);
  }

  /** {@code parameter: yes}. */
  LookmlBlock yes(String parameter) {
    return raw(parameter, "yes");
  }

  /** A SQL parameter: {@code sql: ... ;;}. */
  LookmlBlock sql(String parameter, String sql) {
    items.add(parameter + ": " + sql + " ;;");
    return this;
  }

  /** {@code sql: ... ;;}. */
  LookmlBlock sql(String sql) {
    return sql("sql", sql);
  }

  /** A list of unquoted names: {@code timeframes: [raw, date]}. */
  LookmlBlock names(String parameter, List<String> values) {
    items.add(parameter + ": [" + String.join(", ", values) + "]");
    return this;
  }

  /** A list of quoted strings: {@code suggestions: ["STORE", "WEB"]}. */
  LookmlBlock strings(String parameter, List<String> values) {
    items.add(
        parameter
            + ": ["
            + String.join(", ", values.stream().map(LookmlBlock::quote).toList())
            + "]");
    return this;
  }

  /** A nested block. */
  LookmlBlock block(LookmlBlock child) {
    items.add(child);
    return this;
  }

  /** The block at {@code depth} levels of indentation, ending with a line break. */
  String render(int depth) {
    String indent = "  ".repeat(depth);
    StringBuilder out = new StringBuilder();
    out.append(indent).append(type).append(": ").append(name.isEmpty() ? "" : name + " ");
    out.append("{\n");
    for (Object item : items) {
      if (item instanceof LookmlBlock child) {
        out.append(child.render(depth + 1));
      } else {
        out.append(indent).append("  ").append(item).append('\n');
      }
    }
    return out.append(indent).append("}\n").toString();
  }

  /** A LookML string literal. */
  static String quote(String value) {
    return "\""
        + value.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("\\s*\\R\\s*", " ")
        + "\"";
  }
}
