package io.entityflow.pipelines.options;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Which contract a pipeline reads: a binary descriptor set given at launch, so one pipeline jar or
 * Flex Template image serves every version of the company's contract without a rebuild.
 *
 * <pre>{@code
 * --contract=gs://acme-contracts/contract-1.4.desc   # on Dataflow
 * --contract=build/contract.desc                     # locally
 * }</pre>
 *
 * <p>The file is read once, at pipeline construction ({@link
 * io.entityflow.pipelines.events.ContractFile}); the workers receive its bytes with the graph and
 * never open it.
 */
public interface ContractOptions extends PipelineOptions {
  @Description(
      "The contract: a binary FileDescriptorSet (protoc --include_imports"
          + " --descriptor_set_out=...) as a local path or gs:// URL, read once at start-up; empty ="
          + " the contract compiled into the pipeline jar.")
  String getContract();

  void setContract(String value);
}
