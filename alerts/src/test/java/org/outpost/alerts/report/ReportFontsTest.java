package org.outpost.alerts.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import org.junit.jupiter.api.Test;

class ReportFontsTest {

    /** Russian, then the letters Tajik, Uzbek (both scripts), Kyrgyz and Kazakh add to it. */
    private static final String REGION = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
            + "ҲҳҚқҶҷӢӣӮӯҒғЎўҢңӨөҮүӘәҰұҺһІі" + "Oʻzbekiston gʻalla oʼ «»—№";

    @Test
    void theBundledFontDrawsEveryLetterOfTheRegionsScripts() {
        Font font = ReportFonts.awt(11f);
        assertThat(font.getFamily()).isEqualTo(ReportFonts.FAMILY);
        assertThat(font.canDisplayUpTo(REGION))
                .as("first character the font lacks")
                .isEqualTo(-1);
    }
}
