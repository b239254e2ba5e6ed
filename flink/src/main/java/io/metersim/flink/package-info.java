/**
 * metersim on Apache Flink: {@link io.metersim.flink.ReplaySource}, a FLIP-27 source whose splits are VEN ranges
 * with a checkpointed tick position, its record {@link io.metersim.flink.ReplayRecord}, and the example job
 * {@link io.metersim.flink.ReplayJob}.
 */
package io.metersim.flink;
