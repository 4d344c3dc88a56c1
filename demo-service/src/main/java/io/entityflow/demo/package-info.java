/**
 * The demo domain service of local mode: a retail loyalty business (customers, sales, loyalty
 * memberships and accruals) publishing its entity changes with the publisher library, with a daily
 * rhythm compressed into minutes and a scheduled outage of one kind of event.
 *
 * <pre>{@code
 * PUBSUB_EMULATOR_HOST=127.0.0.1:8085 java -cp ... io.entityflow.demo.DemoServiceApplication
 * }</pre>
 */
package io.entityflow.demo;
