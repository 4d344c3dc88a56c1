package io.entityflow.alerting.api;

import io.micronaut.serde.annotation.Serdeable;

/**
 * An API error body.
 *
 * <pre>{@code
 * {"error":"silence must end after it starts, ..."}
 * }</pre>
 *
 * @param error what went wrong and what is allowed
 */
@Serdeable
public record ApiError(String error) {}
