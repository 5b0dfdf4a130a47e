package org.outpost.dashboard.index;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin only (see the security configuration): where the article index's mapping upgrade stands. */
@RestController
@RequestMapping("/api/v1/admin/index")
class IndexUpgradeController {

    private final IndexUpgradeService upgrade;

    IndexUpgradeController(IndexUpgradeService upgrade) {
        this.upgrade = upgrade;
    }

    @GetMapping("/upgrade")
    IndexUpgradeStatus status() {
        return upgrade.status();
    }
}
