#!/usr/bin/env bash
# Deploys one released version to an environment, the way .github/workflows/deploy.yml does:
#   infra/ci/k8s-deploy.sh staging|production <version>      (version: v1.4.0, or a released commit SHA)
# 1. sets the image of a copy of the environment's kustomize overlay (`kustomize edit set image`, so the
#    working tree stays as it is) and renders it;
# 2. applies everything but the migrate Job and the Deployments (namespace, config, services, policies…);
# 3. re-creates the Job switchyard-migrate with the new image and waits for it: migrations run once,
#    before any pod of the new version starts (expand-then-contract keeps the old pods working meanwhile);
# 4. applies the Deployments and waits for every rollout (readiness on /ready).
# Needs kubectl and kustomize, and the Secret switchyard-secrets in the namespace.
set -euo pipefail
source "$(dirname "$0")/k8s-common.sh"

usage() {
  echo "usage: $0 staging|production <version>" >&2
  exit 2
}
[ $# -eq 2 ] || usage
use_environment "$1" || usage
VERSION=$2
if ! [[ $VERSION =~ ^(v[0-9]+\.[0-9]+\.[0-9]+([-+.][0-9A-Za-z.-]+)?|[0-9a-f]{40})$ ]]; then
  echo "not a release tag (v1.4.0) or a full commit SHA: $VERSION" >&2
  exit 2
fi
command -v kustomize >/dev/null || {
  echo "kustomize is needed (kubectl's built-in kustomize cannot edit an overlay)" >&2
  exit 1
}
use_kubeconfig

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$ROOT/infra/k8s" "$work/k8s"
(cd "$work/k8s/overlays/$OVERLAY" && kustomize edit set image "$IMAGE=$IMAGE:$VERSION")
kustomize build "$work/k8s/overlays/$OVERLAY" >"$work/all.yaml"
"$(dirname "$0")/split-manifests.sh" "$work/all.yaml" "$work"

echo "--- $NAMESPACE: configuration, services and policies"
kubectl apply -f "$work/rest.yaml"

echo "--- $NAMESPACE: migrations ($IMAGE:$VERSION)"
kubectl -n "$NAMESPACE" delete job switchyard-migrate --ignore-not-found --wait=true
kubectl apply -f "$work/migrate.yaml"
deadline=$((SECONDS + ${MIGRATE_TIMEOUT_SECONDS:-900}))
while :; do
  state=$(kubectl -n "$NAMESPACE" get job switchyard-migrate \
    -o jsonpath='{.status.conditions[?(@.status=="True")].type}')
  case "$state" in
    *Complete*) break ;;
    *Failed*) failed=1 ;;
    *) [ "$SECONDS" -lt "$deadline" ] || failed=1 ;;
  esac
  if [ "${failed:-0}" = 1 ]; then
    kubectl -n "$NAMESPACE" logs job/switchyard-migrate --all-containers --tail=200 >&2 || true
    echo "migrations did not complete ($state): the Deployments were left on their current version" >&2
    exit 1
  fi
  sleep 5
done
kubectl -n "$NAMESPACE" logs job/switchyard-migrate --all-containers --tail=50 || true

echo "--- $NAMESPACE: rolling the Deployments to $VERSION"
kubectl apply -f "$work/workloads.yaml"
rollout_status
echo "deployed $IMAGE:$VERSION to $NAMESPACE"
