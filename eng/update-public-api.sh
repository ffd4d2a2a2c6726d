#!/usr/bin/env bash
# Records the public API of every packable project in its PublicAPI.Unshipped.txt (Microsoft.CodeAnalysis.PublicApiAnalyzers).
#
#   eng/update-public-api.sh            # update every src/*/ project that has a PublicAPI.Shipped.txt
#   eng/update-public-api.sh --check    # change nothing; exit 1 when a file is out of date (for CI)
#   eng/update-public-api.sh src/Segmentation.Testing/Segmentation.Testing.csproj   # only these projects
#
# Builds with warnings not treated as errors, then reads the analyzer's diagnostics:
#   RS0016 "Symbol 'X' is not part of the declared public API"   -> X is added to PublicAPI.Unshipped.txt
#   RS0017 "Symbol 'X' is part of the declared API, but is either not public or could not be found"
#          -> X is removed from PublicAPI.Unshipped.txt; when X was shipped, "*REMOVED*X" is recorded instead
# Entries stay sorted (ordinal) under the "#nullable enable" header. Re-run it after every merge that adds or
# removes public API, review the diff, and commit it. Moving entries to PublicAPI.Shipped.txt is a release step.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 LC_ALL=C

check=false
projects=()
for arg in "$@"; do
  case "$arg" in
    --check) check=true ;;
    *) projects+=("$(cd "$(dirname "$arg")" && pwd)/$(basename "$arg")") ;;
  esac
done
if [ ${#projects[@]} -eq 0 ]; then
  for shipped in src/*/PublicAPI.Shipped.txt; do
    dir="$root/$(dirname "$shipped")"
    projects+=("$(ls "$dir"/*.csproj)")
  done
fi

log=$(mktemp)
trap 'rm -f "$log" "$log".*' EXIT
status=0
for project in "${projects[@]}"; do
  dir=$(dirname "$project")
  unshipped="$dir/PublicAPI.Unshipped.txt"
  shipped="$dir/PublicAPI.Shipped.txt"
  [ -f "$shipped" ] || printf '#nullable enable\n' > "$shipped"
  [ -f "$unshipped" ] || printf '#nullable enable\n' > "$unshipped"

  # --no-incremental: an up-to-date project would not be compiled, and would report nothing.
  dotnet build "$project" -c Release --no-incremental -nologo -clp:NoSummary \
    -p:TreatWarningsAsErrors=false -p:MSBuildTreatWarningsAsErrors=false > "$log" 2>&1 || true
  if grep -F "[$project]" "$log" | grep -E ': error ' | grep -vqE 'error RS00(16|17)'; then
    echo "$project does not build (other than public API diagnostics):" >&2
    grep -F "[$project]" "$log" | grep -E ': error ' | sort -u >&2
    exit 2
  fi

  grep -F "[$project]" "$log" | sed -nE "s/.*RS0016: Symbol '(.*)' is not part of the declared public API.*/\1/p" | sort -u > "$log.added" || true
  grep -F "[$project]" "$log" | sed -nE "s/.*RS0017: Symbol '(.*)' is part of the declared API, but is either not public or could not be found.*/\1/p" | sort -u > "$log.missing" || true

  grep -vE '^(#nullable enable)?$' "$unshipped" > "$log.current" || true
  grep -vE '^(#nullable enable)?$' "$shipped" > "$log.shipped" || true
  # Unshipped entries that no longer exist are dropped; shipped ones are marked removed.
  grep -vxF -f "$log.missing" "$log.current" > "$log.kept" || true
  grep -xF -f "$log.missing" "$log.shipped" | sed 's/^/*REMOVED*/' > "$log.removed" || true
  [ -s "$log.missing" ] || cp "$log.current" "$log.kept"
  [ -s "$log.missing" ] || : > "$log.removed"

  { echo '#nullable enable'; cat "$log.kept" "$log.added" "$log.removed" | sort -u; } > "$log.new"
  added=$(wc -l < "$log.added"); missing=$(wc -l < "$log.missing")
  name=${unshipped#"$root/"}
  if cmp -s "$log.new" "$unshipped"; then
    echo "$name: up to date"
  elif $check; then
    echo "$name: out of date ($added to add, $missing to remove); run eng/update-public-api.sh" >&2
    status=1
  else
    cp "$log.new" "$unshipped"
    echo "$name: $added added, $missing removed"
  fi
done
exit $status
