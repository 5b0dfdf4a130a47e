package org.outpost.dashboard;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.outpost.alerts.AlertsConfiguration;
import org.outpost.core.net.PinnedAddresses;
import org.outpost.crawler.CrawlerConfiguration;
import org.outpost.dashboard.classify.ClassifyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import({CrawlerConfiguration.class, AlertsConfiguration.class})
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@Push
public class OutpostApplication implements AppShellConfigurator {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("classify")) {
            System.exit(ClassifyCommand.run(System.in, System.out, System::getenv));
        }
        // The JVM picks its name resolver at the first lookup, through that thread's class loader:
        // here, before any pool thread can look a name up, it finds core's pinning resolver.
        PinnedAddresses.enforced();
        SpringApplication.run(OutpostApplication.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Outpost");
        settings.addMetaTag("description", "Outpost: news monitor for security in Central Asia");
        settings.addMetaTag("viewport", "width=device-width, initial-scale=1");
        // the reader's light or dark choice, applied before the first paint
        settings.addInlineWithContents(
                com.vaadin.flow.component.page.Inline.Position.PREPEND,
                "if (localStorage.getItem('outpost-theme') === 'dark') document.documentElement.setAttribute('theme', 'dark');",
                com.vaadin.flow.component.page.Inline.Wrapping.JAVASCRIPT);
    }
}
