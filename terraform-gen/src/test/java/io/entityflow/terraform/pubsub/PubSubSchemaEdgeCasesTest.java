package io.entityflow.terraform.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import io.entityflow.contract.compiler.ProtoCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shapes the sample contract does not use: name clashes between inlined types, self-references,
 * nested types of inlined types, reserved ranges, aliases, packed=false and proto3 optional
 * messages. Each is compiled from source with protoc, generated, recompiled alone and
 * round-tripped.
 */
class PubSubSchemaEdgeCasesTest {
  private static final String SHARED =
      """
      syntax = "proto3";
      package acme.shared.v1;
      message Outer {
        message Inner {
          enum Kind { KIND_UNSPECIFIED = 0; BIG = 1; }
          Kind kind = 1;
          string label = 2;
        }
        Inner inner = 1;
      }
      """;

  private static final String ENTITY =
      """
      syntax = "proto3";
      package acme.edge.v1;
      import "google/protobuf/timestamp.proto";
      import "acme/shared/v1/shared.proto";
      message Edge {
        // Its own type named like the well-known one.
        message Timestamp { string text = 1; }
        enum Mode {
          option allow_alias = true;
          MODE_UNSPECIFIED = 0;
          FAST = 1;
          QUICK = 1;
        }
        Timestamp local = 1;
        google.protobuf.Timestamp at = 2;
        acme.shared.v1.Outer.Inner inner = 3;
        repeated Edge children = 4;
        repeated int32 unpacked = 5 [packed = false];
        optional acme.shared.v1.Outer outer = 6;
        Mode mode = 7;
        reserved 8, 10 to 12, 100 to max;
        reserved "old_name";
      }
      """;

  @TempDir Path tmp;

  @Test
  void clashingNamesAreQualifiedAndEveryShapeRoundTrips() throws Exception {
    Descriptor edge = compileSources().findMessageTypeByName("Edge");

    String schema = PubSubSchemaGenerator.generate(edge);

    assertThat(schema)
        .contains("  Edge.Timestamp local = 1;\n")
        .contains("  Edge.GoogleProtobufTimestamp at = 2;\n")
        .contains("  Edge.Outer.Inner inner = 3;\n")
        .contains("  repeated Edge children = 4;\n")
        .contains("  repeated int32 unpacked = 5 [packed = false];\n")
        .contains("  optional Edge.Outer outer = 6;\n")
        .contains("  reserved 8, 10 to 12, 100 to max;\n  reserved \"old_name\";\n")
        .contains("    option allow_alias = true;\n")
        .contains(
            "  // Inlined from google.protobuf.Timestamp (google/protobuf/timestamp.proto).\n"
                + "  message GoogleProtobufTimestamp {\n")
        .contains("      Edge.Outer.Inner.Kind kind = 1;\n");

    Descriptor generated =
        CompiledSchema.compile(schema, "Edge", Files.createDirectories(tmp.resolve("out")));
    for (int branch = 0; branch < 2; branch++) {
      DynamicMessage original = SampleMessages.everyField(edge, branch);
      DynamicMessage decoded = DynamicMessage.parseFrom(generated, original.toByteArray());
      assertThat(SampleMessages.canonical(decoded))
          .isEqualTo(SampleMessages.canonical(original))
          .containsKeys("1:local", "2:at", "3:inner", "4:children", "5:unpacked", "6:outer");
      assertThat(decoded.toByteArray()).isEqualTo(original.toByteArray());
    }
  }

  private FileDescriptor compileSources() throws Exception {
    Path root = tmp.resolve("src");
    Files.createDirectories(root.resolve("acme/shared/v1"));
    Files.createDirectories(root.resolve("acme/edge/v1"));
    Files.writeString(root.resolve("acme/shared/v1/shared.proto"), SHARED);
    Files.writeString(root.resolve("acme/edge/v1/edge.proto"), ENTITY);
    FileDescriptorSet set = ProtoCompiler.locate().compile(root);
    Map<String, FileDescriptor> built = new HashMap<>();
    for (FileDescriptorProto file : set.getFileList()) {
      FileDescriptor[] dependencies =
          file.getDependencyList().stream().map(built::get).toArray(FileDescriptor[]::new);
      built.put(file.getName(), FileDescriptor.buildFrom(file, dependencies));
    }
    return built.get("acme/edge/v1/edge.proto");
  }
}
