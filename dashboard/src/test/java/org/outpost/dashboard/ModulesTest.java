package org.outpost.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The application modules and their APIs, verified by Spring Modulith on every build.
 *
 * <p>Each top-level package under {@code org.outpost} is a module. A module's root package is its API; its
 * sub-packages are internal unless they, or single types in them, are declared a named interface with
 * {@code @NamedInterface} (see {@code docs/modules/README.md}). The Maven POMs already make the direction
 * one way ({@code dashboard → crawler, alerts → core}); this test adds what they cannot see: no module
 * reaches into another's internals, and there are no cycles.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of("org.outpost");

    @Test
    void modulesUseOnlyEachOthersDeclaredApis() {
        MODULES.verify();
    }

    @Test
    void theApplicationIsTheseFiveModules() {
        // a new top-level package is a new module: a decision to make on purpose, and to draw in docs/modules
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrder("core", "seeds", "crawler", "alerts", "dashboard");
    }
}
