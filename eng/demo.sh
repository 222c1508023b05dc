#!/usr/bin/env bash
# Packs SafeWrites into artifacts/packages, then builds the unsafe samples against that package so their
# SafeWrites warnings show; the fixed forms (samples/package/*/Fixed) build clean with -warnaserror.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
samples="$root/samples/package"

echo "Packing SafeWrites into artifacts/packages ..."
dotnet pack "$root/nuget/SafeWrites.Package.csproj" -c Release -tl:off -v:q -nologo
# The samples keep their own package cache: drop its SafeWrites so the package just packed is restored.
rm -rf "$samples/.packages/safewrites"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
for project in "$samples"/*/Unsafe/*.csproj; do
  sample="$(basename "$(dirname "$(dirname "$project")")")"
  echo
  echo "== $sample (unsafe): dotnet build samples/package/$sample/Unsafe"
  dotnet build "$project" --no-incremental -tl:off -v:q -nologo -clp:NoSummary 2>&1 \
    | grep -E "(warning|error) SW[0-9]{4}" | sed "s|$samples/||; s| \[[^]]*\]$||" | awk '!seen[$0]++' | tee -a "$log"
done

count="$(grep -c . "$log" || true)"
echo
if [ "$count" -eq 0 ]; then
  echo "No SafeWrites diagnostics were reported: the analyzers did not run." >&2
  exit 1
fi
echo "$count SafeWrites diagnostics. The fixed forms build clean and print the same:"
echo "  dotnet build samples/package/SettingsStore/Fixed -warnaserror"
echo "  dotnet run --project samples/package/SettingsStore/Fixed"
