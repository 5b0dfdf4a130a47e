package org.outpost.alerts.delivery;

import jakarta.mail.internet.MimeMessage;

/** The plain-text part of a received message, for tests in other packages. */
public final class InstantDeliveryTestParts {

    private InstantDeliveryTestParts() {
    }

    public static String text(MimeMessage message) throws Exception {
        return InstantDeliveryTest.parts(message).get("text/plain");
    }
}
