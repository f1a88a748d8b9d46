import { describe, expect, it, vi } from "vitest";
import { appendPeer } from "@/scripts/client-peer.mjs";
import { clientIpFrom } from "@/server/security/client-address";

/** The headers Next hands the portal once its server has appended the TCP peer. */
function arriving(forwardedFor: string | undefined, peer: string, extra: Record<string, string> = {}) {
  const headers = new Headers({ ...extra, "x-forwarded-for": appendPeer(forwardedFor, peer) });
  return (name: string) => headers.get(name);
}

describe("the portal's server appends the TCP peer to X-Forwarded-For", () => {
  it("keeps what arrived and puts the peer last", () => {
    expect(appendPeer(undefined, "198.51.100.4")).toBe("198.51.100.4");
    expect(appendPeer("203.0.113.9,  10.0.0.2", "10.0.0.3")).toBe("203.0.113.9, 10.0.0.2, 10.0.0.3");
    // Node keeps repeated headers as an array of values.
    expect(appendPeer(["203.0.113.9", "10.0.0.2"], "10.0.0.3")).toBe("203.0.113.9, 10.0.0.2, 10.0.0.3");
    expect(appendPeer("", undefined)).toBe("unknown");
  });
});

describe("the client address, TRUSTED_PROXY_HOPS from the right", () => {
  it("0 hops (exposed directly): the TCP peer, whatever the client wrote", () => {
    expect(clientIpFrom(arriving(undefined, "198.51.100.4"), 0)).toBe("198.51.100.4");
    expect(clientIpFrom(arriving("203.0.113.66", "198.51.100.4", { "x-real-ip": "203.0.113.67" }), 0)).toBe(
      "198.51.100.4",
    );
  });

  it("1 hop (nginx or a load balancer): the address that proxy appended", () => {
    // nginx: $proxy_add_x_forwarded_for with no header from the client → "client"; the peer is nginx.
    expect(clientIpFrom(arriving("198.51.100.4", "10.0.0.5"), 1)).toBe("198.51.100.4");
  });

  it("2 hops (a load balancer, then nginx): the address the load balancer appended", () => {
    expect(clientIpFrom(arriving("198.51.100.4, 10.0.0.7", "10.0.0.5"), 2)).toBe("198.51.100.4");
  });

  it("a spoofed leftmost hop is never the answer, for 0, 1 and 2 hops", () => {
    expect(clientIpFrom(arriving("203.0.113.66", "198.51.100.4"), 0)).toBe("198.51.100.4");
    expect(clientIpFrom(arriving("203.0.113.66, 198.51.100.4", "10.0.0.5"), 1)).toBe("198.51.100.4");
    expect(clientIpFrom(arriving("203.0.113.66, 203.0.113.67, 198.51.100.4, 10.0.0.7", "10.0.0.5"), 2)).toBe(
      "198.51.100.4",
    );
    // Many spoofed hops from one machine still count as one client.
    const seen = new Set(
      Array.from({ length: 30 }, (_, i) => clientIpFrom(arriving(`203.0.113.${i}`, "198.51.100.4"), 0)),
    );
    expect([...seen]).toEqual(["198.51.100.4"]);
  });

  it("a request that came a shorter way than configured gets the leftmost appended address, not a client's pick", () => {
    // 2 hops configured, but the request reached the portal straight from nginx (no load balancer):
    expect(clientIpFrom(arriving(undefined, "10.0.0.5"), 2)).toBe("10.0.0.5");
  });

  it("IPv4 seen on a dual-stack socket is the same client; no header at all is 'local'", () => {
    expect(clientIpFrom(arriving(undefined, "::ffff:198.51.100.4"), 0)).toBe("198.51.100.4");
    expect(clientIpFrom(arriving(undefined, "2001:db8::1"), 0)).toBe("2001:db8::1");
    expect(clientIpFrom(() => null, 0)).toBe("local");
  });

  it("TRUSTED_PROXY_HOPS defaults to 0", () => {
    expect(clientIpFrom(arriving("203.0.113.66", "198.51.100.4"))).toBe("198.51.100.4");
  });
});

describe("TRUSTED_PROXY_HOPS is validated when the configuration loads", () => {
  async function loadWith(value: string | undefined) {
    vi.resetModules();
    vi.stubEnv("TRUSTED_PROXY_HOPS", value);
    try {
      return (await import("@/server/config/env")).env.TRUSTED_PROXY_HOPS;
    } finally {
      vi.unstubAllEnvs();
    }
  }

  it("0 when unset or empty, the number when set, start-up refused for anything else", async () => {
    expect(await loadWith(undefined)).toBe(0);
    expect(await loadWith("")).toBe(0);
    expect(await loadWith("2")).toBe(2);
    for (const bad of ["-1", "1.5", "two", "11"]) await expect(loadWith(bad), bad).rejects.toThrow();
  });
});
