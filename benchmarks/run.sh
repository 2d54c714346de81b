#!/usr/bin/env bash
# jfreeze's benchmarks, one command: builds (with -Pbenchmarks), generates the benchmark models with
# native TensorFlow if they are not there yet (BenchmarkModels: big, big_sharded, mid, many_2k, many,
# many_200k, under
# benchmarks/target/models, never committed), times the whole-process comparisons (jfreeze freeze
# against the native-assisted freezer and against cp, inspect; alternating, N runs, peak RSS from
# /usr/bin/time -v), runs the JMH suite and prints one table (also written to
# benchmarks/target/results/table.md). About 17 minutes on 2 cores (the README says how measured).
#
#   benchmarks/run.sh [--runs N] [--only REGEX] [--jmh REGEX | --no-jmh] [--regenerate]
#
#   --runs N       timed runs of each whole-process command (default 5)
#   --only REGEX   only the whole-process rows whose id matches REGEX (e.g. 'many'), and only the
#                  models they use
#   --jmh REGEX    only the JMH benchmarks matching REGEX (default: all)
#   --no-jmh       skip JMH
#   --regenerate   regenerate the models even if present
#
# Needs Java 17, Maven, GNU time (/usr/bin/time), about 4.5 GB free disk and 8 GB of memory (the
# native-assisted freezer holds the 1 GiB model several times over).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5
only=''
jmh='io.github.jfreeze.benchmarks.*'
regen=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --jmh) jmh="$2"; shift 2 ;;
    --no-jmh) jmh=""; shift ;;
    --regenerate) regen=1; shift ;;
    --only) only="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "run.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }

models=benchmarks/target/models
results=benchmarks/target/results
out=benchmarks/target/out
mkdir -p "$models" "$results" "$out"
rm -f "$results"/process.tsv "$results"/commands.tsv "$results"/machine.txt

# id, label, command (run by bash; each writes into $out/<id>/, emptied before each of its runs, so
# no run pays for deleting the previous one's gigabyte)
add() {
  if [ -z "$only" ] || [[ "$1" =~ $only ]]; then printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$results/commands.tsv"; fi
}
add freeze_big "freeze big (1 GiB, 201 variables)" "./jfreeze freeze $models/big --outputs predictions -o $out/freeze_big/frozen.pb"
add freeze_big_256m "freeze big, -Xmx256m" "env JFREEZE_JAVA_OPTS=-Xmx256m ./jfreeze freeze $models/big --outputs predictions -o $out/freeze_big_256m/frozen.pb"
add native_big "freeze big, native-assisted" "./jfreeze freeze $models/big --outputs predictions -o $out/native_big/frozen.pb --native-values"
add cp_big "cp big's data file" "cp $models/big/model.ckpt-1.data-00000-of-00001 $out/cp_big/"
add cpsync_big "cp big's data file + sync" "cp $models/big/model.ckpt-1.data-00000-of-00001 $out/cpsync_big/ && sync $out/cpsync_big/*"
add export_big_256m "export big to safetensors, -Xmx256m" "env JFREEZE_JAVA_OPTS=-Xmx256m ./jfreeze export $models/big --to safetensors -o $out/export_big_256m/big.safetensors"
add rewrite_big_256m "rewrite big (new V2 checkpoint), -Xmx256m" "env JFREEZE_JAVA_OPTS=-Xmx256m ./jfreeze rewrite $models/big -o $out/rewrite_big_256m/new/model.ckpt"
add freeze_sharded "freeze big_sharded (2 shards)" "./jfreeze freeze $models/big_sharded --outputs predictions -o $out/freeze_sharded/frozen.pb"
add cp_sharded "cp big_sharded's 2 data files" "cp $models/big_sharded/model.ckpt-1.data-0000*-of-00002 $out/cp_sharded/"
add freeze_mid "freeze mid (100 MiB)" "./jfreeze freeze $models/mid --outputs predictions -o $out/freeze_mid/frozen.pb"
add native_mid "freeze mid, native-assisted" "./jfreeze freeze $models/mid --outputs predictions -o $out/native_mid/frozen.pb --native-values"
add inspect_many "inspect many (20,000 variables)" "./jfreeze inspect $models/many"
# many variables: the cost per node must be flat from 2,000 to 200,000 variables (issue 14)
add freeze_many_2k "freeze many_2k (2,000 variables)" "./jfreeze freeze $models/many_2k --outputs predictions -o $out/freeze_many_2k/frozen.pb"
add freeze_many "freeze many (20,000 variables)" "./jfreeze freeze $models/many --outputs predictions -o $out/freeze_many/frozen.pb"
# what a cold JVM gives the same freeze with C2 on (the launcher stops at C1), and the JVM's start
# with picocli alone: with the compiled floor of CompiledFreezeBenchmark, what issue 14's 1/30 of
# native-assisted asks of the whole command
add freeze_many_c2 "freeze many, C2 on (-XX:TieredStopAtLevel=4)" "env JFREEZE_JAVA_OPTS=-XX:TieredStopAtLevel=4 ./jfreeze freeze $models/many --outputs predictions -o $out/freeze_many_c2/frozen.pb"
add version "jfreeze --version (the JVM's start and picocli)" "./jfreeze --version"
add freeze_many_200k "freeze many_200k (200,000 variables)" "./jfreeze freeze $models/many_200k --outputs predictions -o $out/freeze_many_200k/frozen.pb"
add freeze_many_200k_256m "freeze many_200k, -Xmx256m" "env JFREEZE_JAVA_OPTS=-Xmx256m ./jfreeze freeze $models/many_200k --outputs predictions -o $out/freeze_many_200k_256m/frozen.pb"
add native_many_2k "freeze many_2k, native-assisted" "./jfreeze freeze $models/many_2k --outputs predictions -o $out/native_many_2k/frozen.pb --native-values"
add native_many "freeze many, native-assisted" "./jfreeze freeze $models/many --outputs predictions -o $out/native_many/frozen.pb --native-values"
add inspect_many_2k "inspect many_2k (2,000 variables)" "./jfreeze inspect $models/many_2k"
add inspect_many_200k "inspect many_200k (200,000 variables)" "./jfreeze inspect $models/many_200k"
# cold page cache (the data files evicted first, with dd iflag=nocache): reading ahead, per shard in
# parallel, against no reading ahead (-Djfreeze.readahead=false)
evict() { echo "for f in $models/$1/model.ckpt-1.data-*; do dd if=\$f iflag=nocache count=0 status=none; done"; }
add cold_sharded "freeze big_sharded, cold cache" "$(evict big_sharded) && ./jfreeze freeze $models/big_sharded --outputs predictions -o $out/cold_sharded/frozen.pb"
add cold_sharded_noahead "freeze big_sharded, cold cache, no readahead" "$(evict big_sharded) && env JFREEZE_JAVA_OPTS=-Djfreeze.readahead=false ./jfreeze freeze $models/big_sharded --outputs predictions -o $out/cold_sharded_noahead/frozen.pb"
add cold_big "freeze big, cold cache" "$(evict big) && ./jfreeze freeze $models/big --outputs predictions -o $out/cold_big/frozen.pb"
add cold_big_noahead "freeze big, cold cache, no readahead" "$(evict big) && env JFREEZE_JAVA_OPTS=-Djfreeze.readahead=false ./jfreeze freeze $models/big --outputs predictions -o $out/cold_big_noahead/frozen.pb"

echo "== build (mvn -Pbenchmarks package)" >&2
mvn -q -B -DskipTests -Pbenchmarks package

echo "== models" >&2
for m in big big_sharded mid many_2k many many_200k; do
  # with --only, a model no chosen row names is not made
  if ! cut -f3 "$results/commands.tsv" | grep -q "models/$m\( \|/\|\$\)"; then
    continue
  fi
  if [ "$regen" = 1 ] || [ ! -f "$models/$m/model.ckpt-1.index" ]; then
    TF_CPP_MIN_LOG_LEVEL=2 java -cp "testdata-generator/target/classes:$(cat testdata-generator/target/classpath.txt)" io.github.jfreeze.generator.BenchmarkModels "$models" "$m"
  fi
done

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM"
  echo "disk: $(df -T "$models" | awk 'NR==2{print $2" on "$1}')$(grep -q ' / .*discard' /proc/mounts && echo ' (discard)')"
  echo "os: $(uname -sr)"
  echo "java: $(java -version 2>&1 | head -1), launcher options -XX:TieredStopAtLevel=1 (C1 thresholds lowered) -XX:+UseSerialGC -XX:MaxNewSize=32m + static CDS archive"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (a shared machine: other jobs run beside)"
  echo "jfreeze: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' + uncommitted changes')"
  # the options as given: --jmh only when not the default, --no-jmh when JMH is off
  jmh_opt=""
  if [ -z "$jmh" ]; then jmh_opt=" --no-jmh"; elif [ "$jmh" != 'io.github.jfreeze.benchmarks.*' ]; then jmh_opt=" --jmh '$jmh'"; fi
  echo "command: benchmarks/run.sh --runs $runs${only:+ --only '$only'}$jmh_opt"
} > "$results/machine.txt"

clean() { rm -rf "${out:?}/$1"; mkdir -p "$out/$1"; }

echo "== warm up (page cache, one untimed round of the pure-Java commands)" >&2
cat "$models"/*/model.ckpt-1.* > /dev/null
while IFS=$'\t' read -r id _ cmd; do
  case "$id" in native_*|cold_*) continue ;; esac
  clean "$id"
  # a failing row is a result (the report lists its exits), not a reason to stop: say so and go on
  bash -c "$cmd" > /dev/null 2> "$out/warmup.txt" || echo "run.sh: $id failed in the warm-up: $(tail -1 "$out/warmup.txt")" >&2
done < "$results/commands.tsv"

export TF_CPP_MIN_LOG_LEVEL=2
for ((run = 1; run <= runs; run++)); do
  echo "== run $run of $runs" >&2
  cat "$models"/*/model.ckpt-1.* > /dev/null # warm again after the cold-cache runs
  while IFS=$'\t' read -r id _ cmd; do
    clean "$id"
    sync
    start=$EPOCHREALTIME
    set +e
    /usr/bin/time -v -o "$out/time.txt" bash -c "$cmd" > /dev/null 2> "$out/stderr.txt"
    rc=$?
    set -e
    end=$EPOCHREALTIME
    rss=$(awk -F: '/Maximum resident set size/{gsub(/ /,"",$2); print $2}' "$out/time.txt")
    wall=$(awk -v s="$start" -v e="$end" 'BEGIN{printf "%.3f", e - s}')
    printf '%d\t%s\t%s\t%s\t%d\n' "$run" "$id" "$wall" "${rss:-0}" "$rc" >> "$results/process.tsv"
    printf '   %-16s %7.2f s %6d MiB%s\n' "$id" "$wall" "$(( ${rss:-0} / 1024 ))" \
      "$([ "$rc" = 0 ] || echo "  exit $rc: $(tail -1 "$out/stderr.txt")")" >&2
  done < "$results/commands.tsv"
done

# the last run's outputs: jfreeze's streamed graph against the native-assisted one (built in memory)
if [ ! -f "$out/freeze_big/frozen.pb" ] || [ ! -f "$out/native_big/frozen.pb" ]; then
  : # --only left out one of them
elif cmp -s "$out/freeze_big/frozen.pb" "$out/native_big/frozen.pb"; then
  echo "freeze big output: byte-identical to native-assisted's ($(stat -c %s "$out/freeze_big/frozen.pb") bytes)" >> "$results/machine.txt"
else
  echo "freeze big output: DIFFERENT from native-assisted's" >> "$results/machine.txt"
fi
rm -rf "${out:?}"/*

echo "== JMH${jmh:+ (log: $results/jmh.log)} and the table" >&2
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" io.github.jfreeze.benchmarks.Report \
  --results "$results" --models "$models" --jmh "$jmh"
