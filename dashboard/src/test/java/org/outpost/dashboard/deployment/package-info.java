/**
 * Offline checks of the deployment files (docker-compose.yml, the Dockerfile, the nginx config
 * under deploy/): no Docker engine runs here, so what can be checked without one is checked.
 */
@NullMarked
package org.outpost.dashboard.deployment;

import org.jspecify.annotations.NullMarked;
