/**
 * The JSON record of one resource at one tick, for JSONL and Kafka: written straight to bytes, allocating nothing.
 */
package io.metersim.records;
