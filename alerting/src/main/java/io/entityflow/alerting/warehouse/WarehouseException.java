package io.entityflow.alerting.warehouse;

/**
 * A warehouse query failed; the message names the table and the cause.
 *
 * <pre>{@code
 * throw new WarehouseException("cannot count events of retail.sale_v1: " + e.getMessage(), e);
 * }</pre>
 */
public final class WarehouseException extends RuntimeException {
  /** Creates the exception. */
  public WarehouseException(String message, Throwable cause) {
    super(message, cause);
  }
}
