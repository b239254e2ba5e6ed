/**
 * The live dashboard on the tick loop: per-tick aggregates, handed off the loop thread and pushed to a bundled page
 * over Server-Sent Events.
 */
package io.metersim.dashboard;
