package io.metersim.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.metersim.baseline.BaselineException;
import io.metersim.baseline.BaselineMethod;
import io.metersim.baseline.BaselinePlan;
import io.metersim.baseline.BaselineResult;
import io.metersim.baseline.Baselines;
import io.metersim.baseline.DayRules;
import io.metersim.baseline.LoadSeries;
import io.metersim.baseline.PlaceboResult;
import io.metersim.baseline.VenLoad;
import io.metersim.core.DemandResponse;
import io.metersim.core.EventTimeline;
import io.metersim.core.HolidayCalendar;
import io.metersim.core.LoadData;
import io.metersim.core.MeterSimulator;
import io.metersim.core.MetersimException;
import io.metersim.core.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code metersim baseline}: the customer baseline of one event for one VEN (or one of its resources) from the
 * replayed history, in continuous time, with the method's day selection, exclusions, adjustment and caps.
 */
@Command(name = "baseline", description = "Customer baseline of one event for one VEN: caiso, pjm, nyiso or ercot.")
final class BaselineCommand implements Callable<Integer>
{
    @Mixin
    SourceOptions source;

    @Option(names = "--ven", paramLabel = "NAME", required = true, description = "The VEN.")
    String ven;

    @Option(names = "--resource", paramLabel = "ID", description = "One resource of the VEN instead of its aggregate.")
    String resource;

    @Option(names = "--event-start", paramLabel = "ISO", required = true,
        description = "The event's start, e.g. 2025-02-12T16:00:00Z (simulated, continuous time).")
    Instant eventStart;

    @Option(names = "--event-duration", paramLabel = "DURATION", defaultValue = "PT4H",
        converter = DurationConverter.class, description = "The event's duration (default: ${DEFAULT-VALUE}).")
    Duration eventDuration;

    @Option(names = "--method", paramLabel = "METHOD", required = true,
        description = "caiso (10-in-10), pjm (High 4 of 5), nyiso (High 5 of 10) or ercot (Middle 8 of 10).")
    String method;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        description = "table or json (default: ${DEFAULT-VALUE}).")
    BaselineFormat format;

    @Option(names = "--placebo-days", paramLabel = "N",
        description = "Also report the method's bias, % bias, RMSE and CV(RMSE) on the N latest non-event like days.")
    Integer placeboDays;

    /** {@code --events FILE} and {@code --response-config FILE}, as {@code run} reads them: the events' days are no
     * baseline days, and the fleet's response to them is in {@code actual_kw}. */
    @Mixin
    EventsOption responseOptions;

    @Option(names = "--holidays", paramLabel = "CALENDAR", defaultValue = "DK",
        description = "Holiday calendar: DK or NO (default: ${DEFAULT-VALUE}).")
    String holidays;

    @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "Europe/Copenhagen",
        description = "Time zone whose midnights bound the days (default: ${DEFAULT-VALUE}).")
    String timeZone;

    private static final long RESPONSE_LEAD_HOURS = 72;

    private final CliContext context;
    private final Workspace workspace;

    BaselineCommand(final CliContext context, final Workspace workspace)
    {
        this.context = context;
        this.workspace = workspace;
    }

    /**
     * The output formats of {@code baseline}.
     */
    enum BaselineFormat
    {
        /** A line per event interval and a summary. */
        TABLE,
        /** One JSON object. */
        JSON
    }

    @Override
    public Integer call() throws IOException
    {
        if (null != responseOptions.evaluation)
        {
            throw new UsageException("--evaluation is an option of run, not of baseline [evaluation="
                + responseOptions.evaluation + "]");
        }
        final BaselineMethod chosen = usage(() -> BaselineMethod.parse(method));
        final DayRules rules = new DayRules(zone(), holidayCalendar(), Set.of());
        if (null != placeboDays)
        {
            Ranges.atLeast("--placebo-days", placeboDays, 1);
            Ranges.atMost("--placebo-days", placeboDays, 366);
        }
        final Registry registry = workspace.loadRegistry(source.resources);
        workspace.requireVens(registry, source.resources);
        final LoadData data = workspace.loadData(source);
        final MeterSimulator simulator = workspace.simulator(data, registry, source, "continuous", false);
        final VenLoad replay = null == resource ? VenLoad.ofVen(simulator, ven)
            : VenLoad.ofResource(simulator, ven, resource);
        final DemandResponse response = responseOptions.response(simulator, workspace.config(), context);
        if (null != response)
        {
            response.takeUpEvents();
        }
        final EventTimeline timeline = null == response ? EventTimeline.empty() : response.events();
        final DayRules withEvents = rules.withEventDays(RespondedReplay.eventDays(timeline, rules.zone()));
        final BaselinePlan plan = usage(() -> Baselines.plan(chosen, eventStart, eventDuration, replay, withEvents));
        final LoadSeries actual = null == response ? replay : responded(simulator, response, replay);
        final BaselineResult result = usage(() -> Baselines.compute(plan, actual));
        final PlaceboResult placebo = null == placeboDays ? null : usage(() ->
            Baselines.placebo(chosen, replay, eventStart, eventDuration, withEvents, placeboDays));
        final PrintStream out = context.out();
        if (format == BaselineFormat.JSON)
        {
            writeJson(result, placebo, out);
        }
        else
        {
            writeTable(result, placebo, out);
        }
        out.flush();
        return Main.EXIT_OK;
    }

    /**
     * @return the replay with the fleet's response to the events over the event day's window (from 4 h before the
     *         event to its end), replayed from {@value #RESPONSE_LEAD_HOURS} h earlier so that the payback of an
     *         earlier event shows; the history before stays as replayed.
     */
    private LoadSeries responded(final MeterSimulator simulator, final DemandResponse response, final VenLoad replay)
    {
        final long interval = replay.intervalMillis();
        final long to = Math.floorDiv(eventStart.toEpochMilli() + eventDuration.toMillis() - replay.startMillis(),
            interval);
        final long window = Math.floorDiv(eventStart.toEpochMilli() - replay.startMillis(), interval)
            - Duration.ofHours(4).toMillis() / interval;
        final long from = Math.max(0L, window - Duration.ofHours(RESPONSE_LEAD_HOURS).toMillis() / interval);
        if (window < 0 || to <= from)
        {
            return replay;
        }
        return RespondedReplay.collect(simulator, response, replay, ven, resource, from, to);
    }

    private ZoneId zone()
    {
        try
        {
            return ZoneId.of(timeZone.strip());
        }
        catch (final DateTimeException ex)
        {
            throw new UsageException("unknown time zone: " + timeZone + " [example=Europe/Copenhagen]");
        }
    }

    private HolidayCalendar holidayCalendar()
    {
        try
        {
            return HolidayCalendar.parse(holidays);
        }
        catch (final MetersimException ex)
        {
            throw new UsageException("--holidays: " + ex.getMessage());
        }
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

    private void writeJson(final BaselineResult result, final PlaceboResult placebo, final PrintStream out)
        throws IOException
    {
        final JsonFactory factory = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
        try (JsonGenerator json = factory.createGenerator(out))
        {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("method", result.plan().method().id());
            json.writeStringField("ven", ven);
            json.writeStringField("resource_id", resource);
            json.writeNumberField("adjustment", result.adjustment());
            json.writeArrayFieldStart("intervals");
            for (int i = 0; i < result.intervals(); i++)
            {
                json.writeStartObject();
                json.writeStringField("start", Instant.ofEpochMilli(result.intervalStartMillis(i)).toString());
                json.writeNumberField("baseline_kw", result.baselineKw(i));
                json.writeNumberField("adjusted_kw", result.adjustedKw(i));
                json.writeNumberField("actual_kw", result.actualKw(i));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("reduction_kwh", result.reductionKwh());
            if (null != placebo)
            {
                json.writeObjectFieldStart("placebo");
                json.writeNumberField("days", placebo.days().size());
                json.writeNumberField("bias_kw", placebo.metrics().biasKw());
                json.writeNumberField("bias_percent", placebo.metrics().biasPercent());
                json.writeNumberField("rmse_kw", placebo.metrics().rmseKw());
                json.writeNumberField("cv_rmse_percent", placebo.metrics().cvRmsePercent());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        out.println();
    }

    private void writeTable(final BaselineResult result, final PlaceboResult placebo, final PrintStream out)
    {
        final BaselinePlan plan = result.plan();
        out.printf(Locale.ROOT, "baseline %s for VEN %s (%s), event %s %s: %s rules, %d days %s .. %s%n",
            plan.method().id(), ven, null == resource ? "approved resources" : "resource " + resource,
            eventStart, eventDuration, plan.weekday() ? "weekday" : "weekend/holiday", result.selectedDayCount(),
            result.selectedDay(0), result.selectedDay(result.selectedDayCount() - 1));
        out.printf(Locale.ROOT, "adjustment: %s %.4f%s%n", plan.method().multiplicative() ? "ratio" : "kW",
            result.adjustment(), result.adjustmentLimited()
                ? (plan.method().multiplicative() ? " (clamped to [0.8, 1.2])" : " (capped at 20 % of the CBL)") : "");
        out.printf(Locale.ROOT, "%-20s  %12s  %12s  %12s%n", "start", "baseline_kw", "adjusted_kw", "actual_kw");
        for (int i = 0; i < result.intervals(); i++)
        {
            out.printf(Locale.ROOT, "%-20s  %12.3f  %12.3f  %12.3f%n",
                Instant.ofEpochMilli(result.intervalStartMillis(i)), result.baselineKw(i), result.adjustedKw(i),
                result.actualKw(i));
        }
        out.printf(Locale.ROOT, "reduction: %.3f kWh (baseline %.3f kWh, actual %.3f kWh)%n", result.reductionKwh(),
            result.baselineKwh(), result.actualKwh());
        if (null != placebo)
        {
            out.printf(Locale.ROOT, "placebo on %d days (%s .. %s): bias %.3f kW (%.2f %%), RMSE %.3f kW, "
                + "CV(RMSE) %.2f %%%n", placebo.days().size(), placebo.days().get(0),
                placebo.days().get(placebo.days().size() - 1), placebo.metrics().biasKw(),
                placebo.metrics().biasPercent(), placebo.metrics().rmseKw(), placebo.metrics().cvRmsePercent());
        }
    }
}
