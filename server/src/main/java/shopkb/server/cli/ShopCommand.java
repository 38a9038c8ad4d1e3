package shopkb.server.cli;

import java.io.PrintStream;
import java.util.List;
import shopkb.server.ServerConfig;
import shopkb.shops.ShopCatalog;
import shopkb.shops.ShopInfo;
import shopkb.shops.ShopName;

/**
 * {@code shop add NAME [--title T] [--copy-of SHOP]}, {@code shop remove NAME}, {@code shop list}: the shops in the data
 * folder. A running server finds a shop added here on its next request to it; a shop it has open is removed through
 * the API ({@code DELETE /api/shops/NAME}), which closes it first.
 */
public final class ShopCommand {

    private ShopCommand() {
    }

    public static void run(List<String> args, String title, String copyOf, ServerConfig config, PrintStream out) {
        var catalog = new ShopCatalog(config.layout(), config.contentDir());
        String action = args.isEmpty() ? "list" : args.getFirst();
        switch (action) {
            case "add" -> {
                ShopInfo created = catalog.create(nameArg(args), title, copyOf == null ? null : new ShopName(copyOf));
                out.printf("shop '%s' (%s) created in %s%n", created.name(), created.title(), config.layout().shop(nameArg(args)));
            }
            case "remove" -> {
                ShopName name = nameArg(args);
                out.printf("shop '%s' removed: its folder is kept whole in %s%n", name, catalog.remove(name));
            }
            case "list" -> catalog.list().forEach(shop -> out.printf("%s\t%s%s%n", shop.name(), shop.title(),
                    shop.created() == null ? "\t(default: today's /api/... paths)" : "\tcreated " + shop.created()));
            default -> throw new IllegalArgumentException("shop takes add NAME, remove NAME or list");
        }
    }

    private static ShopName nameArg(List<String> args) {
        if (args.size() < 2) {
            throw new IllegalArgumentException("a shop name is needed, e.g. ./kb shop add tmall-2");
        }
        return new ShopName(args.get(1));
    }
}
