/**
 * The load balancer of the rig, as a production nginx in front of the replicas would be set up (ADR 033):
 * - X-Forwarded-For is REPLACED with the peer address: appending ($proxy_add_x_forwarded_for) would pass a
 *   client's spoofed value through, and with TRUST_PROXY=1 the app would rate-limit by it.
 * - X-Forwarded-Proto https: nginx stands in for the TLS terminator (the rig has no certificate), so the app sets
 *   its Secure cookies as it does in production.
 * - No upstream keep-alive: each request gets a new connection, so a draining replica that closes its listener
 *   answers a refused connect, which nginx retries on the next replica even for a POST (nothing was sent yet).
 *   A reused idle connection closed by the replica at the same moment would fail a POST mid-send instead.
 * - Passive health checks: a failed connect, a timeout, a 502 or a 503 moves an idempotent request on and counts
 *   against the replica (max_fails); nginx never retries a POST that reached a replica.
 * - master_process off / daemon off: one process, a child of the rig, stopped by its PID.
 */
export function nginxConfig(options: { dir: string; port: number; replicaPorts: number[] }): string {
  const { dir } = options;
  const servers = options.replicaPorts.map((port) => `    server 127.0.0.1:${port} max_fails=2 fail_timeout=2s;`).join("\n");
  return `daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;

  upstream replicas {
${servers}
  }

  map $http_upgrade $connection_upgrade {
    default upgrade;
    ''      close;
  }

  server {
    listen 127.0.0.1:${options.port};

    location / {
      proxy_pass http://replicas;
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Real-IP $remote_addr;
      proxy_set_header X-Forwarded-Proto https;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;

      proxy_connect_timeout 1s;
      proxy_read_timeout 30s;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 3;
      proxy_next_upstream_timeout 5s;

      # Which replica answered: the rig counts the spread (a production config would leave it out).
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}
