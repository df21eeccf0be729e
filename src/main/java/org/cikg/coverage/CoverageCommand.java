package org.cikg.coverage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.cikg.config.CommandContext;
import org.cikg.problem.DataLoadException;
import org.cikg.store.load.DataLoader;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar cikg.jar coverage [FILE] [--kg.store.location=...]}: loads {@code ontology/} and {@code data/} if
 * they changed since the last load (validating them against the shapes), then writes the coverage report to
 * {@code FILE} (default {@code docs/coverage.md}). Exits 0 on success, 1 on bad data or an unwritable file. Like
 * {@code load}, it needs the store to itself: stop the service first.
 */
public final class CoverageCommand {
    static final Path DEFAULT_OUTPUT = Path.of("docs", "coverage.md");

    private CoverageCommand() {}

    /** Runs the command; {@code context} opens the application context it works in. */
    public static int run(String[] args, CommandContext context) {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        Path output = Arrays.stream(rest)
                .filter(a -> !a.startsWith("--"))
                .findFirst()
                .map(Path::of)
                .orElse(DEFAULT_OUTPUT);
        List<String> springArgs =
                Arrays.stream(rest).filter(a -> a.startsWith("--")).toList();
        try (ConfigurableApplicationContext ctx = context.open(springArgs)) {
            ctx.getBean(DataLoader.class).loadIfChanged();
            String md = ctx.getBean(CoverageReport.class).markdown();
            if (output.getParent() != null) {
                Files.createDirectories(output.getParent());
            }
            Files.writeString(output, md, StandardCharsets.UTF_8);
            System.out.printf(
                    "Wrote %s (%d report queries)%n",
                    output, ctx.getBean(CoverageReport.class).queries().size());
            return 0;
        } catch (IOException e) {
            System.err.println("Coverage failed: cannot write " + output + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            Throwable t = e;
            while (t.getCause() != null && !(t instanceof DataLoadException)) {
                t = t.getCause();
            }
            System.err.println("Coverage failed: " + t.getMessage());
            return 1;
        }
    }
}
