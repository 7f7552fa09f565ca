package org.cdrgen.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Parses sizes such as 128MiB, 1GB, 500kB, 1.5GiB or 65536: KB/MB/GB/TB are powers of 1000, KiB/MiB/GiB/TiB
 * of 1024. A fraction is allowed when the size comes to a whole number of bytes (1.5KiB is 1536 bytes, 4.9KiB
 * is not).
 */
public final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)\\s*");

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    public static long parse(String value) {
        Matcher m = SIZE.matcher(value);
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size: use e.g. 64MiB, 1GB or 1048576");
        }
        BigDecimal number = new BigDecimal(m.group(1));
        long unit;
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "": case "b": unit = 1; break;
            case "kb": case "k": unit = 1000L; break;
            case "mb": case "m": unit = 1000_000L; break;
            case "gb": case "g": unit = 1000_000_000L; break;
            case "tb": case "t": unit = 1000_000_000_000L; break;
            case "kib": unit = 1L << 10; break;
            case "mib": unit = 1L << 20; break;
            case "gib": unit = 1L << 30; break;
            case "tib": unit = 1L << 40; break;
            default:
                throw new CommandLine.TypeConversionException("'" + value + "' has an unknown unit '" + m.group(2)
                        + "': use B, KB, MB, GB, TB, KiB, MiB, GiB or TiB");
        }
        // Exact decimal arithmetic: 4.1GB is 4,100,000,000 bytes, not one less.
        BigDecimal bytes = number.multiply(BigDecimal.valueOf(unit));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0) {
            throw new CommandLine.TypeConversionException("'" + value + "' is too large");
        }
        // Refused rather than rounded: a size the user wrote should be the size the run uses, to the byte.
        if (bytes.remainder(BigDecimal.ONE).signum() != 0) {
            throw new CommandLine.TypeConversionException("'" + value + "' is "
                    + bytes.stripTrailingZeros().toPlainString() + " bytes, not a whole number of bytes");
        }
        return bytes.longValueExact();
    }
}
