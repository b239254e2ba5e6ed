package io.metersim.core;

/**
 * A VEN name or handle the registry does not hold.
 */
public class UnknownVenException extends MetersimException
{
    private static final long serialVersionUID = 1L;

    private final String ven;

    /**
     * @param ven   the name asked for.
     * @param known the VENs the registry holds, already shortened for a message.
     */
    public UnknownVenException(final String ven, final String known)
    {
        super("unknown VEN: " + ven + " [known=" + known + "]");
        this.ven = ven;
    }

    /**
     * @return the name asked for.
     */
    public String ven()
    {
        return ven;
    }
}
