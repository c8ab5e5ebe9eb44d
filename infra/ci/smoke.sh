#!/usr/bin/env bash
# Smoke query through the one public origin, after a deploy or a rollback:
#   [SMOKE_API_KEY=sk_…] infra/ci/smoke.sh https://switchyard.example.com
# The web server answers /health, and a GraphQL query crosses web → gateway. With SMOKE_API_KEY (an API
# key with the observability:read scope) it also asks observability for every service's health, which
# crosses gateway → subgraphs → their databases, and fails when a service is DOWN.
set -euo pipefail
url=${1:?usage: $0 <public-url>}
url=${url%/}

# New pods can take a moment to join the Service and the Ingress behind it.
graphql() { # query [header]
  curl -fsS --retry 10 --retry-all-errors --retry-delay 3 --max-time 10 "$url/graphql" \
    -H 'content-type: application/json' ${2:+-H "$2"} -d "{\"query\":\"$1\"}"
}

curl -fsS --retry 10 --retry-all-errors --retry-delay 3 --max-time 10 "$url/health" >/dev/null
echo "web: $url/health answers"

answer=$(graphql '{ __typename }')
[[ $answer == *'"__typename":"Query"'* ]] || {
  echo "unexpected answer to { __typename }: $answer" >&2
  exit 1
}
echo "gateway: { __typename } answers through $url/graphql"

if [ -n "${SMOKE_API_KEY:-}" ]; then
  answer=$(graphql '{ services { name status } }' "x-api-key: $SMOKE_API_KEY")
  if [[ $answer != *'"services":['* || $answer == *'"errors"'* || $answer == *'"DOWN"'* ]]; then
    echo "services not healthy: $answer" >&2
    exit 1
  fi
  echo "services: $answer"
fi
