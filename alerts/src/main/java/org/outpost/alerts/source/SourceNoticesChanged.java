package org.outpost.alerts.source;

import org.springframework.modulith.NamedInterface;

/**
 * A user's source notices changed on this instance: one was added (after its transaction
 * committed) or some were read. The dashboard counts its bell again; other instances learn it
 * through its own live events.
 */
@NamedInterface("source")
public record SourceNoticesChanged(String recipient) {}
