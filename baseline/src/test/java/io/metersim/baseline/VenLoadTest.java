package io.metersim.baseline;

import io.metersim.core.LoadData;
import io.metersim.core.LoadDataBuilder;
import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import io.metersim.core.ResourceSpec;
import io.metersim.core.ResourceStatus;
import io.metersim.core.SimulatorOptions;
import io.metersim.core.TimeMode;
import io.metersim.core.UnknownVenException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A VEN's load read from the pool: the testdata fixtures' formula watts(m, k, t) = 1000 m + 100 k + t over 168 hourly
 * rows from 2025-01-15T08:00:00Z, so a meter's 6 loads sum to 6000 m + 1500 + 6 t watts.
 */
class VenLoadTest
{
    static final long T0 = 1_736_928_000_000L;
    static final int ROWS = 168;

    private final MeterSimulator simulator = MeterSimulator.create(formulaData(4, ROWS), Registry.of(List.of(
        new ResourceSpec("Herning", "h-1", "", ResourceStatus.APPROVED, "m0", ""),
        new ResourceSpec("Herning", "h-2", "", ResourceStatus.APPROVED, "m1", ""),
        new ResourceSpec("Herning", "h-3", "", ResourceStatus.APPROVED, "m1", ""),
        new ResourceSpec("Herning", "h-4", "", ResourceStatus.PENDING, "m2", ""),
        new ResourceSpec("Aarhus", "a-1", "", ResourceStatus.APPROVED, "m3", ""))),
        new SimulatorOptions(42L, TimeMode.CONTINUOUS));

    @Test
    void shouldSumTheApprovedResourcesCountingASharedMeterTwice()
    {
        final VenLoad herning = VenLoad.ofVen(simulator, "Herning");

        assertEquals(T0, herning.startMillis());
        assertEquals(3_600_000L, herning.intervalMillis());
        assertEquals(12, herning.seriesCount());
        for (final int t : new int[] {0, 5, 167})
        {
            assertEquals((1500 + 6 * t + 2 * (7500 + 6 * t)) / 1000.0, herning.kwAt(t), 1e-12);
        }
    }

    @Test
    void shouldWrapTheDataCycleInContinuousTime()
    {
        final VenLoad aarhus = VenLoad.ofVen(simulator, "Aarhus");
        final long[] positions = {5, ROWS + 5, 3L * ROWS + 5, 10L * ROWS + 167};
        final double[] kw = new double[4];

        aarhus.gatherKw(positions, 4, kw);

        final double[] expected = {19.53, 19.53, 19.53, 19.5 + 6 * 167 / 1000.0};
        for (int i = 0; i < 4; i++)
        {
            assertEquals(expected[i], kw[i], 1e-12, "position " + positions[i]);
        }
    }

    @Test
    void shouldReadOneResourceWhateverItsStatus()
    {
        assertEquals((13500 + 6 * 7) / 1000.0, VenLoad.ofResource(simulator, "Herning", "h-4").kwAt(7), 1e-12);
    }

    @Test
    void shouldListEveryVenInRegistryOrder()
    {
        final Map<String, VenLoad> all = VenLoad.all(simulator);

        assertEquals(List.of("Herning", "Aarhus"), List.copyOf(all.keySet()));
        assertEquals(6, all.get("Aarhus").seriesCount());
        assertThrows(UnknownVenException.class, () -> VenLoad.ofVen(simulator, "Odense"));
    }

    static LoadData formulaData(final int meters, final int rows)
    {
        final LoadDataBuilder builder = LoadData.builder("formula");
        final long[] millis = new long[rows];
        for (int t = 0; t < rows; t++)
        {
            millis[t] = T0 + t * 3_600_000L;
        }
        for (int m = 0; m < meters; m++)
        {
            final int meter = builder.addMeter("m" + m, "", "/meters/meter_m" + m);
            for (int k = 0; k < 6; k++)
            {
                final double[] watts = new double[rows];
                for (int t = 0; t < rows; t++)
                {
                    watts[t] = 1000.0 * m + 100.0 * k + t;
                }
                builder.addSeries(meter, k, "/meters/meter_m" + m + "/load_" + k + "/power", millis, watts);
            }
        }
        return builder.build();
    }
}
