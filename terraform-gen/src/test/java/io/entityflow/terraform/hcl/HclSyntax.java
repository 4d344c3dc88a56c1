package io.entityflow.terraform.hcl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which names of a {@code .tf} file (HCL native syntax) are written as arguments ({@code name =
 * ...}) and which as blocks ({@code name { ... }}): the one thing hcl2json's JSON loses, since it
 * renders {@code view { ... }} and {@code view = [{ ... }]} alike.
 *
 * <pre>{@code
 * HclSyntax syntax = HclSyntax.scan(Files.readString(file));
 * syntax.isArgument("resource.google_bigquery_table.entity/time_partitioning"); // false
 * syntax.isBlock("resource.google_bigquery_table.entity/time_partitioning"); // true
 * }</pre>
 *
 * <p>A path names a top-level block by its type and labels joined with dots ({@code
 * resource.google_bigquery_table.entity}, {@code provider.google}), then each nested block or
 * argument after a {@code /}, a labelled nested block with its labels ({@code dynamic.env}). Only
 * the structure is read: expressions (strings and templates, heredocs, brackets, comments) are
 * skipped, not checked. A structural syntax error fails with its line.
 */
final class HclSyntax {
  private final String source;
  private final Set<String> arguments = new HashSet<>();
  private final Set<String> blocks = new HashSet<>();
  private int at;

  private HclSyntax(String source) {
    this.source = source;
  }

  /** Scans a whole file. */
  static HclSyntax scan(String source) {
    HclSyntax syntax = new HclSyntax(source);
    syntax.body("");
    if (syntax.at < source.length()) {
      throw syntax.error("unexpected '}'");
    }
    return syntax;
  }

  /** Whether some item at this path is written as an argument ({@code name = ...}). */
  boolean isArgument(String path) {
    return arguments.contains(path);
  }

  /** Whether some item at this path is written as a block ({@code name { ... }}). */
  boolean isBlock(String path) {
    return blocks.contains(path);
  }

  private void body(String path) {
    while (true) {
      space(true);
      if (at >= source.length() || source.charAt(at) == '}') {
        return;
      }
      String name = identifier();
      space(false);
      if (peek(0) == '=' && peek(1) != '=') {
        at++;
        arguments.add(child(path, name));
        expression();
        continue;
      }
      List<String> labels = new ArrayList<>();
      labels.add(name);
      while (peek(0) != '{') {
        labels.add(peek(0) == '"' ? label() : identifier());
        space(false);
      }
      at++;
      String block = child(path, String.join(".", labels));
      blocks.add(block);
      body(block);
      if (peek(0) != '}') {
        throw error("block " + block + " is not closed");
      }
      at++;
    }
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "/" + name;
  }

  private String identifier() {
    int start = at;
    while (at < source.length()) {
      char c = source.charAt(at);
      boolean first = at == start;
      if (Character.isLetter(c) || c == '_' || (!first && (Character.isDigit(c) || c == '-'))) {
        at++;
      } else {
        break;
      }
    }
    if (at == start) {
      throw error("expected an argument or block name, found '" + peek(0) + "'");
    }
    return source.substring(start, at);
  }

  private String label() {
    int start = ++at;
    while (at < source.length() && source.charAt(at) != '"') {
      at += source.charAt(at) == '\\' ? 2 : 1;
    }
    String label = source.substring(start, Math.min(at, source.length()));
    at++;
    return label;
  }

  /** Skips an expression up to the newline (or closing brace) that ends it. */
  private void expression() {
    int depth = 0;
    while (at < source.length()) {
      char c = source.charAt(at);
      if (c == '"') {
        string();
      } else if (c == '<' && peek(1) == '<') {
        heredoc();
      } else if (c == '#' || (c == '/' && peek(1) == '/')) {
        lineComment();
      } else if (c == '/' && peek(1) == '*') {
        blockComment();
      } else if (c == '\n' && depth == 0) {
        return;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
        at++;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) {
          return;
        }
        depth--;
        at++;
      } else {
        at++;
      }
    }
  }

  /** Skips a quoted template, with its {@code ${...}} and {@code %{...}} sequences. */
  private void string() {
    at++;
    while (at < source.length()) {
      char c = source.charAt(at);
      if (c == '\\') {
        at += 2;
      } else if (c == '"') {
        at++;
        return;
      } else if ((c == '$' || c == '%') && peek(1) == c && peek(2) == '{') {
        at += 3;
      } else if ((c == '$' || c == '%') && peek(1) == '{') {
        at += 2;
        interpolation();
      } else {
        at++;
      }
    }
    throw error("unterminated string");
  }

  private void interpolation() {
    int depth = 0;
    while (at < source.length()) {
      char c = source.charAt(at);
      if (c == '"') {
        string();
        continue;
      }
      at++;
      if (c == '{') {
        depth++;
      } else if (c == '}' && depth-- == 0) {
        return;
      }
    }
    throw error("unterminated interpolation");
  }

  private void heredoc() {
    at += 2;
    if (peek(0) == '-') {
      at++;
    }
    String marker = identifier();
    at = source.indexOf('\n', at);
    while (at >= 0 && at < source.length()) {
      int end = source.indexOf('\n', at + 1);
      String line = source.substring(at + 1, end < 0 ? source.length() : end);
      at = end < 0 ? source.length() : end;
      if (line.strip().equals(marker)) {
        return;
      }
    }
    throw error("heredoc " + marker + " is not closed");
  }

  private void space(boolean newlines) {
    while (at < source.length()) {
      char c = source.charAt(at);
      if (c == ' ' || c == '\t' || c == '\r' || (newlines && c == '\n')) {
        at++;
      } else if (c == '#' || (c == '/' && peek(1) == '/')) {
        lineComment();
      } else if (c == '/' && peek(1) == '*') {
        blockComment();
      } else {
        return;
      }
    }
  }

  private void lineComment() {
    int end = source.indexOf('\n', at);
    at = end < 0 ? source.length() : end;
  }

  private void blockComment() {
    int end = source.indexOf("*/", at + 2);
    if (end < 0) {
      throw error("unterminated comment");
    }
    at = end + 2;
  }

  private char peek(int ahead) {
    return at + ahead < source.length() ? source.charAt(at + ahead) : '\0';
  }

  private IllegalArgumentException error(String message) {
    int line = 1;
    for (int i = 0; i < Math.min(at, source.length()); i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    return new IllegalArgumentException("line " + line + ": " + message);
  }
}
