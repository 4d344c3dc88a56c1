package io.entityflow.terraform.hcl;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.entityflow.testing.Npm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configuration schema of a Terraform provider (every resource, data source and the provider
 * block: arguments, required or not, and nested blocks at every depth), read offline from the jsii
 * assembly ({@code .jsii}) of the provider's prebuilt CDK for Terraform npm package.
 *
 * <pre>{@code
 * ProviderSchema google = ProviderSchema.load(ProviderSchema.GOOGLE);
 * Block table = google.resource("google_bigquery_table").orElseThrow();
 * table.attributes().get("table_id"); // true: required
 * }</pre>
 *
 * <p>How the assembly maps to Terraform: the class of a resource (base {@code
 * cdktf.TerraformResource}) or data source ({@code cdktf.TerraformDataSource}) names its type in
 * its registry link; its constructor's {@code config} struct lists the arguments. A property whose
 * type is a struct (or a list of structs) is a nested block (the generator documents each as
 * "{@code <name> block.}", which is asserted); any other property is an argument; a property
 * without {@code optional} is required; a block typed as one struct (not a list) may appear at most
 * once. The Terraform name of a property is the anchor of its registry link ({@code
 * #deletion_protection}), which is reliable where the camelCase name is not ({@code
 * layer7DdosDefenseConfig} is {@code layer_7_ddos_defense_config}). The parsed schema is cached as
 * JSON next to the installed package.
 */
final class ProviderSchema {
  /** hashicorp/google 6.50.0. */
  static final String GOOGLE = "@cdktf/provider-google@16.12.1";

  /** hashicorp/google-beta 6.50.0. */
  static final String GOOGLE_BETA = "@cdktf/provider-google-beta@16.12.1";

  /**
   * The version range every {@code versions.tf} pins hashicorp/google and hashicorp/google-beta to:
   * from the version the schema was checked against up to the next major version, which may remove
   * or rename arguments.
   */
  static final String CHECKED_RANGE = ">= 6.50.0, < 7.0.0";

  /** Every package of {@link #loadAll()}, installed together. */
  static final List<String> PACKAGES = List.of(GOOGLE, GOOGLE_BETA);

  private static final String SCRIPT =
      """
      const fs = require('fs');
      const [, , jsiiFile, outFile] = process.argv;
      const assembly = JSON.parse(fs.readFileSync(jsiiFile, 'utf8'));
      const types = assembly.types;
      const snake = (s) => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
      function struct(type) {
        if (!type) return null;
        if (type.fqn && types[type.fqn] && types[type.fqn].datatype) {
          return { fqn: type.fqn, single: true };
        }
        if (type.collection) {
          const element = struct(type.collection.elementtype);
          return element && { fqn: element.fqn, single: false };
        }
        for (const member of (type.union && type.union.types) || []) {
          const found = struct(member);
          if (found) return found;
        }
        return null;
      }
      function terraformName(property) {
        const link = /#(\\w+) \\w+#\\w+\\}/.exec(JSON.stringify(property.docs || {}));
        return link ? link[1] : snake(property.name);
      }
      function block(fqn) {
        const type = types[fqn];
        if (!type || !type.datatype) throw new Error(fqn + ' is not a struct');
        for (const parent of type.interfaces || []) {
          if (!parent.startsWith('cdktf.')) throw new Error(fqn + ' extends ' + parent);
        }
        const attributes = {};
        const blocks = {};
        for (const property of type.properties || []) {
          const name = terraformName(property);
          if (name in attributes || name in blocks) throw new Error(fqn + ' names ' + name + ' twice');
          const nested = struct(property.type);
          if (!nested) {
            attributes[name] = !property.optional;
            continue;
          }
          const summary = (property.docs && property.docs.summary) || '';
          if (summary !== name + ' block.') {
            throw new Error(fqn + '.' + property.name + ' is a struct not documented as a block: ' + summary);
          }
          blocks[name] = { required: !property.optional, single: nested.single, body: block(nested.fqn) };
        }
        return { attributes, blocks };
      }
      const out = { package: assembly.name + '@' + assembly.version, resource: {}, data: {} };
      const bases = {
        'cdktf.TerraformResource': 'resource',
        'cdktf.TerraformDataSource': 'data',
        'cdktf.TerraformProvider': 'provider',
      };
      const link = /\\{@link https:\\/\\/registry\\.terraform\\.io\\/providers\\/([\\w-]+)\\/([\\w-]+)\\/([\\w.-]+)\\/docs(?:\\/(?:resources|data-sources)\\/\\w+)? ([\\w-]+)\\}/;
      for (const type of Object.values(types)) {
        const kind = bases[type.base];
        if (type.kind !== 'class' || !kind || !type.fqn.startsWith(assembly.name + '.')) continue;
        const m = link.exec((type.docs && type.docs.summary) || '');
        if (!m) throw new Error(type.fqn + ': no registry link in ' + JSON.stringify(type.docs));
        const config = type.initializer.parameters.find((p) => p.name === 'config');
        const body = block(config.type.fqn);
        if (kind === 'provider') {
          Object.assign(out, { source: m[1] + '/' + m[2], version: m[3], provider: body });
        } else if (m[4] in out[kind]) {
          throw new Error('two classes for ' + kind + ' ' + m[4]);
        } else {
          out[kind][m[4]] = body;
        }
      }
      fs.writeFileSync(outFile, JSON.stringify(out));
      """;

  private static Map<String, ProviderSchema> loaded;

  private final String npmPackage;
  private final String source;
  private final String version;
  private final Block provider;
  private final JsonObject resources;
  private final JsonObject dataSources;

  private ProviderSchema(JsonObject json) {
    this.npmPackage = json.get("package").getAsString();
    this.source = json.get("source").getAsString();
    this.version = json.get("version").getAsString();
    this.provider = Block.of(json.getAsJsonObject("provider"));
    this.resources = json.getAsJsonObject("resource");
    this.dataSources = json.getAsJsonObject("data");
  }

  /** A configuration body: argument name to required, and nested blocks by name, both sorted. */
  record Block(Map<String, Boolean> attributes, Map<String, NestedBlock> blocks) {
    static Block of(JsonObject json) {
      Map<String, Boolean> attributes = new TreeMap<>();
      json.getAsJsonObject("attributes")
          .entrySet()
          .forEach(e -> attributes.put(e.getKey(), e.getValue().getAsBoolean()));
      Map<String, NestedBlock> blocks = new TreeMap<>();
      for (Map.Entry<String, JsonElement> e : json.getAsJsonObject("blocks").entrySet()) {
        JsonObject nested = e.getValue().getAsJsonObject();
        blocks.put(
            e.getKey(),
            new NestedBlock(
                nested.get("required").getAsBoolean(),
                nested.get("single").getAsBoolean(),
                of(nested.getAsJsonObject("body"))));
      }
      return new Block(attributes, blocks);
    }
  }

  /** A nested block: required (at least one), single (at most one), and its body. */
  record NestedBlock(boolean required, boolean single, Block body) {}

  /** The schemas of every package of {@link #PACKAGES}, by provider source, loaded once per JVM. */
  static synchronized Map<String, ProviderSchema> loadAll()
      throws IOException, InterruptedException {
    if (loaded == null) {
      Path prefix = Npm.prefix().resolve("provider-schema");
      Map<String, ProviderSchema> bySource = new LinkedHashMap<>();
      for (String npmPackage : PACKAGES) {
        ProviderSchema schema = load(prefix, npmPackage);
        bySource.put(schema.source(), schema);
      }
      loaded = bySource;
    }
    return loaded;
  }

  private static ProviderSchema load(Path prefix, String npmPackage)
      throws IOException, InterruptedException {
    int at = npmPackage.lastIndexOf('@');
    String name = npmPackage.substring(0, at);
    Path cache =
        prefix.resolve(
            name.replace('/', '+')
                + "-"
                + npmPackage.substring(at + 1)
                + "-"
                + Integer.toHexString(SCRIPT.hashCode())
                + ".json");
    if (!Files.isRegularFile(cache)) {
      Path jsii = prefix.resolve("node_modules").resolve(name).resolve(".jsii");
      if (!Files.isRegularFile(jsii)) {
        Npm.install(prefix, PACKAGES);
      }
      Path script = prefix.resolve("provider-schema.js");
      Files.writeString(script, SCRIPT);
      Path partial = Files.createTempFile(prefix, "schema", ".json");
      Npm.run(List.of("node", script.toString(), jsii.toString(), partial.toString()), prefix);
      Files.move(partial, cache, StandardCopyOption.REPLACE_EXISTING);
    }
    ProviderSchema schema =
        new ProviderSchema(JsonParser.parseString(Files.readString(cache)).getAsJsonObject());
    if (!schema.npmPackage.equals(npmPackage)) {
      throw new IllegalStateException(
          cache + " holds " + schema.npmPackage + ", not " + npmPackage);
    }
    return schema;
  }

  /** The provider's source address, e.g. {@code hashicorp/google}. */
  String source() {
    return source;
  }

  /** The provider version the package was generated from, e.g. {@code 6.50.0}. */
  String version() {
    return version;
  }

  /** The body of the {@code provider} block. */
  Block provider() {
    return provider;
  }

  /** The body of a resource type, empty when the provider has no such resource. */
  Optional<Block> resource(String type) {
    return resources.has(type)
        ? Optional.of(Block.of(resources.getAsJsonObject(type)))
        : Optional.empty();
  }

  /** The body of a data source type, empty when the provider has no such data source. */
  Optional<Block> dataSource(String type) {
    return dataSources.has(type)
        ? Optional.of(Block.of(dataSources.getAsJsonObject(type)))
        : Optional.empty();
  }
}
