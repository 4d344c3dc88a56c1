/**
 * The consumers file of an environment: which consumer-lib consumers read which entity topic, with
 * their subscription options. {@link io.entityflow.terraform.consumers.ConsumersFile} reads it;
 * every resource name comes from the contract's layout ({@link
 * io.entityflow.contract.layout.PhysicalLayout#consumer}), exactly as the library names them.
 */
package io.entityflow.terraform.consumers;
