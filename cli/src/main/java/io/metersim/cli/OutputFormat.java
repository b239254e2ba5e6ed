package io.metersim.cli;

/**
 * How {@code run} writes what it collects.
 */
enum OutputFormat
{
    /** A summary line per tick. */
    TABLE,
    /** One JSON object per resource per tick. */
    JSONL,
    /** One CSV row per reading. */
    CSV
}
