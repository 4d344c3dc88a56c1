/** The consumer process SIGKILLed by the crash test, and that test. */
package io.entityflow.consumer.crash;
