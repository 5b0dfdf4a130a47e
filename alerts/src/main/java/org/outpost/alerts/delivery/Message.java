package org.outpost.alerts.delivery;

import java.util.List;
import java.util.Map;

/**
 * A delivery rendered for the channels: email subject and parts, the webhook's JSON, a Slack
 * text, Telegram's messages (HTML, each within its limit) and a Microsoft Teams card message.
 */
record Message(
        String subject,
        String text,
        String html,
        Map<String, Object> json,
        String slackText,
        List<String> telegram,
        Map<String, Object> teams) {}
