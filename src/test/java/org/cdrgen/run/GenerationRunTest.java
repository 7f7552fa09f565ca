package org.cdrgen.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.TreeMap;
import org.cdrgen.cli.CliSettings;
import org.cdrgen.testing.Drops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GenerationRun} driven directly with {@link RunSettings}: how work is cut never changes what is written. */
class GenerationRunTest {
    @TempDir
    Path tmp;

    private RunSettings settings(Path out) {
        return CliSettings.parse("--subscribers", "1500", "--days", "2", "--start-date", "2026-03-02", "--seed", "99",
                "--threads", "3", "--max-file-size", "512KiB", "--output-dir", out.toString());
    }

    private TreeMap<String, byte[]> run(String name, int chunkSubscribers) throws Exception {
        Path out = tmp.resolve(name);
        RunSettings s = with(with(settings(out), "chunkSubscribers", chunkSubscribers), "outputDir", out);
        assertEquals(chunkSubscribers, s.chunkSubscribers());
        GenerationRun.Result result = new GenerationRun(s, Progress.NONE).run();
        assertTrue(result.eventRows() > 0, "no event rows");
        return Drops.contents(out);
    }

    @Test
    void chunkSizeNeverChangesOutput() throws Exception {
        TreeMap<String, byte[]> standard = run("c1000", 1000);
        TreeMap<String, byte[]> odd = run("c137", 137);
        TreeMap<String, byte[]> whole = run("c5000", 5000);
        assertEquals(new ArrayList<>(standard.keySet()), new ArrayList<>(odd.keySet()), "file lists differ");
        for (String file : standard.keySet()) {
            assertArrayEquals(standard.get(file), odd.get(file), "chunk 1000 vs 137: " + file + " differs");
            assertArrayEquals(standard.get(file), whole.get(file), "chunk 1000 vs 5000: " + file + " differs");
        }
    }

    @Test
    void resultCountsWhatWasWritten() throws Exception {
        Path out = tmp.resolve("counts");
        GenerationRun.Result result = new GenerationRun(with(settings(out), "outputDir", out), Progress.NONE).run();
        long rows = 0;
        for (var day : Drops.eventFilesByDay(out).values()) {
            for (Path part : day) {
                rows += Drops.rows(part).size();
            }
        }
        assertEquals(rows, result.eventRows());
        assertEquals(1500L * 2, result.subscriberDays());
    }

    /**
     * A copy of a record with one component replaced. Reflection keeps this test independent of the
     * components RunSettings gains over time (only the named ones matter here).
     */
    static <R extends Record> R with(R record, String component, Object value) {
        try {
            RecordComponent[] components = record.getClass().getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            boolean found = false;
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                if (components[i].getName().equals(component)) {
                    values[i] = value;
                    found = true;
                } else {
                    values[i] = components[i].getAccessor().invoke(record);
                }
            }
            if (!found) {
                throw new AssertionError(record.getClass().getSimpleName() + " has no component " + component);
            }
            @SuppressWarnings("unchecked")
            Constructor<R> canonical = (Constructor<R>) record.getClass().getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
