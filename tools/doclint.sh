#!/usr/bin/env bash
# Runs javadoc -Xdoclint:all on the packages that codec and freezer export (every `exports` line
# of their module-info.java, qualified exports included) and prints the warning count per module.
# Exits 1 if any module has a warning or javadoc fails. Builds nothing: run from the repository
# root after `mvn -o -pl codec,freezer -am compile`. The external dependencies, protobuf-java and
# jackson-core (codec's optional JSON writer), are taken from the local Maven repository (M2_REPO,
# default ~/.m2/repository) at the versions the root pom sets.
set -euo pipefail
cd "$(dirname "$0")/.."

repo="${M2_REPO:-$HOME/.m2/repository}"
pbver=$(sed -n 's:.*<protobuf.version>\(.*\)</protobuf.version>.*:\1:p' pom.xml | head -n 1)
pbjar="$repo/com/google/protobuf/protobuf-java/$pbver/protobuf-java-$pbver.jar"
jsver=$(sed -n 's:.*<jackson.version>\(.*\)</jackson.version>.*:\1:p' pom.xml | head -n 1)
jsjar="$repo/com/fasterxml/jackson/core/jackson-core/$jsver/jackson-core-$jsver.jar"
for f in "$pbjar" "$jsjar" proto/target/classes codec/target/classes; do
  [[ -e "$f" ]] || { echo "doclint.sh: missing $f (run mvn -o -pl codec,freezer -am compile)" >&2; exit 2; }
done

# exported packages of a module: the names on its `exports` lines
# the packages a module exports, qualified exports included, but not `internal` ones: codec's is
# exported to the freezer for shared helpers (JsonStrings, SmallFloats), implementation, not API
exported() {
  sed -n 's/^[[:space:]]*exports[[:space:]]\{1,\}\([A-Za-z0-9_.]*\).*/\1/p' "$1/src/main/java/module-info.java" \
    | grep -v '\.internal$'
}

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
for m in codec freezer; do
  mp="$pbjar:$jsjar:proto/target/classes"
  [[ "$m" == freezer ]] && mp="$mp:codec/target/classes"
  rc=0
  # shellcheck disable=SC2046  # one argument per package
  javadoc -Xdoclint:all -Xmaxwarns 10000 -Xmaxerrs 10000 -quiet -d "$out/$m" \
    --module-path "$mp" --source-path "$m/src/main/java" $(exported "$m") \
    >"$out/$m.log" 2>&1 || rc=$?
  n=$(grep -c 'warning:' "$out/$m.log" || true)
  echo "$m: $n doclint warnings ($(exported "$m" | paste -sd ' ' -))"
  if [[ "$rc" -ne 0 || "$n" -ne 0 ]]; then
    grep -E 'warning:|error:' "$out/$m.log" >&2 || cat "$out/$m.log" >&2
    [[ "$rc" -ne 0 ]] && echo "$m: javadoc exited $rc" >&2
    status=1
  fi
done
exit "$status"
