package org.outpost.core.elasticsearch;

/** The local node could not be started; the message ends with the last lines of the node's log. */
public class NodeStartException extends RuntimeException {

    public NodeStartException(String message) {
        super(message);
    }

    public NodeStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
