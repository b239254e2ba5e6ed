package io.metersim.core;

/**
 * What one sink did with what it was handed, in its own unit (records, lines, reports). Once a sink is closed
 * {@code accepted == delivered + dropped + failed}: every unit it accepted was delivered, deliberately dropped (and
 * counted), or failed. {@code retried} counts extra attempts, not units.
 *
 * @param sink      the sink's name.
 * @param unit      what is counted, e.g. {@code lines}.
 * @param accepted  units the sink took on.
 * @param delivered units that reached their destination.
 * @param retried   extra delivery attempts.
 * @param dropped   units dropped on purpose (a policy, a server refusing them), counted.
 * @param failed    units that could not be delivered.
 */
public record SinkCounts(
    String sink, String unit, long accepted, long delivered, long retried, long dropped, long failed)
{
    /**
     * @param sink the sink's name.
     * @return the counts of a sink that delivers nothing outside the process.
     */
    public static SinkCounts none(final String sink)
    {
        return new SinkCounts(sink, "", 0, 0, 0, 0, 0);
    }

    /**
     * @param sink      the sink's name.
     * @param unit      what is counted.
     * @param delivered units written; a sink that writes synchronously delivers what it accepts, or fails.
     * @return the counts of a synchronous sink.
     */
    public static SinkCounts written(final String sink, final String unit, final long delivered)
    {
        return new SinkCounts(sink, unit, delivered, delivered, 0, 0, 0);
    }

    /**
     * @return units accepted but neither delivered, dropped nor failed: still pending; 0 once the sink is closed.
     */
    public long pending()
    {
        return accepted - delivered - dropped - failed;
    }

    /**
     * @return whether every accepted unit is accounted for and none was lost.
     */
    public boolean complete()
    {
        return pending() == 0 && dropped == 0 && failed == 0;
    }
}
