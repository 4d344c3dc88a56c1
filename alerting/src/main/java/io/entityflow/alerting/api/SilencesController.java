package io.entityflow.alerting.api;

import io.entityflow.alerting.service.AlertingService;
import io.entityflow.alerting.state.Silence;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Silences: {@code GET /api/silences}; {@code POST /api/silences} and {@code DELETE
 * /api/silences/{id}} need {@code Authorization: Bearer <api-token>}.
 *
 * <pre>{@code
 * curl -X POST -H 'Authorization: Bearer T' -H 'Content-Type: application/json' \
 *   -d '{"matcher":"retail.sale_v1","duration":"PT2H","reason":"migration"}' localhost:8080/api/silences
 * }</pre>
 *
 * <p>Every endpoint runs on the blocking executor ({@code @ExecuteOn(TaskExecutors.BLOCKING)}),
 * never on the HTTP event loop: adding or removing a silence writes the state file and all of them
 * wait for the alert state's lock.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/silences")
public class SilencesController {
  private final AlertingService service;
  private final MutationGuard guard;

  /** Creates the controller. */
  public SilencesController(AlertingService service, MutationGuard guard) {
    this.service = service;
    this.guard = guard;
  }

  /** Active and future silences. */
  @Get(produces = MediaType.APPLICATION_JSON)
  public List<Silence> list() {
    return service.silences();
  }

  /** Creates a silence. */
  @Post(produces = MediaType.APPLICATION_JSON, consumes = MediaType.APPLICATION_JSON)
  public HttpResponse<?> create(
      @Nullable @Header("Authorization") String authorization, @Body SilenceRequest request) {
    HttpResponse<ApiError> denied = guard.check(authorization);
    if (denied != null) {
      return denied;
    }
    Instant now = service.now();
    Instant starts = request.startsAt() == null ? now : request.startsAt();
    Instant ends = request.endsAt();
    try {
      if (ends == null && request.duration() != null) {
        ends = starts.plus(Duration.parse(request.duration()));
      }
      if (ends == null) {
        return HttpResponse.badRequest(
            new ApiError("a silence needs endsAt (RFC 3339) or duration (ISO-8601, e.g. PT2H)"));
      }
      Silence s =
          service.addSilence(
              request.matcher(), starts, ends, request.reason(), request.createdBy());
      return HttpResponse.status(HttpStatus.CREATED).body(s);
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      return HttpResponse.badRequest(new ApiError(e.getMessage()));
    }
  }

  /** Removes a silence. */
  @Delete("/{id}")
  public HttpResponse<?> delete(
      @Nullable @Header("Authorization") String authorization, @PathVariable String id) {
    HttpResponse<ApiError> denied = guard.check(authorization);
    if (denied != null) {
      return denied;
    }
    if (!service.removeSilence(id)) {
      return HttpResponse.notFound(
          new ApiError("no API silence with id '" + id + "' (rules-file silences are read-only)"));
    }
    return HttpResponse.noContent();
  }
}
