#!/bin/sh
# Run by the postgres image once, when its data volume is new (/docker-entrypoint-initdb.d): one
# role and one database per subgraph, from each `<subgraph>-database-url` secret
# (postgresql://<role>:<password>@postgres:5432/<database>). Each role owns its database and
# nothing else; no other role may connect to it. Re-run it by hand after adding a subgraph:
#   docker compose -f infra/compose.yaml exec postgres sh /docker-entrypoint-initdb.d/create-databases.sh
# psql connects as the image's entrypoint arranges (POSTGRES_USER, local socket); PGHOST and the
# other libpq variables move it, and SECRETS_DIR the secrets (the Compose test runs it so).
set -eu

secrets=${SECRETS_DIR:-/run/secrets}
found=0
for file in "$secrets"/*-database-url; do
  [ -f "$file" ] || continue
  found=1
  url=$(tr -d '\r\n' < "$file")
  role=$(printf '%s' "$url" | sed -E 's#^postgres(ql)?://([^:@/]+):.*#\2#')
  password=$(printf '%s' "$url" | sed -E 's#^postgres(ql)?://[^:@/]+:([^@]*)@.*#\2#')
  database=$(printf '%s' "$url" | sed -E 's#^[^/]*//[^/]+/([^?]+).*#\1#')
  # psql variables are quoted by psql itself (:'password' as a literal, :"role" as an identifier).
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
    -v role="$role" -v password="$password" -v database="$database" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'password')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'role')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
  echo "database $database for role $role"
done
[ "$found" = 1 ] || { echo "no *-database-url secret in $secrets" >&2; exit 1; }
