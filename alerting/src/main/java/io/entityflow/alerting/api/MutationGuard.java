package io.entityflow.alerting.api;

import io.entityflow.alerting.service.AlertingConfiguration;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks the bearer token of API mutations against {@code entityflow.alerting.api-token}: no token
 * configured refuses every mutation (403), a missing or wrong token is 401.
 *
 * <pre>{@code
 * HttpResponse<ApiError> denied = guard.check(authorization);
 * if (denied != null) return denied;
 * }</pre>
 *
 * <p>Guarantees: constant-time comparison; the token is never logged or echoed.
 */
@Singleton
public class MutationGuard {
  private final String token;

  /** Creates the guard. */
  public MutationGuard(AlertingConfiguration config) {
    this.token = config.getApiToken();
  }

  /** Null when allowed, else the error response. */
  public HttpResponse<ApiError> check(@Nullable String authorization) {
    if (token == null || token.isBlank()) {
      return HttpResponse.<ApiError>status(HttpStatus.FORBIDDEN)
          .body(
              new ApiError(
                  "mutations are disabled: set "
                      + AlertingConfiguration.PREFIX
                      + ".api-token and send it as 'Authorization: Bearer <token>'"));
    }
    String expected = "Bearer " + token;
    if (authorization == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8),
            authorization.getBytes(StandardCharsets.UTF_8))) {
      return HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED)
          .body(new ApiError("missing or wrong bearer token in the Authorization header"));
    }
    return null;
  }
}
