package io.entityflow.privacy.codec;

import com.google.crypto.tink.Aead;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.entityflow.privacy.codec.EncryptionPlan.ValueKind;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Rewrites the wire bytes of one message into its encrypted form, following an {@link
 * EncryptionPlan}: fields without PII are copied byte for byte, in the order they come; each PII
 * value is written as a length-delimited ciphertext with the same field number; nested messages
 * reaching PII are rewritten recursively. One instance per event.
 *
 * <pre>{@code
 * EncryptedFormWriter writer = new EncryptedFormWriter(subject);
 * writer.message(plan, event.toByteArray(), 0, size, "", sink);
 * }</pre>
 */
final class EncryptedFormWriter {
  /** The data subject of the event: checks the id and encrypts. */
  interface Subject {
    /**
     * The subject's AEAD, fetched once; refuses an empty subject, naming the PII field ({@code
     * prefix} + the field's name).
     */
    Aead aead(String prefix, FieldDescriptor field) throws GeneralSecurityException;

    /** Associated data: the UTF-8 subject id. */
    byte[] associatedData();
  }

  private final Subject subject;

  EncryptedFormWriter(Subject subject) {
    this.subject = subject;
  }

  /**
   * Writes the encrypted form of the message in {@code in[offset, offset + length)} to {@code out}.
   */
  void message(EncryptionPlan plan, byte[] in, int offset, int length, String prefix, ByteSink out)
      throws IOException, GeneralSecurityException {
    CodedInputStream input = CodedInputStream.newInstance(in, offset, length);
    while (true) {
      int start = input.getTotalBytesRead();
      int tag = input.readTag();
      if (tag == 0) {
        return;
      }
      EncryptionPlan.Field field = plan.find(WireFormat.getTagFieldNumber(tag));
      if (field == null) {
        input.skipField(tag);
        out.write(in, offset + start, input.getTotalBytesRead() - start);
        continue;
      }
      int number = field.field().getNumber();
      int wireType = WireFormat.getTagWireType(tag);
      switch (field.kind()) {
        case PII -> {
          if (wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED
              && field.valueKind() == ValueKind.SCALAR) {
            // packed repeated scalars: one ciphertext per element
            int limit = input.pushLimit(input.readRawVarint32());
            while (input.getBytesUntilLimit() > 0) {
              byte[] text =
                  PiiPlaintext.toText(
                      field.value(), scalar(field.value(), wireTypeOf(field), input));
              ciphertext(number, text, prefix, field, out);
            }
            input.popLimit(limit);
          } else {
            byte[] text = text(field.value(), field, wireType, input, in, offset);
            ciphertext(number, text, prefix, field, out);
          }
        }
        case PII_MAP -> mapEntry(field, input, in, offset, prefix, out);
        case NESTED -> {
          int size = input.readRawVarint32();
          int from = offset + input.getTotalBytesRead();
          input.skipRawBytes(size);
          ByteSink nested = new ByteSink(size + 64);
          message(field.nested(), in, from, size, prefix + field.field().getName() + ".", nested);
          out.writeTag(number, WireFormat.WIRETYPE_LENGTH_DELIMITED);
          out.writeVarint(nested.size());
          out.write(nested.array(), 0, nested.size());
        }
        default -> throw new IllegalStateException("unplanned kind " + field.kind());
      }
    }
  }

  private void mapEntry(
      EncryptionPlan.Field field,
      CodedInputStream input,
      byte[] in,
      int offset,
      String prefix,
      ByteSink out)
      throws IOException, GeneralSecurityException {
    FieldDescriptor keyField = field.field().getMessageType().findFieldByNumber(1);
    int limit = input.pushLimit(input.readRawVarint32());
    int keyFrom = -1;
    int keyLength = 0;
    byte[] text = null;
    while (true) {
      int start = input.getTotalBytesRead();
      int tag = input.readTag();
      if (tag == 0) {
        break;
      }
      int entryNumber = WireFormat.getTagFieldNumber(tag);
      if (entryNumber == 2) {
        text = text(field.value(), field, WireFormat.getTagWireType(tag), input, in, offset);
      } else {
        input.skipField(tag);
        if (entryNumber == 1) {
          keyFrom = offset + start;
          keyLength = input.getTotalBytesRead() - start;
        }
      }
    }
    input.popLimit(limit);
    if (text == null) {
      text = defaultText(field.value());
    }
    byte[] ciphertext = subject.aead(prefix, field.field()).encrypt(text, subject.associatedData());
    ByteSink entry = new ByteSink(keyLength + ciphertext.length + 16);
    if (keyFrom >= 0) {
      entry.write(in, keyFrom, keyLength);
    } else {
      entry.writeDefault(1, keyField);
    }
    entry.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    entry.writeVarint(ciphertext.length);
    entry.write(ciphertext, 0, ciphertext.length);
    out.writeTag(field.field().getNumber(), WireFormat.WIRETYPE_LENGTH_DELIMITED);
    out.writeVarint(entry.size());
    out.write(entry.array(), 0, entry.size());
  }

  private void ciphertext(
      int number, byte[] text, String prefix, EncryptionPlan.Field field, ByteSink out)
      throws GeneralSecurityException {
    byte[] ciphertext = subject.aead(prefix, field.field()).encrypt(text, subject.associatedData());
    out.writeTag(number, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    out.writeVarint(ciphertext.length);
    out.write(ciphertext, 0, ciphertext.length);
  }

  /** The text form of one (not packed) value of {@code value} at the input's position. */
  private static byte[] text(
      FieldDescriptor value,
      EncryptionPlan.Field field,
      int wireType,
      CodedInputStream input,
      byte[] in,
      int offset)
      throws IOException {
    return switch (field.valueKind()) {
      case RAW -> raw(input, in, offset);
      case SCALAR -> PiiPlaintext.toText(value, scalar(value, wireType, input));
      case WRAPPER -> wrapperText(field, input, in, offset);
      case MESSAGE -> {
        int size = input.readRawVarint32();
        int from = offset + input.getTotalBytesRead();
        input.skipRawBytes(size);
        DynamicMessage message =
            DynamicMessage.parseFrom(
                value.getMessageType(), CodedInputStream.newInstance(in, from, size));
        yield PiiPlaintext.toText(value, message);
      }
    };
  }

  private static byte[] wrapperText(
      EncryptionPlan.Field field, CodedInputStream outer, byte[] in, int offset)
      throws IOException {
    int size = outer.readRawVarint32();
    int from = offset + outer.getTotalBytesRead();
    outer.skipRawBytes(size);
    CodedInputStream input = CodedInputStream.newInstance(in, from, size);
    FieldDescriptor inner = field.inner();
    byte[] text = null;
    while (true) {
      int tag = input.readTag();
      if (tag == 0) {
        break;
      }
      if (WireFormat.getTagFieldNumber(tag) != 1) {
        input.skipField(tag);
      } else if (field.innerKind() == ValueKind.RAW) {
        text = raw(input, in, from);
      } else {
        text = PiiPlaintext.toText(inner, scalar(inner, WireFormat.getTagWireType(tag), input));
      }
    }
    return text == null ? PiiPlaintext.toText(inner, inner.getDefaultValue()) : text;
  }

  private static byte[] defaultText(FieldDescriptor value) {
    if (value.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      return PiiPlaintext.toText(value, DynamicMessage.getDefaultInstance(value.getMessageType()));
    }
    return PiiPlaintext.toText(value, value.getDefaultValue());
  }

  private static byte[] raw(CodedInputStream input, byte[] in, int offset) throws IOException {
    int size = input.readRawVarint32();
    int from = offset + input.getTotalBytesRead();
    input.skipRawBytes(size);
    return Arrays.copyOfRange(in, from, from + size);
  }

  private static int wireTypeOf(EncryptionPlan.Field field) {
    return field.value().getLiteType().getWireType();
  }

  /** One scalar value as {@link com.google.protobuf.Message#getField} gives it. */
  private static Object scalar(FieldDescriptor field, int wireType, CodedInputStream input)
      throws IOException {
    if (wireType != field.getLiteType().getWireType()) {
      throw new InvalidProtocolBufferException(
          "field '" + field.getFullName() + "' has wire type " + wireType + " on the wire");
    }
    return switch (field.getType()) {
      case INT32 -> input.readInt32();
      case UINT32 -> input.readUInt32();
      case SINT32 -> input.readSInt32();
      case FIXED32 -> input.readFixed32();
      case SFIXED32 -> input.readSFixed32();
      case INT64 -> input.readInt64();
      case UINT64 -> input.readUInt64();
      case SINT64 -> input.readSInt64();
      case FIXED64 -> input.readFixed64();
      case SFIXED64 -> input.readSFixed64();
      case BOOL -> input.readBool();
      case FLOAT -> input.readFloat();
      case DOUBLE -> input.readDouble();
      case ENUM -> field.getEnumType().findValueByNumberCreatingIfUnknown(input.readEnum());
      default -> throw new IllegalStateException("not a scalar: " + field.getFullName());
    };
  }
}
