import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The Docker image's HEALTHCHECK: exit 0 when the URL answers 2xx, 1 otherwise. Compiled in the
 * image's build stage and run by the JRE the app runs on, so the check does not depend on curl or
 * wget, which newer base images no longer carry (and a JRE cannot run a source file: that needs
 * the jdk.compiler module). Only java.base, so a trimmed runtime runs it too.
 *
 * <pre>java -cp /opt/outpost/healthcheck Healthcheck http://localhost:8080/actuator/health/readiness</pre>
 */
public final class Healthcheck {

    private Healthcheck() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: Healthcheck <url>");
            System.exit(2);
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(args[0]).toURL().openConnection();
            connection.setConnectTimeout(3_000);
            connection.setReadTimeout(4_000);
            int status = connection.getResponseCode();
            System.out.println(args[0] + " " + status);
            System.exit(status >= 200 && status < 300 ? 0 : 1);
        } catch (Exception e) {
            System.out.println(args[0] + " " + e);
            System.exit(1);
        }
    }
}
