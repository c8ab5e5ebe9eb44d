#!/usr/bin/env bash
# Splits rendered manifests (kustomize build output) into what a deploy applies in order:
#   split-manifests.sh <all.yaml> <dir>  ->  <dir>/rest.yaml, <dir>/migrate.yaml, <dir>/workloads.yaml
# migrate.yaml holds the Job switchyard-migrate, workloads.yaml the Deployments, rest.yaml the others.
# kustomize writes every document's fields unindented and separates documents with `---`.
set -euo pipefail
[ $# -eq 2 ] || {
  echo "usage: $0 <all.yaml> <dir>" >&2
  exit 2
}
: >"$2/rest.yaml"
: >"$2/migrate.yaml"
: >"$2/workloads.yaml"
awk -v dir="$2" '
  function flush() {
    if (doc == "") return
    file = kind == "Deployment" ? "workloads" : (kind == "Job" && name == "switchyard-migrate" ? "migrate" : "rest")
    printf "---\n%s", doc >> (dir "/" file ".yaml")
    doc = ""; kind = ""; name = ""; in_metadata = 0
  }
  /^---/ { flush(); next }
  /^kind:/ { kind = $2 }
  /^metadata:/ { in_metadata = 1 }
  /^[^ #]/ && !/^metadata:/ { in_metadata = 0 }
  in_metadata && /^  name:/ { name = $2 }
  { doc = doc $0 "\n" }
  END { flush() }
' "$1"
for part in migrate workloads; do
  [ -s "$2/$part.yaml" ] || {
    echo "no $part manifests in $1" >&2
    exit 1
  }
done
