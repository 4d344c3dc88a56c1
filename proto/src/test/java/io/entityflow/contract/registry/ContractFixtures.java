package io.entityflow.contract.registry;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.entityflow.contract.options.EntityOptions;
import io.entityflow.contract.options.EntityflowOptionsProto;

/** Builds small contracts in code, to exercise every registry rule. */
final class ContractFixtures {
  private ContractFixtures() {}

  static EntityOptions.Builder options(String name, String idField) {
    return EntityOptions.newBuilder()
        .setName(name)
        .setIdField(idField)
        .setDomain("shop")
        .setOwner("team-shop");
  }

  static DescriptorProto.Builder entity(String message, EntityOptions.Builder options) {
    return DescriptorProto.newBuilder()
        .setName(message)
        .setOptions(
            MessageOptions.newBuilder()
                .setExtension(EntityflowOptionsProto.entity, options.build()));
  }

  static FieldDescriptorProto field(String name, int number, FieldDescriptorProto.Type type) {
    return FieldDescriptorProto.newBuilder()
        .setName(name)
        .setNumber(number)
        .setType(type)
        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)
        .build();
  }

  static FieldDescriptorProto string(String name, int number) {
    return field(name, number, FieldDescriptorProto.Type.TYPE_STRING);
  }

  static FileDescriptor file(
      String fileName, String protoPackage, DescriptorProto.Builder... messages) {
    FileDescriptorProto.Builder file =
        FileDescriptorProto.newBuilder()
            .setName(fileName)
            .setPackage(protoPackage)
            .setSyntax("proto3")
            .addDependency("entityflow/options.proto");
    for (DescriptorProto.Builder message : messages) {
      file.addMessageType(message);
    }
    try {
      return FileDescriptor.buildFrom(
          file.build(), new FileDescriptor[] {EntityflowOptionsProto.getDescriptor()});
    } catch (DescriptorValidationException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
