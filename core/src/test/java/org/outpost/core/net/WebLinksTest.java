package org.outpost.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebLinksTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://asiaplus.tj/en/news/1",
                "http://example.org/a?b=c#d",
                "HTTPS://EXAMPLE.ORG/",
                "https://[2001:4860::8888]/x"
            })
    void httpAndHttpsAddressesAreLinks(String address) {
        assertThat(WebLinks.isWeb(address)).isTrue();
        assertThat(WebLinks.webOrNull(address)).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JavaScript:alert(1)",
                " javascript:alert(1)",
                "data:text/html,<script>alert(1)</script>",
                "file:///etc/passwd",
                "vbscript:msgbox(1)",
                "httpx://example.org/",
                "//example.org/no-scheme",
                "/relative/path",
                "http:///no-host",
                "mailto:a@example.org",
                "https://exa mple.org/",
                ""
            })
    void everythingElseIsNot(String address) {
        assertThat(WebLinks.isWeb(address)).isFalse();
        assertThat(WebLinks.webOrNull(address)).isNull();
    }
}
