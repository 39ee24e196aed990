# dloket-bot: the registration worker. With its database: docker compose up -d (compose.yaml).
# Alone: docker build -t dloket-bot . && docker run --init --env-file .env -v dloket-data:/data -p 8080:8080 dloket-bot

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts stay off until the sources are here (prepare would build too early).
RUN npm ci --ignore-scripts
COPY tsconfig.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# HTTP_PORT: /healthz, /readyz and /metrics (see the README); DATA_DIR: PGlite, when DATABASE_URL is unset.
ENV NODE_ENV=production \
    DATA_DIR=/data \
    HTTP_PORT=8080
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY templates ./templates
COPY drizzle ./drizzle
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
# Ready: the database answers and the mailbox is connected (or reconnecting briefly). The slim
# image has no curl: the check is a few lines of Node. Start-up includes migrations and the first login.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["node", "dist/cli/healthcheck.js"]
# Run with --init (compose: init: true) so SIGTERM reaches node, which stops cleanly. The V8
# flags keep the heap small (the README's Benchmark: peak RSS about 200 MB without, 130 MB with).
CMD ["node", "--max-semi-space-size=8", "--heap-growing-percent=20", "dist/cli/main.js", "run"]
