package io.metersim.bench;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.MeterSimulator;
import io.metersim.core.UnknownVenException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TickRunnerTest
{
    private static final int VENS = 11;

    private final MeterSimulator simulator = BenchData.simulator(TestData.data(7, 6), VENS, 12);

    @Test
    void shouldSumEveryVenOnOneThread()
    {
        try (TickRunner runner = new TickRunner(simulator, BenchData.venHandles(simulator), 1))
        {
            assertFalse(runner.helperAlive());
            for (int tick = 0; tick < 6; tick++)
            {
                final long position = simulator.position();
                assertEquals(expectedTotal(position), runner.collectAll(position), "tick " + tick);
                simulator.increaseTime();
            }
        }
    }

    @Test
    void shouldSumEveryVenSplitOverTwoThreads()
    {
        final TickRunner runner = new TickRunner(simulator, BenchData.venHandles(simulator), 2);
        assertTrue(runner.helperAlive());
        for (int tick = 0; tick < 200; tick++)
        {
            final long position = simulator.position();
            assertEquals(expectedTotal(position), runner.collectAll(position), "tick " + tick);
            simulator.increaseTime();
        }

        runner.close();

        assertFalse(runner.helperAlive());
    }

    @Test
    void shouldCollectOnlyTheGivenVens()
    {
        final int[] two = {simulator.venHandle("VEN-00003"), simulator.venHandle("VEN-00007")};
        try (TickRunner runner = new TickRunner(simulator, two, 2))
        {
            final long position = simulator.position();
            final CollectionBuffer buffer = simulator.newBuffer();
            final double expected = simulator.collectAt(two[0], position, buffer).totalWatts()
                + simulator.collectAt(two[1], position, buffer).totalWatts();

            assertEquals(expected, runner.collectAll(position));
        }
    }

    @Test
    void shouldReportAFailureOfTheHelperThread()
    {
        final int[] handles = {VENS + 5, simulator.venHandle("VEN-00001")};
        try (TickRunner runner = new TickRunner(simulator, handles, 2))
        {
            final long position = simulator.position();

            final BenchException thrown = assertThrows(BenchException.class, () -> runner.collectAll(position));

            assertEquals("the tick's helper thread failed [round=1]", thrown.getMessage());
            assertInstanceOf(UnknownVenException.class, thrown.getCause());
        }
    }

    @Test
    void shouldRefuseOtherThreadCounts()
    {
        final int[] handles = BenchData.venHandles(simulator);

        final BenchException thrown = assertThrows(BenchException.class, () -> new TickRunner(simulator, handles, 3));

        assertEquals("threads must be 1 or 2 [threads=3]", thrown.getMessage());
    }

    private double expectedTotal(final long position)
    {
        final CollectionBuffer buffer = simulator.newBuffer();
        double total = 0.0;
        for (final String ven : simulator.venNames())
        {
            total += simulator.collectAt(simulator.venHandle(ven), position, buffer).totalWatts();
        }
        return total;
    }
}
