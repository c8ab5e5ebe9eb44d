# Sourced by k8s-deploy.sh and k8s-rollback.sh: which overlay and namespace an environment is, and the
# cluster credentials. Environments are the GitHub environments of .github/workflows/deploy.yml.

IMAGE=ghcr.io/switchyard/switchyard
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# Sets OVERLAY and NAMESPACE for staging|production (the namespaces infra/k8s/overlays/* declare).
use_environment() {
  case "${1:-}" in
    staging) OVERLAY=dev NAMESPACE=switchyard-staging ;;
    production) OVERLAY=prod NAMESPACE=switchyard ;;
    *)
      echo "unknown environment '${1:-}': use staging or production" >&2
      return 2
      ;;
  esac
}

# In CI the cluster credentials arrive as the environment's KUBECONFIG secret (the file's content);
# they go to a private file that lives as long as the job. By hand, kubectl's own configuration is used.
use_kubeconfig() {
  if [ -n "${KUBECONFIG_DATA:-}" ]; then
    KUBECONFIG=$(mktemp)
    chmod 600 "$KUBECONFIG"
    printf '%s\n' "$KUBECONFIG_DATA" >"$KUBECONFIG"
    export KUBECONFIG
  fi
}

# Names of the Switchyard Deployments in the namespace, as deployment/<name>.
deployments() {
  kubectl -n "$NAMESPACE" get deployments -l app.kubernetes.io/part-of=switchyard -o name
}

rollout_status() {
  local deployment
  for deployment in $(deployments); do
    kubectl -n "$NAMESPACE" rollout status "$deployment" --timeout="${ROLLOUT_TIMEOUT:-10m}"
  done
}
