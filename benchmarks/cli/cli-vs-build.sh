#!/usr/bin/env bash
# `safewrites check` (folder mode and project mode) against `dotnet build` of the same code, side by side.
# Usage: [SAFEWRITES_CLI=DLL] benchmarks/cli/cli-vs-build.sh [LINES] [RUNS]    (defaults: 100000 lines, 3 runs each, alternating)
# Writes the analyzer benchmark's generated corpus into a scratch folder with a plain net10.0 project around it,
# restores once, warms both sides up once, then prints the median wall time of each and the ratios.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lines="${1:-100000}"
runs="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet run --project "$root/benchmarks/SafeWrites.Analyzers.Benchmarks" -c Release -- --lines "$lines" --write-corpus "$work/corpus/src" >/dev/null
cat > "$work/corpus/Corpus.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>$(NoWarn);CS0414;CS0169;CS1998;CS8618</NoWarn>
  </PropertyGroup>
</Project>
XML
echo "corpus: $(find "$work/corpus" -name '*.cs' | wc -l) files, $(find "$work/corpus" -name '*.cs' -exec cat {} + | wc -l) lines"
# SAFEWRITES_CLI=path/to/SafeWrites.Cli.dll measures another build of the tool (e.g. the commit before a change).
cli="${SAFEWRITES_CLI:-}"
if [ -z "$cli" ]; then
  dotnet build "$root/src/SafeWrites.Cli" -c Release -nologo -v q >/dev/null
  cli="$root/src/SafeWrites.Cli/bin/Release/net8.0/SafeWrites.Cli.dll"
fi
dotnet restore "$work/corpus/Corpus.csproj" -nologo -v q >/dev/null

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
build() { dotnet build "$work/corpus/Corpus.csproj" --no-restore --no-incremental -nologo -v q; }
folder() { CI=true dotnet "$cli" check "$work/corpus"; }
project() { CI=true dotnet "$cli" check "$work/corpus/Corpus.csproj"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Warm-up: the build server, the SDK's caches, the disk cache.
build >/dev/null 2>&1; folder >/dev/null 2>&1 || true
echo "load average: $(uptime | sed 's/.*load average: //')"
b=(); f=(); p=()
for _ in $(seq "$runs"); do
  b+=("$(seconds build)"); f+=("$(seconds folder)"); p+=("$(seconds project)")
  echo "run: build ${b[-1]}s, folder ${f[-1]}s, project ${p[-1]}s"   # as it goes: a long run on a busy machine still leaves numbers
done
mb=$(printf '%s\n' "${b[@]}" | median); mf=$(printf '%s\n' "${f[@]}" | median); mp=$(printf '%s\n' "${p[@]}" | median)
echo "dotnet build (no incremental):     median ${mb}s  runs: ${b[*]}"
echo "safewrites check FOLDER:           median ${mf}s  runs: ${f[*]}"
echo "safewrites check Corpus.csproj:    median ${mp}s  runs: ${p[*]}"
echo "folder / build  = $(ratio "$mf" "$mb")"
echo "project / build = $(ratio "$mp" "$mb")"
echo "load average: $(uptime | sed 's/.*load average: //')"
# Where the time goes (docs/cli.md): the analysis / compile ratio and the wall time of each phase.
echo "--- safewrites check FOLDER --verbose:"
CI=true dotnet "$cli" check "$work/corpus" --verbose 2>&1 >/dev/null | tail -4 || true
echo "--- safewrites check Corpus.csproj --verbose:"
CI=true dotnet "$cli" check "$work/corpus/Corpus.csproj" --verbose 2>&1 >/dev/null | tail -4 || true
