package io.entityflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.publisher.metrics.PublisherMetrics;
import io.entityflow.publisher.metrics.TopicMetrics;
import io.micronaut.context.ApplicationContext;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedCountsFileTest {
  @TempDir Path directory;

  private static void confirmed(TopicMetrics topic, int events) {
    for (int i = 0; i < events; i++) {
      topic.started();
      topic.succeeded(1_000);
    }
  }

  @Test
  void fileHoldsTheConfirmedTotalPerTopicFailuresAndOutstanding() throws Exception {
    PublisherMetrics metrics = new PublisherMetrics(null);
    confirmed(metrics.forTopic("sale_v1"), 3);
    confirmed(metrics.forTopic("customer_v1"), 2);
    metrics.forTopic("sale_v1").started();
    metrics.forTopic("sale_v1").failed(1_000, new IllegalStateException("emulator gone"));
    metrics.forTopic("customer_v1").started();
    Path file = directory.resolve("home").resolve("demo-published.properties");

    PublishedCountsFile.write(file, metrics);

    assertThat(Files.readString(file))
        .isEqualTo(
            "# events Pub/Sub confirmed to the demo service's publisher, rewritten every 2 s\n"
                + "published=5\n"
                + "published.customer_v1=2\n"
                + "published.sale_v1=3\n"
                + "failed=1\n"
                + "outstanding=1\n");
  }

  @Test
  void nothingPublishedYetIsZeroWithoutTopicLines() {
    assertThat(PublishedCountsFile.render(new PublisherMetrics(null)))
        .isEqualTo(
            "# events Pub/Sub confirmed to the demo service's publisher, rewritten every 2 s\n"
                + "published=0\n"
                + "failed=0\n"
                + "outstanding=0\n");
  }

  @Test
  void rewriteReplacesTheFileByRenameSoAnOpenReaderKeepsTheOldContentAndNoTemporaryRemains()
      throws Exception {
    PublisherMetrics metrics = new PublisherMetrics(null);
    confirmed(metrics.forTopic("sale_v1"), 1);
    Path file = directory.resolve("demo-published.properties");
    PublishedCountsFile.write(file, metrics);
    String before = Files.readString(file);
    Object inodeBefore = Files.readAttributes(file, BasicFileAttributes.class).fileKey();

    try (RandomAccessFile reader = new RandomAccessFile(file.toFile(), "r")) {
      confirmed(metrics.forTopic("sale_v1"), 1_233);
      PublishedCountsFile.write(file, metrics);

      byte[] old = new byte[(int) reader.length()];
      reader.readFully(old);
      assertThat(new String(old, StandardCharsets.UTF_8))
          .isEqualTo(before)
          .contains("published=1\n");
    }
    assertThat(Files.readString(file)).contains("published=1234\npublished.sale_v1=1234\n");
    assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey())
        .isNotEqualTo(inodeBefore);
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactly("demo-published.properties");
    }
  }

  @Test
  void serviceWritesTheFileOnlyWhenThePropertyNamesIt() throws Exception {
    Path file = directory.resolve("demo-published.properties");
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "entityflow.demo.enabled",
                "false",
                "entityflow.demo.published-counts-file",
                file.toString()))) {
      confirmed(context.getBean(PublisherMetrics.class).forTopic("sale_v1"), 2);
      context.getBean(PublishedCountsFile.class).refresh();

      assertThat(Files.readString(file)).contains("published=2\npublished.sale_v1=2\n");
    }
    try (ApplicationContext context =
        ApplicationContext.run(Map.of("entityflow.demo.enabled", "false"))) {
      assertThat(context.containsBean(PublishedCountsFile.class)).isFalse();
    }
  }
}
