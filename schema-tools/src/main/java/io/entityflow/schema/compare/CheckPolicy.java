package io.entityflow.schema.compare;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which breaking findings block a check (exit code 1, {@code ::error} annotations): those whose
 * rule is in the {@link Category} {@code block}, except, with {@code ignoreUnstablePackages}, those
 * in unstable packages (buf's {@code ignore_unstable_packages}): a last package component like
 * {@code v1alpha}, {@code v1beta1}, {@code v1p1beta1} or {@code v2test}. Findings that do not block
 * are still reported.
 *
 * <pre>{@code
 * CheckPolicy policy = new CheckPolicy(Category.WIRE_JSON, true);
 * CheckResult result = ContractComparator.compare(base, current).withPolicy(policy);
 * CheckPolicy.isUnstable("acme.shop.draft.v1beta1");  // true
 * }</pre>
 *
 * @param block the category whose breaking rules block
 * @param ignoreUnstablePackages whether breaking findings in unstable packages do not block
 */
public record CheckPolicy(Category block, boolean ignoreUnstablePackages) {
  /** Everything breaking blocks, unstable packages included: the default. */
  public static final CheckPolicy DEFAULT = new CheckPolicy(Category.BIGQUERY, false);

  private static final Pattern UNSTABLE =
      Pattern.compile("v\\d+(p\\d+)?(alpha|beta)\\d*|v\\d+test.*");

  public CheckPolicy {
    Objects.requireNonNull(block, "block");
  }

  /** Whether the last component of a package marks it unstable, e.g. {@code v1beta1}. */
  public static boolean isUnstable(String protoPackage) {
    String last = protoPackage.substring(protoPackage.lastIndexOf('.') + 1);
    return UNSTABLE.matcher(last).matches();
  }
}
