package io.metersim.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Where the load data and the resources come from, and how resources meet meters; shared by the data commands.
 */
final class SourceOptions
{
    @Option(names = "--data", paramLabel = "FILE", description = "HDF5 load data (/meters/meter_<id>/load_<k>/power).")
    Path data;

    @Option(names = "--resources", paramLabel = "FILE",
        description = "Resources CSV (ven,resource_id,resource_name,status,meter_point_id,resource_type).")
    Path resources;

    @Option(names = "--assignment-seed", paramLabel = "SEED", defaultValue = "42",
        description = "Seed that assigns meters to resources without an explicit meter_point_id "
            + "(default: ${DEFAULT-VALUE}).")
    long assignmentSeed;

    @Option(names = "--strict", description = "Refuse a data file with any data-quality warning.")
    boolean strict;
}
