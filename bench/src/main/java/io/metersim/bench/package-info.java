/**
 * JMH benchmarks of metersim's hot paths (collection, tick, cursor) and load path, plus the bench data-set writer.
 */
package io.metersim.bench;
