# syntax=docker/dockerfile:1
# Builds either example from the repository root:
#   docker build --build-arg SERVICE=pets -t pets .
#   docker build --build-arg SERVICE=model-serving -t model-serving .
# The same stages as the Dockerfile every service has in its own folder.
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

FROM ${NODE_IMAGE} AS build
ARG SERVICE=pets
# onnxruntime-node bundles its CPU build; its install script would only fetch GPU libraries.
ENV ONNXRUNTIME_NODE_INSTALL=skip
WORKDIR /app
COPY examples/${SERVICE}/package.json examples/${SERVICE}/package-lock.json ./
RUN npm ci --no-audit --no-fund
# The whole service, but what .dockerignore keeps out: sources, TypeScript settings, build scripts.
COPY examples/${SERVICE}/ ./
RUN npm run build -- --standalone

# What a service reads at run time besides its code: the embedded database's snapshot, for pets;
# the model repository, for model-serving.
FROM ${NODE_IMAGE} AS runtime-files
ARG SERVICE=pets
WORKDIR /files
COPY examples/${SERVICE}/ ./source/
RUN mkdir out \
    && if [ -d source/pglite ]; then mv source/pglite out/pglite; fi \
    && if [ -d source/models ]; then mv source/models out/models; fi

FROM ${NODE_IMAGE}
# Without DATABASE_URL the embedded database lives in memory: the image's filesystem is read-only.
ENV NODE_ENV=production \
    PORT=8080 \
    PGLITE_DATA_DIR=memory://
WORKDIR /app
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./
COPY --from=runtime-files /files/out/ ./
USER 1000:1000
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.AIP_HTTP_PORT || process.env.PORT}/health/live`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "./dist/tracing.js", "dist/main.js"]
