import { handlers } from "@pharmacrm/auth";

export const { GET, POST } = handlers;
