/** Network rules shared by everything that connects to addresses users supply (crawler, webhooks). */
@NullMarked
package org.outpost.core.net;

import org.jspecify.annotations.NullMarked;
