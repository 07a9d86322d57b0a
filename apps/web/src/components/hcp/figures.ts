// Number formats for the HCP page's figures (shared by server tables and client charts).
const whole = new Intl.NumberFormat("en-US");
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const usdWhole = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const compactUsd = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  maximumFractionDigits: 1,
});
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const signedPercent = new Intl.NumberFormat("en-US", {
  style: "percent",
  maximumFractionDigits: 1,
  signDisplay: "exceptZero",
});
const signedPoints = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1, signDisplay: "exceptZero" });

export const formatCount = (n: number) => whole.format(n);
export const formatMoney = (n: number) => usd.format(n);
export const formatMoneyWhole = (n: number) => usdWhole.format(n);
export const formatMoneyCompact = (n: number) => compactUsd.format(n);
export const formatShare = (n: number | null) => (n == null ? "—" : percent.format(n));
export const formatChange = (n: number | null) => (n == null ? "—" : signedPercent.format(n));
export const formatPoints = (n: number | null) => (n == null ? "—" : `${signedPoints.format(n)} pts`);

/** What the page prints for a cell CMS suppressed: the value is unknown, not zero. */
export const SUPPRESSED_LABEL = "suppressed (<11)";
