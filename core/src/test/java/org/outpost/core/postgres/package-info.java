/** PostgreSQL for tests and drills: a throwaway local cluster, and the choice of H2 or PostgreSQL per test run. */
@NamedInterface("postgres")
@NullMarked
package org.outpost.core.postgres;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
