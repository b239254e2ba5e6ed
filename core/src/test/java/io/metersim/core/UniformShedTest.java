package io.metersim.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A VEN-wide SIMPLE event on resources with six loads each takes the uniform shed (the level's shares and the set of
 * resources shed, read through the buffer); the same event named resource by resource takes the general path (every
 * changed reading stored). Both must give the same readings, totals, modified flags and evaluation, tick by tick,
 * through sheds, early releases, paybacks and re-sheds, with readings that are zero, negative (export) and positive.
 */
class UniformShedTest
{
    private static final int RESOURCES = 70;
    private static final int TICKS = 40;
    private static final double EPS = 1e-6;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void shouldReadTheSameAsTheGeneralPath(final int level)
    {
        final MeterSimulator uniformSim = simulator();
        final MeterSimulator generalSim = simulator();
        final DemandResponse uniform = DemandResponse.create(uniformSim, ResponseModel.defaults(),
            event(level, false));
        final DemandResponse general = DemandResponse.create(generalSim, ResponseModel.defaults(),
            event(level, true));
        final CollectionBuffer a = uniformSim.newBuffer();
        final CollectionBuffer b = generalSim.newBuffer();
        int modifiedTicks = 0;
        for (int tick = 0; tick < TICKS; tick++)
        {
            uniform.takeUpEvents();
            general.takeUpEvents();
            uniform.respond(uniformSim.collectAt(0, uniformSim.position(), a));
            general.respond(generalSim.collectAt(0, generalSim.position(), b));
            assertSameCollection(a, b, "tick " + tick);
            modifiedTicks += a.modifiedResourceCount() > 0 ? 1 : 0;
            uniformSim.increaseTime();
            generalSim.increaseTime();
        }
        assertTrue(modifiedTicks > TICKS / 2, "the event changed readings in most ticks: " + modifiedTicks);
        assertSameEvaluation(uniform.evaluation(), general.evaluation());
    }

    private static void assertSameCollection(final CollectionBuffer a, final CollectionBuffer b, final String at)
    {
        assertEquals(b.resourceCount(), a.resourceCount(), at);
        for (int r = 0; r < a.resourceCount(); r++)
        {
            final String where = at + " resource " + r;
            assertEquals(b.resourceModified(r), a.resourceModified(r), where);
            assertEquals(b.resourceTotalWatts(r), a.resourceTotalWatts(r), 0.0, where);
            assertEquals(b.unmodifiedResourceTotalWatts(r), a.unmodifiedResourceTotalWatts(r), 0.0, where);
            for (int i = a.readingOffset(r); i < a.readingOffset(r) + a.readingCount(r); i++)
            {
                assertEquals(b.powerW(i), a.powerW(i), 0.0, where + " reading " + i);
                assertEquals(b.unmodifiedPowerW(i), a.unmodifiedPowerW(i), 0.0, where + " reading " + i);
            }
        }
        assertEquals(b.modifiedResourceCount(), a.modifiedResourceCount(), at);
        assertEquals(b.totalWatts(), a.totalWatts(), EPS, at);
        assertEquals(b.unmodifiedTotalWatts(), a.unmodifiedTotalWatts(), EPS, at);
        for (int k = 0; k < a.loadCount(); k++)
        {
            assertEquals(b.loadTotalWatts(k), a.loadTotalWatts(k), EPS, at + " load " + k);
        }
    }

    private static void assertSameEvaluation(final List<EventEvaluation> a, final List<EventEvaluation> b)
    {
        assertEquals(b.size(), a.size());
        for (int i = 0; i < a.size(); i++)
        {
            assertEquals(b.get(i).ticks(), a.get(i).ticks());
            assertEquals(b.get(i).unmodifiedKwh(), a.get(i).unmodifiedKwh(), EPS);
            assertEquals(b.get(i).actualKwh(), a.get(i).actualKwh(), EPS);
            assertEquals(b.get(i).reboundKwh(), a.get(i).reboundKwh(), EPS);
            assertTrue(a.get(i).reboundKwh() > 0, "the early releases paid back");
        }
    }

    /** An open-ended event: the 4 h in 10 h rule releases and re-sheds the resources within the run. */
    private static EventTimeline event(final int level, final boolean byResourceName)
    {
        final EventTimeline.Builder builder = ResponseFixture.openEnded(EventTimeline.builder(), "open", 0, level);
        for (int r = 1; byResourceName && r <= RESOURCES; r++)
        {
            builder.resourceTarget("name-" + r);
        }
        return builder.build();
    }

    private static MeterSimulator simulator()
    {
        return MeterSimulator.create(data(9, 24), ResponseFixture.registry(RESOURCES, "Herning"),
            new SimulatorOptions(7L, TimeMode.CONTINUOUS));
    }

    /** Water heater off in a third of the hours, heating exporting in some; other loads vary by meter and hour. */
    private static LoadData data(final int meters, final int rows)
    {
        final LoadDataBuilder builder = LoadData.builder("varied");
        for (int m = 0; m < meters; m++)
        {
            final int meter = builder.addMeter(TestLoads.METERS.get(m), "Example Netselskab A/S", TestLoads.path(m));
            for (int k = 0; k < 6; k++)
            {
                final double[] flat = new double[2 * rows];
                for (int t = 0; t < rows; t++)
                {
                    flat[2 * t] = TestLoads.T0 + 3600.0 * t;
                    flat[2 * t + 1] = watts(m, k, t);
                }
                builder.addSeries(meter, k, TestLoads.path(m) + "/load_" + k + "/power", flat);
            }
        }
        return builder.build();
    }

    private static double watts(final int m, final int k, final int t)
    {
        if (k == 1)
        {
            return (t + m) % 3 == 0 ? 0.0 : 1000.0 + 137.3 * m + 11.7 * t;
        }
        if (k == 2)
        {
            return (t * 7 + m) % 11 == 0 ? -250.5 : 300.0 + 91.1 * m + 23.9 * (t % 5);
        }
        return 40.0 + 13.0 * k + 3.3 * m + 0.7 * t;
    }
}
