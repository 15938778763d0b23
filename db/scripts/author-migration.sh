#!/usr/bin/env bash
# Writes db/prisma/migrations/<UTC timestamp>_<NAME>/migration.sql: the SQL that takes the database
# from the schema as of the last commit (git HEAD:db/prisma/schema.prisma) to the current
# db/prisma/schema.prisma. Review it, then apply it with `npx crescendo db migrate`.
#
# Why not `prisma migrate dev`: Prisma 7's migrate engine is a binary download, impossible here.
# Prisma 6.19's CLI has a WASM schema engine that diffs two schema files without any database, so
# it is installed once from the npm registry into a cache folder outside the repo (never into the
# project's dependencies) and run with --ignore-scripts, so nothing else is downloaded.
#
# Usage: db/scripts/author-migration.sh [--from-empty] NAME
#   --from-empty   diff from an empty database instead of HEAD's schema (a full schema script)
set -euo pipefail

PRISMA_VERSION=6.19.3
PACKAGES=("prisma@$PRISMA_VERSION" "@prisma/client@$PRISMA_VERSION" "pglite-prisma-adapter@0.6.1" "@electric-sql/pglite@0.3.16")
TOOL_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/crescendo-migration-author/prisma-$PRISMA_VERSION"

usage() { sed -n 's/^# \{0,1\}//; 2,12p' "$0" >&2; exit 2; }
fail() { echo "author-migration: $*" >&2; exit 1; }

from_empty=false
name=""
for argument in "$@"; do
  case "$argument" in
    --from-empty) from_empty=true ;;
    -h|--help) usage ;;
    -*) fail "unknown option $argument" ;;
    *) [ -z "$name" ] || fail "one NAME only"; name="$argument" ;;
  esac
done
[ -n "$name" ] || usage
# Prisma's own rule for migration folder names: lower case, anything else becomes "_".
name="$(printf '%s' "$name" | tr '[:upper:]' '[:lower:]' | tr -c 'a-z0-9_' '_')"

root="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
cd "$root"
schema=db/prisma/schema.prisma
migrations=db/prisma/migrations

# A migration written but not committed is not in HEAD's schema yet: diffing from HEAD again would repeat it.
pending="$(git status --porcelain --untracked-files=all -- "$migrations" | grep -v 'migration_lock.toml' || true)"
if [ -n "$pending" ]; then
  fail "uncommitted changes under $migrations:
$pending
The diff is taken from HEAD's schema.prisma, so it would repeat them. Commit them (with schema.prisma) first,
or delete them to regenerate."
fi
if ! $from_empty; then
  git cat-file -e "HEAD:$schema" 2>/dev/null || fail "no $schema at HEAD; use --from-empty for a first migration"
  if git diff --quiet HEAD -- "$schema"; then
    echo "No change: $schema is the same as at HEAD. Nothing created."
    exit 0
  fi
fi

install_tool() {
  local staging="$TOOL_DIR.installing.$$"
  echo "Installing Prisma $PRISMA_VERSION (schema diff tool) into $TOOL_DIR (first use only)..." >&2
  rm -rf "$staging" && mkdir -p "$staging"
  printf '{ "name": "crescendo-migration-author", "private": true }\n' > "$staging/package.json"
  # The WASM schema engine ("engine: js") needs a driver adapter; it never connects for a schema-to-schema diff.
  cat > "$staging/prisma.config.ts" <<'EOF'
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPGlite(new PGlite()),
});
EOF
  (cd "$staging" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error --save-exact "${PACKAGES[@]}" >&2) \
    || { rm -rf "$staging"; fail "npm install failed (only the npm registry is needed)"; }
  rm -rf "$TOOL_DIR" && mkdir -p "$(dirname "$TOOL_DIR")" && mv "$staging" "$TOOL_DIR"
}
[ -x "$TOOL_DIR/node_modules/.bin/prisma" ] || install_tool

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Prisma 6 wants a generator-free schema with a datasource url; Prisma 7 keeps the url in prisma.config.ts.
prepare() {
  node -e '
    const fs = require("fs");
    let source = fs.readFileSync(process.argv[1], "utf8");
    source = source.replace(/^generator\s+\w+\s*\{[^}]*\}/gm, "");
    source = source.replace(/^(datasource\s+\w+\s*\{)([^}]*)\}/m, (_, open, body) =>
      `${open}${body.replace(/^\s*(url|directUrl|shadowDatabaseUrl)\s*=.*$/gm, "")}  url = "postgresql://offline@localhost/offline"\n}`);
    fs.writeFileSync(process.argv[2], source);' "$1" "$2"
}
prepare "$schema" "$work/to.prisma"
if $from_empty; then
  from=(--from-empty)
else
  git show "HEAD:$schema" > "$work/from.source.prisma"
  prepare "$work/from.source.prisma" "$work/from.prisma"
  from=(--from-schema-datamodel "$work/from.prisma")
fi

engine_placeholder="$(command -v node)" # the CLI wants an engine path to exist; the WASM engine is used
status=0
(cd "$TOOL_DIR" && CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1 PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING=1 \
  PRISMA_SCHEMA_ENGINE_BINARY="$engine_placeholder" PRISMA_QUERY_ENGINE_LIBRARY="$engine_placeholder" \
  ./node_modules/.bin/prisma migrate diff "${from[@]}" --to-schema-datamodel "$work/to.prisma" \
  --script --exit-code -o "$work/migration.sql") > "$work/prisma.log" 2>&1 || status=$?
case "$status" in
  0) echo "No change: Prisma finds no schema difference (comments or formatting only?). Nothing created."; exit 0 ;;
  2) ;; # a difference: the script is in $work/migration.sql
  *) cat "$work/prisma.log" >&2; fail "prisma migrate diff failed (exit $status)" ;;
esac

# Prisma 6.19 starts a script from empty with CREATE SCHEMA "public"; it exists already everywhere we run.
node -e '
  const fs = require("fs");
  const file = process.argv[1];
  const sql = fs.readFileSync(file, "utf8").replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n+/m, "");
  fs.writeFileSync(file, sql.replace(/^\s+/, ""));' "$work/migration.sql"

# The folder name must sort after every existing migration: our migrator and Prisma apply in name order.
timestamp="$(date -u +%Y%m%d%H%M%S)"
latest="$(ls "$migrations" | grep -E '^[0-9]{14}_' | sort | tail -n 1 | cut -c1-14 || true)"
if [ -n "$latest" ] && [ "$timestamp" -le "$latest" ]; then timestamp=$((latest + 1)); fi
target="$migrations/${timestamp}_$name"
mkdir -p "$target"
cp "$work/migration.sql" "$target/migration.sql"

echo "Created $target/migration.sql"
echo
echo "Next:"
echo "  1. Read the SQL. Prisma renames nothing: a renamed field or model comes out as DROP + ADD, losing data;"
echo "     edit the file (ALTER TABLE ... RENAME) when that is not what you meant."
echo "  2. pgvector DDL is written by hand: Prisma does not emit CREATE EXTENSION vector, and the PostgreSQL 15"
echo "     server here has no pgvector, so wrap vector columns and indexes in a guard like the DO block at the top"
echo "     of $migrations/*_init/migration.sql."
if grep -n -i -E 'vector|hnsw|ivfflat' "$target/migration.sql" >&2; then
  echo "     ^ these lines touch vector objects: guard them before committing." >&2
fi
if grep -n -E 'ADD VALUE' "$target/migration.sql" >&2; then
  echo "     ^ each migration runs in one transaction: a new enum value cannot be used (UPDATE, DEFAULT) in the same file." >&2
fi
echo "  3. npx crescendo db migrate, then npx vitest run db/schema-check (the parity test proves the SQL builds schema.prisma)."
echo "  4. Commit schema.prisma and the migration together (the next diff starts from HEAD's schema.prisma)."
