package org.cdrgen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.cdrgen.IndependentLuhn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The IMEI check digit (TS 23.003 annex B). */
class LuhnTest {
    @ParameterizedTest
    @ValueSource(strings = {"490154203237518", "356938035643809", "352099001761481", "79927398713"})
    void knownValidNumbers(String number) {
        assertTrue(Luhn.isValid(number), number);
        assertTrue(IndependentLuhn.isValid(number), number);
        assertEquals(number.charAt(number.length() - 1) - '0', Luhn.checkDigit(number.substring(0, number.length() - 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"490154203237517", "356938035643808", "490154203237581", "79927398710", "0", ""})
    void invalidNumbers(String number) {
        assertFalse(Luhn.isValid(number), number);
    }

    @Test
    void everySingleDigitErrorIsDetected() {
        String imei = "490154203237518";
        for (int i = 0; i < imei.length(); i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != imei.charAt(i)) {
                    String wrong = imei.substring(0, i) + d + imei.substring(i + 1);
                    assertFalse(Luhn.isValid(wrong), wrong);
                }
            }
        }
    }

    @Test
    void agreesWithAnIndependentImplementationOnRandomImeis() {
        SplittableRandom random = new SplittableRandom(1);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 14; i++) {
                body.append((char) ('0' + random.nextInt(10)));
            }
            String imei = body.toString() + Luhn.checkDigit(body);
            assertTrue(IndependentLuhn.isValid(imei), imei);
            int check = imei.charAt(14) - '0';
            String wrong = body.toString() + (check + 1 + random.nextInt(9)) % 10;
            assertFalse(IndependentLuhn.isValid(wrong), wrong);
            assertFalse(Luhn.isValid(wrong), wrong);
        }
    }
}
