package org.outpost.alerts;

import java.util.List;

/**
 * Who is told when a source goes silent, starts failing or comes back: the users who follow
 * source health (analysts and admins unless they switched it off, anyone who switched it on).
 * The app that keeps the accounts answers; alone, the module tells nobody.
 */
public interface SourceHealthReaders {

    /** @return the user names following source health now */
    List<String> subscribers();
}
