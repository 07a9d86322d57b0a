export { auth, handlers, signIn, signOut, oidcEnabled } from "./config";
export { getViewer } from "./viewer";
export { authSecret } from "./secret";
