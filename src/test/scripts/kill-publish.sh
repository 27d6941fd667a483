#!/usr/bin/env bash
# Kills 'talap publish' with SIGKILL at random moments and checks, after every kill, that the site is complete: the
# same files with the same bytes as a publish that was not interrupted. Then one more run must leave no debris.
#
#   src/test/scripts/kill-publish.sh [RUNS] [WORK_FOLDER]     (default 100 runs, a new temporary folder)
#
# Needs the runnable jar (built when missing). Prints the figures the closing note of issue 11 reports; exit 1 if a
# kill ever left the site missing or incomplete.
set -euo pipefail
runs="${1:-100}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
work="${2:-$(mktemp -d)}"
jar="${TALAP_JAR:-$here/target/talap-0.1.0-all.jar}"
if [ ! -f "$jar" ]; then
  mvn -B -q -f "$here/pom.xml" -DskipTests package
fi
cd "$here"
out="$work/out"
site="$out/site"
mkdir -p "$out"

publish() { java -jar "$jar" publish --as-of 2026-11-21 --out "$site"; }
# Every file of the site through its link, with its checksum ("cd site/" follows the link as a browser does).
snapshot() { (cd "$site/" 2>/dev/null && find . -type f -print0 | sort -z | xargs -0 sha256sum) || echo "NO SITE"; }
now_ms() { date +%s%3N; }

# The length of an uninterrupted run (the shorter of two), so that kills spread over the whole of a run.
start=$(now_ms)
publish >/dev/null
duration=$(( $(now_ms) - start ))
start=$(now_ms)
publish >/dev/null
again=$(( $(now_ms) - start ))
[ "$again" -lt "$duration" ] && duration=$again
snapshot >"$work/reference"
files=$(wc -l <"$work/reference")
echo "reference site: $files files; an uninterrupted publish takes $duration ms"

killed=0; finished=0; complete=0; broken=0; max_debris=0
for i in $(seq 1 "$runs"); do
  # A moment anywhere in the run, from before the JVM starts to just after it ends; every other run in its last
  # third, where the pages are written and swapped in.
  delay=$(( RANDOM * 32768 + RANDOM ))
  if [ $((i % 2)) -eq 0 ]; then
    delay=$(( duration * 7 / 10 + delay % (duration * 4 / 10 + 1) ))
  else
    delay=$(( delay % (duration * 11 / 10 + 1) ))
  fi
  # java itself in the background (not a function or a subshell), so that $! is the process that gets the SIGKILL.
  java -jar "$jar" publish --as-of 2026-11-21 --out "$site" >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); else finished=$((finished + 1)); fi
  wait "$pid" 2>/dev/null || true
  snapshot >"$work/now"
  if cmp -s "$work/reference" "$work/now"; then
    complete=$((complete + 1))
  else
    broken=$((broken + 1))
    echo "run $i: killed after $delay ms, the site is missing or incomplete" >&2
    cp "$work/now" "$work/broken-$i"
  fi
  debris=$( (find "$out" -maxdepth 1 \( -name '.site.*' -o -name '.talap-*.tmp' \) ! -name '.site.lock' || true) | wc -l)
  debris=$((debris - 1)) # the current version folder is not debris
  [ "$debris" -gt "$max_debris" ] && max_debris=$debris
  if [ $((i % 10)) -eq 0 ]; then
    echo "  $i runs: killed $killed, complete $complete, missing or incomplete $broken" >&2
  fi
done

publish >/dev/null
left=$(find "$out" -maxdepth 1 \( -name '.site.*' -o -name '.talap-*.tmp' \) ! -name '.site.lock' | wc -l)
left=$((left - 1))
echo "runs: $runs (killed: $killed, finished before the kill: $finished)"
echo "site complete after the kill: $complete; missing or incomplete: $broken"
echo "most debris left by killed runs at once: $max_debris; left after one more run: $left"
[ "$broken" -eq 0 ] && [ "$left" -eq 0 ]
