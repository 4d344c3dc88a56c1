/**
 * The {@code entityflow.publisher.*} configuration, declared once with its defaults, and the
 * factory that exposes the contract registry as a replaceable bean.
 */
package io.entityflow.publisher.config;
