import type { Locator, Page } from "@playwright/test";

/** The HCP page's 360 sections (the call log and header are in HcpPage). */
export class Hcp360Page {
  readonly prescribing: Locator;
  readonly prescribingChart: Locator;
  readonly prescribingTable: Locator;
  readonly payments: Locator;
  readonly paymentsChart: Locator;
  readonly locations: Locator;
  readonly map: Locator;
  readonly mapMarkers: Locator;

  constructor(readonly page: Page) {
    this.prescribing = page.getByTestId("prescribing");
    this.prescribingChart = page.getByTestId("prescribing-chart");
    this.prescribingTable = page.getByTestId("prescribing-table");
    this.payments = page.getByTestId("payments");
    this.paymentsChart = page.getByTestId("payments-chart");
    this.locations = page.getByTestId("locations");
    this.map = page.getByTestId("locations-map");
    // Leaflet draws circle markers as SVG paths carrying the marker's class name.
    this.mapMarkers = this.map.locator("path.hcp-location-marker");
  }

  /** Bars Recharts drew inside a chart. */
  bars(chart: Locator): Locator {
    return chart.locator(".recharts-bar-rectangle");
  }

  source(testId: string): Locator {
    return this.page.getByTestId(testId);
  }
}
