package io.metersim.dashboard;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a browser reads from the board: messages in order as Server-Sent Events frames, the oldest kept when it fell
 * behind, nothing when there is nothing new.
 */
class MessageBoardTest
{
    @Test
    void shouldServeEachBrowserInOrderFromTheHistory() throws InterruptedException
    {
        final MessageBoard board = new MessageBoard(3);
        for (int i = 1; i <= 5; i++)
        {
            board.post("{\"n\":" + i + "}");
        }
        final MessageBoard.Frame oldestKept = board.next(0, 0);

        assertEquals(3, oldestKept.number(), "messages 1 and 2 fell out of a history of 3");
        assertEquals("id: 3\nevent: tick\ndata: {\"n\":3}\n\n", new String(oldestKept.bytes(), StandardCharsets.UTF_8));
        assertEquals(4, board.next(3, 0).number());
        assertEquals(5, board.next(4, 0).number());
        assertNull(board.next(5, 1), "nothing new");
        assertEquals("{\"n\":5}", board.latestJson());
        board.close();
        assertTrue(board.closed());
        assertNull(board.next(5, 10_000), "a closed board does not wait");
    }
}
