package org.tidings.server.fuzz;

import org.tidings.fuzz.FuzzCommand;

/**
 * The long fuzzing run over the server's targets ({@code comment}, {@code search-query}), as
 * {@link FuzzCommand} runs the core's:
 * <pre>
 *   bench/run server org.tidings.server.fuzz.ServerFuzzCommand all 60
 * </pre>
 */
public final class ServerFuzzCommand {

    private ServerFuzzCommand() {}

    public static void main(String[] args) throws Exception {
        FuzzCommand.run(ServerTargets.all(), ServerFuzzCommand.class, args);
    }
}
