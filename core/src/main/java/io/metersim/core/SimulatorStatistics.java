package io.metersim.core;

import java.util.List;

/**
 * Resource counts by status, per VEN and in total, and the meter assignment the approved resources use.
 *
 * @param vens               per VEN, in registry order.
 * @param pending            pending resources over all VENs.
 * @param approved           approved resources over all VENs.
 * @param suspended          suspended resources over all VENs.
 * @param total              all resources.
 * @param resourcesWithMeter approved resources that read a meter in the data (explicit or assigned).
 * @param explicitMeters     approved resources reading their explicit meter.
 * @param assignedMeters     approved resources reading a meter assigned by seed.
 * @param distinctMeters     distinct meters the approved resources read.
 * @param explicitNotFound   approved resources whose explicit meter is not in the data (they yield no readings).
 */
public record SimulatorStatistics(
    List<VenStatistics> vens,
    int pending,
    int approved,
    int suspended,
    int total,
    int resourcesWithMeter,
    int explicitMeters,
    int assignedMeters,
    int distinctMeters,
    int explicitNotFound)
{
    /**
     * Keeps an unmodifiable copy of the per-VEN list.
     *
     * @param vens               per VEN, copied.
     * @param pending            pending resources.
     * @param approved           approved resources.
     * @param suspended          suspended resources.
     * @param total              all resources.
     * @param resourcesWithMeter approved resources reading a meter in the data.
     * @param explicitMeters     approved resources reading their explicit meter.
     * @param assignedMeters     approved resources reading an assigned meter.
     * @param distinctMeters     distinct meters read.
     * @param explicitNotFound   approved resources whose explicit meter is not in the data.
     */
    public SimulatorStatistics
    {
        vens = List.copyOf(vens);
    }

    /**
     * Resource counts of one VEN.
     *
     * @param ven       the VEN's name.
     * @param pending   its pending resources.
     * @param approved  its approved resources.
     * @param suspended its suspended resources.
     * @param total     all its resources.
     */
    public record VenStatistics(String ven, int pending, int approved, int suspended, int total)
    {
    }
}
