import { formatMoney } from "@client/lib/format";

/** The store's currency: revenue figures are sums of order totals in it (orders default to USD). */
export const STORE_CURRENCY = "USD";

const clockFormatter = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
const rateFormatter = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const msFormatter = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const percentFormatter = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 });
const countFormatter = new Intl.NumberFormat(undefined);
const moneyFormatter = new Intl.NumberFormat(undefined, { style: "currency", currency: STORE_CURRENCY });
/** The reader's own locale, by name: the dashboard's figures follow it (the storefront's prices are en-US). */
const readerLocale = moneyFormatter.resolvedOptions().locale;
const compactMoneyFormatter = new Intl.NumberFormat(undefined, { style: "currency", currency: STORE_CURRENCY, notation: "compact", maximumFractionDigits: 1 });

/** 14:02:09 in the reader's time zone (24-hour, so the axis labels stay short and sort visually). */
export const formatClock = (at: number | string): string => clockFormatter.format(typeof at === "number" ? at : Date.parse(at));
export const formatRate = (perSecond: number): string => `${rateFormatter.format(perSecond)}/s`;
export const formatMs = (ms: number): string => `${msFormatter.format(ms)} ms`;
/** A 0–1 share as "2.5%". */
export const formatShare = (share: number): string => percentFormatter.format(share);
export const formatCount = (n: number): string => countFormatter.format(n);
export const formatMb = (mb: number): string => `${rateFormatter.format(mb)} MB`;
export const formatCents = (cents: number): string => formatMoney(cents, STORE_CURRENCY, readerLocale);
export const formatDollars = (dollars: number): string => moneyFormatter.format(dollars);
export const formatDollarsCompact = (dollars: number): string => compactMoneyFormatter.format(dollars);
