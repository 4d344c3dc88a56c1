package io.entityflow.schema.cli;

import io.entityflow.schema.compare.CheckResult;
import io.entityflow.schema.compare.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --format github} output of {@code schema check}: one GitHub Actions workflow command
 * per finding, so that findings appear as annotations on the changed {@code .proto} lines of a pull
 * request ({@code ::error} for blocking changes, {@code ::warning} for breaking changes that do not
 * block under the check's policy, {@code ::notice} for compatible changes).
 *
 * <pre>{@code
 * ::error file=examples/acme-contract/src/main/proto/acme/retail/sale/v1/sale.proto,line=29,title=field-renamed::field 3 ...
 * }</pre>
 */
final class GithubAnnotations {
  private GithubAnnotations() {}

  /** The annotation lines; {@code contractDir} is the contract root relative to the repository. */
  static List<String> of(CheckResult result, String contractDir) {
    List<String> lines = new ArrayList<>();
    for (Finding finding : result.findings()) {
      String path = contractDir.isEmpty() ? finding.file() : contractDir + "/" + finding.file();
      lines.add(
          "::"
              + (result.blocks(finding)
                  ? "error"
                  : finding.severity().breaking() ? "warning" : "notice")
              + " file="
              + property(path)
              + (finding.line() > 0 ? ",line=" + finding.line() : "")
              + ",title="
              + property(finding.rule().id() + " (" + finding.severity().id() + ")")
              + "::"
              + data(finding.change() + (finding.fix().isEmpty() ? "" : " Fix: " + finding.fix())));
    }
    return lines;
  }

  private static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
