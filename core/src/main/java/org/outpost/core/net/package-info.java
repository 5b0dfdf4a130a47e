/** Network rules shared by everything that connects to addresses users supply (crawler, webhooks). */
@NamedInterface("net")
@NullMarked
package org.outpost.core.net;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
