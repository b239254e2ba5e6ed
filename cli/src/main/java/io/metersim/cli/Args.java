package io.metersim.cli;

/**
 * Looks at the raw command line before picocli parses it, for the options that shape parsing itself.
 */
final class Args
{
    private Args()
    {
    }

    static boolean hasFlag(final String[] args, final String flag)
    {
        for (final String arg : args)
        {
            if ("--".equals(arg))
            {
                return false;
            }
            if (flag.equals(arg))
            {
                return true;
            }
        }
        return false;
    }

    static String optionValue(final String[] args, final String option)
    {
        for (int i = 0; i < args.length; i++)
        {
            if ("--".equals(args[i]))
            {
                return null;
            }
            if (option.equals(args[i]) && i + 1 < args.length)
            {
                return args[i + 1];
            }
            if (args[i].startsWith(option + "="))
            {
                return args[i].substring(option.length() + 1);
            }
        }
        return null;
    }
}
