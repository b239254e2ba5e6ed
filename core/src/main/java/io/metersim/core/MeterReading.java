package io.metersim.core;

/**
 * One reading of one load component, as the original simulator returned it.
 *
 * @param timestamp epoch milliseconds.
 * @param loadId    the load component, {@code load_k}.
 * @param powerW    the power in watts.
 */
public record MeterReading(long timestamp, String loadId, double powerW)
{
}
