package org.tidings.server.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --name VALUE} or {@code --name=VALUE}, {@code -h} or {@code --help}, {@code --} before
 * files whose names start with a dash, and at least one FILE.
 *
 * @param exit the status to exit with at once (help: 0, wrong usage: 2), or -1 to go on
 */
record FileArguments(Map<String, String> options, List<String> files, int exit) {

    static FileArguments parse(String command, String usage, List<String> optionNames, List<String> args,
                               PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (arg.equals("-h") || arg.equals("--help")) {
                out.println(usage);
                return new FileArguments(options, files, 0);
            } else if (arg.equals("--")) {
                files.addAll(args.subList(i + 1, args.size()));
                break;
            } else if (optionNames.contains(name) && equals >= 0) {
                options.put(name, arg.substring(equals + 1));
            } else if (optionNames.contains(arg)) {
                if (i + 1 >= args.size()) return usage(command, usage, err, arg + " needs a value");
                options.put(arg, args.get(++i));
            } else if (arg.startsWith("--")) {
                return usage(command, usage, err, "unknown option " + arg);
            } else {
                files.add(arg);
            }
        }
        return files.isEmpty() ? usage(command, usage, err, "no FILE given") : new FileArguments(options, files, -1);
    }

    private static FileArguments usage(String command, String usage, PrintStream err, String problem) {
        err.println(command + ": " + problem);
        err.println(usage);
        return new FileArguments(Map.of(), List.of(), 2);
    }
}
