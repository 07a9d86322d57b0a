export { DEMO_PASSWORD, demoSignIns, type DemoSignIn } from "./definitions";
export { isSeeded } from "./seed-tenants";
