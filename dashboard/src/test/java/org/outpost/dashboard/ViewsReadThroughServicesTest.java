package org.outpost.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.ArticleSearch;
import org.outpost.core.index.ArticleStats;
import org.outpost.core.index.ArticleStories;

/**
 * Views and their components draw what services give them: they never reach the article index
 * or Elasticsearch themselves, so a query, its limits and its failure handling live in one
 * place a test can reach without a browser.
 */
class ViewsReadThroughServicesTest {

    @Test
    void classesInUiPackagesNeverUseTheArticleIndexOrTheElasticsearchClient() {
        JavaClasses dashboard = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.outpost.dashboard");

        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(ArticleIndex.class, ArticleSearch.class, ArticleStories.class, ArticleStats.class)
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("co.elastic.clients..")
                .because("views call the services of their feature (docs/architecture.md)")
                .check(dashboard);
    }
}
