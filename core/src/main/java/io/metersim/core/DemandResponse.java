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
 * row, or per VEN while all its participants shed alike ({@link VenWideShed}); a VEN is collected by one worker per
 * tick, so results do not depend on the number of threads. Responding allocates nothing.
 */
public final class DemandResponse
{
    private static final double MILLIS_PER_HOUR = 3_600_000.0;
    private static final double LAST_WATT_HOUR = 1.0;
    /** A deficit left at or below this is paid: rounding, not energy. */
    private static final double RESIDUE_WH = 1e-9;
    private static final int MAX_WINDOW_TICKS = 64;
    private static final long MIB = 1024 * 1024;

    private final MeterSimulator simulator;
    private final ResponseModel model;
    private final AtomicReference<ResponsePlan> pending = new AtomicReference<>();
    private final EvaluationTable evaluation;
    private final Set<String> warnings = new LinkedHashSet<>();
    private final long cycleLength;
    private final double hoursPerTick;
    /** {@code 1 / hoursPerTick}: energy per interval to power, a multiplication where a division would be slow. */
    private final double ticksPerHour;
    private final int maxShedTicks;
    private final long windowMask;
    private final double reboundRelease;
    private final int waterHeaterLoad;
    private final int heatingLoad;
    private final double reboundPerShedWh;
    private final double[] waterHeaterShed;
    private final double[] heatingShed;
    /** 1 for a resource that takes part, 0 for one that opts out; a number, so the loops need no branch on it. */
    private final byte[] participating;
    private final double[] deficitWh;
    private final double[] reboundWh;
    private final long[] shedMask;
    private final long[] lastStep;
    private final int[] lastSlot;
    /** Per VEN: 1 when some of its resources may still owe energy (deferred or rebound), 0 when none does. */
    private final byte[] owing;
    private final int vens;
    // per VEN: the snapshot last seen and the positions in it of the resources that take part
    private final VenSnapshot[] participantsSeen;
    private final int[][] participantsOf;
    private final long[][] participantWordsOf;
    private final int[][] othersOf;
    private final boolean[] holdable;
    /** Per VEN: whether its participants' shed loads are never negative, so their sum is the total less the others'. */
    private final boolean[] totalLessOthers;
    private final VenWideShed venWide;
    private ResponsePlan plan = ResponsePlan.EMPTY;

    private DemandResponse(final MeterSimulator simulator, final ResponseModel model)
    {
        this.simulator = simulator;
        this.model = model;
        final Registry registry = simulator.registry();
        final long tickMillis = simulator.data().intervalMillis();
        this.cycleLength = simulator.data().cycleLength();
        this.hoursPerTick = tickMillis / MILLIS_PER_HOUR;
        this.ticksPerHour = MILLIS_PER_HOUR / tickMillis;
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
        this.participating = new byte[rows];
        for (int row = 0; row < rows; row++)
        {
            final long draw = MeterAssignment.mix(model.seed, registry.resource(row).ven(),
                registry.resource(row).resourceId());
            participating[row] = (byte)((draw >>> 11) * 0x1.0p-53 < model.participation ? 1 : 0);
        }
        this.deficitWh = new double[rows];
        this.reboundWh = new double[rows];
        this.shedMask = new long[rows];
        this.lastStep = new long[rows];
        this.lastSlot = new int[rows];
        this.vens = simulator.venNames().size();
        this.owing = new byte[vens];
        this.participantsSeen = new VenSnapshot[vens];
        this.participantsOf = new int[vens][];
        this.participantWordsOf = new long[vens][];
        this.othersOf = new int[vens][];
        this.holdable = new boolean[vens];
        this.totalLessOthers = new boolean[vens];
        this.venWide = new VenWideShed(venWideState(), runningSums(simulator.data()), vens);
        this.evaluation = new EvaluationTable(simulator.venNames());
    }

    /**
     * @return the running sums a VEN-wide shed reads, or null (every shed added up interval by interval, the same
     *         readings, slower) when they would take more than half the heap still free: a third of the pool.
     */
    private RunningSums runningSums(final LoadData data)
    {
        final long bytes = RunningSums.bytesFor(data, waterHeaterLoad, heatingLoad);
        final Runtime runtime = Runtime.getRuntime();
        final long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (bytes > free / 2)
        {
            warnings.add("demand response: the running sums that make VEN-wide sheds cheap would take " + bytes / MIB
                + " MiB, more than half the heap still free (" + free / MIB + " MiB); sheds are added up interval by"
                + " interval instead, the same readings, slower (a larger -Xmx avoids this) [runningSumsBytes="
                + bytes + " freeHeapBytes=" + free + "]");
            return null;
        }
        return new RunningSums(data, waterHeaterLoad, heatingLoad);
    }

    private VenWideShed.State venWideState()
    {
        final VenWideShed.State state = new VenWideShed.State();
        state.waterHeaterLoad = waterHeaterLoad;
        state.heatingLoad = heatingLoad;
        state.hoursPerTick = hoursPerTick;
        state.reboundPerShedWh = reboundPerShedWh;
        state.windowMask = windowMask;
        state.maxShedTicks = maxShedTicks;
        state.deficitWh = deficitWh;
        state.reboundWh = reboundWh;
        state.shedMask = shedMask;
        state.lastStep = lastStep;
        state.lastSlot = lastSlot;
        return state;
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
        return participating[row] != 0;
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
        if (ven < 0 || collected.readingTotal() == 0 || (plan.events == 0 && owing[ven] == 0))
        {
            return;
        }
        final long t = collected.timestampMillis(0);
        final int winner = plan.anyResourceTargets ? -1 : plan.winner(ven, -1, t);
        if (winner < 0 && owing[ven] == 0 && !plan.anyResourceTargets)
        {
            return;
        }
        final boolean uniformLayout = !plan.anyResourceTargets && collected.sixLoadsEach() && waterHeaterLoad < 6
            && heatingLoad < 6;
        if (uniformLayout && winner >= 0 && plan.actKind[winner] == EventTimeline.KIND_SIMPLE)
        {
            shedUniformly(plan, collected, ven, winner);
        }
        else if (uniformLayout && winner < 0)
        {
            if (venWide.holds(ven, collected.snapshot()))
            {
                venWide.settle(ven);
            }
            else
            {
                venWide.leave(ven);
            }
            payBackUniformly(collected, ven, participantsOf(collected, ven), venWide.heldSlot(ven));
        }
        else
        {
            venWide.leave(ven);
            respondResources(plan, collected, ven, t, winner);
        }
        accumulate(plan, collected, ven, t);
    }

    /**
     * The common case in one branch-free loop: one SIMPLE level for every resource of a VEN whose resources have six
     * loads each. The shed is kept in the buffer as the level's shares and the set of resources it sheds, so the
     * loop writes only each resource's state. Participants released early recover afterwards, the general way.
     */
    private void shedUniformly(final ResponsePlan plan, final CollectionBuffer collected, final int ven,
        final int acting)
    {
        final long step = stepOf(collected);
        final int level = (int)Math.max(0, Math.min(ResponseModel.LEVELS - 1, plan.actValue[acting]));
        final double whShare = waterHeaterShed[level];
        final double htShare = heatingShed[level];
        final long whShareBits = Double.doubleToRawLongBits(whShare);
        final long htShareBits = Double.doubleToRawLongBits(htShare);
        final int slot = plan.slots[plan.actEvent[acting]];
        final int whLoad = waterHeaterLoad;
        final int htLoad = heatingLoad;
        final int[] participants = participantsOf(collected, ven);
        if (venWide.holds(ven, collected.snapshot()))
        {
            final int outcome = venWide.shed(ven, step, whShare, htShare, slot);
            if (outcome == VenWideShed.SHED)
            {
                shedHeld(collected, ven, whShare, htShare);
                return;
            }
            if (outcome == VenWideShed.RELEASED)
            {
                payBackUniformly(collected, ven, participants, venWide.heldSlot(ven));
                return;
            }
        }
        venWide.leave(ven);
        final int[] rows = collected.registryRows();
        final int[] series = collected.readingSeries();
        final double[] watts = collected.wattsPool();
        final int rowBase = collected.rowBase();
        final long[] shedMask = this.shedMask;
        final long[] lastStep = this.lastStep;
        final double[] deficitWh = this.deficitWh;
        final double[] reboundWh = this.reboundWh;
        final int[] lastSlot = this.lastSlot;
        final long windowMask = this.windowMask;
        final int maxShedTicks = this.maxShedTicks;
        final double whFactor = hoursPerTick;
        final double htFactor = reboundPerShedWh;
        int shedding = 0;
        long anyHistory = 0L;
        long everyHistory = -1L;
        double whDelta = 0.0;
        double htDelta = 0.0;
        // the participants only, and every choice as arithmetic: no branch to mispredict
        for (final int r : participants)
        {
            final int row = rows[r];
            final long gap = step - lastStep[row];
            final long history = gap >= MAX_WINDOW_TICKS || gap < 0 ? 0L : shedMask[row] << gap;
            final int sheds = (Long.bitCount(history & windowMask) - maxShedTicks) >>> 31;
            final long newHistory = history & ~1L | sheds;
            shedMask[row] = newHistory;
            lastStep[row] = step;
            anyHistory |= newHistory;
            everyHistory &= newHistory;
            shedding += sheds;
            final int first = rowBase + series[6 * r];
            // the share or +0.0, chosen on the bits: converting the int to a double would chain the iterations
            final long keep = -(long)sheds;
            final double whShed = Math.max(0.0, watts[first + whLoad]) * Double.longBitsToDouble(whShareBits & keep);
            final double htShed = Math.max(0.0, watts[first + htLoad]) * Double.longBitsToDouble(htShareBits & keep);
            deficitWh[row] += whShed * whFactor;
            reboundWh[row] += htShed * htFactor;
            lastSlot[row] += slot - lastSlot[row] & -sheds;
            whDelta -= whShed;
            htDelta -= htShed;
        }
        if (shedding > 0)
        {
            owing[ven] = 1;
            collected.beginUniformShed(participantWordsOf[ven], whLoad, whShare, htLoad, htShare);
            collected.addResponseTotals(whLoad, whDelta, htLoad, htDelta);
        }
        if (shedding == 0)
        {
            payBackUniformly(collected, ven, participants, -1);
        }
        else if (shedding < participants.length)
        {
            recoverReleased(collected, ven);
        }
        else if (anyHistory == everyHistory && holdable[ven] && participants.length > 0)
        {
            venWide.hold(ven, collected.snapshot(), participants, anyHistory, step, slot);
        }
    }

    /**
     * A shed of a VEN held by {@link VenWideShed}: the readings through the buffer's uniform shed, and no per-resource
     * state. The participants' shed load is the load totals less the resources that do not take part (10 %) when
     * their loads are never negative, else their own {@code max(0, w)} added up.
     */
    private void shedHeld(final CollectionBuffer collected, final int ven, final double whShare,
        final double htShare)
    {
        final int whLoad = waterHeaterLoad;
        final int htLoad = heatingLoad;
        collected.beginUniformShed(participantWordsOf[ven], whLoad, whShare, htLoad, htShare);
        final int[] series = collected.readingSeries();
        final double[] watts = collected.wattsPool();
        final int rowBase = collected.rowBase();
        double whShedding = 0.0;
        double htShedding = 0.0;
        if (totalLessOthers[ven])
        {
            for (final int r : othersOf[ven])
            {
                final int first = rowBase + series[6 * r];
                whShedding -= watts[first + whLoad];
                htShedding -= watts[first + htLoad];
            }
            whShedding += collected.loadTotalWatts(whLoad);
            htShedding += collected.loadTotalWatts(htLoad);
        }
        else
        {
            for (final int r : participantsOf[ven])
            {
                final int first = rowBase + series[6 * r];
                whShedding += Math.max(0.0, watts[first + whLoad]);
                htShedding += Math.max(0.0, watts[first + htLoad]);
            }
        }
        collected.addResponseTotals(whLoad, -whShedding * whShare, htLoad, -htShedding * htShare);
        owing[ven] = 1;
    }

    /**
     * After a uniform shed that some participants left (released early): they are taken out of the shed set, and
     * those that owe energy recover.
     */
    private void recoverReleased(final CollectionBuffer collected, final int ven)
    {
        for (final int r : participantsOf[ven])
        {
            final int row = collected.registryRowUnchecked(r);
            if ((shedMask[row] & 1L) == 0)
            {
                collected.leaveUniformShed(r);
                if (deficitWh[row] > 0 || reboundWh[row] > 0)
                {
                    recoverResource(collected, r, row, ven);
                }
            }
        }
        owing[ven] = 1;
    }

    /**
     * The participants of a VEN whose resources have six loads each pay back, none shedding: the water heater's
     * deferred energy at up to its element power, the heating's rebound as it decays; the same arithmetic as
     * {@link #recoverResource}, kept in the buffer as each resource's two new readings.
     *
     * @param heldSlot the evaluation slot that shed a held VEN last, or -1 to take each resource's own.
     */
    private void payBackUniformly(final CollectionBuffer collected, final int ven, final int[] participants,
        final int heldSlot)
    {
        final int whLoad = waterHeaterLoad;
        final int htLoad = heatingLoad;
        collected.beginUniformPayback(participantWordsOf[ven], whLoad, htLoad);
        final double[] paidFirst = collected.paidFirst();
        final double[] paidSecond = collected.paidSecond();
        final int[] rows = collected.registryRows();
        final int[] series = collected.readingSeries();
        final double[] watts = collected.wattsPool();
        final int rowBase = collected.rowBase();
        final double[] deficitWh = this.deficitWh;
        final double[] reboundWh = this.reboundWh;
        final double[] reboundByCell = evaluation.reboundWh;
        final double hours = hoursPerTick;
        final double perHour = ticksPerHour;
        final double elementWatts = model.elementWatts;
        final double reboundRelease = this.reboundRelease;
        int cell = -1;
        double cellWh = 0.0;
        double whDelta = 0.0;
        double htDelta = 0.0;
        long owed = 0L;
        for (final int r : participants)
        {
            final int row = rows[r];
            final int first = rowBase + series[6 * r];
            final double whW = watts[first + whLoad];
            final double htW = watts[first + htLoad];
            final double deficit = deficitWh[row];
            final double pool = reboundWh[row];
            // a deficit of 0 pays 0, a pool of 0 releases 0: no branch on whether the resource owes
            final double payback = Math.min(deficit * perHour, Math.max(0.0, elementWatts - whW));
            final double remaining = deficit - payback * hours;
            // pool <= 1 Wh ? pool : pool * release, and remaining > residue ? remaining : 0, chosen on the bits: which
            // resources finish paying back in a tick is random, a branch on it would be mispredicted
            final long decays = Double.doubleToRawLongBits(LAST_WATT_HOUR - pool) >> 63;
            final double release = Double.longBitsToDouble(Double.doubleToRawLongBits(pool * reboundRelease) & decays
                | Double.doubleToRawLongBits(pool) & ~decays);
            final long remains = Double.doubleToRawLongBits(RESIDUE_WH - remaining) >> 63;
            final double newDeficit = Double.longBitsToDouble(Double.doubleToRawLongBits(remaining) & remains);
            final double newPool = pool - release;
            deficitWh[row] = newDeficit;
            reboundWh[row] = newPool;
            owed |= (Double.doubleToRawLongBits(newDeficit) | Double.doubleToRawLongBits(newPool)) & Long.MAX_VALUE;
            final double whPaid = whW + payback;
            final double htPaid = htW + release * perHour;
            paidFirst[r] = whPaid;
            paidSecond[r] = htPaid;
            whDelta += whPaid - whW;
            htDelta += htPaid - htW;
            final int resourceCell = (heldSlot >= 0 ? heldSlot : lastSlot[row]) * vens + ven;
            if (resourceCell != cell)
            {
                if (cell >= 0)
                {
                    reboundByCell[cell] += cellWh;
                }
                cell = resourceCell;
                cellWh = 0.0;
            }
            cellWh += payback * hours + release;
        }
        if (cell >= 0 && cellWh != 0.0)
        {
            reboundByCell[cell] += cellWh;
        }
        collected.addResponseTotals(whLoad, whDelta, htLoad, htDelta);
        owing[ven] = (byte)(owed != 0L || anyOwes(ven) ? 1 : 0);
    }

    /**
     * @return 1 when the value is neither +0.0 nor -0.0 (nor NaN's absence of sign: any other bit pattern), else 0;
     *         computed on the bits, because a comparison of doubles that go either way at random compiles to a
     *         branch that the processor mispredicts.
     */
    private static int nonZero(final double value)
    {
        final long magnitude = Double.doubleToRawLongBits(value) & Long.MAX_VALUE;
        return (int)((magnitude + Long.MAX_VALUE) >>> 63);
    }

    /**
     * @return the positions in the collection's snapshot of the resources that take part; recomputed (and
     *         allocated) only when the VEN's snapshot changes.
     */
    private int[] participantsOf(final CollectionBuffer collected, final int ven)
    {
        final VenSnapshot snapshot = collected.snapshot();
        if (participantsSeen[ven] != snapshot)
        {
            final int[] rows = snapshot.registryRows;
            int count = 0;
            for (int r = 0; r < snapshot.resourceCount; r++)
            {
                count += participating[rows[r]];
            }
            final int[] participants = new int[count];
            count = 0;
            for (int r = 0; r < snapshot.resourceCount; r++)
            {
                if (participating[rows[r]] != 0)
                {
                    participants[count++] = r;
                }
            }
            final long[] words = new long[(snapshot.resourceCount + 63) >>> 6];
            for (final int r : participants)
            {
                words[r >>> 6] |= 1L << r;
            }
            final int[] others = new int[snapshot.resourceCount - count];
            int other = 0;
            for (int r = 0; r < snapshot.resourceCount; r++)
            {
                if (participating[rows[r]] == 0)
                {
                    others[other++] = r;
                }
            }
            othersOf[ven] = others;
            holdable[ven] = venWide.canHold(snapshot, participants);
            totalLessOthers[ven] = holdable[ven] && venWide.neverNegative(snapshot, participants);
            participantsOf[ven] = participants;
            participantWordsOf[ven] = words;
            participantsSeen[ven] = snapshot;
        }
        return participantsOf[ven];
    }

    private long stepOf(final CollectionBuffer collected)
    {
        final long position = collected.position();
        return MeterSimulator.cycleOf(position) * cycleLength + MeterSimulator.indexOf(position);
    }

    private void respondResources(final ResponsePlan plan, final CollectionBuffer collected, final int ven,
        final long t, final int venWinner)
    {
        final long step = stepOf(collected);
        final int resources = collected.resourceCount();
        for (int r = 0; r < resources; r++)
        {
            final int row = collected.registryRowUnchecked(r);
            final int acting = plan.anyResourceTargets ? plan.winner(ven, row, t) : venWinner;
            final boolean shed = acting >= 0 && participating[row] != 0 && mayShed(row, step, shedMask, lastStep);
            if (shed)
            {
                shedResource(plan, collected, r, row, acting, ven);
            }
            else if (deficitWh[row] > 0 || reboundWh[row] > 0)
            {
                recoverResource(collected, r, row, ven);
            }
        }
        owing[ven] = (byte)(anyOwes(ven) ? 1 : 0);
    }

    /**
     * @return whether any resource of the VEN, approved now or not, still owes energy.
     */
    private boolean anyOwes(final int ven)
    {
        final Registry registry = simulator.registry();
        for (int p = registry.firstOfVen(ven); p < registry.endOfVen(ven); p++)
        {
            final int row = registry.rowAt(p);
            if (deficitWh[row] > 0 || reboundWh[row] > 0)
            {
                return true;
            }
        }
        return false;
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
            final double payback = Math.min(deficitWh[row] * ticksPerHour, Math.max(0.0, model.elementWatts - whW));
            final double remaining = deficitWh[row] - payback * hoursPerTick;
            deficitWh[row] = remaining > RESIDUE_WH ? remaining : 0.0;
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
            collected.respond(r, ht, htW + release * ticksPerHour);
        }
        else if (ht < 0)
        {
            reboundWh[row] = 0.0;
        }
        evaluation.reboundWh[lastSlot[row] * vens + ven] += added;
    }

    /**
     * Adds the VEN's energy of this tick to every event active for it (whichever won).
     */
    private void accumulate(final ResponsePlan plan, final CollectionBuffer collected, final int ven, final long t)
    {
        final EvaluationTable table = this.evaluation;
        final int vens = this.vens;
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

    /**
     * @return whether the VEN's shed is held VEN-wide now (see {@link VenWideShed}).
     */
    boolean holdsVenWide(final int ven)
    {
        return venWide.holds(ven);
    }

    boolean belongsTo(final MeterSimulator other)
    {
        return simulator == other;
    }
}
