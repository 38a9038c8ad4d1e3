package shopkb.server.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Command-line words split into {@code --name value} / {@code --name=value} flags and positional arguments. */
public record Flags(Map<String, String> named, List<String> positional) {

    public static Flags parse(List<String> args) {
        var named = new HashMap<String, String>();
        var positional = new ArrayList<String>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                if (eq > 0) {
                    named.put(arg.substring(2, eq), arg.substring(eq + 1));
                } else if (i + 1 < args.size()) {
                    named.put(arg.substring(2), args.get(++i));
                } else {
                    throw new IllegalArgumentException("flag " + arg + " needs a value");
                }
            } else {
                positional.add(arg);
            }
        }
        return new Flags(Map.copyOf(named), List.copyOf(positional));
    }
}
