package org.outpost.crawler.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * SSRF guard: only hosts whose every resolved address is publicly routable may be fetched.
 *
 * <p>Known gap: {@link java.net.http.HttpClient} resolves the name again when it connects, so a
 * hostile DNS server can answer with a public address here and a private one a moment later (DNS
 * rebinding). The client offers no hook to connect to a pre-resolved address without breaking TLS
 * host verification, so we narrow the window instead: the check runs before every hop, redirects
 * included, and refuses a name if <em>any</em> of its addresses is private. Deployments that need
 * a hard guarantee should also route the crawler through an egress proxy or firewall.
 */
final class PublicAddressPolicy implements AddressPolicy {

  @Override
  public @Nullable String refusal(String host) throws UnknownHostException {
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    for (InetAddress address : InetAddress.getAllByName(bare)) {
      String kind = nonPublicKind(address);
      if (kind != null) {
        return "host " + host + " resolves to " + kind + " address " + address.getHostAddress();
      }
    }
    return null;
  }

  /** Names the non-public range the address belongs to, or null for a public address. */
  static @Nullable String nonPublicKind(InetAddress address) {
    if (address.isAnyLocalAddress()) {
      return "any-local";
    }
    if (address.isLoopbackAddress()) {
      return "loopback";
    }
    if (address.isLinkLocalAddress()) {
      return "link-local";
    }
    if (address.isMulticastAddress()) {
      return "multicast";
    }
    if (address.isSiteLocalAddress()) {
      return "private";
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0) {
        return "this-network";
      }
      if (first == 100 && (second & 0xc0) == 64) {
        return "CGNAT";
      }
      if (first == 255 && second == 255 && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255) {
        return "broadcast";
      }
      return null;
    }
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return "unique-local";
      }
      if (isIpv4Mapped(b)) {
        // Java usually converts mapped addresses itself; this covers the cases it does not.
        try {
          return nonPublicKind(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
        } catch (UnknownHostException impossible) {
          return "malformed";
        }
      }
    }
    return null;
  }

  private static boolean isIpv4Mapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }
}
