package io.entityflow.schema;

import io.entityflow.contract.compiler.ProtoCompiler;
import io.entityflow.contract.source.ContractLoader;
import io.entityflow.contract.source.ContractSnapshot;
import io.entityflow.schema.catalog.DataCatalog;
import io.entityflow.schema.compare.CheckResult;
import io.entityflow.schema.compare.ContractComparator;
import io.entityflow.schema.report.PullRequestReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Benchmark harness (run by hand, see BENCHMARKS.md): how long loading, checking, reporting and
 * cataloguing take for a generated contract of many entities, so the check stays cheap enough for
 * every build and pull request.
 *
 * <pre>{@code
 * java -cp target/test-classes:target/classes:$(cat target/classpath.txt) \
 *     io.entityflow.schema.CheckBenchmark 200 30
 * }</pre>
 */
public final class CheckBenchmark {
  private CheckBenchmark() {}

  /** Arguments: number of entities (default 200), fields per entity (default 30). */
  public static void main(String[] args) {
    int entities = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int fields = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Map<String, String> before = contract(entities, fields, false);
    Map<String, String> after = contract(entities, fields, true);
    Path work = ContractFixtures.tempDir("entityflow-bench-");
    try {
      Path beforeDir = ContractFixtures.write(before, work.resolve("before"));
      Path afterDir = ContractFixtures.write(after, work.resolve("after"));
      long start = System.nanoTime();
      ContractSnapshot base = load(beforeDir);
      long loaded = System.nanoTime();
      ContractSnapshot current = load(afterDir);
      CheckResult result = null;
      int rounds = 5;
      long checkStart = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        result = ContractComparator.compare(base, current);
      }
      long checked = System.nanoTime();
      String report = PullRequestReport.markdown(result);
      long reported = System.nanoTime();
      Map<String, String> pages = DataCatalog.of(current.registry()).pages();
      long catalogued = System.nanoTime();
      System.out.printf(
          "entities=%d fields/entity=%d findings=%d breaking=%d%n"
              + "load (protoc + link + registry) of one side: %d ms%n"
              + "compare: %d ms per check (mean of %d)%n"
              + "report: %d ms (%d KB)%n"
              + "catalog pages in memory: %d ms (%d pages)%n"
              + "heap used: %d MB%n",
          entities,
          fields,
          result.findings().size(),
          result.breakingFindings().size(),
          ms(loaded - start),
          ms(checked - checkStart) / rounds,
          rounds,
          ms(reported - checked),
          report.length() / 1024,
          ms(catalogued - reported),
          pages.size(),
          (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    } finally {
      ContractFixtures.delete(work);
    }
  }

  private static ContractSnapshot load(Path dir) {
    return ContractLoader.fromDescriptorSet(dir.toString(), ProtoCompiler.locate().compile(dir));
  }

  /** One file per entity; the changed side renames field 3 and adds a field in every tenth. */
  private static Map<String, String> contract(int entities, int fields, boolean changed) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int e = 0; e < entities; e++) {
      StringBuilder proto = new StringBuilder();
      proto
          .append("syntax = \"proto3\";\npackage bench.e")
          .append(e)
          .append(".v1;\n")
          .append("import \"entityflow/options.proto\";\n")
          .append("// Entity ")
          .append(e)
          .append(".\nmessage Thing")
          .append(e)
          .append(" {\n")
          .append("  option (entityflow.entity) = { name: \"Thing")
          .append(e)
          .append("\" id_field: \"id\" domain: \"bench\" owner: \"team-bench\" };\n")
          .append("  // Id.\n  string id = 1;\n  // Part.\n  Part part = 2;\n");
      for (int f = 3; f < fields; f++) {
        String name = changed && e % 10 == 0 && f == 3 ? "renamed_3" : "field_" + f;
        proto
            .append("  // Field ")
            .append(f)
            .append(".\n  int64 ")
            .append(name)
            .append(" = ")
            .append(f)
            .append(";\n");
      }
      if (changed && e % 10 == 1) {
        proto.append("  // Added.\n  optional string added = ").append(fields).append(";\n");
      }
      proto.append("}\n// A part.\nmessage Part {\n  // Name.\n  string name = 1;\n}\n");
      files.put("bench/e" + e + "/v1/thing.proto", proto.toString());
    }
    return files;
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
