package io.metersim.openadr;

import io.metersim.core.MetersimException;

/**
 * The VTN refused or could not be reached: what was attempted, the HTTP status and the VTN's problem body.
 */
public class VtnException extends MetersimException
{
    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param problem what failed, e.g. {@code VEN registration refused}.
     * @param request method and URL.
     * @param status  the HTTP status, or -1 when no answer came.
     * @param detail  the VTN's answer body, or the I/O failure.
     */
    public VtnException(final String problem, final String request, final int status, final String detail)
    {
        super(problem + " [request=" + request + " status=" + status + " body=" + detail + "]");
        this.status = status;
    }

    /**
     * @return the HTTP status, or -1 when no answer came.
     */
    public int status()
    {
        return status;
    }
}
