package io.entityflow.privacy.tools;

import io.entityflow.privacy.forget.ForgetReceipt;
import io.entityflow.publisher.PublishReceipt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The receipt {@code entityflow forget} prints: what each step did, for the requester's records.
 * Holds ids, names, times and counts, never key material.
 *
 * <pre>{@code
 * ForgetReport report = new ForgetReport(receipt, Optional.of(published), topic,
 *     Optional.of(2L), Optional.of("acme-data.entityflow.subject_key_v1"));
 * report.lines().forEach(System.out::println);
 * }</pre>
 *
 * @param receipt the key store's forget (audited)
 * @param published the SubjectKey DELETED event Pub/Sub stored, empty when it did not
 * @param topic the topic of that event
 * @param rowsDeleted the BigQuery key rows deleted, empty when not asked or failed
 * @param table the BigQuery key table, empty when BigQuery was not asked
 */
public record ForgetReport(
    ForgetReceipt receipt,
    Optional<PublishReceipt> published,
    String topic,
    Optional<Long> rowsDeleted,
    Optional<String> table) {

  /** The receipt, one {@code name: value} line per fact. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("forgot subject '" + receipt.subjectId() + "'");
    lines.add(line("actor", receipt.actor()));
    lines.add(line("forgotten at", receipt.forgottenAt().toString()));
    lines.add(
        line(
            "key existed",
            receipt.keyExisted()
                ? "true (deleted from the key store; audit record written)"
                : "false (no key in the key store; audit record written)"));
    lines.add(
        line(
            "SubjectKey DELETED",
            published
                .map(
                    p -> "event id " + p.eventId() + ", message id " + p.messageId() + ", " + topic)
                .orElse("NOT PUBLISHED to " + topic)));
    lines.add(
        line(
            "BigQuery key rows",
            table
                .map(
                    t ->
                        rowsDeleted
                            .map(rows -> rows + " deleted from " + t)
                            .orElse("NOT DELETED from " + t))
                .orElse(
                    "not asked (no --bigquery-project): the hourly subject_key_sweep deletes"
                        + " them once the DELETED event is in the table")));
    return lines;
  }

  static String line(String name, String value) {
    return String.format("  %-20s %s", name + ":", value);
  }
}
