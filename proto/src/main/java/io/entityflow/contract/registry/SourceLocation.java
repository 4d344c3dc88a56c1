package io.entityflow.contract.registry;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.GenericDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.stream.Collectors;

/**
 * Where a message, field, enum or enum value is declared, with its comments, read from the source
 * info the build keeps in the contract's descriptor set.
 *
 * <pre>{@code
 * SourceLocation.of(field).map(SourceLocation::comment).orElse("");
 * }</pre>
 *
 * @param file the {@code .proto} file name
 * @param line 1-based line of the declaration, 0 when unknown
 * @param column 1-based column of the declaration, 0 when unknown
 * @param leadingComments the comment block right above the declaration, trimmed
 * @param trailingComments the comment right after the declaration, trimmed
 */
public record SourceLocation(
    String file, int line, int column, String leadingComments, String trailingComments) {

  private static final Map<FileDescriptor, Map<List<Integer>, SourceCodeInfo.Location>> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** {@code file:line}, or the file alone when the line is unknown. */
  public String position() {
    return line > 0 ? file + ":" + line : file;
  }

  /** The leading comment, else the trailing one, as one line; empty when there is none. */
  public String comment() {
    return leadingComments.isEmpty() ? trailingComments : leadingComments;
  }

  /** The location of a descriptor, or empty when it was built without source info. */
  public static Optional<SourceLocation> of(GenericDescriptor descriptor) {
    FileDescriptor file = descriptor.getFile();
    List<Integer> path = pathOf(descriptor);
    if (path == null) {
      return Optional.empty();
    }
    SourceCodeInfo.Location location = index(file).get(path);
    if (location == null) {
      return Optional.empty();
    }
    return Optional.of(
        new SourceLocation(
            file.getName(),
            location.getSpanCount() > 0 ? location.getSpan(0) + 1 : 0,
            location.getSpanCount() > 1 ? location.getSpan(1) + 1 : 0,
            clean(location.getLeadingComments()),
            clean(location.getTrailingComments())));
  }

  /** The location of a descriptor, or one naming only its file. */
  public static SourceLocation orFile(GenericDescriptor descriptor) {
    return of(descriptor).orElse(new SourceLocation(descriptor.getFile().getName(), 0, 0, "", ""));
  }

  private static Map<List<Integer>, SourceCodeInfo.Location> index(FileDescriptor file) {
    return CACHE.computeIfAbsent(
        file,
        f -> {
          FileDescriptorProto proto = f.toProto();
          Map<List<Integer>, SourceCodeInfo.Location> byPath = new HashMap<>();
          for (SourceCodeInfo.Location location : proto.getSourceCodeInfo().getLocationList()) {
            byPath.putIfAbsent(List.copyOf(location.getPathList()), location);
          }
          return byPath;
        });
  }

  private static List<Integer> pathOf(GenericDescriptor descriptor) {
    List<Integer> path = new ArrayList<>();
    if (descriptor instanceof Descriptor message) {
      appendMessage(path, message);
    } else if (descriptor instanceof FieldDescriptor field) {
      if (field.isExtension()) {
        return null;
      }
      appendMessage(path, field.getContainingType());
      path.add(2);
      path.add(field.getIndex());
    } else if (descriptor instanceof OneofDescriptor oneof) {
      appendMessage(path, oneof.getContainingType());
      path.add(8);
      path.add(oneof.getIndex());
    } else if (descriptor instanceof EnumDescriptor enumType) {
      appendEnum(path, enumType);
    } else if (descriptor instanceof EnumValueDescriptor value) {
      appendEnum(path, value.getType());
      path.add(2);
      path.add(value.getIndex());
    } else {
      return null;
    }
    return path;
  }

  private static void appendMessage(List<Integer> path, Descriptor message) {
    if (message.getContainingType() == null) {
      path.add(4);
    } else {
      appendMessage(path, message.getContainingType());
      path.add(3);
    }
    path.add(message.getIndex());
  }

  private static void appendEnum(List<Integer> path, EnumDescriptor enumType) {
    if (enumType.getContainingType() == null) {
      path.add(5);
    } else {
      appendMessage(path, enumType.getContainingType());
      path.add(4);
    }
    path.add(enumType.getIndex());
  }

  private static String clean(String comment) {
    return comment
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining(" "));
  }
}
