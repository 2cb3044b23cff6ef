/**
 * The portal's HTTP server: Next's request handler behind a plain node:http server, so the client address can be
 * resolved from the TCP socket before Next fills X-Forwarded-For from the request's own (forgeable) header.
 * See lib/server/client-ip.ts. Started by scripts/start.ts in place of `next start`.
 */
import { createServer } from "node:http";
import next from "next";
import { CLIENT_IP_HEADER, resolveClientIp, trustedProxiesFromEnv } from "@/lib/server/client-ip";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const trusted = trustedProxiesFromEnv(); // fails the start on a malformed TRUSTED_PROXIES

const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  const forwarded = req.headers["x-forwarded-for"];
  if (trusted.kind === "none") {
    // Without a trusted proxy, forwarding headers come from the client itself: don't let them claim https or a host.
    delete req.headers["x-forwarded-for"];
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-host"];
  }
  req.headers[CLIENT_IP_HEADER] = resolveClientIp(
    Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    req.socket.remoteAddress,
    trusted,
  );
  void handle(req, res);
});
server.listen(port, hostname, () => console.log(`▲ listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
