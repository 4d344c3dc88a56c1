/**
 * Loading one side of a comparison: a binary descriptor set, a directory of {@code .proto} files or
 * a git ref, each becoming a {@link io.entityflow.schema.source.ContractSnapshot}.
 */
package io.entityflow.schema.source;
