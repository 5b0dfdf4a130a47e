package org.outpost.crawler.websub;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.outpost.core.net.AddressPin;
import org.outpost.core.net.NonPublicAddressException;
import org.outpost.core.net.PublicAddresses;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends subscription requests to hubs (WebSub §5.1): a form POST, answered {@code 202 Accepted}
 * when the hub will verify the intent by calling the callback. A hub on a private address is
 * refused unless the source or the deployment allows private addresses, as for fetches: a feed
 * anyone can add must not make the server post into its own network.
 */
@Component
class HubClient implements DisposableBean {

    /** What the hub said; {@code error} is null when it accepted the request. */
    record Answer(@Nullable String error) {
        boolean accepted() {
            return error == null;
        }
    }

    private final WebSubSettings settings;
    private final String userAgent;
    private final HttpClient http;

    HubClient(WebSubSettings settings, org.outpost.crawler.fetch.FetchSettings fetch) {
        this.settings = settings;
        this.userAgent = fetch.userAgent();
        // redirects are not followed: a 307 would carry the secret to an address nobody checked
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Answer subscribe(Subscription s, boolean allowPrivate) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hub.mode", "subscribe");
        form.put("hub.topic", s.topic().toString());
        form.put("hub.callback", s.callbackUrl());
        form.put("hub.secret", s.secret());
        form.put("hub.lease_seconds", Long.toString(settings.lease().toSeconds()));
        return post(s.hub(), form, allowPrivate);
    }

    Answer unsubscribe(Subscription s, boolean allowPrivate) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hub.mode", "unsubscribe");
        form.put("hub.topic", s.topic().toString());
        form.put("hub.callback", s.callbackUrl());
        return post(s.hub(), form, allowPrivate);
    }

    private Answer post(URI hub, Map<String, String> form, boolean allowPrivate) {
        AddressPin pin;
        try {
            pin = allowPrivate || settings.allowPrivateHubs()
                    ? AddressPin.NONE
                    : PublicAddresses.pinIfPublic(hub.getHost());
        } catch (NonPublicAddressException e) {
            return new Answer("the hub " + hub.getHost() + " is on a private address");
        } catch (IOException e) {
            return new Answer("the hub " + hub.getHost() + " could not be resolved: " + e.getMessage());
        }
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(hub)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try (pin) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int code = response.statusCode();
            if (code >= 200 && code < 300) {
                return new Answer(null);
            }
            String text = response.body() == null ? "" : response.body().strip();
            return new Answer("the hub answered HTTP " + code
                    + (text.isEmpty() ? "" : ": " + (text.length() > 300 ? text.substring(0, 300) + "…" : text)));
        } catch (IOException e) {
            return new Answer("the hub could not be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer("interrupted");
        } catch (Exception e) {
            return new Answer("the hub could not be reached: " + e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void destroy() {
        http.close();
    }
}
