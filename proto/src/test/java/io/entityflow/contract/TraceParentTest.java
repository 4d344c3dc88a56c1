package io.entityflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceParentTest {
  private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void traceIdIsTheSecondFieldOfAValidTraceparent() {
    assertThat(TraceParent.traceId(VALID)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void laterVersionMayAppendFields() {
    assertThat(TraceParent.traceId("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"))
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void invalidTraceparentsGiveNull() {
    assertThat(TraceParent.traceId("")).isNull();
    assertThat(TraceParent.traceId(VALID + "-extra")).isNull();
    assertThat(TraceParent.traceId(VALID.replace('4', 'X'))).isNull();
    assertThat(TraceParent.traceId(VALID.toUpperCase())).isNull();
    assertThat(TraceParent.traceId("ff" + VALID.substring(2))).isNull();
    assertThat(TraceParent.traceId("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
        .isNull();
    assertThat(TraceParent.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"))
        .isNull();
    assertThat(TraceParent.traceId("00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        .isNull();
  }

  @Test
  void attributesPreferTraceparentOverTheGoogleClientOne() {
    String other = "00-11111111111111111111111111111111-00f067aa0ba902b7-01";
    assertThat(
            TraceParent.traceId(
                Map.of(
                    EventAttributes.TRACEPARENT,
                    VALID,
                    EventAttributes.GOOGCLIENT_TRACEPARENT,
                    other)))
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(TraceParent.traceId(Map.of(EventAttributes.GOOGCLIENT_TRACEPARENT, other)))
        .isEqualTo("11111111111111111111111111111111");
    assertThat(TraceParent.traceId(Map.of(EventAttributes.EVENT_ID, "e-1"))).isNull();
  }
}
