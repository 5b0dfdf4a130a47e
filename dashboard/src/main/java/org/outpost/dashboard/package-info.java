/** The Outpost application: Vaadin views, REST API, security and the wiring of the other modules. */
@NullMarked
package org.outpost.dashboard;

import org.jspecify.annotations.NullMarked;
