/**
 * Loading a contract from where a user keeps it: a binary descriptor set, a directory of {@code
 * .proto} files or a git ref, each becoming a {@link
 * io.entityflow.contract.source.ContractSnapshot}; {@link
 * io.entityflow.contract.source.ContractLoader#registry(String)} is what every {@code --contract}
 * option reads.
 *
 * <pre>{@code
 * EntityRegistry registry = ContractLoader.registry(System.getProperty("contract"));
 * }</pre>
 */
package io.entityflow.contract.source;
