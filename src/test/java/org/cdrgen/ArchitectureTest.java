package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way: cli/api -> config -> run -> generate -> sink -> output -> drop, with model (rows and
 * identities) and schema below them all. Read from the import lines of src/main/java, so a shortcut that
 * would tie the packages in a knot fails the build instead of a review.
 */
class ArchitectureTest {
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.cdrgen\\.(\\w+)\\.", Pattern.MULTILINE);
    private static final Path MAIN = Path.of("src/main/java/org/cdrgen");

    /** Each package and the cdrgen packages its classes import. */
    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Path dir = MAIN.relativize(file).getParent();
                if (dir == null) {
                    continue; // top-level helpers (Version, IoReasons, Sha256) import no package
                }
                String pkg = dir.getName(0).toString();
                Set<String> uses = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        uses.add(m.group(1));
                    }
                }
            }
        }
        return graph;
    }

    @Test
    void thePackagesFormNoCycle() throws IOException {
        Map<String, Set<String>> graph = dependencies();
        List<String> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            if (reaches(graph, start, start, new TreeSet<>())) {
                cycles.add(start + " depends on itself through " + graph.get(start));
            }
        }
        assertEquals(List.of(), cycles);
    }

    @Test
    void generatorsKnowRowsNotBytes() throws IOException {
        Map<String, Set<String>> graph = dependencies();
        Set<String> generate = new TreeSet<>(graph.get("generate"));
        generate.retainAll(Set.of("output", "drop", "run", "cli", "api", "inspect"));
        assertEquals(Set.of(), generate, "generate hands rows to a sink and must not see files or formats");
        Set<String> sink = new TreeSet<>(graph.getOrDefault("sink", Set.of()));
        sink.removeAll(Set.of("model"));
        assertEquals(Set.of(), sink, "the sink interface sees rows only");
        Set<String> model = new TreeSet<>(graph.getOrDefault("model", Set.of()));
        model.removeAll(Set.of("schema"));
        assertEquals(Set.of(), model, "model is the bottom: rows and identities");
    }

    @Test
    void nothingDependsOnTheSparkDataSource() throws IOException {
        // The CLI jar leaves org.cdrgen.spark out (Spark is provided): a reference to it would fail at run time.
        List<String> users = new ArrayList<>();
        dependencies().forEach((pkg, uses) -> {
            if (!pkg.equals("spark") && uses.contains("spark")) {
                users.add(pkg);
            }
        });
        assertEquals(List.of(), users);
        assertEquals(Set.of(), dependencies().get("spark").stream().filter(p -> p.equals("cli")).collect(
                java.util.stream.Collectors.toSet()), "the Spark jar carries no CLI");
    }

    private static boolean reaches(Map<String, Set<String>> graph, String from, String target, Set<String> seen) {
        for (String next : graph.getOrDefault(from, Set.of())) {
            if (next.equals(target) || seen.add(next) && reaches(graph, next, target, seen)) {
                return true;
            }
        }
        return false;
    }
}
