import { loadavg } from "node:os";

/** The 1, 5 and 15 minute load averages, e.g. "3.12 2.80 2.41": printed beside every figure (the box is shared). */
export const fmtLoad = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
