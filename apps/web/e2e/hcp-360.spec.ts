import type { ApiClient } from "./api";
import { expect, test, users } from "./fixtures";
import { Hcp360Page } from "./pages/hcp-360-page";

type Profile = Awaited<ReturnType<ApiClient["profile"]>>;

/**
 * The first HCP (by name) in the viewer's territories who writes the org's brands, has a suppressed Part D cell
 * and received Open Payments.
 */
async function hcpWithPrescribingAndPayments(api: ApiClient): Promise<Profile> {
  for (let page = 1; page <= 5; page++) {
    const list = await api.listHcps({ mine: true, sort: "name", dir: "asc", page, pageSize: 100 });
    for (const item of list.items) {
      const profile = await api.profile(item.npi);
      const suppressed = profile.prescribing.rows.some((r) => r.beneficiaries == null);
      const writesOwnBrand = profile.prescribing.markets.some((m) => m.years.some((y) => y.ownClaims > 0));
      if (suppressed && writesOwnBrand && profile.payments.total.records > 0) return profile;
    }
    if (page * 100 >= list.total) break;
  }
  throw new Error(
    "No HCP in the viewer's territories has both prescribing (with a suppressed cell) and payments: is the demo data seeded?",
  );
}

test("a rep opens an HCP's 360 page and sees prescribing, payments, the map and the sources", async ({ signInAs }) => {
  const { api, hcp, page } = await signInAs(users.northwindBostonRep);
  const profile = await hcpWithPrescribingAndPayments(api);
  // The map has no tile layer: nothing on the page may leave this server.
  const offsite: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["localhost", "127.0.0.1"].includes(url.hostname) && url.protocol.startsWith("http"))
      offsite.push(request.url());
  });

  await hcp.goto(profile.hcp.npi);
  const view = new Hcp360Page(page);

  // Prescribing: the chart's bars, the table, a suppressed cell shown as such, and the lower-bound note.
  await expect(view.prescribingChart.locator(".recharts-surface").first()).toBeVisible();
  await expect(view.bars(view.prescribingChart).first()).toBeVisible();
  const latest = Math.max(...profile.prescribing.years);
  await expect(view.prescribing).toContainText(`${latest}`);
  await expect(
    view.prescribingTable.getByTestId("suppressed-cell").filter({ hasText: "suppressed (<11)" }).first(),
  ).toBeVisible();
  await expect(view.prescribing.getByTestId("prescribing-lower-bound")).toContainText("lower bounds");
  // The org's market share, as the domain computed it, for a market the HCP writes the org's brand in.
  const market = profile.prescribing.markets.find((m) => m.years.some((y) => y.ownClaims > 0))!;
  const shareYear = market.years.findLast((y) => y.share != null)!;
  const share = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 }).format(shareYear.share!);
  await expect(
    view.prescribing
      .getByTestId("market-share")
      .filter({ hasText: market.name })
      .getByRole("row")
      .filter({ hasText: String(shareYear.year) }),
  ).toContainText(share);

  // Payments: the chart, the total and the largest manufacturer.
  await expect(view.paymentsChart.locator(".recharts-surface").first()).toBeVisible();
  await expect(view.bars(view.paymentsChart).first()).toBeVisible();
  const total = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(
    profile.payments.total.amount,
  );
  await expect(view.payments.getByTestId("payments-total")).toHaveText(total);
  await expect(view.payments.getByTestId("payments-by-manufacturer")).toContainText(
    profile.payments.byManufacturer[0]!.manufacturer,
  );

  // The map draws a marker per distinct ZIP centroid over the bundled state outlines.
  const placed = new Set(profile.locations.filter((l) => l.point).map((l) => `${l.point!.lat},${l.point!.lng}`));
  expect(placed.size).toBeGreaterThan(0);
  await expect(view.mapMarkers).toHaveCount(placed.size);
  await view.mapMarkers.first().click();
  await expect(view.map.locator(".leaflet-popup")).toContainText("Located by ZIP centroid");

  // Every section names its source and release; the demo files are flagged as demo data.
  const partD = profile.sources.part_d[0]!;
  await expect(view.source("source-part-d")).toContainText(partD.release ?? String(partD.dataYear));
  await expect(view.source("source-open-payments")).toContainText(profile.sources.open_payments[0]!.release!);
  await expect(view.source("source-part-d")).toContainText("Demo data");
  await expect(view.source("source-nppes").first()).toContainText("NPPES");

  expect(offsite).toEqual([]);
});
