package org.tidings.fuzz;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The long fuzzing run: one target (or each in turn) for a number of seconds, coverage-guided by
 * Jazzer, or with the seeded mutator of the test suite ({@code --mutator}). Prints the inputs tried
 * and the findings; Jazzer keeps its corpus and each finding's input under {@code target/fuzz/TARGET/}.
 * <pre>
 *   bench/run core org.tidings.fuzz.FuzzCommand feed 120
 *   bench/run core org.tidings.fuzz.FuzzCommand all 60 [--mutator]
 *   bench/run core org.tidings.fuzz.FuzzCommand feed replay target/fuzz/feed/findings/crash-...
 * </pre>
 * {@code replay} checks one saved input again and cuts it down to what still fails, printed as a
 * Java string for the regression test.
 * The server's targets run the same way through {@code org.tidings.server.fuzz.ServerFuzzCommand}.
 */
public final class FuzzCommand {

    /** The last line of a run, read back when each target runs in a process of its own. */
    private static final String RESULT = "fuzz-result";
    /** Jazzer's instrumentation costs time and memory of its own: a 64 kB page that allocates 13 MiB plainly allocated 197 MiB under it. */
    private static final int JAZZER_ALLOWANCE = 4;

    private FuzzCommand() {}

    public static void main(String[] args) throws Exception {
        run(CoreTargets.all(), FuzzCommand.class, args);
    }

    /** Runs {@code args} (TARGET|all SECONDS [--mutator]) over {@code targets}; {@code main} is the class whose main this is. */
    public static void run(List<FuzzTarget> targets, Class<?> main, String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: " + main.getName() + " TARGET|all SECONDS [--mutator] | TARGET replay FILE\n  targets: "
                    + String.join(", ", targets.stream().map(FuzzTarget::name).toList()));
            System.exit(2);
        }
        if (args[0].equals("all")) {
            eachInItsOwnProcess(targets, main, Integer.parseInt(args[1]), List.of(args).contains("--mutator"));
            return;
        }
        FuzzTarget target = targets.stream().filter(t -> t.name().equals(args[0])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no target " + args[0]));
        if (args[1].equals("replay")) {
            MutationRun.Finding finding = MutationRun.replay(target, Files.readAllBytes(Path.of(args[2])));
            System.out.println(finding == null ? "no finding: the input keeps the contract" : finding.describe());
        } else if (List.of(args).contains("--mutator")) {
            withMutator(target, Integer.parseInt(args[1]));
        } else {
            withJazzer(target, Integer.parseInt(args[1]));
        }
    }

    private static void withMutator(FuzzTarget target, int seconds) {
        long seed = System.nanoTime();
        System.out.println("fuzz " + target.name() + ": seeded mutator, random seed " + seed);
        MutationRun.Result result = MutationRun.run(target, target.seeds().get(), Long.MAX_VALUE, Duration.ofSeconds(seconds), seed);
        for (MutationRun.Finding f : result.findings()) System.out.println(f.describe());
        report(target.name(), "mutator", result.executions(), result.time(), result.findings().size(), "");
    }

    /** Jazzer runs once per process and ends it: the summary is printed as the process ends. */
    private static void withJazzer(FuzzTarget target, int seconds) throws Exception {
        Path dir = Path.of("target", "fuzz", target.name());
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Path seeds = Files.createDirectories(dir.resolve("seeds"));
        Path found = Files.createDirectories(dir.resolve("findings"));
        List<byte[]> inputs = target.seeds().get();
        for (int i = 0; i < inputs.size(); i++) Files.write(seeds.resolve(String.format("seed-%05d", i)), inputs.get(i));
        JazzerEntry.target = target;
        Bounds.allowance = JAZZER_ALLOWANCE;
        long start = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (JazzerEntry.findings) {
                JazzerEntry.findings.forEach((signature, e) -> System.out.println("finding: " + signature + "\n  " + e));
                report(target.name(), "jazzer", JazzerEntry.executions.get(), Duration.ofNanos(System.nanoTime() - start),
                        JazzerEntry.findings.size(), " (inputs in " + found + ")");
            }
        }));
        com.code_intelligence.jazzer.Jazzer.main(new String[] {
                "--target_class=" + JazzerEntry.class.getName(),
                "--instrumentation_includes=org.tidings.**",
                "--instrumentation_excludes=org.tidings.fuzz.**",
                // these hook the JDK's own classes, which this Jazzer cannot read on a JDK newer than 23
                "--disabled_hooks=com.code_intelligence.jazzer.sanitizers.RegexRoadblocks:com.code_intelligence.jazzer.sanitizers.OsCommandInjection",
                "--keep_going=" + 100,
                "--reproducer_path=" + found,
                "-artifact_prefix=" + found + "/",
                "-max_total_time=" + seconds,
                "-timeout=" + Bounds.TIME.multipliedBy(5L * JAZZER_ALLOWANCE).toSeconds(),
                "-max_len=" + Mutator.MAX_INPUT,
                "-rss_limit_mb=4096",
                "-print_final_stats=1",
                corpus.toString(), seeds.toString()});
    }

    private static void report(String target, String engine, long executions, Duration time, int findings, String where) {
        System.out.printf(Locale.ROOT, "%s target=%s engine=%s executions=%d seconds=%d findings=%d%s%n", RESULT, target, engine,
                executions, time.toSeconds(), findings, where);
    }

    /** Each target in a fresh JVM (Jazzer ends the process it runs in), then the table of all. */
    private static void eachInItsOwnProcess(List<FuzzTarget> targets, Class<?> main, int seconds, boolean mutator)
            throws IOException, InterruptedException {
        List<String> results = new ArrayList<>();
        for (FuzzTarget target : targets) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName(), target.name(), String.valueOf(seconds)));
            if (mutator) command.add("--mutator");
            Path log = Files.createTempFile("fuzz-" + target.name(), ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            process.waitFor();
            try (Stream<String> lines = Files.lines(log)) {
                lines.filter(l -> l.startsWith(RESULT) || l.startsWith("finding: ") || l.startsWith("  ")).forEach(l -> {
                    System.out.println(l);
                    if (l.startsWith(RESULT)) results.add(l);
                });
            }
            System.out.println("  (whole output: " + log + ")");
        }
        System.out.println("\nsummary:");
        results.forEach(System.out::println);
    }
}
