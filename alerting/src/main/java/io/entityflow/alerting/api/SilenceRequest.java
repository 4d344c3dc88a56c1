package io.entityflow.alerting.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * {@code POST /api/silences} body: what to silence and until when ({@code endsAt} or {@code
 * duration}, ISO-8601 such as {@code PT2H}).
 *
 * <pre>{@code
 * {"matcher":"retail.sale_v1","duration":"PT2H","reason":"store migration","createdBy":"ops"}
 * }</pre>
 *
 * @param matcher dedup key, series id prefix or {@code *}
 * @param startsAt start, default now
 * @param endsAt expiry
 * @param duration alternative to {@code endsAt}
 * @param reason why
 * @param createdBy who
 */
@Serdeable
public record SilenceRequest(
    @Nullable String matcher,
    @Nullable Instant startsAt,
    @Nullable Instant endsAt,
    @Nullable String duration,
    @Nullable String reason,
    @Nullable String createdBy) {}
