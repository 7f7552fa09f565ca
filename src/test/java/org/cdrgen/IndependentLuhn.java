package org.cdrgen;

/** The Luhn check written independently of org.cdrgen.model.Luhn, so the two can check each other. */
public final class IndependentLuhn {
    private IndependentLuhn() {
    }

    /** Whether a digit string (check digit last) passes: from the right, every second digit is doubled. */
    public static boolean isValid(String number) {
        if (number.length() < 2) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < number.length(); i++) {
            int digit = number.charAt(number.length() - 1 - i) - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            if (i % 2 == 1) {
                digit *= 2;
                digit = digit / 10 + digit % 10;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
