package shopkb.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies a content folder's exact files: the XOR of SHA-256(path, bytes) over every file. Order does not
 * matter, and one file's change updates it without reading the others (remove the old file's hash, add the
 * new one's), so an edit keeps the persisted index's fingerprint current at the cost of one file.
 */
public final class ContentFingerprint {

    private final byte[] value;

    private ContentFingerprint(byte[] value) {
        this.value = value;
    }

    public static ContentFingerprint empty() {
        return new ContentFingerprint(new byte[32]);
    }

    /** With a file added, or (XOR being its own inverse) with the same file removed. */
    public ContentFingerprint toggle(String relativePath, byte[] bytes) {
        return toggle(hash(relativePath, bytes));
    }

    /** With a file of this {@link #hash} added or removed. */
    public ContentFingerprint toggle(byte[] hash) {
        byte[] next = value.clone();
        for (int i = 0; i < next.length; i++) {
            next[i] ^= hash[i];
        }
        return new ContentFingerprint(next);
    }

    /**
     * This fingerprint changed so that it matches no folder: for files others changed, whose earlier bytes are gone. A
     * persisted index committed with it is checked against every file on the next start, and rebuilt.
     */
    public ContentFingerprint markedStale() {
        return toggle("changed on disk", String.valueOf(System.nanoTime()).getBytes(StandardCharsets.UTF_8));
    }

    public String hex() {
        return HexFormat.of().formatHex(value);
    }

    /** A file's own hash, also used as its version tag. */
    public static byte[] hash(String relativePath, byte[] bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(relativePath.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
