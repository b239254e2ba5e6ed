package io.metersim.core;

/**
 * A registry that cannot be used: a malformed CSV row (naming file and line), a duplicate resource or a file that
 * cannot be read or written.
 */
public class RegistryFormatException extends MetersimException
{
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    /**
     * @param message what is wrong, with its {@code [key=value]} context.
     */
    public RegistryFormatException(final String message)
    {
        super(message);
        this.file = "";
        this.line = 0;
    }

    /**
     * @param file    the registry file.
     * @param line    the 1-based line the faulty record starts on.
     * @param problem what is wrong.
     */
    public RegistryFormatException(final String file, final int line, final String problem)
    {
        super(problem + " [file=" + file + " line=" + line + "]");
        this.file = file;
        this.line = line;
    }

    /**
     * @param file    the registry file.
     * @param problem what is wrong with the file as a whole.
     * @param cause   the underlying failure, or null.
     */
    public RegistryFormatException(final String file, final String problem, final Throwable cause)
    {
        super(problem + " [file=" + file + "]", cause);
        this.file = file;
        this.line = 0;
    }

    /**
     * @return the registry file, or {@code ""} when the registry did not come from a file.
     */
    public String file()
    {
        return file;
    }

    /**
     * @return the 1-based line at fault, or 0 when no line is.
     */
    public int line()
    {
        return line;
    }
}
