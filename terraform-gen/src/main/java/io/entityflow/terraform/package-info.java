/**
 * Terraform generated from the contract: the {@link io.entityflow.terraform.TerraformCli} command
 * ({@code ./entityflow terraform}) writes every entity's Terraform inputs into an environment and
 * checks committed copies for drift.
 *
 * <pre>{@code
 * ./entityflow terraform --check
 * }</pre>
 */
package io.entityflow.terraform;
