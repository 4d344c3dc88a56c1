/**
 * Generation of an environment's Terraform inputs from the contract and the drift check of their
 * committed copies: {@link io.entityflow.terraform.generate.TerraformGenerator} produces {@link
 * io.entityflow.terraform.generate.GeneratedFiles}, which write themselves or report {@link
 * io.entityflow.terraform.generate.Drift}.
 *
 * <pre>{@code
 * List<Drift> drift = TerraformGenerator.generate(EntityRegistry.load()).driftFrom(dir);
 * }</pre>
 */
package io.entityflow.terraform.generate;
