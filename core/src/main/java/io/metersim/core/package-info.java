/**
 * metersim's engine: load data held as a time-major primitive pool, the VEN/resource registry, the lock-free shared
 * cursor and zero-allocation collection into reusable buffers.
 */
package io.metersim.core;
