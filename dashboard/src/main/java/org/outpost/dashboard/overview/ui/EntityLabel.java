package org.outpost.dashboard.overview.ui;

/** "org:CSTO" as a reader wants to see it: "CSTO (organisation)". Public for the topic page. */
public final class EntityLabel {

    private EntityLabel() {
    }

    public static String of(String typed) {
        int colon = typed.indexOf(':');
        if (colon < 0) {
            return typed;
        }
        String type = switch (typed.substring(0, colon)) {
            case "org" -> "organisation";
            case "country" -> "country";
            case "person" -> "person";
            case "place" -> "place";
            case "group" -> "group";
            default -> typed.substring(0, colon);
        };
        return typed.substring(colon + 1) + " (" + type + ")";
    }
}
