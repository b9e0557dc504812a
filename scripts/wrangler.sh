#!/bin/sh
# Runs wrangler offline and quiet: no telemetry, no cf.json fetch, no error reports (see ../shared/TOOLCHAIN.md).
export CLOUDFLARE_CF_FETCH_ENABLED=false WRANGLER_SEND_METRICS=false WRANGLER_SEND_ERROR_REPORTS=false
exec npx --no-install wrangler "$@"
