export { appRouter, createCaller, type AppRouter } from "./root";
export { createContext, type Context } from "./trpc";
export { handleApiRequest } from "./http-handler";
export type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
