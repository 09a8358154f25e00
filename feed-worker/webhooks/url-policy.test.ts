import { describe, expect, it } from "vitest";
import { checkWebhookUrl, isPrivateHost } from "./url-policy";

const code = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe("webhook URL policy", () => {
  it("https on a public host is accepted everywhere", () => {
    expect(checkWebhookUrl("https://hooks.example.com/exo?x=1", "production").href).toBe(
      "https://hooks.example.com/exo?x=1",
    );
  });
  it("http only to loopback, and only outside production", () => {
    expect(checkWebhookUrl("http://127.0.0.1:4000/hook", "local").port).toBe("4000");
    expect(code(() => checkWebhookUrl("http://127.0.0.1:4000/hook", "production"))).toBe("E_BAD_URL");
    expect(code(() => checkWebhookUrl("http://hooks.example.com/", "local"))).toBe("E_BAD_URL");
  });
  it("refuses private, link-local and internal hosts, credentials, other schemes and non-URLs", () => {
    for (const u of [
      "https://10.0.0.5/",
      "https://192.168.1.1/",
      "https://172.20.0.1/",
      "https://169.254.169.254/latest",
      "https://[::1]/",
      "https://[fd00::1]/",
      "https://db.internal/",
      "https://localhost/",
    ]) {
      expect(
        code(() => checkWebhookUrl(u, "production")),
        u,
      ).toBe("E_BAD_URL");
    }
    expect(code(() => checkWebhookUrl("https://user:pw@hooks.example.com/", "local"))).toBe("E_BAD_URL");
    expect(code(() => checkWebhookUrl("ftp://hooks.example.com/", "local"))).toBe("E_BAD_URL");
    expect(code(() => checkWebhookUrl("not a url", "local"))).toBe("E_BAD_URL");
  });
  it("isPrivateHost: the RFC 1918, loopback, CGNAT and link-local ranges, not public addresses", () => {
    expect(["10.1.2.3", "127.0.0.2", "100.64.0.1", "172.31.255.255", "0.0.0.0"].every(isPrivateHost)).toBe(true);
    expect(["8.8.8.8", "172.32.0.1", "100.128.0.1", "hooks.example.com"].some(isPrivateHost)).toBe(false);
  });

  it("refuses the bypasses an outside probe found (trailing dots, embedded IPv4, special-purpose ranges)", () => {
    const found = [
      "https://localhost./",
      "https://metadata.google.internal./",
      "https://printer.local./",
      "https://[::127.0.0.1]/",
      "https://[64:ff9b::a9fe:a9fe]/",
      "https://[2002:a9fe:a9fe::]/",
      "https://[fec0::1]/",
      "https://[ff02::1]/",
      "https://198.18.0.1/",
      "https://192.0.0.1/",
      "https://[::ffff:169.254.169.254]/",
      "https://0x7f.1/",
      "https://2130706433/",
      "https://LOCALHOST/",
      "https://metadata/",
      "https://[2001:db8::1]/",
      "https://[::]/",
      "https://[2001::1]/",
      "https://255.255.255.255/",
      "https://router.home.arpa/",
    ];
    for (const u of found)
      expect(
        code(() => checkWebhookUrl(u, "production")),
        u,
      ).toBe("E_BAD_URL");
  });

  it("normalises the host: case, IDNA and trailing dot; public IPv6 is accepted", () => {
    expect(checkWebhookUrl("https://Hooks.Example.COM./x", "production").href).toBe("https://hooks.example.com/x");
    expect(checkWebhookUrl("https://bücher.de/h", "production").hostname).toBe("xn--bcher-kva.de");
    expect(checkWebhookUrl("https://[2606:4700::1111]/h", "production").hostname).toBe("[2606:4700::1111]");
    expect(checkWebhookUrl("https://1.1.1.1/h", "production").hostname).toBe("1.1.1.1");
  });
});
