// Auth.js: email + password for everyone, plus a generic OIDC provider when AUTH_OIDC_* is set.
// A token carries only the user id, the id of its server-side session row and the user's session version; who the
// user is, whether the session was signed out and whether it still owes a second factor are read from the database
// on every request by getSessionViewer().
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";

import { env, oidcConfigured } from "@pharmacrm/config/env";
import { getDb } from "@pharmacrm/db";
import { endAuthSession, findActiveUserByEmail, SESSION_IDLE_SECONDS, startAuthSession } from "@pharmacrm/domain";

import { requestClientIp } from "./client-ip";
import { authSecret } from "./secret";
import { checkPassword } from "./sign-in";

declare module "next-auth" {
  interface User {
    sessionId?: string;
    sessionVersion?: number;
  }
  interface Session {
    sessionId?: string;
    sessionVersion?: number;
  }
}

/** A held attempt (backoff or lockout); the sign-in form says how long to wait. */
export class SignInThrottled extends CredentialsSignin {
  override code = "throttled";
  constructor(readonly retryAfterMs: number) {
    super();
  }
}

const requestContext = (request: Request) => ({
  ip: requestClientIp(request.headers),
  userAgent: request.headers.get("user-agent"),
});

function providers(): NextAuthConfig["providers"] {
  const list: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials, request) => {
        const db = await getDb();
        const context = requestContext(request);
        const result = await checkPassword(db, credentials, context);
        if (result.outcome === "throttled") throw new SignInThrottled(result.retryAfterMs);
        if (result.outcome !== "ok") return null;
        const claims = await startAuthSession(db, result.user.id, "password", context);
        return claims ? { ...result.user, sessionId: claims.sessionId, sessionVersion: claims.sessionVersion } : null;
      },
    }),
  ];
  const e = env();
  if (oidcConfigured(e)) {
    list.push({
      id: "oidc",
      name: e.AUTH_OIDC_NAME ?? "Single sign-on",
      type: "oidc",
      issuer: e.AUTH_OIDC_ISSUER,
      clientId: e.AUTH_OIDC_ID,
      clientSecret: e.AUTH_OIDC_SECRET,
    });
  }
  return list;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: providers(),
  // A wrong password is an expected outcome, not a server error worth a stack trace in the log.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || error instanceof CredentialsSignin) return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
  events: {
    // Sign-out revokes the session row, so the old cookie stops working at once (not only in this browser).
    async signOut(message) {
      const sessionId = "token" in message ? message.token?.sid : undefined;
      if (typeof sessionId === "string") await endAuthSession(await getDb(), sessionId);
    },
  },
  callbacks: {
    // OIDC users must already exist (an admin adds them); we never create accounts from a token.
    async signIn({ account, user }) {
      if (account?.provider !== "oidc") return true;
      return Boolean(user.email && (await findActiveUserByEmail(await getDb(), user.email)));
    },
    async jwt({ token, account, user }) {
      if (account?.provider === "oidc" && user?.email) {
        const db = await getDb();
        const local = await findActiveUserByEmail(db, user.email);
        const claims = local ? await startAuthSession(db, local.userId, "oidc", { ip: null, userAgent: null }) : null;
        if (!claims) return null;
        return { sub: claims.userId, sid: claims.sessionId, ver: claims.sessionVersion };
      }
      if (user?.id && user.sessionId !== undefined) {
        return { sub: user.id, sid: user.sessionId, ver: user.sessionVersion };
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      if (typeof token.ver === "number") session.sessionVersion = token.ver;
      return session;
    },
  },
}));

export const oidcEnabled = () => oidcConfigured();
