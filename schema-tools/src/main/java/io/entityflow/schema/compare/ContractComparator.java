package io.entityflow.schema.compare;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import io.entityflow.contract.registry.SourceLocation;
import io.entityflow.contract.source.ContractSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The compatibility check: compares every message, enum and extension of two contracts on the wire
 * and JSON rules, every entity on its options, and every wire-compatible field change on its
 * BigQuery column, and returns the classified findings.
 *
 * <pre>{@code
 * CheckResult result = ContractComparator.compare(base, current);
 * if (result.breaking()) { ... }
 * }</pre>
 *
 * <p>Guarantees: one finding per change, ordered by file, line and rule; deterministic; deleted
 * nested types are reported once, with their outermost deleted parent; entities are reported as
 * entities rather than as messages.
 */
public final class ContractComparator {
  private ContractComparator() {}

  /** Compares {@code current} against {@code base}. */
  public static CheckResult compare(ContractSnapshot base, ContractSnapshot current) {
    Findings out = new Findings();
    for (Map.Entry<String, Descriptor> entry : current.messages().entrySet()) {
      Descriptor before = base.messages().get(entry.getKey());
      Descriptor after = entry.getValue();
      if (before != null) {
        MessageComparator.compare(before, after, out);
      } else if (!isNew(after.getContainingType(), base)
          && current.registry().find(after.getFullName()).isEmpty()) {
        out.add(
            Rule.MESSAGE_ADDED,
            after,
            after.getFullName(),
            "message " + after.getFullName() + " was added.",
            "");
      }
    }
    for (Map.Entry<String, Descriptor> entry : base.messages().entrySet()) {
      Descriptor before = entry.getValue();
      if (current.messages().containsKey(entry.getKey())
          || base.registry().find(entry.getKey()).isPresent()
          || isGone(before.getContainingType(), current)) {
        continue;
      }
      SourceLocation at = SourceLocation.orFile(before);
      out.list()
          .add(
              new Finding(
                  Rule.MESSAGE_DELETED,
                  at.file(),
                  at.line(),
                  entry.getKey(),
                  "message " + entry.getKey() + " was deleted.",
                  "keep "
                      + entry.getKey()
                      + " (old payloads and readers use it), "
                      + Findings.orNewMajor(before)));
    }
    enums(base, current, out);
    ExtensionComparator.compare(base, current, out);
    EntityComparator.compare(base, current, out);
    List<Finding> sorted = new ArrayList<>(out.list());
    sorted.sort(
        Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line)
            .thenComparing(Finding::rule)
            .thenComparing(Finding::change));
    return new CheckResult(base, current, sorted);
  }

  private static void enums(ContractSnapshot base, ContractSnapshot current, Findings out) {
    for (Map.Entry<String, EnumDescriptor> entry : current.enums().entrySet()) {
      EnumDescriptor before = base.enums().get(entry.getKey());
      EnumDescriptor after = entry.getValue();
      if (before != null) {
        EnumComparator.compare(before, after, out);
      } else if (!isNew(after.getContainingType(), base)) {
        out.add(
            Rule.ENUM_ADDED,
            after,
            after.getFullName(),
            "enum " + after.getFullName() + " was added.",
            "");
      }
    }
    for (Map.Entry<String, EnumDescriptor> entry : base.enums().entrySet()) {
      EnumDescriptor before = entry.getValue();
      if (current.enums().containsKey(entry.getKey())
          || isGone(before.getContainingType(), current)) {
        continue;
      }
      SourceLocation at = SourceLocation.orFile(before);
      out.list()
          .add(
              new Finding(
                  Rule.ENUM_DELETED,
                  at.file(),
                  at.line(),
                  entry.getKey(),
                  "enum " + entry.getKey() + " was deleted.",
                  "keep "
                      + entry.getKey()
                      + " (old payloads and readers use it), "
                      + Findings.orNewMajor(before)));
    }
  }

  private static boolean isNew(Descriptor parent, ContractSnapshot base) {
    return parent != null && !base.messages().containsKey(parent.getFullName());
  }

  private static boolean isGone(Descriptor parent, ContractSnapshot current) {
    return parent != null && !current.messages().containsKey(parent.getFullName());
  }
}
