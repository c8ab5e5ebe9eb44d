#!/bin/sh
# The image's one entry point (ENTRYPOINT): the first argument picks the program, the rest are its
# arguments. Every program is a bundle `npm run build` made, the same JavaScript the tests run.
# Paths are relative to this script, so the same file runs from a checkout (the Compose test does).
set -eu

root=$(CDPATH='' cd -- "$(dirname -- "$0")/../.." && pwd)
bundles="$root/node_modules/.cache/switchyard/services"
program=${1:-}

case "$program" in
  identity | stores | hardware | meals | observability | gateway | web | simulator | migrate | healthcheck)
    shift
    exec node --enable-source-maps "$bundles/$program.mjs" "$@"
    ;;
  *)
    echo "usage: entrypoint.sh <program> [arguments]" >&2
    echo "  services:  identity stores hardware meals observability gateway web simulator" >&2
    echo "  migrate [subgraph...]            apply pending migrations (all subgraphs by default)" >&2
    echo "  healthcheck [service] [--ready]  exit 0 when the service answers 200 on /health (/ready)" >&2
    exit 64
    ;;
esac
