package io.entityflow.alerting.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page's own {@code index.html}, {@code status.js} and {@code status.css}, rendered by
 * headless Chromium from fixed API responses (no server): {@code index.html}'s {@code
 * EntityflowStatus.start()} is replaced by {@code EntityflowStatus.render(series, alerts,
 * silences)} with the fixtures below, and the resulting DOM is checked text by text.
 */
class StatusPageRenderingIT {
  @TempDir static Path dir;
  static String dom;

  /**
   * 48 hourly points from {@code first}: {@code observed} events (none from index {@code
   * silentFrom}), {@code expected} in the band {@code low} to {@code high}.
   */
  private static String chart(
      String first, int observed, double expected, double low, double high, int silentFrom) {
    List<String> points = new ArrayList<>();
    Instant hour = Instant.parse(first);
    for (int i = 0; i < 48; i++) {
      points.add(
          "{\"hour\":\""
              + hour.plusSeconds(3600L * i)
              + "\",\"observed\":"
              + (i >= silentFrom ? 0 : observed)
              + ",\"expected\":"
              + expected
              + ",\"low\":"
              + low
              + ",\"high\":"
              + high
              + "}");
    }
    return "[" + String.join(",", points) + "]";
  }

  private static String series(String id, String state, String lastEventAt, String chart) {
    return "{\"seriesId\":\""
        + id
        + "\",\"ruleId\":\"default\",\"state\":\""
        + state
        + "\",\"distribution\":\"Poisson\",\"expectedRate\":20.0,\"lastEventAt\":"
        + (lastEventAt == null ? "null" : "\"" + lastEventAt + "\"")
        + ",\"alpha\":4.6e-6,\"timeToDetect\":\"PT12M\",\"detail\":\""
        + state.toLowerCase()
        + " detail\",\"chart\":"
        + chart
        + ",\"eventsThisHour\":0}";
  }

  static final String SERIES =
      "{\"evaluatedAt\":\"2026-01-19T00:30:00Z\",\"judgedUntil\":\"2026-01-19T00:30:00Z\","
          + "\"watermark\":null,\"lastError\":null,\"series\":["
          + String.join(
              ",",
              series("energy.installation_v1/CREATED", "LEARNING", null, "[]"),
              series(
                  "retail.sale_v1/CREATED",
                  "OK",
                  "2026-01-19T00:29:00Z",
                  chart("2026-01-17T00:00:00Z", 20, 20.0, 12.0, 29.3, 48)),
              series(
                  "energy.installation_v1/DELETED",
                  "LEARNING",
                  null,
                  chart("2026-01-17T00:00:00Z", 0, 0.0, 0.0, 0.0, 48)),
              series("energy.user_v1/CREATED", "QUIET", "2026-01-18T20:00:00Z", "[]"),
              series(
                  "telco.call_record_v1/CREATED",
                  "SILENT",
                  "2026-01-18T16:59:00Z",
                  chart("2026-01-17T01:00:00Z", 40, 38.0, 25.0, 52.5, 40)),
              series("retail.customer_v1/CREATED", "LEARNING", "2026-01-18T10:00:00Z", "[]"),
              series("energy.meter_reading_v1/CREATED", "LEARNING", null, "[]"),
              series("retail.loyalty_accrual_v1/CREATED", "DROPPED", "2026-01-19T00:20:00Z", "[]"),
              series("telco.call_record_v1/DELETED", "LEARNING", null, "[]"))
          + "]}";

  static final String ALERTS =
      "["
          // escalated from a drop to a silence, still firing
          + "{\"dedupKey\":\"ef-1\",\"ruleId\":\"default\",\"seriesId\":"
          + "\"telco.call_record_v1/CREATED\",\"condition\":\"SILENCE\",\"status\":\"FIRING\","
          + "\"summary\":\"No CREATED events since 16:59\",\"history\":["
          + "{\"at\":\"2026-01-18T17:40:00Z\",\"kind\":\"FIRING\",\"condition\":\"DROP\","
          + "\"summary\":\"calls dropped to 40%\"},"
          + "{\"at\":\"2026-01-18T18:05:30.250Z\",\"kind\":\"UPDATED\",\"condition\":\"SILENCE\","
          + "\"summary\":\"No CREATED events since 16:59\"}]},"
          // a grouped incident of two series
          + "{\"dedupKey\":\"ef-2\",\"ruleId\":\"default\",\"seriesId\":\"retail.*\","
          + "\"condition\":\"SILENCE\",\"status\":\"FIRING\",\"summary\":\"2 retail series"
          + " silent\",\"members\":[\"retail.sale_v1/CREATED\",\"retail.customer_v1/CREATED\"],"
          + "\"history\":[{\"at\":\"2026-01-19T00:20:00Z\",\"kind\":\"FIRING\","
          + "\"condition\":\"SILENCE\",\"summary\":\"2 retail series silent\"}]},"
          // as before the history field existed
          + "{\"dedupKey\":\"ef-3\",\"ruleId\":\"default\",\"seriesId\":"
          + "\"retail.loyalty_accrual_v1/CREATED\",\"condition\":\"DROP\",\"status\":\"PENDING\","
          + "\"summary\":\"accruals at 50%\"},"
          // resolved after escalating: three entries
          + "{\"dedupKey\":\"ef-4\",\"ruleId\":\"default\",\"seriesId\":\"energy.user_v1/CREATED\","
          + "\"condition\":\"SILENCE\",\"status\":\"RESOLVED\",\"summary\":\"No CREATED events\","
          + "\"resolvedSummary\":\"energy.user_v1/CREATED events are back\",\"history\":["
          + "{\"at\":\"2026-01-18T08:00:00Z\",\"kind\":\"FIRING\",\"condition\":\"DROP\","
          + "\"summary\":\"signups dropped\"},"
          + "{\"at\":\"2026-01-18T08:30:00Z\",\"kind\":\"UPDATED\",\"condition\":\"SILENCE\","
          + "\"summary\":\"No CREATED events\"},"
          + "{\"at\":\"2026-01-18T09:10:00Z\",\"kind\":\"RESOLVED\",\"condition\":\"SILENCE\","
          + "\"summary\":\"energy.user_v1/CREATED events are back\"}],\"members\":[]}"
          + "]";

  static final String SILENCES =
      "[{\"matcher\":\"retail.sale_v1\",\"endsAt\":\"2026-01-19T02:30:00Z\","
          + "\"reason\":\"store migration\",\"createdBy\":\"ops\"}]";

  @BeforeAll
  static void render() throws Exception {
    HeadlessChromium.requireInstalled();
    for (String file : List.of("index.html", "status.js", "status.css")) {
      try (InputStream in =
          StatusPageRenderingIT.class.getResourceAsStream("/public/status/" + file)) {
        Files.write(dir.resolve(file), in.readAllBytes());
      }
    }
    String index = Files.readString(dir.resolve("index.html"));
    String start = "EntityflowStatus.start();";
    assertThat(index.indexOf(start)).isPositive().isEqualTo(index.lastIndexOf(start));
    Files.writeString(
        dir.resolve("index.html"),
        index.replace(
            start, "EntityflowStatus.render(" + SERIES + ", " + ALERTS + ", " + SILENCES + ");"));
    String url = dir.resolve("index.html").toUri().toString();
    dom = HeadlessChromium.run(dir, "--dump-dom", url);
    HeadlessChromium.screenshot(
        dir, Path.of("target", "status-page-fixture.png"), "1280,1400", url);
    assertThat(dom).contains("data-rendered=\"true\"");
  }

  private static List<String> all(String regex, String in) {
    return Pattern.compile(regex).matcher(in).results().map(m -> m.group(1)).toList();
  }

  private static String card(String seriesId) {
    int from = dom.indexOf("<div class=\"card\" data-series=\"" + seriesId + "\">");
    assertThat(from).as("card of %s", seriesId).isNotNegative();
    return dom.substring(from, dom.indexOf("</svg>", from));
  }

  @Test
  void cardsAreOrderedBySeverityAndSeriesWithoutEventsAreFoldedIntoOneLine() {
    String shown = dom.substring(dom.indexOf("id=\"series\""), dom.indexOf("id=\"learning\""));
    String folded = dom.substring(dom.indexOf("id=\"learning\""));
    String card = "<div class=\"card\" data-series=\"([^\"]+)\"";

    assertThat(all(card, shown))
        .containsExactly(
            "telco.call_record_v1/CREATED",
            "retail.loyalty_accrual_v1/CREATED",
            "retail.sale_v1/CREATED",
            "energy.user_v1/CREATED",
            "retail.customer_v1/CREATED");
    assertThat(dom)
        .contains(
            "<summary><span id=\"learning-summary\">4"
                + " series learning, no events yet: energy.installation_v1/CREATED,"
                + " energy.installation_v1/DELETED, energy.meter_reading_v1/CREATED and 1"
                + " more</span> <span class=\"toggle\">(show)</span></summary>");
    assertThat(dom).contains("<details id=\"learning\" class=\"fold\">");
    assertThat(all(card, folded))
        .containsExactly(
            "energy.installation_v1/CREATED",
            "energy.installation_v1/DELETED",
            "energy.meter_reading_v1/CREATED",
            "telco.call_record_v1/DELETED");
  }

  @Test
  void chartsLabelTheirTimeAxisInUtcWithTheDateAtMidnightAndTheirMaximum() {
    String text = "<text[^>]*class=\"%s\"[^>]*>([^<]*)</text>";
    String sale = card("retail.sale_v1/CREATED");
    assertThat(all(text.formatted("x-tick"), sale))
        .containsExactly("17 Jan", "06:00", "12:00", "18:00", "18 Jan", "06:00", "12:00", "18:00");
    assertThat(all(text.formatted("y-max"), sale)).containsExactly("30/h");
    assertThat(all(text.formatted("y-zero"), sale)).containsExactly("0");

    String calls = card("telco.call_record_v1/CREATED");
    assertThat(all(text.formatted("x-tick"), calls))
        .containsExactly("06:00", "12:00", "18:00", "18 Jan", "06:00", "12:00", "18:00", "19 Jan");
    assertThat(all(text.formatted("y-max"), calls)).containsExactly("53/h");
  }

  @Test
  void incidentsShowTheirEscalationHistoryAndMembers() {
    assertThat(dom)
        .contains(
            "<tr class=\"alert FIRING\"><td>FIRING</td><td>SILENCE</td>"
                + "<td>telco.call_record_v1/CREATED</td><td>No CREATED events since 16:59</td>"
                + "<td>ef-1</td></tr>"
                + "<tr class=\"incident\"><td></td><td colspan=\"4\"><table class=\"timeline\">"
                + "<tbody>"
                + "<tr class=\"event FIRING\"><td>2026-01-18 17:40:00 UTC</td><td>FIRING</td>"
                + "<td>DROP</td><td>calls dropped to 40%</td></tr>"
                + "<tr class=\"event UPDATED\"><td>2026-01-18 18:05:30 UTC</td><td>UPDATED</td>"
                + "<td>SILENCE</td><td>No CREATED events since 16:59</td></tr>"
                + "</tbody></table></td><td></td></tr>");
    assertThat(dom)
        .contains(
            "<tr class=\"alert FIRING\"><td>FIRING</td><td>SILENCE</td><td>retail.*</td>"
                + "<td>2 retail series silent</td><td>ef-2</td></tr>"
                + "<tr class=\"incident\"><td></td><td colspan=\"4\">"
                + "<div class=\"members\">Members (2): retail.sale_v1/CREATED,"
                + " retail.customer_v1/CREATED</div>"
                + "<table class=\"timeline\"><tbody>"
                + "<tr class=\"event FIRING\"><td>2026-01-19 00:20:00 UTC</td><td>FIRING</td>"
                + "<td>SILENCE</td><td>2 retail series silent</td></tr>"
                + "</tbody></table></td><td></td></tr>");
    // without history and members: one row, as before
    assertThat(dom)
        .contains(
            "<tr class=\"alert PENDING\"><td>PENDING</td><td>DROP</td>"
                + "<td>retail.loyalty_accrual_v1/CREATED</td><td>accruals at 50%</td>"
                + "<td>ef-3</td></tr></tbody></table>");
  }

  @Test
  void resolvedIncidentsAreFoldedBelowTheFiringOnesWithTheirWholeHistory() {
    assertThat(dom)
        .contains(
            "<summary><span id=\"resolved-summary\">1 resolved in the last 7 days</span>"
                + " <span class=\"toggle\">(show)</span></summary>");
    assertThat(dom)
        .contains(
            "<tr class=\"alert RESOLVED\"><td>RESOLVED</td><td>SILENCE</td>"
                + "<td>energy.user_v1/CREATED</td><td>energy.user_v1/CREATED events are back</td>"
                + "<td>ef-4</td></tr>"
                + "<tr class=\"incident\"><td></td><td colspan=\"4\"><table class=\"timeline\">"
                + "<tbody>"
                + "<tr class=\"event FIRING\"><td>2026-01-18 08:00:00 UTC</td><td>FIRING</td>"
                + "<td>DROP</td><td>signups dropped</td></tr>"
                + "<tr class=\"event UPDATED\"><td>2026-01-18 08:30:00 UTC</td><td>UPDATED</td>"
                + "<td>SILENCE</td><td>No CREATED events</td></tr>"
                + "<tr class=\"event RESOLVED\"><td>2026-01-18 09:10:00 UTC</td>"
                + "<td>RESOLVED</td><td>SILENCE</td>"
                + "<td>energy.user_v1/CREATED events are back</td></tr>"
                + "</tbody></table></td><td></td></tr>");
    assertThat(dom).contains("<details id=\"resolved-incidents\" class=\"fold\">");
    assertThat(dom).contains("<td>store migration</td>");
  }
}
