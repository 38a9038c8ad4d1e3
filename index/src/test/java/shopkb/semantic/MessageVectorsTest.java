package shopkb.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Recent messages' vectors are remembered under one bound for the process, apart for each shop. */
class MessageVectorsTest {

    @Test
    void aShopRemembersItsOwnMessagesOnlySoNoShopCanTimeAnothersSearches() {
        var encoder = SharedModel.counting();
        var messages = new MessageVectors(encoder);
        MessageVectors.Scoped a = messages.scoped();
        MessageVectors.Scoped b = messages.scoped();

        a.of("这件衣服能便宜点吗");
        a.of("这件衣服能便宜点吗");
        assertEquals(1, encoder.encoded(), "shop A's repeat is remembered");
        b.of("这件衣服能便宜点吗");
        assertEquals(2, encoder.encoded(), "shop B encodes its own, rather than answering at once from A's");
    }
}
