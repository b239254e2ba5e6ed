package io.metersim.cli;

import io.metersim.core.CollectionBuffer;

import java.io.IOException;

/**
 * Streams collected readings out as they are collected; nothing is held beyond the stream's buffer.
 */
interface RecordWriter
{
    /**
     * @param collected one VEN's collection at one position.
     * @throws IOException when the output cannot be written.
     */
    void write(CollectionBuffer collected) throws IOException;

    /**
     * Flushes what is buffered.
     *
     * @throws IOException when the output cannot be written.
     */
    void flush() throws IOException;
}
