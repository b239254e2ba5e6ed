package io.metersim.h5;

import io.metersim.core.MetersimException;

/**
 * A problem confined to one meter or one load, which the reader reports as a warning and skips past. Never leaves
 * this package: the reader turns it into a {@code DataWarning} or, when nothing loads, a {@code LoadDataException}.
 */
final class MeterProblem extends MetersimException
{
    private static final long serialVersionUID = 1L;

    private final String objectPath;
    private final String problem;

    MeterProblem(final String objectPath, final String problem)
    {
        super(problem + " [path=" + objectPath + "]");
        this.objectPath = objectPath;
        this.problem = problem;
    }

    String objectPath()
    {
        return objectPath;
    }

    String problem()
    {
        return problem;
    }
}
