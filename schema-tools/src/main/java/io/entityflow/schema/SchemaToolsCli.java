package io.entityflow.schema;

import io.entityflow.contract.source.ContractUnreadableException;
import io.entityflow.schema.cli.ContractCheckCommand;
import io.entityflow.schema.cli.SchemaCommands;
import io.entityflow.schema.cli.UsageException;
import io.entityflow.schema.compare.CheckResult;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Command line of the schema tools, run by the repository's {@code ./entityflow} launcher with all
 * its arguments:
 *
 * <pre>
 * entityflow schema check  --against &lt;git ref|dir|descriptor set&gt; [--current ...] [--format text|json|github]
 * entityflow schema report --against &lt;...&gt; [--current ...] [--out FILE]
 * entityflow catalog --out DIR [--contract &lt;git ref|dir|descriptor set&gt;] [--warehouse DIR] [--alert-rules FILE] [--consumers FILE] [--pipeline-job NAME]
 * entityflow lookml --out DIR [--contract &lt;...&gt;] [--model NAME] [--connection NAME] [--pii-connection NAME] [--project ID] [--dataset-prefix P]
 * entityflow contract check &lt;proto dir&gt; [--descriptor-set-out FILE] [--schemas-out DIR]
 * </pre>
 *
 * <p>Exit codes: 0 compatible (or done, or a valid contract), 1 breaking changes (or an invalid
 * contract), 2 unreadable input or wrong usage (with the reason on stderr).
 */
public final class SchemaToolsCli {
  private static final String USAGE =
      """
      usage:
        entityflow schema check  --against <git ref|dir of .proto|descriptor set> [--current <same kinds>] [--format text|json|github] [--repo DIR] [--contract-dir DIR]
        entityflow schema report --against <...> [--current <...>] [--out FILE] [--repo DIR] [--contract-dir DIR]
        entityflow catalog --out DIR [--contract <git ref|dir|descriptor set>] [--repo DIR] [--contract-dir DIR]
                           [--warehouse DIR] [--alert-rules FILE] [--consumers FILE] [--pipeline-job entityflow-pipeline]
        entityflow lookml --out DIR [--contract <...>] [--model entityflow] [--connection entityflow] [--pii-connection NAME] [--project ID] [--dataset-prefix P] [--repo DIR] [--contract-dir DIR]
        entityflow contract check <dir of .proto> [--descriptor-set-out FILE] [--schemas-out DIR]
      --contract-dir is where the repository keeps its .proto files (read in the working tree and at git
      refs); default examples/acme-contract/src/main/proto, a company repository passes its own, e.g.
      src/main/proto. --current and --contract default to the working tree's contract directory.
      catalog lineage: producers from --warehouse (default .entityflow/warehouse if present; else the page
      gives the BigQuery query), rules from --alert-rules (default .entityflow/alert-rules.yaml if present),
      consumers from --consumers (YAML: topic: [consumer names]).
      lookml writes views/, explores/ and <model>.model.lkml (entities with PII read through their
      _masked views: pseudonyms), and when an entity has PII pii/ and <model>_pii.model.lkml for PII
      readers (the <dataset>_pii decrypting views, on --pii-connection, default --connection);
      --project and --dataset-prefix name the BigQuery tables the views read (default: the
      connection's project, no prefix).
      exit codes: 0 compatible (contract check: valid), 1 breaking (invalid), 2 input unreadable or wrong usage""";

  private SchemaToolsCli() {}

  /** Runs the command and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command, printing to {@code out} and {@code err}; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> words = Arrays.asList(args);
    try {
      if (words.size() >= 2 && words.get(0).equals("schema") && words.get(1).equals("check")) {
        return SchemaCommands.check(words.subList(2, words.size()), out);
      }
      if (words.size() >= 2 && words.get(0).equals("schema") && words.get(1).equals("report")) {
        return SchemaCommands.report(words.subList(2, words.size()), out);
      }
      if (words.size() >= 2 && words.get(0).equals("contract") && words.get(1).equals("check")) {
        return ContractCheckCommand.run(words.subList(2, words.size()), out);
      }
      if (!words.isEmpty() && words.get(0).equals("catalog")) {
        return SchemaCommands.catalog(words.subList(1, words.size()), out);
      }
      if (!words.isEmpty() && words.get(0).equals("lookml")) {
        return SchemaCommands.lookml(words.subList(1, words.size()), out);
      }
      if (!words.isEmpty()
          && List.of("help", "-h", "--help").contains(words.get(words.size() - 1))) {
        out.println(USAGE);
        return 0;
      }
      throw new UsageException("unknown command '" + String.join(" ", words) + "'");
    } catch (UsageException e) {
      err.println("entityflow: " + e.getMessage());
      err.println(USAGE);
      return CheckResult.UNREADABLE;
    } catch (ContractUnreadableException | UncheckedIOException e) {
      err.println("entityflow: " + e.getMessage());
      return CheckResult.UNREADABLE;
    }
  }
}
