package io.metersim.core;

/**
 * A resource id that the named VEN does not hold.
 */
public class UnknownResourceException extends MetersimException
{
    private static final long serialVersionUID = 1L;

    private final String ven;
    private final String resourceId;

    /**
     * @param ven        the VEN asked.
     * @param resourceId the resource id asked for.
     * @param known      the VEN's resource ids, already shortened for a message.
     */
    public UnknownResourceException(final String ven, final String resourceId, final String known)
    {
        super("unknown resource: " + resourceId + " [ven=" + ven + " known=" + known + "]");
        this.ven = ven;
        this.resourceId = resourceId;
    }

    /**
     * @return the VEN asked.
     */
    public String ven()
    {
        return ven;
    }

    /**
     * @return the resource id asked for.
     */
    public String resourceId()
    {
        return resourceId;
    }
}
