package io.entityflow.pipelines.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WireValuesTest {
  private static boolean protobufAccepts(byte[] bytes, int from, int to) {
    return ByteString.copyFrom(bytes, from, to - from).isValidUtf8();
  }

  /** ASCII, valid multi-byte characters and random bytes, mixed. */
  private static byte[] mixedBytes(Random random) {
    StringBuilder text = new StringBuilder();
    int chars = random.nextInt(40);
    for (int c = 0; c < chars; c++) {
      int kind = random.nextInt(10);
      if (kind < 6) {
        text.append((char) (' ' + random.nextInt(95)));
      } else if (kind < 8) {
        text.append((char) (0x80 + random.nextInt(0xD800 - 0x80)));
      } else {
        text.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000));
      }
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    int corruptions = random.nextInt(3);
    for (int k = 0; k < corruptions && bytes.length > 0; k++) {
      bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  @Test
  void utf8CheckAgreesWithProtobufOnRandomSlices() {
    Random random = new Random(7);
    List<String> disagreements = new ArrayList<>();
    int valid = 0;
    int invalid = 0;
    for (int n = 0; n < 50_000; n++) {
      byte[] bytes = mixedBytes(random);
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      int to = from + random.nextInt(bytes.length - from + 1);
      boolean expected = protobufAccepts(bytes, from, to);
      if (WireValues.isValidUtf8(bytes, from, to) != expected) {
        disagreements.add(HexFormat.of().formatHex(bytes) + " [" + from + ", " + to + ")");
      }
      if (expected) {
        valid++;
      } else {
        invalid++;
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(valid).isGreaterThan(1_000);
    assertThat(invalid).isGreaterThan(1_000);
  }

  @Test
  void invalidSequencesAfterLongAsciiRunsAreRefused() {
    String ascii = "abcdefghijklmnopq";
    for (int run = 0; run <= ascii.length(); run++) {
      byte[] prefix = ascii.substring(0, run).getBytes(StandardCharsets.US_ASCII);
      for (String hex :
          List.of(
              "c080",
              "c1bf",
              "e0808f",
              "eda080",
              "f08f8080",
              "f4908080",
              "f5",
              "80",
              "e2",
              "e282",
              "f09f98")) {
        byte[] bytes = concat(prefix, HexFormat.of().parseHex(hex), prefix);
        assertThat(WireValues.isValidUtf8(bytes, 0, bytes.length)).as(run + " + " + hex).isFalse();
      }
      for (String hex : List.of("c2a9", "e282ac", "f09f9880", "ed9fbf", "f48fbfbf", "7f")) {
        byte[] bytes = concat(prefix, HexFormat.of().parseHex(hex), prefix);
        assertThat(WireValues.isValidUtf8(bytes, 0, bytes.length)).as(run + " + " + hex).isTrue();
      }
    }
  }

  @Test
  void sliceBoundsAreRespected() {
    byte[] bytes = HexFormat.of().parseHex("ff6162636465666768696a6bffe282ac");
    assertThat(WireValues.isValidUtf8(bytes, 1, 12)).isTrue();
    assertThat(WireValues.isValidUtf8(bytes, 0, 12)).isFalse();
    assertThat(WireValues.isValidUtf8(bytes, 1, 13)).isFalse();
    assertThat(WireValues.isValidUtf8(bytes, 13, 16)).isTrue();
    assertThat(WireValues.isValidUtf8(bytes, 13, 15)).isFalse();
    assertThat(WireValues.isValidUtf8(bytes, 5, 5)).isTrue();
  }

  @Test
  void shortTailsIgnoreTheBytesAroundTheSliceWhereverItLies() {
    // a word read past the slice (array long enough after it)
    byte[] after = HexFormat.of().parseHex("616263ffffffffffffff");
    assertThat(WireValues.isValidUtf8(after, 0, 3)).isTrue();
    assertThat(WireValues.isValidUtf8(after, 0, 4)).isFalse();
    // a word ending at the slice's end (slice near the array's end)
    byte[] end = HexFormat.of().parseHex("ffffffffffffff6162");
    assertThat(WireValues.isValidUtf8(end, 7, 9)).isTrue();
    assertThat(WireValues.isValidUtf8(end, 6, 9)).isFalse();
    // an array shorter than a word
    byte[] tiny = HexFormat.of().parseHex("ff6162");
    assertThat(WireValues.isValidUtf8(tiny, 1, 3)).isTrue();
    assertThat(WireValues.isValidUtf8(tiny, 0, 3)).isFalse();
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
