package io.metersim.cli;

import io.metersim.baseline.BaselineException;
import io.metersim.baseline.BaselineMethod;
import io.metersim.baseline.BaselineResult;
import io.metersim.baseline.Baselines;
import io.metersim.baseline.DayRules;
import io.metersim.baseline.VenLoad;
import io.metersim.core.DemandResponse;
import io.metersim.core.EventTimeline;
import io.metersim.core.HolidayCalendar;
import io.metersim.core.LoadData;
import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import io.metersim.core.ResourceSpec;
import io.metersim.core.ResourceStatus;
import io.metersim.core.ResponseModel;
import io.metersim.openadr.EventDocuments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code metersim plot}: one chart of the data and registry the other commands use, as PNG or SVG.
 * <p>
 * The chart library lives in {@code plot/target/metersim-plot.jar}, which {@code metersim.jar} does not carry (a run
 * never loads it). This class names no type of the plot module in its fields or signatures, so picocli can build the
 * command without it; the drawing, in {@link Drawing}, is only loaded once the module is known to be there.
 */
@Command(name = "plot", description = "Draw the load data as a PNG or SVG chart: week, profile, heatmap, components, "
    + "duration, event.")
final class PlotCommand implements Callable<Integer>
{
    static final String CHARTS_CLASS = "io.metersim.plot.Charts";
    static final String CHART_LIBRARY_CLASS = "org.jfree.chart.JFreeChart";
    static final int MIN_SIZE = 200;
    static final int MAX_SIZE = 4000;
    private static final Duration WEEK = Duration.ofDays(7);

    @Mixin
    SourceOptions source;

    @Option(names = "--kind", paramLabel = "KIND", required = true,
        description = "week, profile, heatmap, components, duration or event.")
    Kind kind;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The chart file, .png or .svg.")
    Path out;

    @Option(names = "--ven", paramLabel = "NAME",
        description = "The VEN: its approved resources' total, or the VEN of --resource (default: the fleet).")
    String ven;

    @Option(names = "--resource", paramLabel = "ID",
        description = "A resource (home) to draw on its own; repeat for one line each.")
    List<String> resources;

    @Option(names = "--from", paramLabel = "INSTANT",
        description = "First time drawn (default: the data's first).")
    Instant from;

    @Option(names = "--to", paramLabel = "INSTANT",
        description = "First time not drawn (default: 7 days after --from for week and components, else the end).")
    Instant to;

    @Option(names = "--events", paramLabel = "FILE", description = "The DR events file, for --kind event.")
    Path events;

    @Option(names = "--width", paramLabel = "PIXELS", defaultValue = "900",
        description = "Width in pixels, " + MIN_SIZE + " to " + MAX_SIZE + " (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "PIXELS", defaultValue = "450",
        description = "Height in pixels, " + MIN_SIZE + " to " + MAX_SIZE + " (default: ${DEFAULT-VALUE}).")
    int height;

    private final CliContext context;
    private final Workspace workspace;
    private final String chartsClass;

    PlotCommand(final CliContext context, final Workspace workspace)
    {
        this(context, workspace, CHARTS_CLASS);
    }

    /**
     * @param chartsClass the plot module's entry class, looked up before anything is drawn (tests name a missing
     *                    one).
     */
    PlotCommand(final CliContext context, final Workspace workspace, final String chartsClass)
    {
        this.context = context;
        this.workspace = workspace;
        this.chartsClass = chartsClass;
    }

    /**
     * The chart kinds, as {@code --kind} spells them; the same names as the plot module's.
     */
    enum Kind
    {
        /** Power over time, one line per home, or the VEN or fleet total. */
        WEEK,
        /** The mean daily profile per day type. */
        PROFILE,
        /** Hour of day by day. */
        HEATMAP,
        /** The load components, stacked. */
        COMPONENTS,
        /** The load-duration curve. */
        DURATION,
        /** An aggregate against its baseline during a DR event. */
        EVENT
    }

    @Override
    public Integer call()
    {
        final Path file = checkOptions();
        requirePlotModule(chartsClass);
        final Registry registry = workspace.loadRegistry(source.resources);
        workspace.requireVens(registry, source.resources);
        final LoadData data = workspace.loadData(source);
        if (kind == Kind.EVENT)
        {
            final MeterSimulator continuous = workspace.simulator(data, registry, source, "continuous", false);
            final EventPlot plot = new EventPlot(context, continuous, ven, null == resources ? null : resources.get(0));
            plot.draw(context.resolve(events), from, file, width, height);
            return Main.EXIT_OK;
        }
        final MeterSimulator simulator = workspace.simulator(data, registry, source);
        final Selection selection = Selection.of(simulator, registry, ven, resources);
        final long start = null == from ? selection.firstMillis(data) : from.toEpochMilli();
        final long end = null != to ? to.toEpochMilli()
            : kind == Kind.WEEK || kind == Kind.COMPONENTS ? start + WEEK.toMillis() : Long.MAX_VALUE;
        final int rows = Drawing.draw(kind, data, selection, start, end, file, width, height);
        context.out().printf(Locale.ROOT, "wrote %s chart of %s (%d rows) to %s%n",
            kind.name().toLowerCase(Locale.ROOT), selection.subject, rows, file);
        return Main.EXIT_OK;
    }

    private Path checkOptions()
    {
        Ranges.atLeast("--width", width, MIN_SIZE);
        Ranges.atMost("--width", width, MAX_SIZE);
        Ranges.atLeast("--height", height, MIN_SIZE);
        Ranges.atMost("--height", height, MAX_SIZE);
        if (null != from && null != to && !to.isAfter(from))
        {
            throw new UsageException("--to must be after --from [from=" + from + " to=" + to + "]");
        }
        if (kind == Kind.EVENT)
        {
            checkEventOptions();
        }
        else if (null != events)
        {
            throw new UsageException("--events is only for --kind event [kind=" + kind.name().toLowerCase(Locale.ROOT)
                + "]");
        }
        final Path file = context.resolve(out);
        final String name = null == file.getFileName() ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".svg"))
        {
            throw new UsageException("--out must end in .png or .svg [out=" + file + "]");
        }
        if (Files.isDirectory(file))
        {
            throw new UsageException("--out names a folder [out=" + file + "]");
        }
        final Path folder = file.getParent();
        if (null != folder && !Files.isDirectory(folder))
        {
            throw new UsageException((Files.exists(folder) ? "--out's folder is a file"
                : "--out's folder does not exist") + " [out=" + file + "]");
        }
        return file;
    }

    private void checkEventOptions()
    {
        if (null == events)
        {
            throw new UsageException("--kind event needs --events FILE, the OpenADR events whose first one is drawn");
        }
        if (null == ven)
        {
            throw new UsageException("--kind event needs --ven NAME, the VEN whose response is drawn");
        }
        if (null != resources && resources.size() > 1)
        {
            throw new UsageException("--kind event draws one resource at most [resources=" + resources.size() + "]");
        }
        if (null != to)
        {
            throw new UsageException("--kind event draws the event's local day; --to does not apply (--from picks "
                + "the first event starting at or after it)");
        }
    }

    /**
     * @throws CliException naming the jar to add when the plot module or its chart library is not on the class path.
     */
    static void requirePlotModule(final String chartsClass)
    {
        for (final String name : new String[] {chartsClass, CHART_LIBRARY_CLASS})
        {
            try
            {
                Class.forName(name, false, PlotCommand.class.getClassLoader());
            }
            catch (final ClassNotFoundException | LinkageError ex)
            {
                throw new CliException("plotting is not on the class path: start metersim with ./metersim, or add "
                    + "plot/target/metersim-plot.jar: java -cp cli/target/metersim.jar:plot/target/metersim-plot.jar "
                    + "io.metersim.cli.Main plot ... [missing=" + name + "]", ex);
            }
        }
    }

    /**
     * What to draw: one group of meter indices per line, a meter repeated when several resources read it.
     */
    static final class Selection
    {
        final String[] names;
        final int[][] groups;
        final String subject;

        private Selection(final String[] names, final int[][] groups, final String subject)
        {
            this.names = names;
            this.groups = groups;
            this.subject = subject;
        }

        static Selection of(final MeterSimulator simulator, final Registry registry, final String ven,
            final List<String> resourceIds)
        {
            if (null != resourceIds && !resourceIds.isEmpty())
            {
                return homes(simulator, registry, ven, resourceIds);
            }
            final List<Integer> meters = new ArrayList<>();
            final TreeSet<String> vens = new TreeSet<>();
            if (null != ven)
            {
                simulator.venHandle(ven);
            }
            for (final ResourceSpec spec : registry.resources())
            {
                if ((null == ven || ven.equals(spec.ven())) && spec.status() == ResourceStatus.APPROVED)
                {
                    final int meter = meterOf(simulator, spec);
                    if (meter >= 0)
                    {
                        meters.add(meter);
                        vens.add(spec.ven());
                    }
                }
            }
            if (meters.isEmpty())
            {
                throw new UsageException("nothing to plot: no approved resource reads a meter of the data [ven="
                    + (null == ven ? "all" : ven) + "]");
            }
            final String name = null == ven ? "fleet" : ven;
            final String subject = (null == ven ? "fleet of " + vens.size() + " VENs, " : ven + ", ") + meters.size()
                + " approved resources";
            return new Selection(new String[] {name}, new int[][] {toArray(meters)}, subject);
        }

        private static Selection homes(final MeterSimulator simulator, final Registry registry, final String ven,
            final List<String> resourceIds)
        {
            final String[] names = new String[resourceIds.size()];
            final int[][] groups = new int[resourceIds.size()][];
            final TreeSet<String> vens = new TreeSet<>();
            for (int i = 0; i < names.length; i++)
            {
                final ResourceSpec spec = find(registry, simulator, ven, resourceIds.get(i));
                final int meter = meterOf(simulator, spec);
                if (meter < 0)
                {
                    throw new CliException("the resource reads no meter of the data [ven=" + spec.ven()
                        + " resource=" + spec.resourceId() + " meter_point_id=" + spec.meterPointId() + "]", null);
                }
                names[i] = spec.resourceName().isEmpty() ? spec.resourceId() : spec.resourceName();
                groups[i] = new int[] {meter};
                vens.add(spec.ven());
            }
            final String subject = names.length + (names.length == 1 ? " home" : " homes") + " of "
                + String.join(", ", vens);
            return new Selection(names, groups, subject);
        }

        /**
         * @return the resource with the id in the VEN, or in the one VEN that has it when no VEN is given.
         */
        private static ResourceSpec find(final Registry registry, final MeterSimulator simulator, final String ven,
            final String id)
        {
            if (null != ven)
            {
                simulator.assignedMeter(ven, id);
            }
            final List<ResourceSpec> found = new ArrayList<>();
            for (final ResourceSpec spec : registry.resources())
            {
                if (spec.resourceId().equals(id) && (null == ven || ven.equals(spec.ven())))
                {
                    found.add(spec);
                }
            }
            if (found.isEmpty())
            {
                throw new UsageException("unknown resource: " + id + " [ven=all]");
            }
            if (found.size() > 1)
            {
                final TreeSet<String> vens = new TreeSet<>();
                found.forEach(spec -> vens.add(spec.ven()));
                throw new UsageException("resource " + id + " is in several VENs; give --ven [vens="
                    + String.join(", ", vens) + "]");
            }
            return found.get(0);
        }

        private static int meterOf(final MeterSimulator simulator, final ResourceSpec spec)
        {
            final String meter = simulator.assignedMeter(spec.ven(), spec.resourceId());
            return meter.isEmpty() ? -1 : simulator.data().meterIndex(meter);
        }

        private static int[] toArray(final List<Integer> values)
        {
            final int[] array = new int[values.size()];
            for (int i = 0; i < array.length; i++)
            {
                array[i] = values.get(i);
            }
            return array;
        }

        /**
         * @return the first timestamp of the first selected meter's first series.
         */
        long firstMillis(final LoadData data)
        {
            return data.timestampMillis(data.firstSeries(groups[0][0]), 0);
        }

        int[] allMeters()
        {
            int count = 0;
            for (final int[] group : groups)
            {
                count += group.length;
            }
            final int[] all = new int[count];
            int at = 0;
            for (final int[] group : groups)
            {
                System.arraycopy(group, 0, all, at, group.length);
                at += group.length;
            }
            return all;
        }
    }

    /**
     * The only code that touches the plot module; loaded after {@link #requirePlotModule} found it.
     */
    static final class Drawing
    {
        private Drawing()
        {
        }

        /**
         * @return the rows drawn.
         */
        static int draw(final Kind kind, final LoadData data, final Selection selection, final long start,
            final long end, final Path file, final int width, final int height)
        {
            final io.metersim.plot.LoadSeries series = kind == Kind.COMPONENTS
                ? io.metersim.plot.LoadSeries.components(data, selection.allMeters(), start, end)
                : io.metersim.plot.LoadSeries.totals(data, selection.names, selection.groups, start, end);
            if (series.rowCount() == 0)
            {
                throw new UsageException("no readings between --from and --to [from=" + Instant.ofEpochMilli(start)
                    + " to=" + (end == Long.MAX_VALUE ? "end" : Instant.ofEpochMilli(end).toString()) + " data="
                    + data.source() + "]");
            }
            io.metersim.plot.Charts.write(io.metersim.plot.PlotKind.valueOf(kind.name()), series, selection.subject,
                file, width, height);
            return series.rowCount();
        }

        static void drawEvent(final long[] millis, final double[] load, final double[] baseline, final long interval,
            final long start, final long end, final String subject, final Path file, final int width,
            final int height)
        {
            final io.metersim.plot.LoadSeries series = io.metersim.plot.LoadSeries.of(millis,
                new String[] {"load, with the response", "baseline (adjusted)"}, new double[][] {load, baseline},
                interval);
            io.metersim.plot.Charts.writeEvent(series, start, end, subject, file, width, height);
        }
    }

    /**
     * {@code --kind event}: the first event of the file (at or after {@code --from}), the VEN's (or resource's) load
     * with the fleet's response to the events, against its CAISO 10-in-10 baseline, over the event's local day, as
     * {@code metersim baseline --method caiso} computes it.
     */
    static final class EventPlot
    {
        static final String METHOD = "caiso";
        private static final long LEAD_MILLIS = Duration.ofHours(4).toMillis();
        private static final long RESPONSE_LEAD_MILLIS = Duration.ofHours(72).toMillis();
        private static final double WATTS_PER_KW = 1000.0;

        private final CliContext context;
        private final MeterSimulator simulator;
        private final String ven;
        private final String resource;

        EventPlot(final CliContext context, final MeterSimulator simulator, final String ven, final String resource)
        {
            this.context = context;
            this.simulator = simulator;
            this.ven = ven;
            this.resource = resource;
        }

        void draw(final Path eventsFile, final Instant from, final Path file, final int width, final int height)
        {
            final EventTimeline timeline = EventDocuments.read(eventsFile);
            final int event = pick(timeline, null == from ? Long.MIN_VALUE : from.toEpochMilli(), eventsFile);
            final long start = timeline.startMillis(event);
            final long duration = timeline.durationMillis(event);
            final ZoneId zone = DayRules.COPENHAGEN;
            final VenLoad replay = null == resource
                ? VenLoad.ofVen(simulator, ven)
                : VenLoad.ofResource(simulator, ven, resource);
            final DayRules rules = DayRules
                .of(zone, HolidayCalendar.DK).withEventDays(RespondedReplay.eventDays(timeline, zone));
            final long interval = replay.intervalMillis();
            final long dayStart = Instant.ofEpochMilli(start).atZone(zone).toLocalDate().atStartOfDay(zone)
                .toInstant().toEpochMilli();
            final long dayEnd = Instant.ofEpochMilli(start + duration - 1).atZone(zone).toLocalDate().plusDays(1)
                .atStartOfDay(zone).toInstant().toEpochMilli();
            final long first = Math.max(0L, Math.floorDiv(dayStart - replay.startMillis(), interval));
            final long end = Math.floorDiv(dayEnd - replay.startMillis() + interval - 1, interval);
            final RespondedReplay actual = responded(timeline, replay, start, end);
            final BaselineResult result = usage(() -> Baselines.compute(
                Baselines.plan(BaselineMethod.parse(METHOD),
                    Instant.ofEpochMilli(start), Duration.ofMillis(duration), replay, rules), actual));
            final int rows = (int)(end - first);
            final long[] millis = new long[rows];
            final double[] load = new double[rows];
            final double[] baseline = new double[rows];
            Arrays.fill(baseline, Double.NaN);
            for (int i = 0; i < rows; i++)
            {
                millis[i] = replay.startMillis() + (first + i) * interval;
                load[i] = actual.kwAt(first + i);
            }
            for (int i = 0; i < result.intervals(); i++)
            {
                final long row = (result.intervalStartMillis(i) - millis[0]) / interval;
                if (row >= 0 && row < rows)
                {
                    baseline[(int)row] = result.adjustedKw(i);
                }
            }
            final String subject = (null == resource ? ven : resource + " of " + ven) + ", "
                + (timeline.name(event).isEmpty() ? timeline.id(event) : timeline.name(event));
            Drawing.drawEvent(millis, load, baseline, interval, start, start + duration, subject + " (CAISO 10-in-10"
                + " baseline)", file, width, height);
            context.out().printf(Locale.ROOT, "wrote event chart of %s (%d rows) to %s: reduction %.3f kWh "
                + "(baseline %.3f kWh, actual %.3f kWh)%n", subject, rows, file, result.reductionKwh(),
                result.baselineKwh(), result.actualKwh());
        }

        /**
         * @return the earliest event starting at or after {@code from}.
         */
        private static int pick(final EventTimeline timeline, final long from, final Path file)
        {
            int best = -1;
            for (int e = 0; e < timeline.size(); e++)
            {
                final long start = timeline.startMillis(e);
                if (start >= from && (best < 0 || start < timeline.startMillis(best)))
                {
                    best = e;
                }
            }
            if (best < 0)
            {
                throw new UsageException("no event to draw in the events file" + (from == Long.MIN_VALUE ? ""
                    : " at or after --from") + " [file=" + file + " events=" + timeline.size() + "]");
            }
            if (timeline.durationMillis(best) <= 0)
            {
                throw new UsageException("the event to draw has no end; give it a duration [file=" + file + " event="
                    + timeline.id(best) + "]");
            }
            return best;
        }

        /**
         * The replay with the fleet's response collected from 72 h before the event's adjustment window (4 h before
         * the event, as {@code metersim baseline} does) to {@code end}, so that a payback shows.
         */
        private RespondedReplay responded(final EventTimeline timeline,
            final VenLoad replay, final long start, final long end)
        {
            final long interval = replay.intervalMillis();
            final long window = Math.floorDiv(start - replay.startMillis() - LEAD_MILLIS, interval);
            final long from = Math.max(0L, window - RESPONSE_LEAD_MILLIS / interval);
            if (end <= from)
            {
                return RespondedReplay.collect(simulator, null, replay, ven, resource, from, from);
            }
            final DemandResponse response = DemandResponse.create(simulator,
                ResponseModel.defaults(), timeline);
            for (final String warning : response.warnings())
            {
                context.err().println("metersim: warning: " + warning);
            }
            return RespondedReplay.collect(simulator, response, replay, ven, resource, from, end);
        }

        private static <T> T usage(final Supplier<T> step)
        {
            try
            {
                return step.get();
            }
            catch (final BaselineException ex)
            {
                throw new UsageException(ex.getMessage());
            }
        }
    }
}
