import { prepareTestDatabases } from "@pharmacrm/db/testing";

export default async function setup() {
  await prepareTestDatabases();
}
