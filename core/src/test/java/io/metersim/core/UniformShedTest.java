package io.metersim.core;

import org.junit.jupiter.api.Test;
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
 * <p>
 * The uniform shed is held VEN-wide ({@link VenWideShed}) after its first interval: the deferred energy is summed
 * over runs of intervals from running sums instead of interval by interval, so the readings that depend on it
 * (paybacks, rebounds) agree to rounding, {@link #SUMMED} relative, instead of exactly. Its totals are the load totals
 * less the opt-outs' when no shed load exports, else the participants' own.
 */
class UniformShedTest
{
    private static final int RESOURCES = 70;
    private static final int TICKS = 40;
    /** The stepped event's first hour and length: it runs over the wrap of the 24 rows of data, at hour 24. */
    private static final int STEPPED_FROM = 14;
    private static final int STEPPED_HOURS = 16;
    private static final double EPS = 1e-6;
    /** Relative difference allowed between energy summed interval by interval and from running sums. */
    private static final double SUMMED = 1e-12;
    /** The default 4 h in 10 h: releases early. */
    private static final ResponseModel LIMITED = ResponseModel.defaults();
    /** A limit as long as its window: never releases. */
    private static final ResponseModel UNLIMITED = ResponseModel.defaults().with("max-shed", "PT10H");

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void shouldHoldResourcesThatExportAndReadAsTheGeneralPathDoes(final int level)
    {
        final Comparison held = compare(LIMITED, level, true, -1);
        assertTrue(held.heldTicks >= TICKS / 4, "held VEN-wide in many of the shed ticks: " + held.heldTicks);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void shouldHoldTheVenAndReadAsTheGeneralPathDoes(final int level)
    {
        final Comparison held = compare(LIMITED, level, false, -1);
        assertTrue(held.heldTicks >= TICKS / 4, "held VEN-wide in many of the shed ticks: " + held.heldTicks);
    }

    /** Levels that change every hour make a run per hour: more runs than a VEN keeps, settled while held. */
    @Test
    void shouldSettleRunsWhileHeld()
    {
        final Comparison held = compare(UNLIMITED, 0, false, -1);
        assertEquals(TICKS - STEPPED_FROM, held.heldTicks, "held VEN-wide from the first tick of the event on, through its payback");
    }

    /** A resource switched off and on again mid-event changes the VEN's snapshot twice: it leaves and may re-enter. */
    @Test
    void shouldLeaveWhenTheResourcesChange()
    {
        final Comparison held = compare(UNLIMITED, 2, false, 12);
        assertTrue(held.heldTicks > 0, "held VEN-wide before the change: " + held.heldTicks);
    }

    /**
     * Runs the uniform and the general path side by side and compares every tick.
     *
     * @param level        the SIMPLE level of an open-ended event; 0 for hourly levels 1, 2, 3, 1, ...
     * @param exports      whether heating exports (negative readings) in some hours.
     * @param statusChange the tick at which resource R5 is switched off (and on again 3 ticks later), or -1.
     */
    private static Comparison compare(final ResponseModel model, final int level, final boolean exports,
        final int statusChange)
    {
        final MeterSimulator uniformSim = simulator(exports);
        final MeterSimulator generalSim = simulator(exports);
        final DemandResponse uniform = DemandResponse.create(uniformSim, model, event(level, false));
        final DemandResponse general = DemandResponse.create(generalSim, model, event(level, true));
        final CollectionBuffer a = uniformSim.newBuffer();
        final CollectionBuffer b = generalSim.newBuffer();
        final Comparison comparison = new Comparison();
        int modifiedTicks = 0;
        for (int tick = 0; tick < TICKS; tick++)
        {
            if (tick == statusChange || tick == statusChange + 3)
            {
                final ResourceStatus status = tick == statusChange ? ResourceStatus.SUSPENDED : ResourceStatus.APPROVED;
                uniformSim.updateResourceStatus("Herning", "R5", status);
                generalSim.updateResourceStatus("Herning", "R5", status);
            }
            uniform.takeUpEvents();
            general.takeUpEvents();
            uniform.respond(uniformSim.collectAt(0, uniformSim.position(), a));
            general.respond(generalSim.collectAt(0, generalSim.position(), b));
            assertSameCollection(a, b, SUMMED, "tick " + tick);
            modifiedTicks += a.modifiedResourceCount() > 0 ? 1 : 0;
            comparison.heldTicks += uniform.holdsVenWide(0) ? 1 : 0;
            uniformSim.increaseTime();
            generalSim.increaseTime();
        }
        assertTrue(modifiedTicks > TICKS / 2, "the event changed readings in most ticks: " + modifiedTicks);
        assertSameEvaluation(uniform.evaluation(), general.evaluation(), model == LIMITED);
        return comparison;
    }

    private static final class Comparison
    {
        int heldTicks;
    }

    private static void assertSameCollection(final CollectionBuffer a, final CollectionBuffer b,
        final double relative, final String at)
    {
        assertEquals(b.resourceCount(), a.resourceCount(), at);
        for (int r = 0; r < a.resourceCount(); r++)
        {
            final String where = at + " resource " + r;
            assertEquals(b.resourceModified(r), a.resourceModified(r), where);
            assertEquals(b.resourceTotalWatts(r), a.resourceTotalWatts(r), relative * a.resourceTotalWatts(r), where);
            assertEquals(b.unmodifiedResourceTotalWatts(r), a.unmodifiedResourceTotalWatts(r), 0.0, where);
            for (int i = a.readingOffset(r); i < a.readingOffset(r) + a.readingCount(r); i++)
            {
                assertEquals(b.powerW(i), a.powerW(i), relative * Math.abs(a.powerW(i)), where + " reading " + i);
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

    private static void assertSameEvaluation(final List<EventEvaluation> a, final List<EventEvaluation> b,
        final boolean released)
    {
        assertEquals(b.size(), a.size());
        for (int i = 0; i < a.size(); i++)
        {
            assertEquals(b.get(i).ticks(), a.get(i).ticks());
            assertEquals(b.get(i).unmodifiedKwh(), a.get(i).unmodifiedKwh(), EPS);
            assertEquals(b.get(i).actualKwh(), a.get(i).actualKwh(), EPS);
            assertEquals(b.get(i).reboundKwh(), a.get(i).reboundKwh(), EPS);
            assertTrue(!released || a.get(i).reboundKwh() > 0, "the early releases paid back");
        }
    }

    /**
     * An open-ended event: the 4 h in 10 h rule releases and re-sheds the resources within the run. Level 0: instead,
     * an event of {@link #STEPPED_HOURS} hourly intervals from {@link #STEPPED_FROM} of levels 1, 2, 3, 1, ..., paid back after it ends.
     */
    private static EventTimeline event(final int level, final boolean byResourceName)
    {
        final EventTimeline.Builder builder;
        if (level > 0)
        {
            builder = ResponseFixture.openEnded(EventTimeline.builder(), "open", 0, level);
        }
        else
        {
            builder = EventTimeline.builder().event("stepped", "", "program-1", 0, ResponseFixture.hour(STEPPED_FROM),
                STEPPED_HOURS * ResponseFixture.HOUR, 0);
            for (int hour = 0; hour < STEPPED_HOURS; hour++)
            {
                builder.interval(hour * ResponseFixture.HOUR, ResponseFixture.HOUR)
                    .payload(EventTimeline.SIMPLE, 1 + hour % 3);
            }
        }
        for (int r = 1; byResourceName && r <= RESOURCES; r++)
        {
            builder.resourceTarget("name-" + r);
        }
        return builder.build();
    }

    private static MeterSimulator simulator(final boolean exports)
    {
        return MeterSimulator.create(data(9, 24, exports), ResponseFixture.registry(RESOURCES, "Herning"),
            new SimulatorOptions(7L, TimeMode.CONTINUOUS));
    }

    /** Water heater off in a third of the hours, heating exporting in some; other loads vary by meter and hour. */
    private static LoadData data(final int meters, final int rows, final boolean exports)
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
                    flat[2 * t + 1] = watts(m, k, t, exports);
                }
                builder.addSeries(meter, k, TestLoads.path(m) + "/load_" + k + "/power", flat);
            }
        }
        return builder.build();
    }

    private static double watts(final int m, final int k, final int t, final boolean exports)
    {
        if (k == 1)
        {
            return (t + m) % 3 == 0 ? 0.0 : 1000.0 + 137.3 * m + 11.7 * t;
        }
        if (k == 2)
        {
            return (t * 7 + m) % 11 == 0 ? (exports ? -250.5 : 0.0) : 300.0 + 91.1 * m + 23.9 * (t % 5);
        }
        return 40.0 + 13.0 * k + 3.3 * m + 0.7 * t;
    }
}
