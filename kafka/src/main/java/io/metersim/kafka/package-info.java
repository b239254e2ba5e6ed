/**
 * The Kafka sink: one JSON record per resource per tick, keyed by VEN, idempotent, optionally one transaction per tick.
 */
package io.metersim.kafka;
