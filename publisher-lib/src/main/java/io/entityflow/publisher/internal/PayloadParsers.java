package io.entityflow.publisher.internal;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.entityflow.contract.privacy.EncryptedForm;
import io.entityflow.contract.registry.EntityDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses a stored payload as its entity: with the generated Java class when it is on the class path
 * (several times faster than a {@link DynamicMessage}, and the result equals the caller's original
 * message), else as a {@link DynamicMessage} of the contract's descriptor. The choice is made once
 * per message type. Thread-safe.
 *
 * <pre>{@code
 * Message sale = PayloadParsers.parse(saleDescriptor, bytes); // a com.acme...Sale when generated
 * }</pre>
 */
public final class PayloadParsers {
  private static final Map<String, Parser<? extends Message>> GENERATED = new ConcurrentHashMap<>();
  private static final Parser<? extends Message> NONE =
      DynamicMessage.getDefaultInstance(com.google.protobuf.Empty.getDescriptor())
          .getParserForType();

  private PayloadParsers() {}

  /**
   * The payload of an event of {@code entity}: in its encrypted form ({@link EncryptedForm}, always
   * a {@link DynamicMessage}: the generated class has the clear field types) when {@code
   * encrypted}, else as {@link #parse(Descriptor, byte[])}.
   */
  public static Message parse(EntityDefinition entity, boolean encrypted, byte[] payload)
      throws InvalidProtocolBufferException {
    return encrypted
        ? DynamicMessage.parseFrom(EncryptedForm.of(entity), payload)
        : parse(entity.descriptor(), payload);
  }

  /** The payload as a message of {@code type}. */
  public static Message parse(Descriptor type, byte[] payload)
      throws InvalidProtocolBufferException {
    Parser<? extends Message> parser =
        GENERATED.computeIfAbsent(type.getFullName(), name -> generated(type));
    return parser == NONE ? DynamicMessage.parseFrom(type, payload) : parser.parseFrom(payload);
  }

  private static Parser<? extends Message> generated(Descriptor type) {
    for (String className : candidates(type)) {
      try {
        Class<?> generated = Class.forName(className, true, PayloadParsers.class.getClassLoader());
        Object instance = generated.getMethod("getDefaultInstance").invoke(null);
        if (instance instanceof Message message
            && message.getDescriptorForType().getFullName().equals(type.getFullName())) {
          return message.getParserForType();
        }
      } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
        // not this class name: try the next one, else parse dynamically
      }
    }
    return NONE;
  }

  /** The Java class names protoc may have given {@code type}. */
  private static List<String> candidates(Descriptor type) {
    FileDescriptor file = type.getFile();
    String javaPackage =
        file.getOptions().hasJavaPackage() ? file.getOptions().getJavaPackage() : file.getPackage();
    String prefix = javaPackage.isEmpty() ? "" : javaPackage + ".";
    String nested =
        type.getFullName()
            .substring(file.getPackage().isEmpty() ? 0 : file.getPackage().length() + 1)
            .replace('.', '$');
    List<String> names = new ArrayList<>();
    if (file.getOptions().getJavaMultipleFiles()) {
      names.add(prefix + nested);
    }
    String outer =
        file.getOptions().hasJavaOuterClassname()
            ? file.getOptions().getJavaOuterClassname()
            : camel(file.getName());
    names.add(prefix + outer + "$" + nested);
    names.add(prefix + outer + "OuterClass$" + nested);
    return names;
  }

  private static String camel(String fileName) {
    String base = fileName.substring(fileName.lastIndexOf('/') + 1).replaceFirst("\\.proto$", "");
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : base.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = Character.isDigit(c);
      }
    }
    return out.toString().isEmpty() ? base.toUpperCase(Locale.ROOT) : out.toString();
  }
}
