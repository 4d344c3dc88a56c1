package io.entityflow.terraform.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link HclSyntax}: arguments and blocks told apart past every kind of expression. */
class HclSyntaxTest {
  @Test
  void blocksAndArgumentsAreToldApartAtEveryDepth() {
    HclSyntax syntax =
        HclSyntax.scan(
            """
            resource "google_bigquery_table" "t" {
              view = [{ query = "SELECT 1" }]
              time_partitioning {
                type = "DAY"
              }
              replication { auto {} }
              dynamic "env" {
                for_each = var.env
                content {
                  name = env.key
                }
              }
            }
            """);
    String table = "resource.google_bigquery_table.t";
    assertThat(syntax.isArgument(table + "/view")).isTrue();
    assertThat(syntax.isBlock(table + "/view")).isFalse();
    assertThat(syntax.isBlock(table + "/time_partitioning")).isTrue();
    assertThat(syntax.isArgument(table + "/time_partitioning/type")).isTrue();
    assertThat(syntax.isBlock(table + "/replication/auto")).isTrue();
    assertThat(syntax.isBlock(table + "/dynamic.env/content")).isTrue();
    assertThat(syntax.isArgument(table + "/dynamic.env/content/name")).isTrue();
    assertThat(syntax.isArgument(table + "/dynamic.env/content/query")).isFalse();
  }

  @Test
  void stringsTemplatesHeredocsAndCommentsAreSkipped() {
    HclSyntax syntax =
        HclSyntax.scan(
            """
            # comment with a { brace
            locals {
              a = "text with } and ${var.x == "}" ? "{" : "y"} and $${literal"
              b = <<-EOT
                fake = {
                EOT
              c = { for k, v in var.m : k => v } // trailing { comment
              /* block { comment */
              d = [
                1, # inside brackets {
                2,
              ]
              e = "%{if var.x}x%{endif}"
            }
            """);
    for (String name : new String[] {"a", "b", "c", "d", "e"}) {
      assertThat(syntax.isArgument("locals/" + name)).as(name).isTrue();
    }
    assertThat(syntax.isArgument("locals/fake")).isFalse();
    assertThat(syntax.isBlock("locals")).isTrue();
  }

  @Test
  void structuralErrorsNameTheirLine() {
    assertThatThrownBy(() -> HclSyntax.scan("resource \"a\" \"b\" {\n  x = 1\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 3: block resource.a.b is not closed");
    assertThatThrownBy(() -> HclSyntax.scan("locals {\n  = 1\n}\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 2: expected an argument or block name, found '='");
  }
}
