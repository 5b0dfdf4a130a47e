package org.outpost.dashboard.token;

/**
 * A token just created.
 *
 * @param secret the whole token to send as {@code Authorization: Bearer}: handed over this once
 *     and never stored, so it cannot be shown again
 */
public record CreatedToken(String secret, ApiToken token) {}
