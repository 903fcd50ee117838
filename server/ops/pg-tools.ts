import { spawn } from "node:child_process";

/**
 * A connection URL split for the PostgreSQL client tools: the password travels in PGPASSWORD, never on a
 * command line that `ps` shows to every user of the machine.
 */
export function pgToolConnection(url: string): { dbArg: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbArg: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Runs pg_dump / pg_restore / their --version; rejects with the tool's stderr when it exits non-zero. */
export function runPgTool(tool: "pg_dump" | "pg_restore", args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (err: NodeJS.ErrnoException) =>
      reject(
        new Error(err.code === "ENOENT" ? `${tool} not found: install the PostgreSQL client tools (same major version as the server or newer)` : err.message),
      ),
    );
    child.on("close", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${tool} exited ${code}: ${stderr.trim()}`))));
  });
}
