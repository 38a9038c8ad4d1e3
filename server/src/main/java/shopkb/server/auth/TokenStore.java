package shopkb.server.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import shopkb.editing.AtomicFiles;
import shopkb.editing.FileHome;
import shopkb.editing.StaleCopyException;
import shopkb.shops.ShopName;

/**
 * API tokens with their role and shops, kept in a JSON file in the data folder as SHA-256 hashes only: a leaked file
 * reveals no token.
 * Tokens are 256 random bits, so a plain hash is enough (no password stretching needed). Presented tokens
 * are compared in constant time against every stored hash. The file is re-read when it changes, so
 * {@code ./kb token add} and {@code revoke} apply to a running server. Over a cluster the file's home is the cluster
 * (see {@link FileHome}): every server knows every token, and two servers adding tokens at once both keep theirs.
 */
public final class TokenStore {

    /**
     * One stored token.
     *
     * @param shops the shops it may use ({@value Principal#EVERY_SHOP}: all); a token written before shops existed
     *              has none listed and keeps the one shop there was, the default one
     */
    public record StoredToken(String name, Role role, String sha256, String created, List<String> shops) {
        public StoredToken {
            shops = shops == null ? List.of(ShopName.DEFAULT.value()) : List.copyOf(shops);
        }
    }

    private record TokenFile(List<StoredToken> tokens) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern NAME = Pattern.compile("[\\p{L}0-9._-]{1,40}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Attempts of a change racing other servers' changes. */
    private static final int ATTEMPTS = 10;

    private final Path file;
    private final FileHome home;
    private volatile List<StoredToken> tokens;
    private volatile long loadedModified;

    private TokenStore(Path file, FileHome home) {
        this.file = file;
        this.home = home;
        home.fresh(file);
        ownerOnly(file);
        this.tokens = read(file);
        this.loadedModified = modified(file);
    }

    public static TokenStore open(Path file) {
        return open(file, FileHome.LOCAL);
    }

    /** The tokens whose file {@code home} keeps, mirrored at {@code file}. */
    public static TokenStore open(Path file, FileHome home) {
        return new TokenStore(file, home);
    }

    /**
     * Creates a first token, an admin's named {@value #FIRST_TOKEN}, when there is none; returns the new token's text, if
     * any.
     */
    public static Optional<String> ensureFirstAdmin(TokenStore store) {
        if (!store.all().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(store.add(FIRST_TOKEN, Role.ADMIN, List.of(Principal.EVERY_SHOP)));
        } catch (IllegalArgumentException named) {
            return Optional.empty(); // another server over the same cluster created the first token meanwhile
        }
    }

    /** The name of the token a first start creates. */
    public static final String FIRST_TOKEN = "admin";

    public Optional<Principal> authenticate(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        reloadIfChanged();
        byte[] hash = sha256(presented.strip());
        Principal found = null;
        for (StoredToken token : tokens) {
            // Every stored hash is compared, matched or not, so timing says nothing about which one matched.
            if (MessageDigest.isEqual(hash, HexFormat.of().parseHex(token.sha256())) && found == null) {
                found = new Principal(token.name(), token.role(), token.shops());
            }
        }
        return Optional.ofNullable(found);
    }

    /** Adds a token for the default shop and returns its text, which is shown once and never stored. */
    public String add(String name, Role role) {
        return add(name, role, List.of(ShopName.DEFAULT.value()));
    }

    /**
     * Adds a token and returns its text, which is shown once and never stored.
     *
     * @param shops the shops it may use: names, or {@value Principal#EVERY_SHOP} for all
     */
    public synchronized String add(String name, Role role, List<String> shops) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a token name is 1-40 letters, digits, '.', '_' or '-'");
        }
        if (shops == null || shops.isEmpty()) {
            throw new IllegalArgumentException("a token needs the shops it may use (names, or '" + Principal.EVERY_SHOP + "' for all)");
        }
        shops.stream().filter(shop -> !shop.equals(Principal.EVERY_SHOP)).forEach(ShopName::new);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String text = "kb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        var added = new StoredToken(name, role, HexFormat.of().formatHex(sha256(text)),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), shops);
        change(current -> {
            if (current.stream().anyMatch(t -> t.name().equals(name))) {
                throw new IllegalArgumentException("a token named '" + name + "' exists; revoke it first");
            }
            var next = new ArrayList<>(current);
            next.add(added);
            return next;
        });
        return text;
    }

    /** @return whether a token of that name existed */
    public synchronized boolean revoke(String name) {
        return change(current -> {
            var next = current.stream().filter(t -> !t.name().equals(name)).toList();
            return next.size() == current.size() ? null : next;
        });
    }

    /**
     * Applies a change to the tokens as they are now, decided again when another server changed them meanwhile.
     *
     * @param change the tokens after the change, or null for no change
     * @return whether anything changed
     */
    private boolean change(java.util.function.UnaryOperator<List<StoredToken>> change) {
        for (int attempt = 1; ; attempt++) {
            byte[] read = home.fresh(file);
            reloadIfChanged();
            List<StoredToken> next = change.apply(tokens);
            if (next == null) {
                return false;
            }
            try {
                save(read, next);
                return true;
            } catch (StaleCopyException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    public List<StoredToken> all() {
        reloadIfChanged();
        return tokens;
    }

    /** @param read the file as the change was decided on (null: none) */
    private void save(byte[] read, List<StoredToken> next) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(new TokenFile(next));
            if (home == FileHome.LOCAL) {
                AtomicFiles.writePrivate(file, bytes);
            } else {
                home.write(file, read, bytes);
                ownerOnly(file);
            }
            tokens = List.copyOf(next);
            loadedModified = modified(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A token file written before it was kept private (0644) is made readable by its owner only. */
    private static void ownerOnly(Path file) {
        try {
            if (Files.exists(file) && Files.getFileStore(file).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the token file " + file + " private", e);
        }
    }

    private void reloadIfChanged() {
        long now = modified(file);
        if (now != loadedModified) {
            ownerOnly(file);
            tokens = read(file);
            loadedModified = now;
        }
    }

    private static List<StoredToken> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            TokenFile parsed = JSON.readValue(Files.readAllBytes(file), TokenFile.class);
            return parsed.tokens() == null ? List.of() : List.copyOf(parsed.tokens());
        } catch (IOException e) {
            throw new UncheckedIOException("the token file " + file + " is unreadable; fix or delete it", e);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() ^ Files.size(file) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
