package io.entityflow.contract.registry;

/**
 * One way a contract breaks a {@link ContractRule}: where (file and message) and what is wrong.
 *
 * @param file the {@code .proto} file, e.g. {@code acme/retail/sale/v1/sale.proto}
 * @param message the full name of the message, e.g. {@code acme.retail.sale.v1.Sale}; for a rule
 *     about a whole file ({@code conflicting-file}) the file's package
 * @param rule the rule that is broken
 * @param detail what is wrong, the bad value and what is allowed
 */
public record ContractViolation(String file, String message, ContractRule rule, String detail) {

  @Override
  public String toString() {
    return file + ": " + message + ": [" + rule.id() + "] " + detail;
  }
}
