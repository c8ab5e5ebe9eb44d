#!/bin/sh
# Creates the secret files compose.yaml mounts (top-level `secrets:`), each a random value, in
# infra/compose/secrets/ (git-ignored) or the folder given. Files that exist are kept, so running it
# again after an upgrade only adds new ones. The folder is private to you (0700); the files inside
# are 0644 because the containers' users (10001, postgres, Grafana…) read them through the bind mount.
#   sh infra/compose/create-secrets.sh [folder]
set -eu

dir=${1:-$(dirname -- "$0")/secrets}
mkdir -p "$dir"
chmod 0700 "$dir"

random() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

create() { # name value
  [ -f "$dir/$1" ] && return 0
  (umask 022 && printf '%s\n' "$2" > "$dir/$1")
  echo "created $dir/$1"
}

for name in internal-signing-secret jwt-secret edge-signing-secret hardware-encryption-key metrics-token \
  admin-password postgres-password grafana-admin-password pgadmin-password; do
  create "$name" "$(random)"
done
# One database and one role per subgraph on the `postgres` service (infra/compose/postgres/ creates
# them from these URLs on the first start).
for subgraph in identity stores hardware meals observability; do
  create "$subgraph-database-url" "postgresql://$subgraph:$(random)@postgres:5432/switchyard_$subgraph"
done
create redis-url "redis://:$(random)@redis:6379"
