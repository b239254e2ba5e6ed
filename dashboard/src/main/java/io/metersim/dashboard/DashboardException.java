package io.metersim.dashboard;

import io.metersim.core.MetersimException;

/**
 * The dashboard cannot start or serve: a port in use, a page resource missing from the jar, an option out of range.
 */
final class DashboardException extends MetersimException
{
    private static final long serialVersionUID = 1L;

    DashboardException(final String message)
    {
        super(message);
    }

    DashboardException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
