package io.metersim.openadr;

import io.metersim.core.MetersimException;

/**
 * A document of OpenADR events that cannot be used: what is wrong, in which source, event and field.
 */
public class EventDocumentException extends MetersimException
{
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int event;
    private final String field;

    /**
     * @param problem   what is wrong.
     * @param source    the file or URL.
     * @param event     the event's index in the array, -1 for the document as a whole.
     * @param eventName its {@code eventName}, {@code ""} for none.
     * @param field     the JSON path of the field at fault ({@code $} for the event itself), {@code ""} for none.
     */
    public EventDocumentException(final String problem, final String source, final int event,
        final String eventName, final String field)
    {
        super("bad events: " + problem + " [source=" + source + (event < 0 ? "" : " event=" + event)
            + (eventName.isEmpty() ? "" : " eventName=" + eventName) + (field.isEmpty() ? "" : " field=" + field)
            + "]");
        this.source = source;
        this.event = event;
        this.field = field;
    }

    /**
     * @return the file or URL.
     */
    public String source()
    {
        return source;
    }

    /**
     * @return the event's index in the array, -1 for the document as a whole.
     */
    public int event()
    {
        return event;
    }

    /**
     * @return the JSON path of the field at fault, {@code ""} for none.
     */
    public String field()
    {
        return field;
    }
}
