package io.metersim.cli;

import io.metersim.core.CollectionBuffer;

import java.io.IOException;

/**
 * Formats collected readings as records into a stream; one instance per writing thread.
 */
interface RecordWriter
{
    /**
     * @param collected one VEN's collection at one position.
     * @return the records written.
     * @throws IOException when the output cannot be written.
     */
    int write(CollectionBuffer collected) throws IOException;

    /**
     * Pushes what is buffered into the stream.
     *
     * @throws IOException when the output cannot be written.
     */
    void flush() throws IOException;
}
