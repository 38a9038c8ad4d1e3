package shopkb.server.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import shopkb.server.ServerConfig;
import shopkb.server.auth.Role;
import shopkb.server.auth.TokenStore;

/** {@code token add NAME [--role editor|reader]}, {@code token revoke NAME}, {@code token list}; a running server follows. */
public final class TokenCommand {

    private TokenCommand() {
    }

    public static void run(List<String> args, String role, ServerConfig config, PrintStream out) {
        TokenStore store = TokenStore.open(config.tokenFile());
        String action = args.isEmpty() ? "list" : args.getFirst();
        switch (action) {
            case "add" -> {
                String name = nameArg(args);
                Role parsed = role == null ? Role.EDITOR : switch (role.toLowerCase(Locale.ROOT)) {
                    case "editor" -> Role.EDITOR;
                    case "reader" -> Role.READER;
                    default -> throw new IllegalArgumentException("role is editor or reader");
                };
                out.println(store.add(name, parsed));
                System.err.println("token '" + name + "' (" + parsed.name().toLowerCase(Locale.ROOT)
                        + ") added; it is shown only this once");
            }
            case "revoke" -> {
                String name = nameArg(args);
                if (!store.revoke(name)) {
                    throw new IllegalArgumentException("no token named '" + name + "'");
                }
                out.println("token '" + name + "' revoked");
            }
            case "list" -> store.all().forEach(t -> out.printf("%s\t%s\tcreated %s%n", t.name(),
                    t.role().name().toLowerCase(Locale.ROOT), t.created()));
            default -> throw new IllegalArgumentException("token takes add NAME, revoke NAME or list");
        }
    }

    private static String nameArg(List<String> args) {
        if (args.size() < 2) {
            throw new IllegalArgumentException("a token name is needed, e.g. ./kb token add alice");
        }
        return args.get(1);
    }
}
