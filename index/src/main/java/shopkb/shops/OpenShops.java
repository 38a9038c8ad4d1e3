package shopkb.shops;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shopkb.SharedResources;
import shopkb.usage.UsageLog;

/**
 * The shops a server has open. A shop opens on its first use (its persisted index and meaning vectors are reused, so
 * nothing is encoded when it was open before), is shared by every request using it, and closes once nobody has used it
 * for {@link Settings#idle()}; the default shop stays open. Opening or closing one shop never holds up requests to
 * another. Every use is a {@link Lease}, so a shop is never closed under a request.
 */
public final class OpenShops implements Closeable {

    /**
     * @param usage each shop's usage log settings
     * @param idle how long a shop stays open unused
     */
    public record Settings(UsageLog.Settings usage, Duration idle) {
    }

    /** A request's use of an open shop; closing it ends the use. */
    public final class Lease implements AutoCloseable {
        private final Slot slot;
        private boolean released;

        private Lease(Slot slot) {
            this.slot = slot;
        }

        public Shop shop() {
            return slot.shop;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                release(slot);
            }
        }
    }

    /** A shop being opened, open, or being closed; guarded by {@link #slots}, except {@link #shop} (by itself). */
    private static final class Slot {
        private final ShopName name;
        /** When the shop was found in the catalog (just before). */
        private final long createdNanos = System.nanoTime();
        private Shop shop;
        private int users;
        private long lastUsedNanos = createdNanos;
        private boolean closing;
        /** Another server removed the shop: it closes once its requests under way are done. */
        private boolean removedElsewhere;

        private Slot(ShopName name) {
            this.name = name;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(OpenShops.class);
    private static final long IDLE_CHECK_SECONDS = 30;
    private static final long REMOVE_WAIT_MILLIS = 30_000;
    private static final long CLOSE_WAIT_MILLIS = 10_000;
    /** How often a server whose shops other servers create and remove looks for shops removed elsewhere. */
    private static final long REMOVED_CHECK_MILLIS = 1000;

    private final ShopCatalog catalog;
    private final SharedResources shared;
    private final Settings settings;
    private final Map<ShopName, Slot> slots = new HashMap<>();
    /** Shops whose closing has begun, done when their files are free to be opened again. */
    private final Map<ShopName, CompletableFuture<Void>> closings = new HashMap<>();
    private final ScheduledFuture<?> idleCloser;
    /** The look for shops removed through other servers, or null when the catalog is this server's alone. */
    private final ScheduledFuture<?> removedCloser;
    /** Whether the last look for removed shops failed (logged once until one succeeds); guarded by this. */
    private boolean removedLookFailing;

    private OpenShops(ShopCatalog catalog, SharedResources shared, Settings settings) {
        this.catalog = catalog;
        this.shared = shared;
        this.settings = settings;
        this.idleCloser = shared.housekeeping().scheduler().scheduleWithFixedDelay(this::closeIdle, IDLE_CHECK_SECONDS,
                IDLE_CHECK_SECONDS, TimeUnit.SECONDS);
        this.removedCloser = catalog.shared() ? shared.housekeeping().scheduler().scheduleWithFixedDelay(
                this::closeRemovedElsewhere, REMOVED_CHECK_MILLIS, REMOVED_CHECK_MILLIS, TimeUnit.MILLISECONDS) : null;
    }

    /** Opens the registry and the default shop (which a one-shop server served, and which stays open). */
    public static OpenShops open(ShopCatalog catalog, SharedResources shared, Settings settings) {
        var shops = new OpenShops(catalog, shared, settings);
        try (Lease first = shops.use(ShopName.DEFAULT)) {
            first.shop();
        } catch (RuntimeException e) {
            shops.close();
            throw e;
        }
        return shops;
    }

    public ShopCatalog catalog() {
        return catalog;
    }

    /**
     * Uses a shop, opening it when it is not open.
     *
     * @throws UnknownShopException when there is no such shop
     */
    public Lease use(ShopName name) {
        Slot slot;
        CompletableFuture<Void> closingBefore;
        synchronized (slots) {
            slot = slots.get(name);
            if (slot != null && slot.closing) {
                throw new UnknownShopException(name); // being removed
            }
            if (slot == null) {
                if (!catalog.exists(name)) {
                    throw new UnknownShopException(name);
                }
                slot = new Slot(name);
                slots.put(name, slot);
            }
            slot.users++;
            slot.lastUsedNanos = System.nanoTime();
            closingBefore = closings.get(name);
        }
        try {
            synchronized (slot) {
                if (slot.shop == null) {
                    if (closingBefore != null) {
                        closingBefore.join(); // its files are free once an earlier close of the same shop is done
                    }
                    slot.shop = Shop.open(name, catalog.folders(name), shared, settings.usage());
                }
            }
            return new Lease(slot);
        } catch (RuntimeException e) {
            synchronized (slots) {
                slot.users--;
                if (slot.shop == null && slot.users == 0 && slots.get(name) == slot) {
                    slots.remove(name);
                }
            }
            throw e;
        }
    }

    /** Every shop on disk, the default one first. */
    public List<ShopInfo> list() {
        return catalog.list();
    }

    /** How many shops are open now. */
    public int openCount() {
        synchronized (slots) {
            return (int) slots.values().stream().filter(s -> s.shop != null && !s.closing).count();
        }
    }

    /**
     * Creates a shop (see {@link ShopCatalog#create}) and opens it, so it is searchable when this returns. When other
     * servers share the catalog, a shop of the name this server still has open though another server removed it is
     * closed first (for up to 30 s while its requests finish), so the new shop never shares its folder.
     */
    public ShopInfo create(ShopName name, String title, ShopName copyOf) {
        if (catalog.shared()) {
            awaitClosed(name);
        }
        ShopInfo info = catalog.create(name, title, copyOf);
        try (Lease lease = use(name)) {
            lease.shop();
        }
        return info;
    }

    /**
     * Removes a shop: new requests to it are refused at once, requests under way may finish (for up to 30 s), then it is
     * closed and its folder moved aside (see {@link ShopCatalog#remove}).
     */
    public void remove(ShopName name) {
        if (name.isDefault()) {
            throw new IllegalArgumentException("the default shop cannot be removed");
        }
        if (!catalog.exists(name)) {
            throw new UnknownShopException(name);
        }
        Slot slot;
        synchronized (slots) {
            slot = slots.get(name);
            if (slot != null) {
                slot.closing = true;
                long deadline = System.currentTimeMillis() + REMOVE_WAIT_MILLIS;
                while (slot.users > 0 && System.currentTimeMillis() < deadline) {
                    try {
                        slots.wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for requests to shop '" + name + "'", e);
                    }
                }
            }
        }
        try {
            if (slot != null) {
                closeSlot(slot);
            }
            CompletableFuture<Void> idleClosing;
            synchronized (slots) {
                idleClosing = closings.get(name);
            }
            if (idleClosing != null) {
                idleClosing.join(); // its files must be closed before the folder moves
            }
            catalog.remove(name);
        } finally {
            if (slot != null) {
                synchronized (slots) {
                    slots.remove(name, slot);
                }
            }
        }
    }

    private void release(Slot slot) {
        synchronized (slots) {
            slot.users--;
            slot.lastUsedNanos = System.nanoTime();
            slots.notifyAll();
        }
    }

    /** Closes the shops nobody used for the idle time (never the default shop). */
    public void closeIdle() {
        long idleNanos = settings.idle().toNanos();
        var idle = new ArrayList<Slot>();
        synchronized (slots) {
            long now = System.nanoTime();
            for (Slot slot : slots.values()) {
                if (!slot.name.isDefault() && !slot.closing && slot.users == 0 && slot.shop != null
                        && now - slot.lastUsedNanos >= idleNanos) {
                    slot.closing = true;
                    idle.add(slot);
                }
            }
        }
        closeAside(idle, false);
    }

    /**
     * Closes the open shops the catalog no longer lists because another server removed them (when other servers share
     * the catalog; every second): a request to one is refused from this look on, those under way finish first, and this
     * server's own folder of it is moved aside (see {@link ShopCatalog#setAside}). A shop opened after the catalog was
     * asked may be newer than the answer and is left alone.
     */
    public synchronized void closeRemovedElsewhere() {
        long asked = System.nanoTime();
        var listed = new HashSet<String>();
        try {
            catalog.list().forEach(shop -> listed.add(shop.name()));
        } catch (RuntimeException e) {
            if (!removedLookFailing) {
                LOG.warn("looking for shops removed through other servers failed (looked again every second): {}", e.toString());
            }
            removedLookFailing = true;
            return;
        }
        removedLookFailing = false;
        var gone = new ArrayList<Slot>();
        synchronized (slots) {
            for (Slot slot : slots.values()) {
                boolean older = slot.createdNanos - asked < 0;
                if (!slot.name.isDefault() && !slot.closing && older && !listed.contains(slot.name.value())) {
                    slot.closing = true;
                    slot.removedElsewhere = true;
                    LOG.info("shop '{}' was removed through another server; closing it here", slot.name);
                }
                if (slot.removedElsewhere && slot.users == 0) {
                    gone.add(slot);
                }
            }
        }
        closeAside(gone, true);
    }

    /**
     * Closes here a shop of the name that another server removed, and waits until it is closed (for up to {@link
     * #REMOVE_WAIT_MILLIS} while its requests finish).
     */
    private void awaitClosed(ShopName name) {
        long deadline = System.currentTimeMillis() + REMOVE_WAIT_MILLIS;
        while (true) {
            closeRemovedElsewhere();
            boolean open;
            CompletableFuture<Void> closing;
            synchronized (slots) {
                Slot slot = slots.get(name);
                if (slot != null && !slot.closing) {
                    return; // the catalog lists it: creating it is refused as a shop that exists
                }
                open = slot != null;
                closing = closings.get(name);
            }
            if (!open) {
                if (closing != null) {
                    closing.join();
                }
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("shop '" + name + "', removed through another server, is still in use here");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for shop '" + name + "' to close", e);
            }
        }
    }

    /**
     * Closes slots marked closing and takes them out; opening one of their names again waits until they are closed.
     *
     * @param setAside whether this server's folder of each shop is moved aside once it is closed
     */
    private void closeAside(List<Slot> closing, boolean setAside) {
        var done = new HashMap<Slot, CompletableFuture<Void>>();
        synchronized (slots) {
            for (Slot slot : closing) {
                slots.remove(slot.name, slot);
                done.put(slot, new CompletableFuture<>());
                closings.put(slot.name, done.get(slot));
            }
        }
        for (Slot slot : closing) {
            try {
                closeSlot(slot);
                if (setAside) {
                    catalog.setAside(slot.name).ifPresent(to -> LOG.info("this server's folder of removed shop '{}' is kept in {}",
                            slot.name, to));
                }
            } catch (RuntimeException e) {
                LOG.warn("moving aside this server's folder of removed shop '{}' failed (it stays where it is): {}", slot.name,
                        e.toString());
            } finally {
                synchronized (slots) {
                    closings.remove(slot.name, done.get(slot));
                }
                done.get(slot).complete(null);
            }
        }
    }

    private static void closeSlot(Slot slot) {
        synchronized (slot) {
            if (slot.shop == null) {
                return;
            }
            try {
                slot.shop.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("closing shop '{}' failed: {}", slot.name, e.toString());
            }
        }
    }

    /** Closes every open shop (the server is stopping). */
    @Override
    public void close() {
        idleCloser.cancel(false);
        if (removedCloser != null) {
            removedCloser.cancel(false);
        }
        List<Slot> all;
        synchronized (slots) {
            all = new ArrayList<>(slots.values());
            all.forEach(slot -> slot.closing = true);
            // Requests under way when HTTP stopped taking new ones finish first (a search on a closed index fails).
            long deadline = System.currentTimeMillis() + CLOSE_WAIT_MILLIS;
            while (all.stream().anyMatch(slot -> slot.users > 0) && System.currentTimeMillis() < deadline) {
                try {
                    slots.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            slots.clear();
        }
        all.forEach(OpenShops::closeSlot);
    }
}
