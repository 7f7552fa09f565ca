package org.cdrgen.model;

import java.nio.charset.StandardCharsets;

/** The Luhn check digit that ends every IMEI (TS 23.003 annex B). */
public final class Luhn {
    private Luhn() {
    }

    /** Check digit for the given digits (the IMEI's first 14). */
    public static int checkDigit(CharSequence digits) {
        return checkDigit(digits.toString().getBytes(StandardCharsets.US_ASCII), digits.length());
    }

    /** Check digit for the first {@code length} ASCII digits of {@code digits}. */
    public static int checkDigit(byte[] digits, int length) {
        int sum = 0;
        // Doubling starts from the rightmost payload digit, because the check digit will follow it.
        boolean doubleIt = true;
        for (int i = length - 1; i >= 0; i--) {
            int d = digits[i] - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }

    public static boolean isValid(CharSequence number) {
        if (number.length() < 2) {
            return false;
        }
        return checkDigit(number.subSequence(0, number.length() - 1)) == number.charAt(number.length() - 1) - '0';
    }
}
