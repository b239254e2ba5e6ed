package io.metersim.flink;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-command local form, {@code ReplayJob --local}: its own mini-cluster in this JVM, no test cluster around it
 * (Flink refuses a local environment inside a test cluster's context).
 */
class ReplayLocalTest
{
    @Test
    void shouldRunOnALocalMiniClusterWithOneCommand()
    {
        final ReplayJobTest.Result result = ReplayJobTest.run("--local", "--data", TestData.data().toString(),
            "--synthetic-vens", "5", "--resources-per-ven", "2", "--ticks", "3", "--interval", "0", "--sink",
            "discard", "--parallelism", "2");

        assertEquals(0, result.code(), result::toString);
        assertTrue(result.out().startsWith("done: 30 records (5 VENs x 3 ticks), parallelism 2, sink discard, job "
            + "runtime "), result::toString);
        assertTrue(result.out().endsWith("\ndiscarded: 30 records counted by the sink\n"), result::toString);
        assertEquals("", result.err(), result::toString);
    }
}
