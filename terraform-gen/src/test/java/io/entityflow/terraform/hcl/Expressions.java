package io.entityflow.terraform.hcl;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Evaluates the subset of Terraform expressions the tests need, as hcl2json renders them: literal
 * values, templates whose interpolations are references ({@code ${each.value.topic}}, {@code
 * ${var.topic}_pipeline}) with attribute access and indexing ({@code
 * var.producers[each.value.owner]}). Anything else (function calls, for expressions) is refused, so
 * a test never silently evaluates what it cannot.
 */
final class Expressions {
  private Expressions() {}

  /** The value of an hcl2json attribute value in a scope ({@code var}, {@code each}, ...). */
  static JsonElement evaluate(JsonElement value, JsonObject scope) {
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      return value;
    }
    String text = value.getAsString();
    if (text.startsWith("${") && text.endsWith("}") && text.indexOf("${", 2) < 0) {
      return reference(text.substring(2, text.length() - 1).strip(), scope);
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf("${", i);
      if (start < 0) {
        out.append(text.substring(i));
        break;
      }
      if (start > 0 && text.charAt(start - 1) == '$') {
        out.append(text, i, start - 1).append("${");
        i = start + 2;
        continue;
      }
      int end = text.indexOf('}', start);
      out.append(text, i, start);
      out.append(reference(text.substring(start + 2, end).strip(), scope).getAsString());
      i = end + 1;
    }
    return new JsonPrimitive(out.toString());
  }

  /** The value of a reference such as {@code var.producers[each.value.owner]}. */
  static JsonElement reference(String expression, JsonObject scope) {
    Parser parser = new Parser(expression, scope);
    JsonElement result = parser.reference();
    if (parser.pos != expression.length()) {
      throw new UnsupportedOperationException("cannot evaluate '" + expression + "'");
    }
    return result;
  }

  private static final class Parser {
    private final String text;
    private final JsonObject scope;
    private int pos;

    Parser(String text, JsonObject scope) {
      this.text = text;
      this.scope = scope;
    }

    JsonElement reference() {
      String root = identifier();
      JsonElement current = scope.get(root);
      if (current == null) {
        throw new UnsupportedOperationException(
            "cannot evaluate '" + text + "': '" + root + "' is not in scope " + scope.keySet());
      }
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == '.') {
          pos++;
          current = member(current, identifier());
        } else if (c == '[') {
          pos++;
          JsonElement key;
          if (text.charAt(pos) == '"') {
            int end = text.indexOf('"', pos + 1);
            key = new JsonPrimitive(text.substring(pos + 1, end));
            pos = end + 1;
          } else {
            key = reference();
          }
          expect(']');
          current =
              current.isJsonArray()
                  ? ((JsonArray) current).get(key.getAsInt())
                  : member(current, key.getAsString());
        } else {
          break;
        }
      }
      return current;
    }

    private JsonElement member(JsonElement current, String name) {
      if (!current.isJsonObject() || !current.getAsJsonObject().has(name)) {
        throw new UnsupportedOperationException(
            "cannot evaluate '" + text + "': no '" + name + "' in " + current);
      }
      JsonElement value = current.getAsJsonObject().get(name);
      return value == null ? JsonNull.INSTANCE : value;
    }

    private String identifier() {
      int start = pos;
      while (pos < text.length()
          && (Character.isLetterOrDigit(text.charAt(pos))
              || text.charAt(pos) == '_'
              || text.charAt(pos) == '-')) {
        pos++;
      }
      if (start == pos) {
        throw new UnsupportedOperationException(
            "cannot evaluate '" + text + "' at position " + start);
      }
      return text.substring(start, pos);
    }

    private void expect(char c) {
      if (pos >= text.length() || text.charAt(pos) != c) {
        throw new UnsupportedOperationException(
            "cannot evaluate '" + text + "': expected '" + c + "' at " + pos);
      }
      pos++;
    }
  }
}
