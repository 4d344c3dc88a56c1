/**
 * Compiles {@code .proto} files to descriptor sets with the same protoc the build uses, so tools
 * can read any version of the contract (a directory, a git ref) at run time.
 *
 * <pre>{@code
 * FileDescriptorSet set = ProtoCompiler.locate().compile(Path.of("examples/acme-contract/src/main/proto"));
 * }</pre>
 */
package io.entityflow.contract.compiler;
