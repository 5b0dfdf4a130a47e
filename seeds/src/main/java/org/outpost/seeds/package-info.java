/** The sample corpus Outpost was first shown with, and its manifest. */
@NullMarked
package org.outpost.seeds;

import org.jspecify.annotations.NullMarked;
