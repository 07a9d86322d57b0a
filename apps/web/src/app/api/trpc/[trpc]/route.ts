import { createContext, handleApiRequest } from "@pharmacrm/api";
import { getViewer } from "@pharmacrm/auth";
import { getDb } from "@pharmacrm/db";

const handler = (req: Request) =>
  handleApiRequest({ req, createContext: async () => createContext({ db: await getDb(), viewer: await getViewer() }) });

export { handler as GET, handler as POST };
