package io.metersim.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.SplittableRandom;

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
 * (paybacks, rebounds) agree to rounding ({@link #summed}) instead of exactly. Its totals are the load totals
 * less the opt-outs' when no shed load exports, else the participants' own.
 */
class UniformShedTest
{
    private static final int RESOURCES = 70;
    private static final int TICKS = 40;
    /** The stepped event's first hour and length: it runs over the wrap of the 24 rows of data, at hour 24. */
    private static final int STEPPED_FROM = 14;
    private static final int STEPPED_HOURS = 16;
    /** Ticks of the random scenarios: 2.5 wraps of the 24 rows. */
    private static final int RANDOM_TICKS = 60;
    private static final double EPS = 1e-6;
    /** Relative difference allowed between energy summed interval by interval and from running sums. */
    private static final double SUMMED = 1e-12;
    /** The same, absolute: a few watt-hours of rounding in 1e9. */
    private static final double SUMMED_ABSOLUTE_W = 1e-9;
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
        assertEquals(TICKS - STEPPED_FROM, held.heldTicks,
            "held VEN-wide from the first tick of the event on, through its payback");
    }

    /** A resource switched off and on again mid-event changes the VEN's snapshot twice: it leaves and may re-enter. */
    @Test
    void shouldLeaveWhenTheResourcesChange()
    {
        final Comparison held = compare(UNLIMITED, 2, false, 12);
        assertTrue(held.heldTicks > 0, "held VEN-wide before the change: " + held.heldTicks);
    }

    /**
     * Random overlapping events (SIMPLE levels 0 to 3 in up to three intervals, import capacity limits, priorities,
     * randomizeStart), resources switched off and on, with and without exports, over 2.5 wraps of the data: the
     * uniform and the held paths read as the general path does, tick by tick.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void shouldReadAsTheGeneralPathDoesForRandomEvents(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final EventTimeline.Builder uniform = EventTimeline.builder();
        final EventTimeline.Builder general = EventTimeline.builder();
        for (int e = random.nextInt(1, 4); e > 0; e--)
        {
            randomEvent(random, "event-" + e, uniform, general);
        }
        final int[] switchedOff = new int[random.nextInt(3)];
        for (int i = 0; i < switchedOff.length; i++)
        {
            switchedOff[i] = random.nextInt(RANDOM_TICKS);
        }
        compare(random.nextBoolean() ? LIMITED : UNLIMITED, uniform.build(), general.build(), random.nextBoolean(),
            RANDOM_TICKS, switchedOff);
    }

    /**
     * Adds the same random event to both timelines, naming every resource in the general one.
     */
    private static void randomEvent(final SplittableRandom random, final String id, final EventTimeline.Builder uniform,
        final EventTimeline.Builder general)
    {
        final int intervals = random.nextInt(1, 4);
        final long[] hours = new long[intervals];
        long total = 0;
        for (int i = 0; i < intervals; i++)
        {
            hours[i] = random.nextInt(1, 7);
            total += hours[i];
        }
        final int priority = random.nextInt(3);
        final long start = ResponseFixture.hour(random.nextInt(40));
        final long randomize = random.nextBoolean() ? 0 : random.nextInt(1, 3) * ResponseFixture.HOUR;
        for (final EventTimeline.Builder builder : List.of(uniform, general))
        {
            builder.event(id, "", "program-1", priority, start, total * ResponseFixture.HOUR, randomize);
        }
        long offset = 0;
        for (int i = 0; i < intervals; i++)
        {
            final boolean cap = random.nextInt(5) == 0;
            final double value = cap ? 0.5 + random.nextInt(30) / 10.0 : random.nextInt(4);
            for (final EventTimeline.Builder builder : List.of(uniform, general))
            {
                builder.interval(offset * ResponseFixture.HOUR, hours[i] * ResponseFixture.HOUR)
                    .payload(cap ? EventTimeline.IMPORT_CAPACITY_LIMIT : EventTimeline.SIMPLE, value);
            }
            offset += hours[i];
        }
        for (int r = 1; r <= RESOURCES; r++)
        {
            general.resourceTarget("name-" + r);
        }
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
        final Comparison comparison = compare(model, event(level, false), event(level, true), exports, TICKS,
            statusChange < 0 ? new int[0] : new int[] {statusChange});
        assertTrue(comparison.modifiedTicks > TICKS / 2, "the event changed readings in most ticks: "
            + comparison.modifiedTicks);
        assertSameEvaluation(comparison.uniform, comparison.general, model == LIMITED);
        return comparison;
    }

    /**
     * @param switchedOff ticks at which a resource is switched off; on again three ticks later (R5 first, then R6...).
     */
    private static Comparison compare(final ResponseModel model, final EventTimeline uniformEvents,
        final EventTimeline generalEvents, final boolean exports, final int ticks, final int[] switchedOff)
    {
        final MeterSimulator uniformSim = simulator(exports);
        final MeterSimulator generalSim = simulator(exports);
        final DemandResponse uniform = DemandResponse.create(uniformSim, model, uniformEvents);
        final DemandResponse general = DemandResponse.create(generalSim, model, generalEvents);
        final CollectionBuffer a = uniformSim.newBuffer();
        final CollectionBuffer b = generalSim.newBuffer();
        final Comparison comparison = new Comparison();
        for (int tick = 0; tick < ticks; tick++)
        {
            for (int i = 0; i < switchedOff.length; i++)
            {
                if (tick == switchedOff[i] || tick == switchedOff[i] + 3)
                {
                    final ResourceStatus status = tick == switchedOff[i] ? ResourceStatus.SUSPENDED
                        : ResourceStatus.APPROVED;
                    uniformSim.updateResourceStatus("Herning", "R" + (5 + i), status);
                    generalSim.updateResourceStatus("Herning", "R" + (5 + i), status);
                }
            }
            uniform.takeUpEvents();
            general.takeUpEvents();
            uniform.respond(uniformSim.collectAt(0, uniformSim.position(), a));
            general.respond(generalSim.collectAt(0, generalSim.position(), b));
            assertSameCollection(a, b, "tick " + tick);
            comparison.modifiedTicks += a.modifiedResourceCount() > 0 ? 1 : 0;
            comparison.heldTicks += uniform.holdsVenWide(0) ? 1 : 0;
            uniformSim.increaseTime();
            generalSim.increaseTime();
        }
        comparison.uniform = uniform.evaluation();
        comparison.general = general.evaluation();
        assertSameEvaluation(comparison.uniform, comparison.general, false);
        return comparison;
    }

    private static final class Comparison
    {
        int heldTicks;
        int modifiedTicks;
        List<EventEvaluation> uniform;
        List<EventEvaluation> general;
    }

    private static void assertSameCollection(final CollectionBuffer a, final CollectionBuffer b,
        final String at)
    {
        assertEquals(b.resourceCount(), a.resourceCount(), at);
        for (int r = 0; r < a.resourceCount(); r++)
        {
            final String where = at + " resource " + r;
            assertEquals(b.resourceModified(r), a.resourceModified(r), where);
            assertEquals(b.resourceTotalWatts(r), a.resourceTotalWatts(r), summed(a.resourceTotalWatts(r)), where);
            assertEquals(b.unmodifiedResourceTotalWatts(r), a.unmodifiedResourceTotalWatts(r), 0.0, where);
            for (int i = a.readingOffset(r); i < a.readingOffset(r) + a.readingCount(r); i++)
            {
                assertEquals(b.powerW(i), a.powerW(i), summed(a.powerW(i)), where + " reading " + i);
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

    /**
     * @return how far a reading may be from the general path's: rounding of energy summed over a run, relative to the
     *         reading, and absolute for a small reading beside a large deferred energy.
     */
    private static double summed(final double watts)
    {
        return SUMMED * Math.abs(watts) + SUMMED_ABSOLUTE_W;
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
     * an event of {@link #STEPPED_HOURS} hourly intervals from {@link #STEPPED_FROM} of levels 1, 2, 3, 1, ..., paid
     * back after it ends.
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
