package org.outpost.dashboard.live;

/** What a row of {@code live_event} announces. */
enum LiveEventKind {
    /** A new article (not a copy, not an update); ref: its id. */
    ARTICLE,
    /** An in-app notification reached a user's inbox; ref: the delivery id, owner: the user. */
    NOTIFICATION,
    /** The topic and gazetteer files were reloaded. */
    TOPICS,
    /** A user read notifications: their bells elsewhere count again; owner: the user. */
    INBOX
}
