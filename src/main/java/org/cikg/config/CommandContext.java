package org.cikg.config;

import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Opens the application context a command-line command runs in (no web server, no SPARQL endpoints, no load at
 * start-up), given the command's Spring arguments ({@code --kg.store.location=...}). The boot class passes its own
 * ({@code CikgApplication::commandContext}) to each command, so the commands need not know the boot class.
 *
 * <pre>{@code
 * try (ConfigurableApplicationContext ctx = context.open(List.of("--kg.store.location=kg-store"))) {
 *     ctx.getBean(DataLoader.class).load(true);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface CommandContext {
    ConfigurableApplicationContext open(List<String> springArgs);
}
