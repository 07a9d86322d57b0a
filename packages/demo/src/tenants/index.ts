export { DEMO_PASSWORD, DEMO_ORGS, demoSignIns, ACME, NORTHWIND, type DemoSignIn, type OrgDefinition, type Role } from "./definitions";
export { isSeeded, seedTenants, type TenantSeedResult } from "./seed-tenants";
