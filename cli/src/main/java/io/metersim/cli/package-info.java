/**
 * The {@code metersim} command: run, collect, resources, inspect, generate and vtn-stub over picocli.
 */
package io.metersim.cli;
