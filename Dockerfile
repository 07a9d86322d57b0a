# The app image for docker-compose: builds the monorepo, then migrates (and seeds demo data when
# SEED_DEMO=1 and the database is empty) before starting Next.js.
FROM node:20-bookworm-slim
ENV NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1
RUN npm i -g pnpm@12.21.0
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build
EXPOSE 3000
CMD ["sh", "-c", "pnpm db:setup && pnpm --filter @pharmacrm/web serve"]
