package shopkb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void traditionalCharactersFoldToSimplified() {
        assertEquals("这件有货吗", TextNormalizer.normalize("這件有貨嗎"));
        assertEquals("发什么快递几天到", TextNormalizer.normalize("發什麼快遞幾天到"));
        assertEquals("包邮吗", TextNormalizer.normalize("包郵嗎"));
    }

    @Test
    void fullWidthFoldsToHalfWidthAndCaseFolds() {
        assertEquals("xl码有吗?185", TextNormalizer.normalize("ＸＬ码有吗?１８５"));
        assertEquals("xl", TextNormalizer.normalize("XL"));
    }

    @Test
    void pinyinResidueFromCopiedDocumentsIsRemoved() {
        assertEquals("客户服务的培训", TextNormalizer.normalize("客戶服務(wù)的培訓(xùn)"));
        assertEquals("导向", TextNormalizer.normalize("導(dǎo)向"));
    }

    @Test
    void parenthesisedLatinWithoutToneMarksIsKept() {
        assertEquals("尺码(xl)", TextNormalizer.normalize("尺码(XL)"));
    }

    @Test
    void foldKeepsTheLengthSoOffsetsCarryOver() {
        String text = "這件ＸＬ有貨嗎😀";
        assertEquals(text.length(), TextNormalizer.fold(text).length());
        assertEquals("这件xl有货吗😀", TextNormalizer.fold(text));
    }
}
