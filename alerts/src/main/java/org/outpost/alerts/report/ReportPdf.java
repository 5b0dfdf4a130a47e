package org.outpost.alerts.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** A stored report run as PDF, rendered from its XHTML by openhtmltopdf. */
final class ReportPdf {

    /**
     * The PDF base fonts cover Latin-1 only; articles in Russian or Uzbek need a Unicode font.
     * DejaVu Sans is on most Linux machines and in the app's Docker image; without it such
     * characters show as '#'.
     */
    private static final List<String> FONT_DIRS = List.of("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
            "/usr/share/fonts/TTF");

    private ReportPdf() {
    }

    static byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            registerFont(builder, "DejaVuSans.ttf", 400, false);
            registerFont(builder, "DejaVuSans-Bold.ttf", 700, false);
            registerFont(builder, "DejaVuSans-Oblique.ttf", 400, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the report as PDF: " + e.getMessage(), e);
        }
    }

    private static void registerFont(PdfRendererBuilder builder, String file, int weight, boolean italic) {
        for (String dir : FONT_DIRS) {
            File font = new File(dir, file);
            if (font.isFile()) {
                builder.useFont(font, "DejaVu Sans", weight,
                        italic ? com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.ITALIC
                                : com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
                return;
            }
        }
    }
}
