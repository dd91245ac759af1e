package org.vmshield.load.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses durations such as {@code 500ms}, {@code 30s}, {@code 2m}, or plain seconds, into milliseconds. */
public final class DurationConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        return parseMillis(value);
    }

    /** Returns {@code value} in milliseconds; throws TypeConversionException with the expected form. */
    public static long parseMillis(String value) {
        String v = value == null ? "" : value.trim().toLowerCase();
        long unit;
        String number;
        if (v.endsWith("ms")) {
            unit = 1;
            number = v.substring(0, v.length() - 2);
        } else if (v.endsWith("s")) {
            unit = 1000;
            number = v.substring(0, v.length() - 1);
        } else if (v.endsWith("m")) {
            unit = 60_000;
            number = v.substring(0, v.length() - 1);
        } else {
            unit = 1000;
            number = v;
        }
        try {
            double n = Double.parseDouble(number);
            if (!(n >= 0) || Double.isInfinite(n)) {
                throw new NumberFormatException();
            }
            return Math.round(n * unit);
        } catch (NumberFormatException e) {
            throw new TypeConversionException(
                    "duration: '" + value + "' (expected: a non-negative number with ms, s or m, such as 30s)");
        }
    }
}
