import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import request from "supertest";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../server/test/harness";

// The alert rules and the Grafana dashboard are only worth something if they query metrics the app really
// exports: a renamed metric must break here, not silently blank a panel or mute an alert in production.

const dir = dirname(fileURLToPath(import.meta.url));
const rulesText = readFileSync(join(dir, "alert-rules.yml"), "utf8");
const dashboard = JSON.parse(readFileSync(join(dir, "grafana-dashboard.json"), "utf8")) as {
  panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
};

interface RuleFile {
  groups: Array<{ name: string; rules: Array<{ alert: string; expr: string; labels: { severity: string }; annotations: { summary: string } }> }>;
}

const rules = (parse(rulesText) as RuleFile).groups.flatMap((g) => g.rules);
const expressions = [...rules.map((r) => r.expr), ...dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr))];

/** Metric names our app owns or inherits from prom-client's defaults; `up` comes from Prometheus itself. */
function metricNames(expr: string): string[] {
  const names = expr.match(/\b(?:fp|http|process|nodejs)_[a-z0-9_]+\b/g) ?? [];
  return names.map((n) => n.replace(/_(bucket|count|sum)$/, ""));
}

const promtool = spawnSync("promtool", ["--version"]).status === 0;

describe("monitoring artefacts", () => {
  it("when promtool checks the alert rules, then they parse and every rule is counted", () => {
    if (!promtool) {
      // .ci/run installs Debian's prometheus package, so CI never takes this branch.
      expect(process.env.CI, "promtool must be installed in CI").toBeFalsy();
      return;
    }
    const out = execFileSync("promtool", ["check", "rules", join(dir, "alert-rules.yml")], { encoding: "utf8" });
    expect(out).toContain(`SUCCESS: ${rules.length} rules found`);
  });

  it("when an alert fires, then it carries a severity and a summary a person can act on", () => {
    expect(rules.length).toBeGreaterThanOrEqual(5);
    for (const rule of rules) {
      expect(["page", "ticket"], rule.alert).toContain(rule.labels.severity);
      expect(rule.annotations.summary.length, rule.alert).toBeGreaterThan(10);
    }
  });

  it("when the rules and the dashboard query metrics, then the app's /metrics exports every one of them", async () => {
    const { app } = await createTestApp();
    await request(app).get("/api/health/liveness"); // populates the HTTP histogram
    const res = await request(app).get("/metrics");
    expect(res.status).toBe(200);
    const exported = new Set([...res.text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!));
    const used = [...new Set(expressions.flatMap(metricNames))];
    expect(used.length).toBeGreaterThanOrEqual(8);
    for (const name of used) expect(exported, `${name} is queried but not exported`).toContain(name);
  });

  it("when the dashboard shows latency, then it merges histograms before taking a quantile (never averages percentiles)", () => {
    const quantiles = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)).filter((e) => e.includes("histogram_quantile"));
    expect(quantiles.length).toBeGreaterThanOrEqual(3);
    for (const expr of quantiles) expect(expr).toMatch(/histogram_quantile\([\d.]+, sum by \(le\) \(rate\(/);
  });
});
