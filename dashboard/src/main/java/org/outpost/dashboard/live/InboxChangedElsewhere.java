package org.outpost.dashboard.live;

/** A user read notifications on another app instance: the bells open here count again. */
public record InboxChangedElsewhere(String owner) {}
