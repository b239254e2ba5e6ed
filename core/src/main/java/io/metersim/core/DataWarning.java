package io.metersim.core;

/**
 * Something odd about loaded data that did not stop it from loading: reported, never hidden.
 *
 * @param kind       what sort of oddity it is.
 * @param meterId    the meter it concerns.
 * @param objectPath the object path in the source, e.g. {@code /meters/meter_1/load_4/power}.
 * @param message    what is odd and what metersim does about it.
 */
public record DataWarning(Kind kind, String meterId, String objectPath, String message)
{
    /**
     * The sorts of oddity, and what happens to the data in each case.
     */
    public enum Kind
    {
        /** A meter has fewer load components than the usual six; its readings are what it has. */
        FEWER_LOADS,
        /** A load declared by {@code num_load_components} is absent; the meter yields no reading for it. */
        MISSING_LOAD,
        /** A load or meter could not be read and was skipped; the rest of the file loaded. */
        SKIPPED,
        /** Series of different lengths; a shorter series has no reading past its end (counted as missing). */
        LENGTH_DIFFERS,
        /** NaN or infinite watts; those readings are treated as missing. */
        NON_FINITE_WATTS,
        /** Negative watts (export); kept as they are. */
        NEGATIVE_WATTS,
        /** Timestamps that go backwards or repeat; kept, every reading carries its own timestamp. */
        TIME_NOT_INCREASING,
        /** Non-finite timestamps; those readings are treated as missing. */
        NON_FINITE_TIMESTAMP,
        /** Loads of one meter whose timestamps differ; each load keeps its own timestamps. */
        TIMESTAMPS_DIFFER
    }

    @Override
    public String toString()
    {
        return kind + ": " + message + " [meter=" + meterId + " path=" + objectPath + "]";
    }
}
