package org.outpost.dashboard.article.ui;

/** "org:CSTO" as a reader wants to see it: "CSTO (organisation)". */
public final class EntityNames {

    private EntityNames() {
    }

    public static String label(String typed) {
        int colon = typed.indexOf(':');
        if (colon < 0) {
            return typed;
        }
        String type = switch (typed.substring(0, colon)) {
            case "org" -> "organisation";
            default -> typed.substring(0, colon);
        };
        return typed.substring(colon + 1) + " (" + type + ")";
    }
}
