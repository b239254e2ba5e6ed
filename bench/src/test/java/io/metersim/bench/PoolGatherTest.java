package io.metersim.bench;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.LoadData;
import io.metersim.core.MeterSimulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PoolGatherTest
{
    @Test
    void shouldGatherExactlyTheReadingsOfTheCollection()
    {
        final LoadData data = TestData.data(7, 6);
        final MeterSimulator simulator = BenchData.simulator(data, 1, 30);
        simulator.increaseTime();
        simulator.increaseTime();
        final CollectionBuffer collected = simulator.collectNextMetering("VEN-00001", simulator.newBuffer());
        final PoolGather gather = PoolGather.of(data, collected);
        final double[] into = new double[gather.seriesCount()];

        final double total = gather.gather(2, into);

        assertEquals(180, gather.seriesCount());
        for (int reading = 0; reading < collected.readingTotal(); reading++)
        {
            assertEquals(collected.powerW(reading), into[reading], "reading " + reading);
        }
        assertEquals(collected.totalWatts(), total);
    }

    @Test
    void shouldGatherOnlyTheLoadsAMeterHas()
    {
        final LoadData data = TestData.data(1, 3);
        final MeterSimulator simulator = BenchData.simulator(data, 1, 5);
        final CollectionBuffer collected = simulator.collectNextMetering("VEN-00001", simulator.newBuffer());
        final PoolGather gather = PoolGather.of(data, collected);
        final double[] into = new double[15];

        final double total = gather.gather(3, into);

        assertEquals(15, gather.seriesCount());
        assertEquals(5 * (3 + 103 + 203), total);
    }
}
