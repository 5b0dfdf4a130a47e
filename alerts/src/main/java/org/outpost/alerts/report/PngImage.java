package org.outpost.alerts.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The report's drawings (trend chart, places map) as PNG bytes, for inline email parts and data URIs. */
final class PngImage {

    private PngImage() {}

    static byte[] encode(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            // writing to memory fails only when no PNG writer is installed, which the JDK always has
            throw new UncheckedIOException(e);
        }
    }
}
