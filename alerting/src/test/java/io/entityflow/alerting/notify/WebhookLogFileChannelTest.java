package io.entityflow.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookLogFileChannelTest {
  @TempDir Path dir;

  @Test
  void appendsOneJsonLinePerNotification() throws Exception {
    Path file = dir.resolve("logs/alerts.jsonl");
    WebhookLogFileChannel channel = new WebhookLogFileChannel("webhook-log", file);
    channel.send(HttpChannelsTest.FIRING);
    channel.send(HttpChannelsTest.RESOLVED);
    assertThat(Files.readAllLines(file))
        .isEqualTo(
            List.of(
                WebhookPayload.json(HttpChannelsTest.FIRING),
                WebhookPayload.json(HttpChannelsTest.RESOLVED)));
    assertThat(Files.readAllLines(file).get(1)).contains("\"status\":\"resolved\"");
  }

  @Test
  void consoleLineCarriesTitleSummaryAndKey() {
    assertThat(ConsoleChannel.line(HttpChannelsTest.FIRING))
        .isEqualTo(
            "[FIRING] SILENCE retail.sale_v1/CREATED: No CREATED events of retail.sale_v1 since"
                + " 2026-01-18T23:59:00Z (31m) [ef-0123456789abcdef]");
  }
}
