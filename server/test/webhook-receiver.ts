import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP server on loopback that records every request and answers with scripted statuses
 * (then `fallbackStatus`), standing in for a customer's webhook endpoint.
 */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const script: number[] = [];
  let fallbackStatus = 200;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const status = script.shift() ?? fallbackStatus;
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : `failure ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path = "/hooks") => `http://127.0.0.1:${port}${path}`,
    received,
    at: (path: string) => received.filter((r) => r.path === path),
    /** The next answers, in order; afterwards every request gets `then`. */
    answer(statuses: number[], then = 200) {
      script.splice(0, script.length, ...statuses);
      fallbackStatus = then;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
