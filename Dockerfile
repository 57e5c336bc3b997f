# syntax=docker/dockerfile:1
#
# redis-migrate GitHub App (Probot 14).
#
#   docker build -t redis-migrate .
#   docker run -e APP_ID=… -e PRIVATE_KEY="$(cat key.pem)" -e WEBHOOK_SECRET=… -p 3000:3000 redis-migrate
#
# Two stages on the same Debian release (bookworm), so that the native addon compiled in the first loads in the
# second: tree-sitter 0.25's prebuilt linux binary needs GLIBCXX_3.4.31 (libstdc++ of GCC 13), which bookworm's
# libstdc++ (GCC 12) lacks, so it is compiled here instead. `node:20-bookworm-slim` is today's `node:20-slim`,
# pinned to the release of the build stage.

# ---- build: all dependencies, tree-sitter compiled from source, TypeScript compiled to dist/ ----------------------
FROM node:20-bookworm AS build
WORKDIR /usr/src/app
# node-gyp uses the headers that come with this image's Node (no download)
ENV npm_config_nodedir=/usr/local
COPY package.json package-lock.json ./
# --ignore-scripts: the `prepare` script runs tsc, and the sources are not here yet
RUN npm ci --ignore-scripts
# the addons, built for this Debian (the full node image has python3, make and g++); only the .node files are kept
RUN npm rebuild --build-from-source tree-sitter tree-sitter-python \
 && for p in tree-sitter tree-sitter-python; do \
      mkdir -p "/opt/addons/$p/build/Release" && cp "node_modules/$p/build/Release/"*.node "/opt/addons/$p/build/Release/"; \
    done
COPY tsconfig.json ./
COPY src ./src
RUN npm run build

# ---- runtime: production dependencies only, non-root -----------------------------------------------------------------
FROM node:20-bookworm-slim
# LOG_FORMAT=json: `probot run` logs pretty text unless told otherwise, whatever NODE_ENV says
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 LOG_FORMAT=json
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
# --ignore-scripts: no `prepare` (tsc is a dev dependency) and no native build (there is no compiler in slim)
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
# node-gyp-build loads build/Release/*.node before the package's prebuilds/
COPY --from=build /opt/addons/ ./node_modules/
COPY --from=build /usr/src/app/dist ./dist
# the demo's example repository (`docker run --rm redis-migrate node dist/src/demo/main.js`)
COPY examples/legacy-app ./examples/legacy-app
# fail the image build, not the first webhook, if the parser cannot load
RUN node -e "const P=require('tree-sitter');const p=new P();p.setLanguage(require('tree-sitter-python'));if(p.parse('import aioredis\n').rootNode.hasError)process.exit(1)"
USER node
EXPOSE 3000
# Probot's server answers GET /ping with PONG; slim images have no curl, so node probes it
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/ping',{signal:AbortSignal.timeout(4000)}).then(r=>r.text()).then(t=>process.exit(t==='PONG'?0:1),()=>process.exit(1))"
CMD ["npm", "start"]
