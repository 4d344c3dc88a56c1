package io.entityflow.alerting.api;

import io.entityflow.alerting.evaluation.SeriesStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/series}: every watched series with expected vs observed, from the last
 * evaluation.
 *
 * <pre>{@code
 * {"evaluatedAt":"...","judgedUntil":"...","watermark":null,"lastError":null,"series":[...]}
 * }</pre>
 *
 * @param evaluatedAt when the evaluation ran
 * @param judgedUntil end of the judged span
 * @param watermark ingestion watermark, or null
 * @param lastError error of the last evaluation, or null
 * @param series the series
 */
@Serdeable
public record SeriesResponse(
    Instant evaluatedAt,
    Instant judgedUntil,
    @Nullable Instant watermark,
    @Nullable String lastError,
    List<SeriesStatus> series) {}
