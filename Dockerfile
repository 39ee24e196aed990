# dloket-bot: the registration worker. Build: docker build -t dloket-bot .
# Run: docker run --env-file .env -v dloket-data:/data dloket-bot

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts stay off until the sources are here (prepare would build too early).
RUN npm ci --ignore-scripts
COPY tsconfig.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY templates ./templates
COPY drizzle ./drizzle
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# node itself is PID 1's child via --init in compose/k8s; it handles SIGTERM for a clean stop.
CMD ["node", "dist/cli/main.js", "run"]
