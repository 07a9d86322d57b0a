import { writeMigratedSnapshot } from "@pharmacrm/db/testing";

export default async function setup() {
  await writeMigratedSnapshot();
}
