#!/usr/bin/env bash
# Runs every test project of SafeWrites.sln: builds the solution once, then `dotnet test --no-build` per project,
# one progress line each (full output only for failures), a summary table, and last one line:
#   tests: N passed, N failed, N skipped
# counted from the TRX result files (dotnet test prints no such line itself). A project whose run fails without a
# failed test (build error, test host crash or abort) counts as one failed test, so the line never hides it.
# Extra arguments go to every `dotnet test` (e.g. --filter). Full logs: artifacts/test-results/<project>.log.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
results="$root/artifacts/test-results"
report="$root/eng/test-report.py"
rm -rf "$results"
mkdir -p "$results"
rows="$results/summary.tsv"
: >"$rows"

# A test project is one that references the test SDK or says IsTestProject (new ones are picked up as they come).
mapfile -t projects < <(dotnet sln "$root/SafeWrites.sln" list | grep -E '\.csproj$' | tr '\\' '/' | sort |
  while read -r p; do grep -qE 'Microsoft\.NET\.Test\.Sdk|<IsTestProject>true' "$root/$p" && echo "$p"; done)
if [ "${#projects[@]}" -eq 0 ]; then
  echo "No test projects found in SafeWrites.sln" >&2
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

status=0
parallel="${SAFEWRITES_TEST_JOBS:-2}"
start=$EPOCHREALTIME
echo "Building SafeWrites.sln (Release) ..."
if dotnet build "$root/SafeWrites.sln" -c Release -tl:off -v:q -nologo -clp:NoSummary >"$results/build.log" 2>&1; then
  build=(--no-build)
  echo "  built in $(python3 "$report" since "$start") s"
else
  # Show the errors once; each project then builds on its own, so the ones that do build still run.
  status=1
  build=()
  parallel=1 # each project builds its references itself: side by side they would write the same outputs
  echo "  the build FAILED ($(python3 "$report" since "$start") s):"
  errors="$(grep -E ': error [A-Z]+[0-9]+' "$results/build.log" | sort -u)"
  [ -n "$errors" ] || errors="$(tail -n 20 "$results/build.log")"
  echo "$errors" | sed "s|$root/||g" | head -n 40 | sed 's/^/    /'
fi

# Test projects run side by side (SAFEWRITES_TEST_JOBS at a time, default 2); each prints its line when it ends.
run_project() {
  local project="$1" name
  name="$(basename "$project" .csproj)"
  local started=$EPOCHREALTIME
  dotnet test "$root/$project" -c Release "${build[@]}" -tl:off --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results/$name" "${@:2}" >"$results/$name.log" 2>&1
  local code=$?
  python3 "$report" project "$name" "$results/$name" "$code" "$started" "$results/$name.log" "$rows" "$root" \
    >"$results/$name.report" 2>&1 || code=1
  echo "$code" >"$results/$name.code"
}

echo "Testing ${#projects[@]} projects, $parallel at a time: $(for p in "${projects[@]}"; do basename "$p" .csproj; done | paste -sd' ')"
done_count=0
printed=" "
print_finished() {
  local finished name
  for finished in "${projects[@]}"; do
    name="$(basename "$finished" .csproj)"
    if [ -f "$results/$name.code" ] && [[ "$printed" != *" $name "* ]]; then
      printed+="$name "
      done_count=$((done_count + 1))
      printf '[%d/%d] %s ... ' "$done_count" "${#projects[@]}" "$name"
      cat "$results/$name.report"
      [ "$(cat "$results/$name.code")" -eq 0 ] || status=1
    fi
  done
}
for project in "${projects[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do
    wait -n
    print_finished
  done
  run_project "$project" "$@" &
done
while [ "$(jobs -rp | wc -l)" -gt 0 ]; do
  wait -n
  print_finished
done
print_finished

# A project with no row (its report did not run) still counts, as failed.
python3 "$report" summary "$rows" "$start" "${projects[@]##*/}" || status=1
exit $status
