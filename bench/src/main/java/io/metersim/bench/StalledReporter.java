package io.metersim.bench;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.MeterSimulator;
import io.metersim.openadr.DeliverySummary;
import io.metersim.openadr.ReporterOptions;
import io.metersim.openadr.ReporterStatistics;
import io.metersim.openadr.TestVtn;
import io.metersim.openadr.TestVtnOptions;
import io.metersim.openadr.VtnReporter;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Reaches openadr's report writer through public API only: a {@link VtnReporter} whose single sender waits on a VTN
 * that does not answer and whose one-report outbox is full, so that {@code submit} writes the report and drops it.
 */
final class StalledReporter
{
    private static final int MAX_PRIMING_SUBMITS = 100;
    private static final long PRIMING_PAUSE_MILLIS = 50;

    private StalledReporter()
    {
    }

    /**
     * Submits one collection to a VTN (validating, when its options say so) and returns the size of the report.
     *
     * @param vtn       the VTN; the simulator's VENs and resources are registered with it.
     * @param simulator the simulator whose registry names the VEN.
     * @param collected the VEN's collection.
     * @return the bytes of the report the VTN accepted.
     * @throws BenchException when the VTN did not accept exactly that one report.
     */
    static long checkedReportBytes(final TestVtn vtn, final MeterSimulator simulator, final CollectionBuffer collected)
    {
        final long reportsBefore = vtn.reportCount();
        final DeliverySummary summary;
        try (VtnReporter reporter = VtnReporter.connect(ReporterOptions.defaults(vtn.baseUri(),
            vtn.options().clientId(), vtn.options().clientSecret())))
        {
            reporter.register(simulator.registry());
            reporter.submit(collected.ven(), collected);
            summary = reporter.shutdown();
        }
        if (!summary.complete() || vtn.reportCount() - reportsBefore != 1 || !vtn.rejections().isEmpty())
        {
            throw new BenchException("the VTN did not accept the report [ven=" + collected.ven() + " summary="
                + summary + " rejections=" + vtn.rejections() + "]");
        }
        return summary.statistics().bytesSent();
    }

    /**
     * Connects a reporter to {@code silent} (tokens and look-ups answered at once), then submits
     * until its sender is stuck on {@code silent} and its outbox is full, i.e. until two submits in a row are dropped.
     *
     * @param silent    a VTN that holds every report far longer than the run (a large latency).
     * @param ven       the VEN's name.
     * @param collected the VEN's collection.
     * @return the stalled reporter; every further {@code submit} serialises and drops.
     * @throws BenchException when the reporter delivers, fails or never fills up.
     */
    static VtnReporter stall(final TestVtn silent, final String ven,
        final CollectionBuffer collected)
    {
        final VtnReporter reporter = VtnReporter.connect(options(silent));
        try
        {
            int droppedInRow = 0;
            for (int i = 0; i < MAX_PRIMING_SUBMITS && droppedInRow < 2; i++)
            {
                final long droppedBefore = reporter.statistics().dropped();
                reporter.submit(ven, collected);
                if (reporter.statistics().dropped() > droppedBefore)
                {
                    droppedInRow++;
                }
                else
                {
                    droppedInRow = 0;
                    TimeUnit.MILLISECONDS.sleep(PRIMING_PAUSE_MILLIS);
                }
            }
            final ReporterStatistics statistics = reporter.statistics();
            if (droppedInRow < 2 || statistics.sent() + statistics.failed() > 0)
            {
                throw new BenchException("reporter did not stall [statistics=" + statistics + "]");
            }
            return reporter;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            reporter.shutdown();
            throw new BenchException("interrupted while stalling the reporter [ven=" + ven + "]", ex);
        }
        catch (final RuntimeException ex)
        {
            reporter.shutdown();
            throw ex;
        }
    }

    private static ReporterOptions options(final TestVtn silent)
    {
        // the silent VTN answers tokens and look-ups at once and holds only the reports
        return ReporterOptions.defaults(silent.baseUri(), silent.options().clientId(), silent.options().clientSecret())
            .withProgram(silent.programId(), silent.eventId())
            .withOutbox(1, true, 1)
            .withRetries(1, Duration.ZERO, Duration.ZERO, 1L)
            .withTimeouts(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofSeconds(1));
    }
}
