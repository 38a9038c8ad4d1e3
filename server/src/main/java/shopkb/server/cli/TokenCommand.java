package shopkb.server.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import shopkb.server.RunningEngine;
import shopkb.server.ServerConfig;
import shopkb.server.auth.Principal;
import shopkb.server.auth.Role;
import shopkb.server.auth.TokenStore;
import shopkb.shops.DataLayout;
import shopkb.shops.ShopName;

/**
 * {@code token add NAME [--role admin|editor|agent|reader] [--shops a,b|*]}, {@code token revoke NAME}, {@code token
 * list}; a running server follows at once.
 */
public final class TokenCommand {

    private TokenCommand() {
    }

    /** @param shops comma-separated shop names or {@code *}; null: the default shop */
    public static void run(List<String> args, String role, String shops, ServerConfig config, PrintStream out) {
        // With --opensearch, the tokens every server over that cluster shares.
        try (RunningEngine engine = RunningEngine.open(config.engine(), false)) {
            TokenStore store = TokenStore.open(config.tokenFile(), engine.serverFiles(config.dataDir(), List.of(DataLayout.TOKENS)));
            String action = args.isEmpty() ? "list" : args.getFirst();
            switch (action) {
                case "add" -> {
                    String name = nameArg(args);
                    Role parsed = role == null ? Role.EDITOR : parseRole(role);
                    List<String> allowed = parsed == Role.ADMIN ? List.of(Principal.EVERY_SHOP)
                            : shops == null ? List.of(ShopName.DEFAULT.value())
                            : Arrays.stream(shops.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                    out.println(store.add(name, parsed, allowed));
                    System.err.println("token '" + name + "' (" + parsed.name().toLowerCase(Locale.ROOT) + ", shops "
                            + String.join(",", allowed) + ") added; it is shown only this once");
                }
                case "revoke" -> {
                    String name = nameArg(args);
                    if (!store.revoke(name)) {
                        throw new IllegalArgumentException("no token named '" + name + "'");
                    }
                    out.println("token '" + name + "' revoked");
                }
                case "list" -> store.all().forEach(t -> out.printf("%s\t%s\t%s\tcreated %s%n", t.name(),
                        t.role().name().toLowerCase(Locale.ROOT), String.join(",", t.shops()), t.created()));
                default -> throw new IllegalArgumentException("token takes add NAME, revoke NAME or list");
            }
        }
    }

    private static Role parseRole(String role) {
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role is admin, editor, agent or reader");
        }
    }

    private static String nameArg(List<String> args) {
        if (args.size() < 2) {
            throw new IllegalArgumentException("a token name is needed, e.g. ./kb token add alice");
        }
        return args.get(1);
    }
}
