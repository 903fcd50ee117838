import { request, type Agent } from "node:http";

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  ms: number;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Source address on the loopback (127.x.y.z): the proxy sees it as the client IP. */
  localAddress?: string;
  /** Default: a fresh connection (no pooling), so a refused or reset connection shows up as a thrown error. */
  agent?: Agent;
  timeoutMs?: number;
}

/** One request; a connection refused or reset is thrown (the rig counts it as dropped). JSON bodies are serialised here. */
export function send(url: string, options: RequestOptions = {}): Promise<Answer> {
  const started = performance.now();
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { ...options.headers };
  if (payload !== undefined) headers["content-type"] = "application/json";
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? "GET",
        headers,
        agent: options.agent ?? false,
        localAddress: options.agent ? undefined : options.localAddress,
        timeout: options.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`${options.method ?? "GET"} ${url} timed out`)));
    req.on("error", reject);
    req.end(payload);
  });
}

export function json<T>(answer: Answer): T {
  return JSON.parse(answer.body) as T;
}

/** The name=value pairs of every Set-Cookie, merged into `jar`. */
function keepCookies(jar: Map<string, string>, answer: Answer): void {
  const setCookie = answer.headers["set-cookie"] ?? [];
  for (const line of Array.isArray(setCookie) ? setCookie : [setCookie]) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    if (eq > 0) jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
}

export const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

/** A cookie session as the SPA makes one: CSRF token, then login with it. Returns the Cookie header value. */
export async function cookieLogin(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await send(`${base}/api/v1/auth/csrf`);
  keepCookies(jar, csrf);
  const { csrfToken } = json<{ csrfToken: string }>(csrf);
  const login = await send(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { cookie: cookieHeader(jar), "x-csrf-token": csrfToken },
    body: { email, password },
  });
  if (login.status !== 200) throw new Error(`cookie login of ${email} answered ${login.status}: ${login.body}`);
  keepCookies(jar, login);
  return cookieHeader(jar);
}

export async function bearerToken(base: string, email: string, password: string): Promise<string> {
  const answer = await send(`${base}/api/v1/auth/token`, { method: "POST", body: { email, password } });
  if (answer.status !== 200) throw new Error(`token for ${email} answered ${answer.status}: ${answer.body}`);
  return json<{ accessToken: string }>(answer).accessToken;
}

const SHIPPING_ADDRESS = { name: "Rig Shopper", line1: "1 Loopback Lane", city: "Localhost", postalCode: "12345", country: "US" };

/** A checkout with a fresh Idempotency-Key (the test card that always succeeds). */
export function checkout(base: string, token: string, items: { productId: string; quantity: number }[], agent?: Agent): Promise<Answer> {
  return send(`${base}/api/v1/orders`, {
    method: "POST",
    agent,
    headers: { authorization: `Bearer ${token}`, "idempotency-key": crypto.randomUUID() },
    body: { items, shippingAddress: SHIPPING_ADDRESS, payment: { method: "test_card", cardNumber: "4242424242424242", expiry: "12/49", cvc: "123" } },
  });
}
