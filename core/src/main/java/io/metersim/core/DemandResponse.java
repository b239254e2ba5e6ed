package io.metersim.core;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fleet's response to demand-response events: a stage between collection and the sinks that changes the
 * controllable loads of each resource as the {@link ResponseModel} says, while an event targeting it is active.
 * Given to the loop with {@code TickLoop.builder(simulator).response(response)}; it then runs on the collecting
 * worker right after each VEN's collection and before any sink sees it, so every sink and report carries the
 * changed values ({@link CollectionBuffer#unmodifiedPowerW} keeps the replayed ones).
 * <p>
 * Time is simulated time: an event is active for a VEN in a tick when the timestamp of the VEN's first reading falls
 * in one of its intervals, shifted by the VEN's {@code randomizeStart} draw. Continuous time is required, so an
 * event can span the data's wrap. When events overlap, the lowest priority number wins (ties: the event listed
 * first); events with resource targets are resolved per resource. State (deferred water-heater energy, heating
 * rebound, the shed history of the last 64 intervals) is kept per resource in primitive arrays indexed by registry
 * row; a VEN is collected by one worker per tick, so results do not depend on the number of threads. Responding
 * allocates nothing.
 */
public final class DemandResponse
{
    private static final double MILLIS_PER_HOUR = 3_600_000.0;
    private static final double LAST_WATT_HOUR = 1.0;
    private static final int MAX_WINDOW_TICKS = 64;

    private final MeterSimulator simulator;
    private final ResponseModel model;
    private final AtomicReference<ResponsePlan> pending = new AtomicReference<>();
    private final EvaluationTable evaluation;
    private final Set<String> warnings = new LinkedHashSet<>();
    private final long cycleLength;
    private final double hoursPerTick;
    private final int maxShedTicks;
    private final long windowMask;
    private final double reboundRelease;
    private final int waterHeaterLoad;
    private final int heatingLoad;
    private final double reboundPerShedWh;
    private final double[] waterHeaterShed;
    private final double[] heatingShed;
    private final boolean[] participates;
    private final double[] deficitWh;
    private final double[] reboundWh;
    private final long[] shedMask;
    private final long[] lastStep;
    private final int[] lastSlot;
    private final int[] recovering;
    private ResponsePlan plan = ResponsePlan.EMPTY;

    private DemandResponse(final MeterSimulator simulator, final ResponseModel model)
    {
        this.simulator = simulator;
        this.model = model;
        final Registry registry = simulator.registry();
        final long tickMillis = simulator.data().intervalMillis();
        this.cycleLength = simulator.data().cycleLength();
        this.hoursPerTick = tickMillis / MILLIS_PER_HOUR;
        final long windowTicks = Math.max(1, (model.shedWindowMillis + tickMillis - 1) / tickMillis);
        if (windowTicks > MAX_WINDOW_TICKS)
        {
            throw new MetersimException("the shed window spans more than " + MAX_WINDOW_TICKS + " data intervals"
                + " [max-shed-window=" + model.shedWindowMillis + "ms intervalMillis=" + tickMillis + "]");
        }
        this.maxShedTicks = (int)(model.maxShedMillis / tickMillis);
        // the intervals before the current one that the window looks back over
        this.windowMask = windowTicks == 1 ? 0L : ((1L << (windowTicks - 1)) - 1) << 1;
        this.reboundRelease = 1.0 - Math.exp(-(double)tickMillis / model.reboundDecayMillis);
        this.waterHeaterLoad = model.waterHeaterLoad;
        this.heatingLoad = model.heatingLoad;
        this.reboundPerShedWh = hoursPerTick * model.reboundShare;
        this.waterHeaterShed = model.waterHeaterShed.clone();
        this.heatingShed = model.heatingShed.clone();
        final int rows = registry.size();
        this.participates = new boolean[rows];
        for (int row = 0; row < rows; row++)
        {
            final long draw = MeterAssignment.mix(model.seed, registry.resource(row).ven(),
                registry.resource(row).resourceId());
            participates[row] = (draw >>> 11) * 0x1.0p-53 < model.participation;
        }
        this.deficitWh = new double[rows];
        this.reboundWh = new double[rows];
        this.shedMask = new long[rows];
        this.lastStep = new long[rows];
        this.lastSlot = new int[rows];
        this.recovering = new int[simulator.venNames().size()];
        this.evaluation = new EvaluationTable(simulator.venNames());
    }

    /**
     * @param simulator the simulator whose collections it changes; its time mode must be continuous.
     * @param model     how resources respond.
     * @param events    the first events, taken up at the first tick.
     * @return the response stage.
     * @throws MetersimException when the simulator replays in raw time, or the shed window spans more than 64
     *                           data intervals.
     */
    public static DemandResponse create(final MeterSimulator simulator, final ResponseModel model,
        final EventTimeline events)
    {
        if (null == simulator || null == model || null == events)
        {
            throw new MetersimException("missing simulator, model or events [simulator=" + (null != simulator)
                + " model=" + (null != model) + " events=" + (null != events) + "]");
        }
        if (simulator.timeMode() != TimeMode.CONTINUOUS)
        {
            throw new MetersimException("demand response needs continuous time, so events keep their time across "
                + "the data's wrap [timeMode=" + simulator.timeMode() + "]");
        }
        final DemandResponse response = new DemandResponse(simulator, model);
        response.replaceEvents(events);
        return response;
    }

    /**
     * Replaces the events; callable from any thread. The new set is bound to the registry here, on the caller's
     * thread, and published with a volatile (release) store; the loop thread takes it up with an acquire load at
     * the start of its next tick ({@link #takeUpEvents()}), and the workers see it through the loop's round
     * hand-off. A tick never mixes two sets.
     *
     * @param events the events from now on.
     * @return warnings about the set: targets that match no VEN or resource, payload types the response ignores.
     */
    public List<String> replaceEvents(final EventTimeline events)
    {
        if (null == events)
        {
            throw new MetersimException("missing events [argument=events]");
        }
        final ResponsePlan next = new ResponsePlan(events, simulator.registry(), model.seed);
        pending.set(next);
        synchronized (warnings)
        {
            warnings.addAll(next.warnings);
        }
        return next.warnings;
    }

    /**
     * Takes up events given to {@link #replaceEvents} since the last call. The tick loop calls it on its thread
     * before each tick; a caller driving collections itself calls it between collections, never concurrently
     * with {@link #respond}. Allocates only when there are new events.
     */
    public void takeUpEvents()
    {
        if (null != pending.get())
        {
            takeUpSlowPath();
        }
    }

    private void takeUpSlowPath()
    {
        final ResponsePlan next = pending.getAndSet(null);
        if (null != next)
        {
            evaluation.bind(next);
            plan = next;
        }
    }

    /**
     * @return the events currently in force (taken up).
     */
    public EventTimeline events()
    {
        return plan.timeline;
    }

    /**
     * @return the response model.
     */
    public ResponseModel model()
    {
        return model;
    }

    /**
     * @return every distinct warning of every event set given so far, in order of first appearance.
     */
    public List<String> warnings()
    {
        synchronized (warnings)
        {
            return List.copyOf(warnings);
        }
    }

    /**
     * What is in effect at a reading time, for a display: the event that acts for the most VENs, its payload and
     * how many VENs it acts for. Safe from any thread (it reads the current, immutable plan); allocates its text, so
     * it is for a dashboard's thread, never the hot path.
     *
     * @param timestampMillis a reading time, epoch ms.
     * @return e.g. {@code evening peak: SIMPLE 2 at 3 of 8 VENs}, or null when no event acts then.
     */
    public String activeEventLabel(final long timestampMillis)
    {
        final ResponsePlan current = plan;
        final int[] venCounts = new int[current.timeline.size()];
        int best = -1;
        int bestInterval = -1;
        for (int v = 0; v < current.vens; v++)
        {
            final int acting = current.winner(v, -1, timestampMillis);
            if (acting >= 0)
            {
                final int e = current.actEvent[acting];
                venCounts[e]++;
                if (best < 0 || venCounts[e] > venCounts[best])
                {
                    best = e;
                    bestInterval = acting;
                }
            }
        }
        if (best < 0)
        {
            return null;
        }
        final String payload = current.actKind[bestInterval] == EventTimeline.KIND_SIMPLE ? EventTimeline.SIMPLE
            : EventTimeline.IMPORT_CAPACITY_LIMIT;
        return current.timeline.label(best) + ": " + payload + " " + formatValue(current.actValue[bestInterval])
            + " at " + venCounts[best] + " of " + current.vens + " VENs";
    }

    private static String formatValue(final double value)
    {
        return value == Math.rint(value) ? Long.toString((long)value) : Double.toString(value);
    }

    /**
     * @return per event and targeted VEN, what the response did; call after the run (or between ticks on the
     *         loop thread). Events in the order first seen, VENs in registry order.
     */
    public List<EventEvaluation> evaluation()
    {
        return evaluation.rows(hoursPerTick);
    }

    /**
     * @param row a registry row.
     * @return whether that resource takes part (drawn from the model's seed).
     */
    public boolean participates(final int row)
    {
        return participates[row];
    }

    /**
     * Applies the response to one collection. Called on the thread that collected it, one VEN by one thread at a
     * time, after {@link #takeUpEvents()} on the loop thread; allocates nothing.
     *
     * @param collected a collection by this response's simulator.
     */
    public void respond(final CollectionBuffer collected)
    {
        final ResponsePlan plan = this.plan;
        final int ven = collected.venHandle();
        if (ven < 0 || collected.readingTotal() == 0 || (plan.events == 0 && recovering[ven] == 0))
        {
            return;
        }
        final long t = collected.timestampMillis(0);
        final int winner = plan.anyResourceTargets ? -1 : plan.winner(ven, -1, t);
        if (winner < 0 && recovering[ven] == 0 && !plan.anyResourceTargets)
        {
            return;
        }
        if (winner >= 0 && plan.actKind[winner] == EventTimeline.KIND_SIMPLE)
        {
            shedSimple(plan, collected, ven, winner);
        }
        else
        {
            respondResources(plan, collected, ven, t, winner);
        }
        accumulate(plan, collected, ven, t);
    }

    /**
     * The common case in one tight loop: one SIMPLE level for every resource of the VEN. Resources that opt out or
     * are released early go the general way ({@link #recoverResource}).
     */
    private void shedSimple(final ResponsePlan plan, final CollectionBuffer collected, final int ven,
        final int acting)
    {
        final long position = collected.position();
        final long step = MeterSimulator.cycleOf(position) * cycleLength + MeterSimulator.indexOf(position);
        final int level = (int)Math.max(0, Math.min(ResponseModel.LEVELS - 1, plan.actValue[acting]));
        final double whShare = waterHeaterShed[level];
        final double htShare = heatingShed[level];
        final int slot = plan.slots[plan.actEvent[acting]];
        final int[] rows = collected.registryRows();
        final int[] offsets = collected.readingOffsets();
        final int[] counts = collected.readingCounts();
        final int[] series = collected.readingSeries();
        final int[] seriesLoad = collected.seriesLoads();
        final double[] watts = collected.wattsPool();
        final int rowBase = collected.rowBase();
        final boolean[] participates = this.participates;
        final long[] shedMask = this.shedMask;
        final long[] lastStep = this.lastStep;
        final double[] deficitWh = this.deficitWh;
        final double[] reboundWh = this.reboundWh;
        final int[] lastSlot = this.lastSlot;
        final int whLoad = waterHeaterLoad;
        final int htLoad = heatingLoad;
        final double whFactor = whShare * hoursPerTick;
        final double htFactor = htShare * reboundPerShedWh;
        int newlyRecovering = 0;
        int modified = 0;
        double whDelta = 0.0;
        double htDelta = 0.0;
        final int resources = collected.resourceCount();
        for (int r = 0; r < resources; r++)
        {
            final int row = rows[r];
            if (!participates[row] || !mayShed(row, step, shedMask, lastStep))
            {
                if (deficitWh[row] > 0 || reboundWh[row] > 0)
                {
                    recoverResource(collected, r, row, ven);
                }
                continue;
            }
            final int from = offsets[r];
            final int count = counts[r];
            final int wh = whLoad < count && seriesLoad[series[from + whLoad]] == whLoad ? from + whLoad
                : readingOf(collected, r, whLoad);
            final int ht = htLoad < count && seriesLoad[series[from + htLoad]] == htLoad ? from + htLoad
                : readingOf(collected, r, htLoad);
            final double whW = wh >= 0 ? watts[rowBase + series[wh]] : 0.0;
            final double htW = ht >= 0 ? watts[rowBase + series[ht]] : 0.0;
            final double whPositive = Math.max(0.0, whW);
            final double htPositive = Math.max(0.0, htW);
            final double deficit = deficitWh[row];
            final double rebound = reboundWh[row];
            final double newDeficit = deficit + whPositive * whFactor;
            final double newRebound = rebound + htPositive * htFactor;
            deficitWh[row] = newDeficit;
            reboundWh[row] = newRebound;
            lastSlot[row] = slot;
            newlyRecovering += deficit <= 0 && rebound <= 0 && (newDeficit > 0 || newRebound > 0) ? 1 : 0;
            final double whShed = wh >= 0 ? whPositive * whShare : 0.0;
            final double htShed = ht >= 0 ? htPositive * htShare : 0.0;
            modified += collected.respondPairDeferred(r, wh, whW, whW - whShed, ht, htW, htW - htShed) ? 1 : 0;
            whDelta -= whShed;
            htDelta -= htShed;
        }
        collected.addResponseTotals(whLoad, whDelta, htLoad, htDelta, modified);
        recovering[ven] += newlyRecovering;
    }

    private void respondResources(final ResponsePlan plan, final CollectionBuffer collected, final int ven,
        final long t, final int venWinner)
    {
        final long position = collected.position();
        final long step = MeterSimulator.cycleOf(position) * cycleLength + MeterSimulator.indexOf(position);
        final int resources = collected.resourceCount();
        for (int r = 0; r < resources; r++)
        {
            final int row = collected.registryRowUnchecked(r);
            final int acting = plan.anyResourceTargets ? plan.winner(ven, row, t) : venWinner;
            final boolean shed = acting >= 0 && participates[row] && mayShed(row, step, shedMask, lastStep);
            if (shed)
            {
                shedResource(plan, collected, r, row, acting, ven);
            }
            else if (deficitWh[row] > 0 || reboundWh[row] > 0)
            {
                recoverResource(collected, r, row, ven);
            }
        }
    }

    /**
     * Shifts the resource's shed history to this step and says whether it may shed now: not when it has been shed
     * for the maximum within the window before this interval.
     */
    private boolean mayShed(final int row, final long step, final long[] shedMask, final long[] lastStep)
    {
        final long gap = step - lastStep[row];
        long mask = shedMask[row];
        mask = gap >= MAX_WINDOW_TICKS || gap < 0 ? 0L : mask << gap;
        final boolean allowed = Long.bitCount(mask & windowMask) < maxShedTicks;
        shedMask[row] = allowed ? mask | 1L : mask & ~1L;
        lastStep[row] = step;
        return allowed;
    }

    private void shedResource(final ResponsePlan plan, final CollectionBuffer collected, final int r, final int row,
        final int acting, final int ven)
    {
        final int wh = readingOf(collected, r, waterHeaterLoad);
        final int ht = readingOf(collected, r, heatingLoad);
        final double whW = wh >= 0 ? collected.unmodifiedPowerWUnchecked(wh) : 0.0;
        final double htW = ht >= 0 ? collected.unmodifiedPowerWUnchecked(ht) : 0.0;
        final double whShed;
        final double htShed;
        if (plan.actKind[acting] == EventTimeline.KIND_SIMPLE)
        {
            final int level = (int)Math.max(0, Math.min(ResponseModel.LEVELS - 1, plan.actValue[acting]));
            whShed = Math.max(0.0, whW) * waterHeaterShed[level];
            htShed = Math.max(0.0, htW) * heatingShed[level];
        }
        else
        {
            final double excess = collected.resourceTotalUnchecked(r) - plan.actValue[acting] * 1000.0;
            whShed = clamp(excess, whW);
            htShed = clamp(excess - whShed, htW);
        }
        final double[] deficitWh = this.deficitWh;
        final double[] reboundWh = this.reboundWh;
        final double deficit = deficitWh[row];
        final double rebound = reboundWh[row];
        final double newDeficit = deficit + whShed * hoursPerTick;
        final double newRebound = rebound + htShed * reboundPerShedWh;
        deficitWh[row] = newDeficit;
        reboundWh[row] = newRebound;
        lastSlot[row] = plan.slots[plan.actEvent[acting]];
        if (deficit <= 0 && rebound <= 0 && (newDeficit > 0 || newRebound > 0))
        {
            recovering[ven]++;
        }
        collected.respondPair(r, wh, whW, whW - whShed, ht, htW, htW - htShed);
    }

    private void recoverResource(final CollectionBuffer collected, final int r, final int row, final int ven)
    {
        final int wh = readingOf(collected, r, waterHeaterLoad);
        final int ht = readingOf(collected, r, heatingLoad);
        double added = 0.0;
        if (wh >= 0 && deficitWh[row] > 0)
        {
            final double whW = collected.unmodifiedPowerWUnchecked(wh);
            final double payback = Math.min(deficitWh[row] / hoursPerTick, Math.max(0.0, model.elementWatts - whW));
            final double remaining = deficitWh[row] - payback * hoursPerTick;
            deficitWh[row] = remaining > 1e-9 ? remaining : 0.0;
            added += payback * hoursPerTick;
            collected.respond(r, wh, whW + payback);
        }
        else if (wh < 0)
        {
            deficitWh[row] = 0.0;
        }
        if (ht >= 0 && reboundWh[row] > 0)
        {
            final double htW = collected.unmodifiedPowerWUnchecked(ht);
            final double pool = reboundWh[row];
            final double release = pool <= LAST_WATT_HOUR ? pool : pool * reboundRelease;
            reboundWh[row] = pool - release;
            added += release;
            collected.respond(r, ht, htW + release / hoursPerTick);
        }
        else if (ht < 0)
        {
            reboundWh[row] = 0.0;
        }
        evaluation.reboundWh[lastSlot[row] * recovering.length + ven] += added;
        if (deficitWh[row] == 0.0 && reboundWh[row] == 0.0)
        {
            recovering[ven]--;
        }
    }

    /**
     * Adds the VEN's energy of this tick to every event active for it (whichever won).
     */
    private void accumulate(final ResponsePlan plan, final CollectionBuffer collected, final int ven, final long t)
    {
        final EvaluationTable table = this.evaluation;
        final int vens = recovering.length;
        for (int e = 0; e < plan.events; e++)
        {
            if (plan.venTargeted[e * plan.vens + ven] && plan.activeInterval(e, ven, t) >= 0)
            {
                final int cell = plan.slots[e] * vens + ven;
                table.ticks[cell]++;
                table.unmodifiedWh[cell] += collected.unmodifiedTotalWatts() * hoursPerTick;
                table.actualWh[cell] += collected.totalWatts() * hoursPerTick;
            }
        }
    }

    private static int readingOf(final CollectionBuffer collected, final int r, final int load)
    {
        final int from = collected.readingOffsetUnchecked(r);
        final int count = collected.readingCountUnchecked(r);
        if (load < count && collected.loadIndexUnchecked(from + load) == load)
        {
            return from + load;
        }
        for (int reading = from; reading < from + count; reading++)
        {
            if (collected.loadIndexUnchecked(reading) == load)
            {
                return reading;
            }
        }
        return -1;
    }

    private static double clamp(final double excess, final double watts)
    {
        return Math.max(0.0, Math.min(excess, Math.max(0.0, watts)));
    }

    boolean belongsTo(final MeterSimulator other)
    {
        return simulator == other;
    }
}
