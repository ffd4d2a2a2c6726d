#!/usr/bin/env bash
# Runs the BenchmarkDotNet suite in Release and copies the GitHub-markdown reports (*-report-github.md) into
# benchmarks/results/ (the real run, default job) or benchmarks/results/preliminary/ (any run with --quick or --job).
#
#   benchmarks/run.sh                                   # everything, default job: the numbers to publish (long; quiet machine)
#   benchmarks/run.sh --filter '*ProfileEvaluation*'    # one class, default job
#   benchmarks/run.sh --quick                           # everything, short job (1 launch, 3 for the batch class; 3 warm-up, 5 iterations)
#   benchmarks/run.sh --job dry --filter '*Compile*'    # smoke test
#
# Arguments are passed to Segmentation.Benchmarks (BenchmarkDotNet options plus --quick); --filter '*' is added when
# no filter is given.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
artifacts="$here/BenchmarkDotNet.Artifacts"

args=("$@")
has_filter=false
preliminary=false
for arg in "$@"; do
    case "$arg" in
        --filter|-f) has_filter=true ;;
        --quick|--job|-j) preliminary=true ;;
    esac
done
if [[ "$has_filter" == false ]]; then
    args+=(--filter '*')
fi

results="$here/results"
if [[ "$preliminary" == true ]]; then
    results="$here/results/preliminary"
fi

dotnet build "$root/Segmentation.Core.sln" -c Release
rm -rf "$artifacts/results"
status=0
dotnet run -c Release --no-build --project "$here/Segmentation.Benchmarks" -- --artifacts "$artifacts" "${args[@]}" || status=$?

mkdir -p "$results"
shopt -s nullglob
reports=("$artifacts"/results/*-report-github.md)
for report in "${reports[@]}"; do
    cp "$report" "$results/"
    echo "copied $(basename "$report") -> ${results#"$root"/}/"
done
if [[ ${#reports[@]} -eq 0 ]]; then
    echo "no *-report-github.md produced" >&2
    status=${status/#0/1}
fi
exit "$status"
