package io.metersim.cli;

import io.metersim.core.CollectionSink;
import io.metersim.core.MeterSimulator;

/**
 * A group of {@code run} options that adds one output sink to the tick loop (InfluxDB, Kafka, ...). The command only
 * collects the sinks; every check against a server happens in the sink's {@link CollectionSink#open}, before the
 * first tick.
 */
interface SinkOption
{
    /**
     * @param simulator the simulator the run replays.
     * @param context   the invocation's streams and environment.
     * @return the sink these options ask for, not yet opened, or null when they ask for none.
     * @throws UsageException when the options cannot be combined or are out of range.
     */
    CollectionSink sink(MeterSimulator simulator, CliContext context);
}
