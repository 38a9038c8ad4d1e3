package shopkb.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import shopkb.ShopFolders;
import shopkb.opensearch.engine.ClusterClient;
import shopkb.opensearch.engine.ClusterContentHome;
import shopkb.opensearch.engine.ClusterEngine;
import shopkb.server.EngineConfig;
import shopkb.server.RunningEngine;
import shopkb.server.ServerConfig;
import shopkb.shops.ShopCatalog;
import shopkb.shops.ShopInfo;
import shopkb.shops.ShopName;
import shopkb.shops.UnknownShopException;

/**
 * {@code shop add NAME [--title T] [--copy-of SHOP]}, {@code shop remove NAME}, {@code shop list}: the shops in the data
 * folder. A running server finds a shop added here on its next request to it; a shop it has open is removed through
 * the API ({@code DELETE /api/shops/NAME}), which closes it first. With {@code --opensearch URL[,URL…]} the same three
 * act on the cluster's shops, which every server over it serves: an added shop is served at once, a removed one is
 * closed by the servers within a second, its files kept in this data folder's {@code removed/}. {@code shop move NAME
 * --to opensearch|embedded --opensearch URL[,URL…]} moves a shop's content, history and agents' own phrasings into the
 * cluster, or back into its folders.
 */
public final class ShopCommand {

    private ShopCommand() {
    }

    public static void run(List<String> args, Map<String, String> flags, ServerConfig config, PrintStream out) {
        String action = args.isEmpty() ? "list" : args.getFirst();
        if (action.equals("move")) {
            move(new ShopCatalog(config.layout(), config.contentDir()), nameArg(args), flags.get("to"), config, out);
            return;
        }
        if (!List.of("add", "remove", "list").contains(action)) {
            throw new IllegalArgumentException("shop takes add NAME, remove NAME, move NAME --to opensearch|embedded, or list");
        }
        // With --opensearch, the shops every server over that cluster serves.
        try (RunningEngine engine = RunningEngine.open(config.engine(), false)) {
            var catalog = new ShopCatalog(config.layout(), config.contentDir(), engine.contentHome(), engine.engine());
            String where = catalog.shared() ? "the cluster" : "this data folder";
            switch (action) {
                case "add" -> {
                    String copyOf = flags.get("copy-of");
                    ShopInfo created = catalog.create(nameArg(args), flags.get("title"), copyOf == null ? null : new ShopName(copyOf));
                    out.printf("shop '%s' (%s) created in %s%n", created.name(), created.title(),
                            catalog.shared() ? where + " (" + engine.description() + ")" : config.layout().shop(nameArg(args)));
                }
                case "remove" -> {
                    ShopName name = nameArg(args);
                    out.printf("shop '%s' removed from %s: its files are kept whole in %s%n", name, where, catalog.remove(name));
                }
                default -> catalog.list().forEach(shop -> out.printf("%s\t%s%s%n", shop.name(), shop.title(),
                        ShopName.DEFAULT.value().equals(shop.name()) ? "\t(default: today's /api/... paths)"
                                : shop.created() == null ? "" : "\tcreated " + shop.created()));
            }
        }
    }

    /**
     * Into the cluster: the shop's content, history and own-phrasing files become its home there (refused when the
     * cluster has the shop already). Out of it: the cluster's files replace the shop's content files and join its
     * history and own phrasings, then the shop's files and units leave the cluster. Either way nothing is left behind half: the files are all written
     * before anything is deleted.
     */
    private static void move(ShopCatalog catalog, ShopName name, String to, ServerConfig config, PrintStream out) {
        if (!EngineConfig.OPENSEARCH.equals(to) && !EngineConfig.EMBEDDED.equals(to)) {
            throw new IllegalArgumentException("shop move needs --to opensearch or --to embedded");
        }
        if (config.engine().opensearch().isEmpty()) {
            throw new IllegalArgumentException("shop move needs the cluster's addresses: --opensearch http://host:9200[,...]");
        }
        if (to.equals(EngineConfig.OPENSEARCH) && !catalog.exists(name)) {
            throw new UnknownShopException(name); // out of the cluster: the cluster says whether it holds the shop
        }
        ClusterEngine cluster = ClusterEngine.connect(ClusterClient.of(config.engine().opensearch()), ClusterEngine.DEFAULT_PREFIX);
        ClusterContentHome home = cluster.contentHome();
        ShopFolders folders = catalog.folders(name);
        if (to.equals(EngineConfig.OPENSEARCH)) {
            int files = home.moveIn(name.value(), folders);
            out.printf("shop '%s': %d content, history and own-phrasing files written to %s; serve it with --engine opensearch%n", name, files,
                    home.indexOf(name.value()));
            return;
        }
        try {
            int files = home.moveOut(name.value(), folders);
            cluster.drop(name.value());
            out.printf("shop '%s': %d content, history and own-phrasing files written to %s and %s; %s and its units deleted "
                    + "from the cluster; serve it embedded%n", name, files, folders.content(), folders.data(),
                    home.indexOf(name.value()));
        } catch (IOException e) {
            throw new UncheckedIOException("moving shop '" + name + "' out of the cluster failed; the cluster still holds it", e);
        }
    }

    private static ShopName nameArg(List<String> args) {
        if (args.size() < 2) {
            throw new IllegalArgumentException("a shop name is needed, e.g. ./kb shop add tmall-2");
        }
        return new ShopName(args.get(1));
    }
}
