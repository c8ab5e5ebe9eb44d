#!/usr/bin/env bash
# Rolls every Switchyard Deployment of an environment back to its previous revision and waits:
#   infra/ci/k8s-rollback.sh staging|production
# The database stays as the newer release left it: its migrations only expanded the schema
# (prisma/src/expand-contract.ts), so the previous version works on it, and its own migration check
# at start finds nothing to apply. To go back further, deploy an older version with k8s-deploy.sh.
set -euo pipefail
source "$(dirname "$0")/k8s-common.sh"

[ $# -eq 1 ] && use_environment "$1" || {
  echo "usage: $0 staging|production" >&2
  exit 2
}
use_kubeconfig

for deployment in $(deployments); do
  kubectl -n "$NAMESPACE" rollout undo "$deployment"
done
rollout_status
kubectl -n "$NAMESPACE" get deployments -l app.kubernetes.io/part-of=switchyard \
  -o custom-columns='DEPLOYMENT:.metadata.name,IMAGE:.spec.template.spec.containers[0].image'
