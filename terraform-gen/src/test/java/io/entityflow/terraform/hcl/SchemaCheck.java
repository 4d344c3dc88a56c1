package io.entityflow.terraform.hcl;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.entityflow.terraform.hcl.ProviderSchema.Block;
import io.entityflow.terraform.hcl.ProviderSchema.NestedBlock;
import io.entityflow.testing.Hcl2Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Holds every {@code .tf} file under a directory to the provider schemas, as {@code terraform
 * validate} would with the providers installed: each resource and data block's type exists in the
 * provider it is bound to ({@code provider = google-beta} selects the provider whose source {@code
 * required_providers} names for {@code google-beta}); every argument and nested block, at every
 * depth and inside {@code dynamic} blocks, exists; required ones are present; blocks are written as
 * blocks and arguments as arguments; and every call of a local module passes only declared
 * variables and every variable without a default.
 *
 * <pre>{@code
 * SchemaCheck.Report report = new SchemaCheck(ProviderSchema.loadAll()).check(terraformDir);
 * report.violations(); // e.g. "modules/entity/main.tf: google_bigquery_table.entity: unsupported
 *                      //  argument "deletion_protektion"; arguments of google_bigquery_table: [...]"
 * }</pre>
 *
 * <p>Each violation names the file, the block address, the bad name and the allowed names.
 */
final class SchemaCheck {
  /** Meta-arguments and meta-blocks of resources and data sources, never in a provider schema. */
  static final Set<String> META =
      Set.of(
          "count", "for_each", "provider", "depends_on", "lifecycle", "connection", "provisioner");

  private static final Set<String> DYNAMIC = Set.of("for_each", "iterator", "labels", "content");

  private final Map<String, ProviderSchema> schemas;

  /** A check against these schemas, keyed by provider source ({@code hashicorp/google}). */
  SchemaCheck(Map<String, ProviderSchema> schemas) {
    this.schemas = schemas;
  }

  /** What a check looked at (file and address of each block) and what it found wrong. */
  record Report(List<String> checked, List<String> violations) {}

  /** Checks every {@code .tf} file under {@code root}. */
  Report check(Path root) throws IOException, InterruptedException {
    TerraformTree tree = new TerraformTree(Hcl2Json.parseAll(root));
    Report report = new Report(new ArrayList<>(), new ArrayList<>());
    for (Map.Entry<String, JsonObject> file : tree.files().entrySet()) {
      String path = file.getKey();
      new FileCheck(tree, path, HclSyntax.scan(Files.readString(root.resolve(path))), report)
          .check(file.getValue());
    }
    return report;
  }

  private final class FileCheck {
    private final TerraformTree tree;
    private final String path;
    private final String dir;
    private final HclSyntax syntax;
    private final Report report;

    FileCheck(TerraformTree tree, String path, HclSyntax syntax, Report report) {
      this.tree = tree;
      this.path = path;
      this.dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
      this.syntax = syntax;
      this.report = report;
    }

    void check(JsonObject file) {
      for (String kind : List.of("resource", "data")) {
        if (file.has(kind)) {
          for (Map.Entry<String, JsonElement> type : file.getAsJsonObject(kind).entrySet()) {
            for (Map.Entry<String, JsonElement> named :
                type.getValue().getAsJsonObject().entrySet()) {
              for (JsonElement body : named.getValue().getAsJsonArray()) {
                resource(kind, type.getKey(), named.getKey(), body.getAsJsonObject());
              }
            }
          }
        }
      }
      if (file.has("provider")) {
        for (Map.Entry<String, JsonElement> local : file.getAsJsonObject("provider").entrySet()) {
          for (JsonElement body : local.getValue().getAsJsonArray()) {
            String address = "provider " + local.getKey();
            report.checked().add(path + ": " + address);
            source(local.getKey(), address)
                .ifPresent(
                    schema ->
                        body(
                            "provider." + local.getKey(),
                            address,
                            address,
                            body.getAsJsonObject(),
                            schema.provider(),
                            Set.of("version")));
          }
        }
      }
      if (file.has("module")) {
        for (Map.Entry<String, JsonElement> call : file.getAsJsonObject("module").entrySet()) {
          for (JsonElement body : call.getValue().getAsJsonArray()) {
            module(call.getKey(), body.getAsJsonObject());
          }
        }
      }
    }

    private void resource(String kind, String type, String name, JsonObject body) {
      boolean data = kind.equals("data");
      String address = (data ? "data." : "") + type + "." + name;
      report.checked().add(path + ": " + address);
      String local =
          body.has("provider")
              ? unwrap(body.get("provider").getAsString()).split("\\.")[0]
              : type.substring(0, type.indexOf('_') < 0 ? type.length() : type.indexOf('_'));
      Optional<ProviderSchema> schema = source(local, address);
      if (schema.isEmpty()) {
        return;
      }
      Optional<Block> block = data ? schema.get().dataSource(type) : schema.get().resource(type);
      if (block.isEmpty()) {
        String noun = data ? "data source" : "resource";
        StringBuilder message =
            new StringBuilder(
                schema.get().source()
                    + " "
                    + schema.get().version()
                    + " has no "
                    + noun
                    + " type \""
                    + type
                    + "\"");
        schemas.values().stream()
            .filter(other -> (data ? other.dataSource(type) : other.resource(type)).isPresent())
            .findFirst()
            .ifPresent(
                other ->
                    message.append(
                        " ("
                            + other.source()
                            + " has it: bind the "
                            + noun
                            + " to that provider)"));
        violation(address, message.toString());
        return;
      }
      body(
          kind + "." + type + "." + name,
          address,
          (data ? "data." : "") + type,
          body,
          block.get(),
          META);
    }

    /** The schema of the provider with this local name in this directory's required_providers. */
    private Optional<ProviderSchema> source(String local, String address) {
      Map<String, String> declared = RequiredProviders.of(tree, dir);
      String source = declared.getOrDefault(local, "");
      if (source.isEmpty()) {
        violation(
            address,
            "provider \""
                + local
                + "\" has no source in the required_providers of "
                + (dir.isEmpty() ? "." : dir)
                + "; declared: "
                + declared.keySet());
        return Optional.empty();
      }
      if (!schemas.containsKey(source)) {
        violation(
            address,
            "no schema of provider " + source + " to check against; known: " + schemas.keySet());
        return Optional.empty();
      }
      return Optional.of(schemas.get(source));
    }

    private void body(
        String syntaxPath,
        String address,
        String schemaPath,
        JsonObject body,
        Block schema,
        Set<String> meta) {
      for (Map.Entry<String, JsonElement> item : body.entrySet()) {
        String name = item.getKey();
        String itemPath = syntaxPath + "/" + name;
        if (meta.contains(name)) {
          continue;
        }
        if (name.equals("dynamic")) {
          dynamic(syntaxPath, address, schemaPath, item.getValue().getAsJsonObject(), schema);
        } else if (schema.attributes().containsKey(name)) {
          if (syntax.isBlock(itemPath)) {
            violation(
                address,
                "\"" + name + "\" is an argument, written as a block (write " + name + " = ...)");
          }
        } else if (schema.blocks().containsKey(name)) {
          NestedBlock nested = schema.blocks().get(name);
          if (syntax.isArgument(itemPath) || !item.getValue().isJsonArray()) {
            violation(
                address,
                "\"" + name + "\" is a block, written as an argument (write " + name + " { ... })");
            continue;
          }
          int count = item.getValue().getAsJsonArray().size();
          if (nested.single() && count > 1) {
            violation(address, "block \"" + name + "\" may appear once, found " + count);
          }
          for (JsonElement element : item.getValue().getAsJsonArray()) {
            body(
                itemPath,
                address + "." + name,
                schemaPath + "." + name,
                element.getAsJsonObject(),
                nested.body(),
                Set.of());
          }
        } else {
          violation(
              address,
              "unsupported argument \""
                  + name
                  + "\"; arguments of "
                  + schemaPath
                  + ": "
                  + schema.attributes().keySet()
                  + ", blocks: "
                  + schema.blocks().keySet());
        }
      }
      JsonObject dynamic = body.has("dynamic") ? body.getAsJsonObject("dynamic") : new JsonObject();
      schema
          .attributes()
          .forEach(
              (name, required) -> {
                if (required && !body.has(name)) {
                  violation(address, "missing required argument \"" + name + "\"");
                }
              });
      schema
          .blocks()
          .forEach(
              (name, nested) -> {
                if (nested.required() && !body.has(name) && !dynamic.has(name)) {
                  violation(address, "missing required block \"" + name + "\"");
                }
              });
    }

    private void dynamic(
        String syntaxPath, String address, String schemaPath, JsonObject dynamic, Block schema) {
      for (Map.Entry<String, JsonElement> generated : dynamic.entrySet()) {
        String name = generated.getKey();
        NestedBlock nested = schema.blocks().get(name);
        if (nested == null) {
          violation(
              address,
              "dynamic \""
                  + name
                  + "\" generates no block of "
                  + schemaPath
                  + "; blocks: "
                  + schema.blocks().keySet());
          continue;
        }
        String dynamicPath = syntaxPath + "/dynamic." + name;
        for (JsonElement element : generated.getValue().getAsJsonArray()) {
          JsonObject body = element.getAsJsonObject();
          for (String key : body.keySet()) {
            if (!DYNAMIC.contains(key)) {
              violation(
                  address,
                  "dynamic \""
                      + name
                      + "\": unsupported argument \""
                      + key
                      + "\"; allowed: "
                      + new TreeSet<>(DYNAMIC));
            }
          }
          if (!body.has("content") || !body.get("content").isJsonArray()) {
            violation(address, "dynamic \"" + name + "\": missing its content block");
            continue;
          }
          for (JsonElement content : body.getAsJsonArray("content")) {
            body(
                dynamicPath + "/content",
                address + "." + name,
                schemaPath + "." + name,
                content.getAsJsonObject(),
                nested.body(),
                Set.of());
          }
        }
      }
    }

    private void module(String name, JsonObject call) {
      String address = "module." + name;
      report.checked().add(path + ": " + address);
      ModuleCalls.violations(tree, dir, call).forEach(message -> violation(address, message));
    }

    private void violation(String address, String message) {
      report.violations().add(path + ": " + address + ": " + message);
    }
  }

  private static String unwrap(String expression) {
    return expression.startsWith("${") && expression.endsWith("}")
        ? expression.substring(2, expression.length() - 1).strip()
        : expression;
  }
}
