/**
 * Rules as code: which series are watched and how, parsed from a YAML rules file on top of the
 * default learned rule for every entity x operation of the contract registry.
 */
package io.entityflow.alerting.rules;
