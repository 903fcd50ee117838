import { spawn, type ChildProcess } from "node:child_process";
import { createConnection } from "node:net";

/**
 * A throwaway redis-server of the test's own (no persistence), for tests that kill and restart Redis or count
 * every key in it: never the machine's shared Redis.
 */
export interface PrivateRedis {
  url: string;
  start(): Promise<void>;
  /** SIGKILL: the outage a crashed or partitioned Redis looks like. */
  kill(): Promise<void>;
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port }, () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
  });
}

export function privateRedis(port: number): PrivateRedis {
  let child: ChildProcess | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = spawn("redis-server", ["--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no"], { stdio: "ignore" });
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        if (await answersPing(port)) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`redis-server on port ${port} did not start`);
    },
    async kill() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((r) => child!.once("exit", r));
      child.kill("SIGKILL");
      await exited;
    },
  };
}
