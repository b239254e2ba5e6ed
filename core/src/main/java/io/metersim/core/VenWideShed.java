package io.metersim.core;

/**
 * A shed held per VEN instead of per resource. While every participating resource of a VEN sheds the same SIMPLE
 * level in the same intervals, their shed histories are one history, and the energy each one defers is the level's
 * share of its load summed over the run of intervals, which {@link RunningSums} gives in two reads. So a shed
 * interval updates the VEN's history and its runs, and nothing per resource.
 * <p>
 * The per-resource state (deferred energy, heating rebound, shed history, the event that shed last) is brought up to
 * date when the VEN {@link #leave leaves}: when another path takes over (a payback, an early release, another kind of
 * event, a missing reading) or when the VEN's resources change. It then equals, to rounding, what shedding resource
 * by resource would have left. One VEN is handled by one thread at a time, like the rest of the response's state.
 */
final class VenWideShed
{
    /** What {@link #shed} did: the participants shed. */
    static final int SHED = 1;
    /** What {@link #shed} did: the limit released them; their deferred energy is in their state, to pay back. */
    static final int RELEASED = 0;
    /** What {@link #shed} did: nothing, the step was not after the last one. */
    static final int NOT_AFTER = -1;
    /** Runs of intervals kept per VEN before they are written into the resources' state. */
    private static final int RUNS = 4;
    private static final int MAX_GAP = 64;

    private final RunningSums sums;
    private final int waterHeaterLoad;
    private final int heatingLoad;
    private final double hoursPerTick;
    private final double reboundPerShedWh;
    private final long windowMask;
    private final int maxShedTicks;
    // the response's per-resource state, by registry row
    private final double[] deficitWh;
    private final double[] reboundWh;
    private final long[] shedMask;
    private final long[] lastStep;
    private final int[] lastSlot;
    // per VEN: the snapshot held (null: none) and its participants' positions in it
    private final VenSnapshot[] heldSnapshot;
    private final int[][] heldParticipants;
    private final long[] history;
    private final long[] historyStep;
    private final int[] shedSlot;
    private final int[] runCount;
    // per VEN and run, at ven * RUNS + k: the first and last step of the run and the level's two shares
    private final long[] runFrom;
    private final long[] runTo;
    private final double[] runWaterHeaterShare;
    private final double[] runHeatingShare;

    /**
     * @param sums the running sums of the water heater's and heating's series, or null to hold no VEN.
     */
    VenWideShed(final State state, final RunningSums sums, final int vens)
    {
        this.sums = sums;
        this.waterHeaterLoad = state.waterHeaterLoad;
        this.heatingLoad = state.heatingLoad;
        this.hoursPerTick = state.hoursPerTick;
        this.reboundPerShedWh = state.reboundPerShedWh;
        this.windowMask = state.windowMask;
        this.maxShedTicks = state.maxShedTicks;
        this.deficitWh = state.deficitWh;
        this.reboundWh = state.reboundWh;
        this.shedMask = state.shedMask;
        this.lastStep = state.lastStep;
        this.lastSlot = state.lastSlot;
        this.heldSnapshot = new VenSnapshot[vens];
        this.heldParticipants = new int[vens][];
        this.history = new long[vens];
        this.historyStep = new long[vens];
        this.shedSlot = new int[vens];
        this.runCount = new int[vens];
        this.runFrom = new long[vens * RUNS];
        this.runTo = new long[vens * RUNS];
        this.runWaterHeaterShare = new double[vens * RUNS];
        this.runHeatingShare = new double[vens * RUNS];
    }

    /**
     * The response's constants and per-resource arrays that a VEN-wide shed reads and, on leaving, writes.
     */
    static final class State
    {
        int waterHeaterLoad;
        int heatingLoad;
        double hoursPerTick;
        double reboundPerShedWh;
        long windowMask;
        int maxShedTicks;
        double[] deficitWh;
        double[] reboundWh;
        long[] shedMask;
        long[] lastStep;
        int[] lastSlot;
    }

    /**
     * @return whether a snapshot's participants can be held: there are running sums, and each participant has six
     *         loads whose water heater and heating series they cover.
     */
    boolean canHold(final VenSnapshot snapshot, final int[] participants)
    {
        if (null == sums)
        {
            return false;
        }
        final int[] spans = snapshot.seriesSpans;
        for (final int r : participants)
        {
            final int first = spans[2 * r];
            if (spans[2 * r + 1] - first != 6 || !sums.covers(first + waterHeaterLoad)
                || !sums.covers(first + heatingLoad))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return whether no water-heater or heating reading of the participants is ever negative, in the whole data: a
     *         shed's share of their load is then the share of the VEN's load total less the other resources'.
     */
    boolean neverNegative(final VenSnapshot snapshot, final int[] participants)
    {
        final int[] spans = snapshot.seriesSpans;
        for (final int r : participants)
        {
            final int first = spans[2 * r];
            if (!sums.coversNeverNegative(first + waterHeaterLoad) || !sums.coversNeverNegative(first + heatingLoad))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return whether the VEN is held.
     */
    boolean holds(final int ven)
    {
        return null != heldSnapshot[ven];
    }

    /**
     * @return whether the VEN is held for that snapshot.
     */
    boolean holds(final int ven, final VenSnapshot snapshot)
    {
        return heldSnapshot[ven] == snapshot;
    }

    /**
     * Starts holding the VEN after a step in which every participant shed with the same history, {@code mask},
     * through the per-resource path.
     */
    void hold(final int ven, final VenSnapshot snapshot, final int[] participants, final long mask, final long step,
        final int slot)
    {
        heldSnapshot[ven] = snapshot;
        heldParticipants[ven] = participants;
        history[ven] = mask;
        historyStep[ven] = step;
        shedSlot[ven] = slot;
        runCount[ven] = 0;
    }

    /**
     * Sheds a held VEN's participants at a step, if the shed limit allows: the history moves to the step, and the
     * step joins the runs; or, when the limit releases them, the runs are settled so they can pay back.
     *
     * @return {@link #SHED}, {@link #RELEASED}, or {@link #NOT_AFTER} (changing nothing) when the step is not after
     *         the last one.
     */
    int shed(final int ven, final long step, final double waterHeaterShare, final double heatingShare,
        final int slot)
    {
        final long gap = step - historyStep[ven];
        if (gap <= 0)
        {
            return NOT_AFTER;
        }
        final long shifted = gap >= MAX_GAP ? 0L : history[ven] << gap;
        historyStep[ven] = step;
        if (Long.bitCount(shifted & windowMask) >= maxShedTicks)
        {
            history[ven] = shifted;
            settleRuns(ven);
            return RELEASED;
        }
        history[ven] = shifted | 1L;
        shedSlot[ven] = slot;
        addToRuns(ven, step, waterHeaterShare, heatingShare);
        return SHED;
    }

    /**
     * Brings the held VEN's deferred energy into its participants' state, so they can pay it back, and goes on
     * holding it; nothing for a VEN not held.
     */
    void settle(final int ven)
    {
        if (null != heldSnapshot[ven])
        {
            settleRuns(ven);
        }
    }

    /**
     * @return the evaluation slot of the event that shed the held VEN last, or -1 when the VEN is not held.
     */
    int heldSlot(final int ven)
    {
        return null == heldSnapshot[ven] ? -1 : shedSlot[ven];
    }

    private void addToRuns(final int ven, final long step, final double waterHeaterShare, final double heatingShare)
    {
        final int base = ven * RUNS;
        final int last = base + runCount[ven] - 1;
        if (runCount[ven] > 0 && runTo[last] == step - 1 && runWaterHeaterShare[last] == waterHeaterShare
            && runHeatingShare[last] == heatingShare)
        {
            runTo[last] = step;
            return;
        }
        if (runCount[ven] == RUNS)
        {
            settleRuns(ven);
        }
        final int next = base + runCount[ven]++;
        runFrom[next] = step;
        runTo[next] = step;
        runWaterHeaterShare[next] = waterHeaterShare;
        runHeatingShare[next] = heatingShare;
    }

    /**
     * Stops holding the VEN, if it is held: its runs and history go into each participant's state.
     */
    void leave(final int ven)
    {
        if (null == heldSnapshot[ven])
        {
            return;
        }
        settleRuns(ven);
        final long mask = history[ven];
        final long step = historyStep[ven];
        final int slot = shedSlot[ven];
        final int[] rows = heldSnapshot[ven].registryRows;
        for (final int r : heldParticipants[ven])
        {
            final int row = rows[r];
            shedMask[row] = mask;
            lastStep[row] = step;
            lastSlot[row] = slot;
        }
        heldSnapshot[ven] = null;
        heldParticipants[ven] = null;
    }

    /**
     * Adds the energy each participant deferred over the VEN's runs to its deficit and rebound, as shedding it
     * interval by interval would have ({@code max(0, w) * share}, summed), and empties the runs.
     */
    private void settleRuns(final int ven)
    {
        final int base = ven * RUNS;
        final int runs = runCount[ven];
        final VenSnapshot snapshot = heldSnapshot[ven];
        final int[] rows = snapshot.registryRows;
        final int[] spans = snapshot.seriesSpans;
        final int[] participants = heldParticipants[ven];
        for (int k = base; k < base + runs; k++)
        {
            final int fromRow = sums.rowOf(runFrom[k]);
            final int endRow = sums.rowOf(runTo[k] + 1);
            final long wraps = sums.wrapsBetween(runFrom[k], runTo[k] + 1);
            final double waterHeaterShare = runWaterHeaterShare[k] * hoursPerTick;
            final double heatingShare = runHeatingShare[k] * reboundPerShedWh;
            for (final int r : participants)
            {
                final int row = rows[r];
                final int first = spans[2 * r];
                deficitWh[row] += sums.between(first + waterHeaterLoad, fromRow, endRow, wraps) * waterHeaterShare;
                reboundWh[row] += sums.between(first + heatingLoad, fromRow, endRow, wraps) * heatingShare;
            }
        }
        runCount[ven] = 0;
    }
}
