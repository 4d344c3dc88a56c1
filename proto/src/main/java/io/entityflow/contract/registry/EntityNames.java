package io.entityflow.contract.registry;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Naming rules of the contract: entity names, domains, package versions and the derived topic and
 * table name.
 *
 * <pre>{@code
 * EntityNames.topicName("LoyaltyMembership", 1); // "loyalty_membership_v1"
 * }</pre>
 */
public final class EntityNames {
  /** Entity names: UpperCamelCase, letters and digits, starting with a capital letter. */
  public static final Pattern ENTITY_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,62}");

  /** Domains (= BigQuery datasets): lower_snake_case, starting with a letter. */
  public static final Pattern DOMAIN = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  private static final Pattern PACKAGE_VERSION = Pattern.compile("(?:^|\\.)v([1-9][0-9]{0,3})$");

  private EntityNames() {}

  /** The major version of a package such as {@code acme.retail.sale.v2}, if it ends with one. */
  public static OptionalInt majorVersion(String protoPackage) {
    Matcher matcher = PACKAGE_VERSION.matcher(protoPackage);
    return matcher.find()
        ? OptionalInt.of(Integer.parseInt(matcher.group(1)))
        : OptionalInt.empty();
  }

  /** The topic and table name of an entity: {@code snake_case(name) + "_v" + major}. */
  public static String topicName(String entityName, int majorVersion) {
    return snakeCase(entityName) + "_v" + majorVersion;
  }

  /**
   * Converts UpperCamelCase to lower_snake_case; runs of capitals stay one word ({@code HTTPLog}
   * becomes {@code http_log}).
   */
  public static String snakeCase(String upperCamel) {
    StringBuilder out = new StringBuilder(upperCamel.length() + 8);
    for (int i = 0; i < upperCamel.length(); i++) {
      char c = upperCamel.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean afterLowerOrDigit =
            i > 0
                && (Character.isLowerCase(upperCamel.charAt(i - 1))
                    || Character.isDigit(upperCamel.charAt(i - 1)));
        boolean endsAcronym =
            i > 0
                && Character.isUpperCase(upperCamel.charAt(i - 1))
                && i + 1 < upperCamel.length()
                && Character.isLowerCase(upperCamel.charAt(i + 1));
        if (afterLowerOrDigit || endsAcronym) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
