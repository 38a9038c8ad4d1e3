package shopkb.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OnnxSentenceEncoderTest {

    @Test
    void theModelLoadsFromTheClasspathWithNothingDownloaded() {
        MeaningModel model = SharedModel.get();
        assertEquals("on", model.status());
        assertEquals(512, model.encoder().dimensions());
        assertTrue(model.encoder().modelId().startsWith("bge-small-zh-v1.5-q/"));
    }

    @Test
    void vectorsAreUnitLength() {
        float[] v = SharedModel.get().encoder().encode("能便宜点吗");
        assertEquals(1.0, MessageVectors.cosine(v, v), 1e-4);
    }

    @Test
    void traditionalAndSimplifiedShareOneVector() {
        SentenceEncoder encoder = SharedModel.get().encoder();
        assertEquals(encoder.key("發什麼快遞"), encoder.key("发什么快递"));
        assertEquals(1.0, MessageVectors.cosine(encoder.encode("發什麼快遞"), encoder.encode("发什么快递")), 1e-4);
    }

    @Test
    void aParaphraseIsNearerThanAnotherQuestion() {
        SentenceEncoder encoder = SharedModel.get().encoder();
        float[] question = encoder.encode("付款好几天了还没收到货");
        float[] paraphrase = encoder.encode("等了一个星期快递还没到");
        float[] other = encoder.encode("衣服怎么洗才不会褪色");
        assertTrue(MessageVectors.cosine(question, paraphrase) > MessageVectors.cosine(question, other) + 0.1);
    }

    @Test
    void manyAtOnceGiveTheSameVectorsAsOneAtATime() {
        SentenceEncoder encoder = SharedModel.get().encoder();
        var texts = java.util.List.of("在吗", "这件衣服质量太差了我要退款", "包邮吗");
        var batch = encoder.encodeAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(1.0, MessageVectors.cosine(batch.get(i), encoder.encode(texts.get(i))), 1e-4);
        }
    }

    @Test
    void aVirtualThreadGetsTheVectorAPlatformThreadGets() throws InterruptedException {
        SentenceEncoder encoder = SharedModel.get().encoder();
        var fromVirtual = new java.util.concurrent.atomic.AtomicReference<float[]>();
        Thread.ofVirtual().start(() -> fromVirtual.set(encoder.encode("能便宜点吗"))).join();
        assertEquals(1.0, MessageVectors.cosine(fromVirtual.get(), encoder.encode("能便宜点吗")), 1e-6);
    }

    @Test
    void aMissingModelIsReportedAsUnavailableNotThrown() {
        MeaningModel model = MeaningModel.loadFrom("/no-such-model.onnx", OnnxSentenceEncoder.TOKENIZER_RESOURCE);
        assertFalse(model.available());
        assertNull(model.encoder());
        assertEquals("unavailable", model.status());
        assertTrue(model.detail().contains("/no-such-model.onnx"), model.detail());
    }
}
