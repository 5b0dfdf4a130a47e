package org.outpost.alerts.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A stored report run as PDF, rendered from its XHTML by openhtmltopdf. The PDF base fonts
 * cover Latin-1 only, so the text is set in the bundled {@link ReportFonts}: Russian and the
 * national languages print on any machine.
 */
final class ReportPdf {

    private ReportPdf() {}

    static byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            ReportFonts.register(builder);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the report as PDF: " + e.getMessage(), e);
        }
    }
}
