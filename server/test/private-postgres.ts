import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A throwaway PostgreSQL cluster (initdb in a temp dir) for tests that stop and start the database: never the
 * machine's shared server. initdb refuses to run as root, so as root it runs as the `postgres` user.
 */
export interface PrivatePostgres {
  url: string;
  port: number;
  start(): void;
  /** Immediate shutdown: what a crashed or unreachable database looks like to the app. */
  stop(): void;
  destroy(): void;
}

/** A temp directory owned by the `postgres` user when running as root, and a runner for PostgreSQL's tools in it. */
function clusterDirectory(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const run = (command: string, args: string[]) =>
    execFileSync(asRoot ? "runuser" : command, asRoot ? ["-u", "postgres", "--", command, ...args] : args, { stdio: "pipe", timeout: 60_000 });
  return { dir, data: join(dir, "data"), run };
}

/** start/stop/destroy of the cluster in `dir`, served on `port` with `settings` (extra -c options). */
function clusterControls({ dir, data, run }: ReturnType<typeof clusterDirectory>, port: number, settings = ""): PrivatePostgres {
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off${settings}`;
  const stop = () => void run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start: () => void run("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "log"), "-w", "start"]),
    stop,
    destroy() {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function privatePostgres(port: number): PrivatePostgres {
  const cluster = clusterDirectory("fp-pg-");
  cluster.run("initdb", ["-D", cluster.data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  return clusterControls(cluster, port);
}

/** Whether this machine has the PostgreSQL server tools (initdb, pg_ctl, pg_basebackup) on the PATH. */
export function postgresServerToolsMissing(): string | undefined {
  for (const tool of ["initdb", "pg_ctl", "pg_basebackup"]) {
    try {
      execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "pipe" });
    } catch {
      return `${tool} is not on the PATH (Debian: apt-get install postgresql, and put /usr/lib/postgresql/<version>/bin on the PATH)`;
    }
  }
  return undefined;
}

/**
 * A streaming replica of a running private primary: `pg_basebackup -R` (writes standby.signal and the
 * connection to the primary), started on `port`. Same start/stop/destroy as the primary.
 */
export function privateStandby(primary: PrivatePostgres, port: number): PrivatePostgres {
  const cluster = clusterDirectory("fp-pg-standby-");
  cluster.run("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres", "-D", cluster.data, "-R", "-X", "stream", "--no-sync"]);
  return clusterControls(cluster, port, " -c hot_standby=on");
}
