package org.cdrgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Sizes: KB/MB/GB/TB are powers of 1000, KiB/MiB/GiB/TiB powers of 1024, a bare number is bytes. */
class ByteSizeConverterTest {
    @ParameterizedTest
    @CsvSource({
        "64MiB, 67108864",
        "1GB, 1000000000",
        "1048576, 1048576",
        "1.5KiB, 1536",
        "4KiB, 4096",
        "128MiB, 134217728",
        "500kB, 500000",
        "1 MB, 1000000",
        "2gib, 2147483648",
        "1TiB, 1099511627776",
        "1TB, 1000000000000",
        "0, 0",
        "7B, 7",
        "0.5MiB, 524288",
        "1.5GiB, 1610612736",
        "1.0B, 1"})
    void parses(String text, long bytes) {
        assertEquals(bytes, ByteSizeConverter.parse(text));
        assertEquals(bytes, new ByteSizeConverter().convert(text));
    }

    /**
     * Decimal sizes that come to whole bytes come out exact: binary floating point would make "4.1GB"
     * 4,099,999,999 bytes and "2.01MB" 2,009,999.
     */
    @ParameterizedTest
    @CsvSource({
        "4.1GB, 4100000000",
        "2.01MB, 2010000",
        "1.005KB, 1005",
        "8.03KB, 8030"})
    void decimalSizesAreExact(String text, long bytes) {
        assertEquals(bytes, ByteSizeConverter.parse(text), text);
    }

    /** A size that is not a whole number of bytes is refused, naming what it comes to, never rounded or cut. */
    @ParameterizedTest
    @CsvSource({
        "4.9KiB, 5017.6",
        "1.5B, 1.5",
        "0.1KiB, 102.4",
        "4.90KiB, 5017.6",
        "2.0000001MB, 2000000.1",
        "0.0000001GiB, 107.3741824"})
    void rejectsSizesThatAreNotWholeBytes(String text, String bytes) {
        CommandLine.TypeConversionException e = assertThrows(CommandLine.TypeConversionException.class,
                () -> ByteSizeConverter.parse(text));
        assertEquals("'" + text + "' is " + bytes + " bytes, not a whole number of bytes", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12XB", "1 parsec", "64MiBs", "5Ki"})
    void rejectsUnknownUnitsNamingThem(String text) {
        CommandLine.TypeConversionException e = assertThrows(CommandLine.TypeConversionException.class,
                () -> ByteSizeConverter.parse(text));
        assertTrue(e.getMessage().contains("unit"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MiB", "-5MB", "1,5MiB", "1e6", "abc", ".5MiB", "1..5KB"})
    void rejectsWhatIsNotASize(String text) {
        CommandLine.TypeConversionException e = assertThrows(CommandLine.TypeConversionException.class,
                () -> ByteSizeConverter.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void rejectsSizesBeyondALong() {
        assertThrows(CommandLine.TypeConversionException.class, () -> ByteSizeConverter.parse("9000000TiB"));
        assertThrows(CommandLine.TypeConversionException.class,
                () -> ByteSizeConverter.parse("99999999999999999999999"));
    }
}
