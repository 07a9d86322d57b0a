// The tRPC API over HTTP with a signed-in browser context's cookies: for tests to read what a user may see
// (and to arrange data) without reaching into the database, which the server process holds open.
import type { APIRequestContext } from "@playwright/test";
import superjson from "superjson";

import type { AppRouter, inferRouterInputs, inferRouterOutputs } from "@pharmacrm/api";

type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;

export class ApiClient {
  constructor(private readonly request: APIRequestContext) {}

  private async call<T>(method: "GET" | "POST", path: string, input: unknown): Promise<T> {
    const response =
      method === "GET"
        ? await this.request.get(
            `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`,
          )
        : await this.request.post(`/api/trpc/${path}`, { data: superjson.serialize(input) });
    const body = (await response.json()) as {
      result?: { data: Parameters<typeof superjson.deserialize>[0] };
      error?: { json?: { message?: string } };
    };
    if (!response.ok() || !body.result)
      throw new Error(`${path} failed (${response.status()}): ${body.error?.json?.message ?? "no message"}`);
    return superjson.deserialize<T>(body.result.data);
  }

  me = () => this.call<Outputs["viewer"]["me"]>("GET", "viewer.me", undefined);
  products = () => this.call<Outputs["viewer"]["products"]>("GET", "viewer.products", undefined);
  listHcps = (input: Inputs["hcp"]["list"]) => this.call<Outputs["hcp"]["list"]>("GET", "hcp.list", input);
  searchPhysicians = (input: Inputs["search"]["physicians"]) =>
    this.call<Outputs["search"]["physicians"]>("GET", "search.physicians", input);
  profile = (npi: string) => this.call<Outputs["hcp"]["byNpi"]>("GET", "hcp.byNpi", { npi });
  logCall = (input: Inputs["interaction"]["log"]) =>
    this.call<Outputs["interaction"]["log"]>("POST", "interaction.log", input);

  /**
   * The `nth` (0-based, by name) HCP in the viewer's territories with calls visible to the viewer. Specs that
   * run in parallel and write calls use different `nth`, so that none sees another's writes.
   */
  async territoryHcpWithCalls(nth = 0) {
    let seen = 0;
    for (let page = 1; page <= 5; page++) {
      const list = await this.listHcps({ mine: true, sort: "name", dir: "asc", page, pageSize: 100 });
      for (const item of list.items) {
        const profile = await this.profile(item.npi);
        if (profile.interactions.length > 0 && seen++ === nth) return profile;
      }
      if (page * 100 >= list.total) break;
    }
    throw new Error(`Fewer than ${nth + 1} HCPs in the viewer's territories have calls: is the demo data seeded?`);
  }
}
