package io.entityflow.privacy.forget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InMemoryForgetAuditLogTest extends ForgetAuditLogContract {
  @Override
  ForgetAuditLog log() {
    return new InMemoryForgetAuditLog();
  }

  @Test
  void entriesKeepEveryReceiptInOrder() {
    InMemoryForgetAuditLog log = (InMemoryForgetAuditLog) fourForgets(log());

    assertThat(log.entries())
        .extracting(ForgetReceipt::actor)
        .containsExactly("dpo:1", "dpo:2", "dpo:3", "dpo:4");
  }

  @Test
  void logOfItsOwnWithoutListingSaysSo() {
    ForgetAuditLog own = receipt -> {};

    assertThatThrownBy(own::latestId)
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage(
            own.getClass().getName()
                + " cannot list its forgets (latestId); implement it, or use JdbcForgetAuditLog"
                + " or InMemoryForgetAuditLog");
  }
}
