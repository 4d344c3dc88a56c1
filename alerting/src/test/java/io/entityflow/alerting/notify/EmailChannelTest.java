package io.entityflow.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailChannelTest {
  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

  @Test
  void firingAndResolvedMailsGoToTheSameRecipients() throws Exception {
    EmailChannel channel =
        new EmailChannel(
            "email",
            new EmailChannel.Smtp("127.0.0.1", greenMail.getSmtp().getPort(), false, null, null),
            "alerts@entityflow.test",
            List.of("oncall@entityflow.test"));
    channel.send(HttpChannelsTest.FIRING);
    channel.send(HttpChannelsTest.RESOLVED);
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received[0].getSubject()).isEqualTo("[FIRING] SILENCE retail.sale_v1/CREATED");
    assertThat(received[1].getSubject()).isEqualTo("[RESOLVED] SILENCE retail.sale_v1/CREATED");
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("oncall@entityflow.test");
    assertThat(received[0].getFrom()[0].toString()).isEqualTo("alerts@entityflow.test");
    assertThat(((String) received[0].getContent()).replace("\r\n", "\n"))
        .isEqualTo(
            "No CREATED events of retail.sale_v1 since 2026-01-18T23:59:00Z (31m)\n\n"
                + "Series: retail.sale_v1/CREATED\nRule: default\nObserved: 0\nExpected: 31.0\n"
                + "Dedup key: ef-0123456789abcdef");
  }

  @Test
  void unreachableServerIsARetryableFailureNamingHostNotPassword() {
    EmailChannel channel =
        new EmailChannel(
            "email",
            new EmailChannel.Smtp("127.0.0.1", 1, false, "user", "pa55word"),
            "a@entityflow.test",
            List.of("b@entityflow.test"));
    try {
      channel.send(HttpChannelsTest.FIRING);
      throw new AssertionError("expected a DeliveryException");
    } catch (DeliveryException e) {
      assertThat(e.retryable()).isTrue();
      assertThat(e.getMessage()).startsWith("email: SMTP send via 127.0.0.1:1 failed (");
      assertThat(e.getMessage()).doesNotContain("pa55word");
    }
  }
}
