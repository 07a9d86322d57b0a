# The app image for docker-compose: builds the monorepo as the unprivileged `node` user (uid 1000) and runs as it.
# The same image serves two services: `migrate` (migrations, demo seed, the app's database role; run as the tables'
# owner) and `app` (Next.js, connected as pharmacrm_app, a role that owns nothing).
FROM node:20.20.2-bookworm-slim
ENV NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1
RUN npm i -g pnpm@12.21.0
WORKDIR /app
RUN chown node:node /app
USER node
COPY --chown=node:node . .
# .data exists (owned by node) before a volume is mounted on it, so the volume starts out writable by the app.
RUN pnpm install --frozen-lockfile && pnpm build && mkdir -p .data
EXPOSE 3000
CMD ["pnpm", "--filter", "@pharmacrm/web", "serve"]
