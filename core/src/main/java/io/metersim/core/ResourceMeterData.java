package io.metersim.core;

import java.util.List;

/**
 * The readings of one resource at one index.
 *
 * @param resourceId   the resource's id.
 * @param meterPointId the meter read, explicit or assigned.
 * @param readings     one reading per load component the meter has at that index, in load order.
 */
public record ResourceMeterData(String resourceId, String meterPointId, List<MeterReading> readings)
{
    /**
     * Keeps an unmodifiable copy of the readings.
     *
     * @param resourceId   the resource's id.
     * @param meterPointId the meter read.
     * @param readings     its readings, copied.
     */
    public ResourceMeterData
    {
        readings = List.copyOf(readings);
    }
}
