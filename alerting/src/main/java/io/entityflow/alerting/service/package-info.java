/**
 * The Micronaut service: configuration, bean factory, the scheduled evaluation loop, metrics and
 * the compressed clock of local mode.
 */
package io.entityflow.alerting.service;
