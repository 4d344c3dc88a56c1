package io.entityflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertSummaryTest {
  @TempDir Path repository;

  @Test
  void summaryCountsPagesUpdatesAndResolvesByTheLeadingStatusNotTheHistory() throws Exception {
    LocalHome home = new LocalHome(repository, repository.resolve(".entityflow"));
    assertThat(AlertingSettings.alertSummary(home)).isEqualTo("alerts: none");
    Files.createDirectories(home.webhookLog().getParent());
    String history = "\"history\":[{\"at\":\"2026-12-06T10:00:00Z\",\"kind\":\"firing\"}]}";
    Files.writeString(
        home.webhookLog(),
        String.join(
            "\n",
            "{\"version\":\"1\",\"status\":\"firing\",\"repeat\":false,\"dedup_key\":\"ef-1\","
                + history,
            "{\"version\":\"1\",\"status\":\"updated\",\"repeat\":false,\"dedup_key\":\"ef-1\","
                + history,
            "{\"version\":\"1\",\"status\":\"firing\",\"repeat\":true,\"dedup_key\":\"ef-1\","
                + history,
            "{\"version\":\"1\",\"status\":\"resolved\",\"repeat\":false,\"dedup_key\":\"ef-1\","
                + history,
            ""));
    assertThat(AlertingSettings.alertSummary(home))
        .isEqualTo("alerts: 1 fired, 2 updated, 1 resolved");
  }
}
