package io.metersim.core;

/**
 * Load data that cannot be used: the file, the object path inside it and the problem.
 */
public class LoadDataException extends MetersimException
{
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String objectPath;
    private final String problem;

    /**
     * @param file       the data file (or source name) at fault.
     * @param objectPath the object inside it, e.g. {@code /meters/meter_1/load_0/power}; {@code /} for the file.
     * @param problem    what is wrong, in words a user can act on.
     */
    public LoadDataException(final String file, final String objectPath, final String problem)
    {
        this(file, objectPath, problem, null);
    }

    /**
     * @param file       the data file (or source name) at fault.
     * @param objectPath the object inside it; {@code /} for the file.
     * @param problem    what is wrong.
     * @param cause      the underlying failure, kept for {@code --verbose}.
     */
    public LoadDataException(final String file, final String objectPath, final String problem, final Throwable cause)
    {
        super(problem + " [file=" + file + " path=" + objectPath + "]", cause);
        this.file = file;
        this.objectPath = objectPath;
        this.problem = problem;
    }

    /**
     * @return the data file (or source name) at fault.
     */
    public String file()
    {
        return file;
    }

    /**
     * @return the object path inside the file.
     */
    public String objectPath()
    {
        return objectPath;
    }

    /**
     * @return the problem without its context.
     */
    public String problem()
    {
        return problem;
    }
}
