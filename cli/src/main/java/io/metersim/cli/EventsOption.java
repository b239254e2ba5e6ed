package io.metersim.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.metersim.baseline.BaselineException;
import io.metersim.baseline.BaselineMethod;
import io.metersim.baseline.Baselines;
import io.metersim.baseline.DayRules;
import io.metersim.baseline.VenLoad;
import io.metersim.core.AtomicFile;
import io.metersim.core.DemandResponse;
import io.metersim.core.EventEvaluation;
import io.metersim.core.EventTimeline;
import io.metersim.core.HolidayCalendar;
import io.metersim.core.MeterSimulator;
import io.metersim.core.ResponseModel;
import io.metersim.openadr.EventDocuments;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * {@code run}'s demand-response options: the events the fleet responds to ({@code --events FILE}, a JSON array of
 * OpenADR 3.0.1 events), the response model ({@code response.properties} beside the configuration file, or
 * {@code --response-config FILE}) and where the end-of-run evaluation also goes as JSON ({@code --evaluation FILE}).
 * Events need continuous time, so {@code --time-mode auto} becomes continuous and {@code raw} is refused.
 */
final class EventsOption
{
    static final String RESPONSE_FILE = "response.properties";

    @Option(names = "--events", paramLabel = "FILE",
        description = "Respond to these OpenADR 3.0.1 events (a JSON array of event objects); forces continuous time.")
    Path events;

    @Option(names = "--response-config", paramLabel = "FILE",
        description = "The response model (default: " + RESPONSE_FILE + " beside the configuration file, else the "
            + "built-in defaults).")
    Path responseConfig;

    @Option(names = "--evaluation", paramLabel = "FILE",
        description = "Also write the per-event, per-VEN evaluation to FILE as JSON (with --events, or --vtn).")
    Path evaluation;

    /**
     * @return whether the run responds to events; then {@code --time-mode auto} means continuous.
     */
    boolean enabled()
    {
        return null != events;
    }

    /**
     * @param timeMode   the run's {@code --time-mode}.
     * @param vtnPolling whether the VTN gives the events instead of a file.
     * @throws UsageException when events are combined with raw time, or the evaluation file has no events.
     */
    void validate(final String timeMode, final boolean vtnPolling)
    {
        if (enabled() && "raw".equalsIgnoreCase(timeMode.trim()))
        {
            throw new UsageException("--events needs continuous time: event times are reading times, which repeat "
                + "after each cycle in raw time [time-mode=" + timeMode + "]");
        }
        if (!enabled() && !vtnPolling && null != evaluation)
        {
            throw new UsageException("--evaluation needs events: --events FILE, or --vtn URL polling its events "
                + "[evaluation=" + evaluation + "]");
        }
    }

    /**
     * Reads the events and the model, and prints what the response will ignore on stderr.
     *
     * @return the response stage, or null without {@code --events}.
     */
    DemandResponse response(final MeterSimulator simulator, final Config config, final CliContext context)
    {
        if (!enabled())
        {
            return null;
        }
        final Path file = context.resolve(events);
        if (!Files.isRegularFile(file))
        {
            throw CliException.notAFile("events file", file);
        }
        final EventTimeline timeline = EventDocuments.read(file);
        final DemandResponse response = DemandResponse.create(simulator, model(config, context), timeline);
        for (final String warning : response.warnings())
        {
            context.err().println("metersim: warning: " + warning);
        }
        context.err().println("metersim: responding to " + timeline.size() + " event" + (timeline.size() == 1 ? ""
            : "s") + " from " + file);
        return response;
    }

    private ResponseModel model(final Config config, final CliContext context)
    {
        return model(responseConfig, config, context);
    }

    /**
     * The response model: {@code explicit} ({@code --response-config FILE}), else {@code response.properties}
     * beside the configuration file when it exists, else the defaults.
     */
    static ResponseModel model(final Path explicit, final Config config, final CliContext context)
    {
        final Path file = null != explicit ? context.resolve(explicit)
            : null == config.file() ? null : config.file().resolveSibling(RESPONSE_FILE);
        if (null == file || (null == explicit && !Files.exists(file)))
        {
            return ResponseModel.defaults();
        }
        if (!Files.isRegularFile(file))
        {
            throw CliException.notAFile("response configuration", file);
        }
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            throw CliException.unreadable("response configuration", file, ex);
        }
        final Map<String, String> values = new LinkedHashMap<>();
        for (final String key : properties.stringPropertyNames())
        {
            values.put(key, properties.getProperty(key));
        }
        return ResponseModel.fromProperties(values, file.toString());
    }

    /**
     * Prints one line per event and VEN into the summary and writes {@code --evaluation FILE}. Beside the
     * response's own baseline (the replay without it), each line gives the CAISO 10-in-10 customer baseline of the
     * event's nominal window from the replayed history (Danish holidays, Copenhagen days, the events' days
     * excluded), or why it cannot be computed.
     */
    void report(final DemandResponse response, final MeterSimulator simulator, final PrintStream summary,
        final CliContext context)
    {
        if (null == response)
        {
            return;
        }
        final List<EventEvaluation> rows = response.evaluation();
        final Object[] cbl = customerBaselines(rows, response.events(), simulator);
        for (int i = 0; i < rows.size(); i++)
        {
            final EventEvaluation row = rows.get(i);
            summary.printf(Locale.ROOT, "event %s at %s: %d ticks (%.2f h), baseline %.3f kWh, actual %.3f kWh, "
                + "reduction %.3f kWh (%.3f kW mean), rebound %.3f kWh, CAISO CBL %s%n", row.event(), row.ven(),
                row.ticks(), row.hours(), row.unmodifiedKwh(), row.actualKwh(), row.reductionKwh(),
                row.meanReductionKw(), row.reboundKwh(), cbl[i] instanceof Double
                    ? String.format(Locale.ROOT, "%.3f kWh", (Double)cbl[i]) : "n/a (" + cbl[i] + ")");
        }
        if (rows.isEmpty())
        {
            summary.println("events: no event targets a VEN of the run");
        }
        summary.flush();
        if (null != evaluation)
        {
            final Path file = context.resolve(evaluation);
            try
            {
                AtomicFile.write(file, out -> writeJson(rows, cbl, out));
            }
            catch (final IOException ex)
            {
                throw CliException.unwritable(file, ex);
            }
        }
    }

    /**
     * @return per row the CAISO CBL in kWh over the event's nominal window (a Double), or why there is none (text).
     */
    private static Object[] customerBaselines(final List<EventEvaluation> rows, final EventTimeline events,
        final MeterSimulator simulator)
    {
        final Object[] cbl = new Object[rows.size()];
        if (rows.isEmpty())
        {
            return cbl;
        }
        final Map<String, VenLoad> loads = VenLoad.all(simulator);
        final DayRules rules = DayRules.of(DayRules.COPENHAGEN, HolidayCalendar.DK).withEventDays(RespondedReplay.eventDays(events, DayRules.COPENHAGEN));
        for (int i = 0; i < rows.size(); i++)
        {
            final int e = eventIndex(events, rows.get(i));
            if (e < 0 || events.durationMillis(e) == EventTimeline.OPEN_ENDED)
            {
                cbl[i] = e < 0 ? "the event was replaced" : "open-ended event";
                continue;
            }
            try
            {
                cbl[i] = Baselines.baselineKwh(BaselineMethod.CAISO, loads.get(rows.get(i).ven()),
                    Instant.ofEpochMilli(events.startMillis(e)), Duration.ofMillis(events.durationMillis(e)), rules);
            }
            catch (final BaselineException ex)
            {
                cbl[i] = ex.getMessage();
            }
        }
        return cbl;
    }

    private static int eventIndex(final EventTimeline events, final EventEvaluation row)
    {
        for (int e = 0; e < events.size(); e++)
        {
            if (events.label(e).equals(row.event()) && events.programId(e).equals(row.programId()))
            {
                return e;
            }
        }
        return -1;
    }

    /**
     * {@code {"evaluation":[{"event":…,"event_name":…,"program_id":…,"ven":…,"ticks":…,"hours":…,
     * "baseline_kwh":…,"actual_kwh":…,"reduction_kwh":…,"mean_reduction_kw":…,"rebound_kwh":…,"cbl_kwh":…|null}]}};
     * the baseline is the replay without the response, {@code cbl_kwh} the CAISO 10-in-10 customer baseline.
     */
    static void writeJson(final List<EventEvaluation> rows, final Object[] cbl, final java.io.OutputStream out)
        throws IOException
    {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8))
        {
            json.writeStartObject();
            json.writeArrayFieldStart("evaluation");
            for (int i = 0; i < rows.size(); i++)
            {
                final EventEvaluation row = rows.get(i);
                json.writeStartObject();
                json.writeStringField("event", row.event());
                json.writeStringField("event_name", row.eventName());
                json.writeStringField("program_id", row.programId());
                json.writeStringField("ven", row.ven());
                json.writeNumberField("ticks", row.ticks());
                json.writeNumberField("hours", row.hours());
                json.writeNumberField("baseline_kwh", row.unmodifiedKwh());
                json.writeNumberField("actual_kwh", row.actualKwh());
                json.writeNumberField("reduction_kwh", row.reductionKwh());
                json.writeNumberField("mean_reduction_kw", row.meanReductionKw());
                json.writeNumberField("rebound_kwh", row.reboundKwh());
                if (cbl[i] instanceof Double)
                {
                    json.writeNumberField("cbl_kwh", (Double)cbl[i]);
                }
                else
                {
                    json.writeNullField("cbl_kwh");
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }
}
