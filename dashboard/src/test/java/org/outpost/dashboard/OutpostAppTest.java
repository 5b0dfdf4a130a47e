package org.outpost.dashboard;

/**
 * Base class of the tests that talk to the running application over HTTP (REST API, browser):
 * its configuration is {@link OutpostApp}'s, so they share one application context with each
 * other and with the server-side view tests.
 */
public abstract class OutpostAppTest implements OutpostApp {}
