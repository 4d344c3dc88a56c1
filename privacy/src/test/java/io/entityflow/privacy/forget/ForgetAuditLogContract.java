package io.entityflow.privacy.forget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The listing and publication behaviour both audit logs share; subclasses give an empty log. */
abstract class ForgetAuditLogContract {
  static final Instant AT = Instant.parse("2026-12-06T11:00:00.123456Z");
  private static final Instant PUBLISHED = Instant.parse("2026-12-06T12:00:00Z");

  abstract ForgetAuditLog log();

  /** customer-1 at AT, customer-2 at AT+1s, customer-1 again at AT+2s, customer-3 at AT+2s. */
  static ForgetAuditLog fourForgets(ForgetAuditLog log) {
    log.record(new ForgetReceipt("customer-1", "dpo:1", AT, true));
    log.record(new ForgetReceipt("customer-2", "dpo:2", AT.plusSeconds(1), false));
    log.record(new ForgetReceipt("customer-1", "dpo:3", AT.plusSeconds(2), false));
    log.record(new ForgetReceipt("customer-3", "dpo:4", AT.plusSeconds(2), true));
    return log;
  }

  @Test
  void emptyLogHasLatestIdZeroAndNothingSinceIt() {
    ForgetAuditLog log = log();

    assertThat(log.latestId()).isZero();
    assertThat(log.since(0, 10)).isEmpty();
  }

  @Test
  void entriesSinceAnIdComeInIdOrderWithSubjectAndTime() {
    ForgetAuditLog log = fourForgets(log());

    assertThat(log.latestId()).isEqualTo(4);
    assertThat(log.since(1, 2))
        .containsExactly(
            new ForgetAuditEntry(2, "customer-2", AT.plusSeconds(1)),
            new ForgetAuditEntry(3, "customer-1", AT.plusSeconds(2)));
    assertThat(log.since(4, 10)).isEmpty();
  }

  @Test
  void unpublishedEntriesAreOldestFirstUpToTheCutoffAndTheLimit() {
    ForgetAuditLog log = fourForgets(log());

    assertThat(log.unpublished(AT.plusSeconds(1), 10))
        .containsExactly(
            new ForgetAuditEntry(1, "customer-1", AT),
            new ForgetAuditEntry(2, "customer-2", AT.plusSeconds(1)));
    assertThat(log.unpublished(AT.plusSeconds(2), 1))
        .containsExactly(new ForgetAuditEntry(1, "customer-1", AT));
  }

  @Test
  void markPublishesOnlyTheForgetOfThatSubjectAtThatTimeOnce() {
    ForgetAuditLog log = fourForgets(log());

    assertThat(log.markPublished("customer-1", AT.plusSeconds(2), PUBLISHED)).isEqualTo(1);
    assertThat(log.markPublished("customer-1", AT.plusSeconds(2), PUBLISHED)).isZero();
    assertThat(log.markPublished("customer-9", AT, PUBLISHED)).isZero();

    assertThat(log.unpublished(AT.plusSeconds(5), 10))
        .containsExactly(
            new ForgetAuditEntry(1, "customer-1", AT),
            new ForgetAuditEntry(2, "customer-2", AT.plusSeconds(1)),
            new ForgetAuditEntry(4, "customer-3", AT.plusSeconds(2)));
  }

  @Test
  void twoForgetsOfOneSubjectAtTheSameTimeShareOneMark() {
    ForgetAuditLog log = log();
    log.record(new ForgetReceipt("customer-1", "dpo:1", AT, true));
    log.record(new ForgetReceipt("customer-1", "dpo:2", AT, false));

    assertThat(log.markPublished("customer-1", AT, PUBLISHED)).isEqualTo(2);
    assertThat(log.unpublished(AT, 10)).isEmpty();
  }

  @Test
  void listingWithoutRoomIsRefused() {
    assertThatThrownBy(() -> log().since(0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit 0 of a forget audit listing is not allowed: at least 1");
  }
}
