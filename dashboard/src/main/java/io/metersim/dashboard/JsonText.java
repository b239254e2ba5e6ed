package io.metersim.dashboard;

/**
 * Just enough JSON writing for the dashboard's messages, into a reused {@link StringBuilder}: names and strings
 * escaped per RFC 8259, non-finite numbers as {@code null}. The caller places the commas.
 */
final class JsonText
{
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText()
    {
    }

    static StringBuilder name(final StringBuilder out, final String name)
    {
        string(out, name);
        return out.append(':');
    }

    static StringBuilder string(final StringBuilder out, final String value)
    {
        if (null == value)
        {
            return out.append("null");
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default ->
                {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029)
                    {
                        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                            .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    }
                    else
                    {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    static StringBuilder number(final StringBuilder out, final double value)
    {
        if (Double.isNaN(value) || Double.isInfinite(value))
        {
            return out.append("null");
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15)
        {
            return out.append((long)value);
        }
        return out.append(value);
    }
}
