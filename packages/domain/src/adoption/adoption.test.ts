// The adoption board: whose physicians each person sees on it, a move audited with before and after, a move on a
// board drawn before someone else's move refused, another org's product refused, and the stage shown in My accounts.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { auditEvent } from "@pharmacrm/db";

import { listAccounts } from "../hcp/accounts";
import { scopeFor } from "../scope";
import { NPIS, useWorld, type PersonKey } from "../testing/world";
import { adoptionBoard, moveAdoption } from "./board";

const ctx = useWorld();
const scopeOf = (person: PersonKey) => scopeFor(ctx.database.db, ctx.world.viewers[person]);
const codeOrMessage = (p: Promise<unknown>) =>
  p.then(
    () => "resolved",
    (e: Error & { code?: string }) => `${e.code ?? e.name}: ${e.message}`,
  );
const columns = async (person: PersonKey, productId = ctx.world.products.A) =>
  Object.fromEntries(
    (await adoptionBoard(ctx.database.db, await scopeOf(person), { productId })).stages.map((s) => [
      s.stage,
      s.cards.map((c) => c.npi),
    ]),
  );

describe("the adoption board", () => {
  it("starts everyone in the viewer's territories as unaware", async () => {
    expect(await columns("managerEast")).toEqual({
      unaware: [NPIS.E1, NPIS.E2].sort(),
      aware: [],
      trial: [],
      adopter: [],
      advocate: [],
    });
    const board = await adoptionBoard(ctx.database.db, await scopeOf("repW1"), { productId: ctx.world.products.A });
    expect(board.product.name).toBe("Alphacor");
    expect(board.stages.map((s) => s.total)).toEqual([1, 0, 0, 0, 0]);
  });

  it("moves a card, audits it, and shows it to the manager and in My accounts", async () => {
    const db = ctx.database.db;
    const rep = await scopeOf("repE1");
    const moved = await moveAdoption(db, rep, {
      npi: NPIS.E1,
      productId: ctx.world.products.A,
      from: "unaware",
      stage: "trial",
    });
    expect(moved).toEqual({ npi: NPIS.E1, stage: "trial", changed: true });
    expect((await columns("managerEast")).trial).toEqual([NPIS.E1]);
    const [audit] = await db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "hcp.adoptionStage"), eq(auditEvent.actorId, rep.userId)));
    expect(audit).toMatchObject({
      entityId: NPIS.E1,
      before: { product: "Alphacor", stage: "unaware" },
      after: { productId: ctx.world.products.A, product: "Alphacor", stage: "trial" },
    });
    const [account] = (await listAccounts(db, rep, {})).items;
    expect(account!.adoption).toEqual([{ product: "Alphacor", stage: "trial" }]);
    // Org B's board of its own product does not see org A's move.
    expect((await columns("repB1", ctx.world.products.B)).trial).toEqual([]);
  });

  it("refuses a move from a stale board, another org's product, and a physician out of reach", async () => {
    const db = ctx.database.db;
    const stale = moveAdoption(db, await scopeOf("managerEast"), {
      npi: NPIS.E1,
      productId: ctx.world.products.A,
      from: "unaware",
      stage: "aware",
    });
    expect(await codeOrMessage(stale)).toBe(
      "CONFLICT: First0 Hcpe1 was moved to Trial for Alphacor since the board was loaded; it now shows where they are.",
    );
    expect((await columns("managerEast")).trial).toEqual([NPIS.E1]);
    expect(
      await codeOrMessage(
        moveAdoption(db, await scopeOf("repE1"), {
          npi: NPIS.E1,
          productId: ctx.world.products.B,
          from: "unaware",
          stage: "aware",
        }),
      ),
    ).toBe("NOT_FOUND: That product was not found.");
    expect(
      await codeOrMessage(
        moveAdoption(db, await scopeOf("repW1"), {
          npi: NPIS.E1,
          productId: ctx.world.products.A,
          from: "trial",
          stage: "adopter",
        }),
      ),
    ).toMatch(/^FORBIDDEN/);
    // An admin may work with any physician, but the board (and so a move) is the org's territories'.
    expect(
      await codeOrMessage(
        moveAdoption(db, await scopeOf("adminA"), {
          npi: NPIS.OUT,
          productId: ctx.world.products.A,
          from: "unaware",
          stage: "advocate",
        }),
      ),
    ).toMatch(/^FORBIDDEN: .* is not on your adoption boards/);
    expect(await codeOrMessage(adoptionBoard(db, await scopeOf("repE1"), { productId: ctx.world.products.B }))).toMatch(
      /^NOT_FOUND/,
    );
  });
});
