package org.outpost.alerts.delivery;

import java.util.Map;

/** A delivery rendered for the channels: email subject and parts, and the webhook's JSON. */
record Message(String subject, String text, String html, Map<String, Object> json, String slackText) {}
