import { describe, expect, it } from "vitest";

import { navItemsFor, type NavViewer } from "./nav-items";

const labels = (viewer: NavViewer) => navItemsFor(viewer).map((item) => item.label);

describe("the header's links", () => {
  it("shows a rep or a manager the shared screens only", () => {
    expect(labels({ role: "rep", platformOperator: false })).toEqual([
      "Copilot",
      "Accounts",
      "Physicians",
      "Organisations",
      "Calls",
      "Tasks",
      "Call plans",
      "Analytics",
    ]);
    expect(labels({ role: "manager", platformOperator: false })).toEqual([
      "Copilot",
      "Accounts",
      "Physicians",
      "Organisations",
      "Calls",
      "Tasks",
      "Call plans",
      "Analytics",
    ]);
  });

  it("shows an org admin every admin tool", () => {
    expect(labels({ role: "admin", platformOperator: false })).toEqual([
      "Copilot",
      "Accounts",
      "Physicians",
      "Organisations",
      "Calls",
      "Tasks",
      "Call plans",
      "Analytics",
      "Data",
      "Copilot audit",
      "Audit trail",
      "Users",
      "Products",
      "Territories",
      "Compliance",
    ]);
  });

  it("shows a platform operator who is not an org admin the Data screen, and no org admin tool", () => {
    expect(labels({ role: "rep", platformOperator: true })).toEqual([
      "Copilot",
      "Accounts",
      "Physicians",
      "Organisations",
      "Calls",
      "Tasks",
      "Call plans",
      "Analytics",
      "Data",
    ]);
  });
});
