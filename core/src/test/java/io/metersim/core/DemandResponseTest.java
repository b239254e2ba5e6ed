package io.metersim.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.metersim.core.EventTimeline.IMPORT_CAPACITY_LIMIT;
import static io.metersim.core.EventTimeline.SIMPLE;
import static io.metersim.core.ResponseFixture.HEATER_W;
import static io.metersim.core.ResponseFixture.HOUR;
import static io.metersim.core.ResponseFixture.HEATING_W;
import static io.metersim.core.ResponseFixture.OTHER_W;
import static io.metersim.core.ResponseFixture.event;
import static io.metersim.core.ResponseFixture.everyone;
import static io.metersim.core.ResponseFixture.hour;
import static io.metersim.core.ResponseFixture.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The response model against hand-computed values on flat loads (water heater 2,000 W, heating 1,500 W, the four
 * other loads 100 W each): the level table, the capacity cap's shedding order, the payback's energy balance
 * and the rebound's exponential decay.
 */
class DemandResponseTest
{
    private static final double EPS = 1e-9;

    @ParameterizedTest
    @CsvSource({"1, 1000, 1200", "2, 0, 900", "3, 0, 600"})
    void shouldShedWaterHeaterAndHeatingByTheLevelTable(final int level, final double heater, final double heating)
    {
        final MeterSimulator sim = ResponseFixture.simulator(24, 2, "Herning");
        final DemandResponse response = DemandResponse.create(sim, everyone(),
            event(EventTimeline.builder(), "e1", 0, 2, 1, SIMPLE, level).build());

        final double[][] seen = run(sim, response, 4, 1);

        assertArrayEquals(new double[] {OTHER_W, HEATER_W, HEATING_W, OTHER_W, OTHER_W, OTHER_W}, seen[1], EPS);
        assertArrayEquals(new double[] {OTHER_W, heater, heating, OTHER_W, OTHER_W, OTHER_W}, seen[2], EPS);
    }

    @ParameterizedTest
    @CsvSource({"3.0, 1100, 1500", "1.5, 0, 1100", "0.2, 0, 0", "5.0, 2000, 1500"})
    void shouldCapTheResourceTotalWaterHeaterFirst(final double limitKw, final double heater, final double heating)
    {
        // total 3,900 W: the excess over the limit comes off the water heater first, then heating, never below 0
        final MeterSimulator sim = ResponseFixture.simulator(24, 1, "Herning");
        final DemandResponse response = DemandResponse.create(sim, everyone(),
            event(EventTimeline.builder(), "cap", 0, 0, 1, IMPORT_CAPACITY_LIMIT, limitKw).build());

        final double[][] seen = run(sim, response, 1, 1);

        assertArrayEquals(new double[] {OTHER_W, heater, heating, OTHER_W, OTHER_W, OTHER_W}, seen[0], EPS);
    }

    @Test
    void shouldRepayTheWaterHeatersDeficitAtElementPowerAndConserveEnergy()
    {
        // level 2 for 2 h defers 2 x 2,000 Wh = 4,000 Wh; the element (3,000 W) adds 1,000 W over the draw: 4 h
        final MeterSimulator sim = ResponseFixture.simulator(24, 1, "Herning");
        final DemandResponse response = DemandResponse.create(sim, everyone(),
            event(EventTimeline.builder(), "e1", 0, 2, 2, SIMPLE, 2).build());

        final double[][] seen = run(sim, response, 12, 1);

        final double[] heater = column(seen, 1);
        assertArrayEquals(new double[] {2000, 2000, 0, 0, 3000, 3000, 3000, 3000, 2000, 2000, 2000, 2000}, heater,
            EPS);
        double balanceWh = 0;
        for (final double watts : heater)
        {
            balanceWh += watts - HEATER_W;
        }
        assertEquals(0.0, balanceWh, 0.01 * 4000, "energy over event and recovery, 1 % of the deferred 4,000 Wh");
    }

    @Test
    void shouldReboundHeatingWithADecayingOvershoot()
    {
        // level 2 sheds 40 % of 1,500 W for 2 h = 1,200 Wh; 60 % (720 Wh) comes back, each hour 1 - exp(-1/2)
        final MeterSimulator sim = ResponseFixture.simulator(24, 1, "Herning");
        final DemandResponse response = DemandResponse.create(sim, everyone(),
            event(EventTimeline.builder(), "e1", 0, 2, 2, SIMPLE, 2).build());

        final double[] heating = column(run(sim, response, 8, 1), 2);

        final double k = 1 - Math.exp(-0.5);
        assertEquals(900, heating[2], EPS);
        assertEquals(900, heating[3], EPS);
        assertEquals(HEATING_W + 720 * k, heating[4], 1e-6);
        assertEquals(HEATING_W + 720 * (1 - k) * k, heating[5], 1e-6);
        assertTrue(heating[5] < heating[4] && heating[6] < heating[5], "the overshoot decays");
    }

    @Test
    void shouldLetTheLowerPriorityNumberWinWhereEventsOverlap()
    {
        // A (priority 1, level 1) hours 2-5; B (priority 0, level 3) hours 3-4; C (priority 1, level 2) hours 2-5
        final EventTimeline.Builder builder = EventTimeline.builder();
        event(builder, "A", 1, 2, 4, SIMPLE, 1);
        event(builder, "B", 0, 3, 2, SIMPLE, 3);
        event(builder, "C", 1, 2, 4, SIMPLE, 2);
        final MeterSimulator sim = ResponseFixture.simulator(24, 1, "Herning");
        final DemandResponse response = DemandResponse.create(sim,
            everyone().with("max-shed", "PT10H"), builder.build());

        final double[] heating = column(run(sim, response, 7, 1), 2);

        // A wins hours 2 and 5 over C (same priority, listed first); B wins hours 3 and 4
        assertArrayEquals(new double[] {1500, 1500, 1200, 600, 600, 1200}, java.util.Arrays.copyOf(heating, 6), EPS);
    }

    @Test
    void shouldNameTheEventInEffectAtATimeForADisplay()
    {
        final EventTimeline.Builder builder = EventTimeline.builder();
        event(builder, "A", 1, 2, 4, SIMPLE, 1);
        event(builder, "B", 0, 3, 2, SIMPLE, 3);
        event(builder, "C", 1, 2, 4, SIMPLE, 2);
        final MeterSimulator sim = ResponseFixture.simulator(24, 1, "Herning", "Aarhus");
        final DemandResponse response = DemandResponse.create(sim, everyone(), builder.build());
        response.takeUpEvents();

        assertEquals("A: SIMPLE 1 at 2 of 2 VENs", response.activeEventLabel(hour(2)));
        assertEquals("B: SIMPLE 3 at 2 of 2 VENs", response.activeEventLabel(hour(3) + HOUR / 2));
        assertEquals("A: SIMPLE 1 at 2 of 2 VENs", response.activeEventLabel(hour(5)));
        assertNull(response.activeEventLabel(hour(6)));
        assertNull(response.activeEventLabel(hour(1)));
    }

    @Test
    void shouldReleaseAShedLongerThanTheMaximumEarly()
    {
        // 6 h of level 2; at most 4 h in any 10 h: hours 1-4 shed, hour 5 already pays back
        final MeterSimulator sim = ResponseFixture.simulator(24, 1, "Herning");
        final DemandResponse response = DemandResponse.create(sim, everyone(),
            event(EventTimeline.builder(), "long", 0, 1, 6, SIMPLE, 2).build());

        final double[] heater = column(run(sim, response, 8, 1), 1);

        assertArrayEquals(new double[] {2000, 0, 0, 0, 0, 3000, 3000, 3000}, heater, EPS);
    }

    @Test
    void shouldWarnAboutTargetsThatMatchNoVenAndChangeNothing()
    {
        final EventTimeline events = event(EventTimeline.builder(), "lost", 0, 0, 4, SIMPLE, 3)
            .venTarget("Odense").venTarget("Atlantis").build();
        final MeterSimulator sim = ResponseFixture.simulator(24, 1, "Herning", "Odense");
        final DemandResponse response = DemandResponse.create(sim, everyone(), events);

        final double[][] seen = run(sim, response, 2, 1);

        assertEquals(List.of("event lost targets VEN names no VEN of the registry [vens=Atlantis]"),
            response.warnings());
        assertEquals(HEATER_W, seen[0][1], EPS, "Herning is not targeted");
        assertEquals(List.of("Odense"), response.evaluation().stream().map(EventEvaluation::ven).toList());
    }

    @Test
    void shouldTargetResourcesByName()
    {
        final EventTimeline events = event(EventTimeline.builder(), "one", 0, 0, 1, SIMPLE, 2)
            .resourceTarget("name-2").resourceTarget("name-9").build();
        final MeterSimulator sim = ResponseFixture.simulator(24, 2, "Herning");
        final DemandResponse response = DemandResponse.create(sim, everyone(), events);
        final CollectionBuffer buffer = sim.newBuffer();
        response.takeUpEvents();

        response.respond(sim.collectAt(0, sim.position(), buffer));

        assertFalse(buffer.resourceModified(0));
        assertTrue(buffer.resourceModified(1));
        assertEquals(2 * (4 * OTHER_W + HEATER_W + HEATING_W) - HEATER_W - 0.4 * HEATING_W, buffer.totalWatts(), EPS);
        assertEquals(2 * (4 * OTHER_W + HEATER_W + HEATING_W), buffer.unmodifiedTotalWatts(), EPS);
        assertEquals(List.of("event one targets resource names no targeted VEN has [resources=name-9]"),
            response.warnings());
    }

    @Test
    void shouldFollowAnEventAcrossTheDataWrap()
    {
        // 24 rows; an event from hour 22 for 4 h covers rows 22, 23 and, after the wrap, rows 0 and 1 of cycle 1
        final MeterSimulator sim = ResponseFixture.simulator(24, 1, "Herning");
        final DemandResponse response = DemandResponse.create(sim, everyone().with("max-shed", "PT10H"),
            event(EventTimeline.builder(), "wrap", 0, 22, 4, SIMPLE, 2).build());

        final double[] heater = column(run(sim, response, 28, 1), 1);

        assertArrayEquals(new double[] {2000, 0, 0, 0, 0, 3000}, java.util.Arrays.copyOfRange(heater, 21, 27), EPS);
        assertEquals(2000, heater[1], EPS, "row 1 of the first cycle is before the event");
    }

    @Test
    void shouldEvaluateReductionAndReboundPerEventAndVen()
    {
        // 3 resources, level 1 for 2 h: each sheds 1,000 + 300 W; rebound 2,000 Wh payback + 360 Wh heating each
        final MeterSimulator sim = ResponseFixture.simulator(48, 3, "Herning");
        final DemandResponse response = DemandResponse.create(sim, everyone(),
            event(EventTimeline.builder(), "e1", 0, 2, 2, SIMPLE, 1).build());

        run(sim, response, 40, 1);

        final EventEvaluation row = response.evaluation().get(0);
        assertEquals("e1", row.event());
        assertEquals("Herning", row.ven());
        assertEquals(2, row.ticks());
        assertEquals(3 * 2 * (4 * OTHER_W + HEATER_W + HEATING_W) / 1000, row.unmodifiedKwh(), EPS);
        assertEquals(3 * 2 * 1.3, row.reductionKwh(), EPS);
        assertEquals(3 * 1.3, row.meanReductionKw(), EPS);
        assertEquals(3 * (2.0 + 0.36), row.reboundKwh(), 1e-6);
    }

    @Test
    void shouldLeaveReadingsAloneWithoutActiveEvents()
    {
        final MeterSimulator sim = ResponseFixture.simulator(24, 2, "Herning");
        final DemandResponse response = DemandResponse.create(sim, everyone(),
            event(EventTimeline.builder(), "later", 0, 10, 1, SIMPLE, 3).build());
        final CollectionBuffer buffer = sim.newBuffer();
        response.takeUpEvents();

        response.respond(sim.collectAt(0, sim.position(), buffer));

        assertEquals(0, buffer.modifiedResourceCount());
        for (int reading = 0; reading < buffer.readingTotal(); reading++)
        {
            assertEquals(buffer.unmodifiedPowerW(reading), buffer.powerW(reading));
        }
        assertEquals(buffer.unmodifiedTotalWatts(), buffer.totalWatts());
    }

    @Test
    void shouldTakeUpReplacedEventsAtTheNextTick()
    {
        final MeterSimulator sim = ResponseFixture.simulator(24, 1, "Herning");
        final DemandResponse response = DemandResponse.create(sim, everyone(), EventTimeline.empty());
        final CollectionBuffer buffer = sim.newBuffer();
        response.takeUpEvents();
        response.replaceEvents(event(EventTimeline.builder(), "now", 0, 0, 1, SIMPLE, 3).build());

        response.respond(sim.collectAt(0, sim.position(), buffer));
        final boolean before = buffer.resourceModified(0);
        response.takeUpEvents();
        response.respond(sim.collectAt(0, sim.position(), buffer));

        assertFalse(before, "not before the next tick");
        assertTrue(buffer.resourceModified(0));
        assertEquals(1, response.events().size());
    }

    @Test
    void shouldKeepOneEvaluationAndOneWarningWhenTheSameEventsArriveAgain()
    {
        // a VEN polling its VTN gets the same events again and again: one slot per event, each warning once
        final EventTimeline events = event(EventTimeline.builder(), "polled", 0, 1, 1, SIMPLE, 1)
            .venTarget("Herning").venTarget("Nowhere").build();
        final MeterSimulator sim = ResponseFixture.simulator(24, 1, "Herning");
        final DemandResponse response = DemandResponse.create(sim, everyone(), events);
        final TickLoop loop = TickLoop.builder(sim).ticks(4).response(response).build();
        loop.start();
        while (loop.tick())
        {
            response.replaceEvents(events);
        }
        loop.finish();

        assertEquals(1, response.evaluation().size());
        assertEquals(1, response.evaluation().get(0).ticks());
        assertEquals(1, response.warnings().size());
    }

    @Test
    void shouldKeepEveryTotalEqualToTheSumOfTheChangedReadings()
    {
        final MeterSimulator sim = MeterSimulator.create(TestLoads.formula(12, 24), ResponseFixture.registry(30,
            "Herning"), new SimulatorOptions(7L, TimeMode.CONTINUOUS));
        final DemandResponse response = DemandResponse.create(sim, ResponseModel.defaults(),
            event(EventTimeline.builder(), "e1", 0, 0, 2, SIMPLE, 1).build());
        final CollectionBuffer buffer = sim.newBuffer();
        response.takeUpEvents();

        response.respond(sim.collectAt(0, sim.position(), buffer));

        final double[] loads = new double[6];
        double total = 0;
        double unmodified = 0;
        for (int r = 0; r < buffer.resourceCount(); r++)
        {
            double resource = 0;
            for (int i = buffer.readingOffset(r); i < buffer.readingOffset(r) + buffer.readingCount(r); i++)
            {
                resource += buffer.powerW(i);
                loads[buffer.loadIndex(i)] += buffer.powerW(i);
                unmodified += buffer.unmodifiedPowerW(i);
            }
            assertEquals(resource, buffer.resourceTotalWatts(r), 1e-6, "resource " + r);
            total += resource;
        }
        assertTrue(buffer.modifiedResourceCount() >= 20 && buffer.modifiedResourceCount() < 30,
            "90 % take part: " + buffer.modifiedResourceCount());
        assertEquals(total, buffer.totalWatts(), 1e-6);
        assertEquals(unmodified, buffer.unmodifiedTotalWatts(), 1e-6);
        for (int k = 0; k < 6; k++)
        {
            assertEquals(loads[k], buffer.loadTotalWatts(k), 1e-6, "load " + k);
        }
    }

    @Test
    void shouldRefuseRawTime()
    {
        final MeterSimulator raw = MeterSimulator.create(ResponseFixture.flat(1, 4),
            ResponseFixture.registry(1, "Herning"), new SimulatorOptions(7L, TimeMode.RAW));

        final MetersimException ex = assertThrows(MetersimException.class,
            () -> DemandResponse.create(raw, ResponseModel.defaults(), EventTimeline.empty()));

        assertEquals("demand response needs continuous time, so events keep their time across the data's wrap "
            + "[timeMode=RAW]", ex.getMessage());
    }

    private static double[] column(final double[][] seen, final int load)
    {
        final double[] values = new double[seen.length];
        for (int t = 0; t < seen.length; t++)
        {
            values[t] = seen[t][load];
        }
        return values;
    }
}
