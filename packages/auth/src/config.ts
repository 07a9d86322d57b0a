// Auth.js: email + password for everyone, plus a generic OIDC provider when AUTH_OIDC_* is set.
// Sessions are JWTs holding only the user id; who the user is (and whether they are still active)
// is read from the database on every request by getViewer().
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env, oidcConfigured } from "@pharmacrm/config/env";
import { getDb } from "@pharmacrm/db";
import { findActiveUserByEmail } from "@pharmacrm/domain";
import { authSecret } from "./secret";
import { verifyCredentials } from "./sign-in";

function providers(): NextAuthConfig["providers"] {
  const list: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials) => verifyCredentials(await getDb(), credentials),
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
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: providers(),
  // A wrong password is an expected outcome, not a server error worth a stack trace in the log.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin") return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
  callbacks: {
    // OIDC users must already exist (an admin adds them); we never create accounts from a token.
    async signIn({ account, user }) {
      if (account?.provider !== "oidc") return true;
      return Boolean(user.email && (await findActiveUserByEmail(await getDb(), user.email)));
    },
    async jwt({ token, account, user }) {
      if (account?.provider === "oidc" && user.email) {
        const local = await findActiveUserByEmail(await getDb(), user.email);
        token.sub = local?.userId;
      } else if (user?.id) {
        token.sub = user.id;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
}));

export const oidcEnabled = () => oidcConfigured();
