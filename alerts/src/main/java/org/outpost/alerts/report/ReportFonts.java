package org.outpost.alerts.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts reports are drawn with, shipped in this module's jar: DejaVu Sans (regular, bold,
 * oblique) covers Latin, Cyrillic with the Tajik, Uzbek, Kyrgyz and Kazakh letters (ҳ қ ҷ ӣ ӯ
 * ғ ў ң ө ү ә ұ һ і), so a PDF or chart prints them on a server with no fonts installed. The
 * build unpacks them from a Maven Central artifact (see the pom); their licence is beside them.
 */
final class ReportFonts {

    static final String FAMILY = "DejaVu Sans";
    private static final String FOLDER = "fonts/";
    private static final byte[] REGULAR = read("DejaVuSans.ttf");
    private static final byte[] BOLD = read("DejaVuSans-Bold.ttf");
    private static final byte[] OBLIQUE = read("DejaVuSans-Oblique.ttf");

    private ReportFonts() {}

    /** The family for the PDF renderer, embedded (subset to the characters used) in every PDF. */
    static void register(PdfRendererBuilder builder) {
        builder.useFont(() -> new ByteArrayInputStream(REGULAR), FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(BOLD), FAMILY, 700, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(OBLIQUE), FAMILY, 400, FontStyle.ITALIC, true);
        builder.useFont(() -> new ByteArrayInputStream(OBLIQUE), FAMILY, 400, FontStyle.OBLIQUE, true);
    }

    /** The regular face for Java2D at {@code size} points, independent of the machine's fonts. */
    static Font awt(float size) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(REGULAR))
                    .deriveFont(size);
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("the bundled report font is unreadable", e);
        }
    }

    private static byte[] read(String file) {
        try (InputStream in = ReportFonts.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the report font " + file + " is missing from the classpath (org/outpost/alerts/report/"
                                + FOLDER + "); the build unpacks it, see alerts/pom.xml");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
