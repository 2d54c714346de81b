#!/usr/bin/env bash
# The download, tried as a new user would (run by `mvn verify` in distribution/, after package):
# unpack jfreeze-VERSION.zip (and .tar.gz) into an empty directory, with an empty HOME (so no Maven
# repository) and a minimal environment, and run it from there. Expected values come from native
# TensorFlow: testdata/models/seed/model.json holds the feed and what TF 2.18 computed from it.
#
#   archive-it.sh TARGET_DIR VERSION TESTDATA_DIR
set -euo pipefail
target="$1"; version="$2"; testdata="$3"
zip="$target/jfreeze-$version.zip"; tgz="$target/jfreeze-$version.tar.gz"; native="$target/jfreeze-native-$version.zip"
for f in "$zip" "$tgz" "$native"; do [ -f "$f" ] || { echo "archive-it: $f was not built" >&2; exit 1; }; done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "archive-it: FAILED: $*" >&2; exit 1; }
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
# a clean user: no ~/.m2, no CLASSPATH, no JFREEZE_* settings; only Java and the base tools
clean() { env -i PATH=/usr/bin:/bin HOME="$work/home" JAVA_HOME="$java_home" LANG=C.UTF-8 "$@"; }
mkdir -p "$work/home" "$work/un zip" "$work/untar" "$work/elsewhere"
cp -r "$testdata/models/seed" "$work/elsewhere/seed"

(cd "$work/un zip" && unzip -q "$zip")
(cd "$work/untar" && tar xzf "$tgz")
diff <(cd "$work/un zip" && find . | sort) <(cd "$work/untar" && find . | sort) || fail "the zip and the tar.gz differ"
home="$work/un zip/jfreeze-$version"  # a space in the path: every argument must stay one
bin="$home/bin/jfreeze"
[ -x "$bin" ] || fail "bin/jfreeze is not executable"
[ -f "$home/bin/jfreeze.cmd" ] || fail "no bin/jfreeze.cmd"
if find "$home" -name '*tensorflow*' -o -name '*javacpp*' -o -name '*runtime-bridge*' | grep -q .; then
  fail "TensorFlow or the bridge is in the pure-Java archive: $(find "$home" -name '*tensorflow*')"
fi
if grep -rl "$(cd "$(dirname "$0")/../../.." && pwd)" "$home" >/dev/null 2>&1; then
  fail "the archive refers to the build tree"
fi

cd "$work/elsewhere"
# a Java that cannot make a class-data archive (-Xshare:off here; some builds of Java have none)
# still runs the command, and no archive is made
clean env JFREEZE_JAVA_OPTS=-Xshare:off "$bin" inspect seed > /dev/null || fail "inspect with -Xshare:off exited $?"
if ls "$home"/lib/jfreeze-*.jsa > /dev/null 2>&1; then fail "an archive was made with -Xshare:off"; fi
# --version and --help build every subcommand, run and verify too, whose bridge is not in this archive
out="$(clean "$bin" --version)" || fail "--version exited $?: $out"
[ "$out" = "jfreeze $version" ] || fail "--version printed: $out"
clean "$bin" --help > help.out || fail "--help exited $?: $(cat help.out)"
grep -q '^ *verify ' help.out || fail "--help lists no verify: $(cat help.out)"
out="$(clean "$bin" inspect seed)" || fail "inspect exited $?"
grep -q '^checkpoint  seed/model.ckpt-1$' <<< "$out" || fail "inspect printed: $out"
clean "$bin" freeze seed --outputs predictions -o x.pb > freeze.out || fail "freeze exited $?: $(cat freeze.out)"
[ -s x.pb ] || fail "freeze wrote nothing"
# the first runs made the class-data archive in lib/ (renamed into place, no temporary left);
# a run that maps it writes the same graph
ls "$home"/lib/jfreeze-*.jsa > /dev/null 2>&1 || fail "no class-data archive in $home/lib after the first runs"
if ls "$home"/lib/.jfreeze-*.tmp.* > /dev/null 2>&1; then fail "a temporary archive was left: $(ls -a "$home/lib")"; fi
# it maps (with -Xshare:on a JVM that cannot map it does not start); and where the path has no
# space (Java 17 maps an archive made under one but loads none of the application's classes from
# it), the classes come from it, picocli's too, which a dynamic archive would leave out (compiled
# for Java 5)
loaded="$(clean env JFREEZE_JAVA_OPTS="-Xshare:on" "$bin" --version)" || fail "the class-data archive does not map: $loaded"
clean "$work/untar/jfreeze-$version/bin/jfreeze" --version > /dev/null || fail "--version exited $? in $work/untar"
loaded="$(clean env JFREEZE_JAVA_OPTS="-Xshare:on -Xlog:class+load=info" "$work/untar/jfreeze-$version/bin/jfreeze" --version)" \
  || fail "the class-data archive in $work/untar does not map: $loaded"
grep -q 'picocli.CommandLine source: shared objects file' <<< "$loaded" \
  || fail "picocli is not in the class-data archive: $(grep 'picocli.CommandLine ' <<< "$loaded")"
clean "$bin" freeze seed --outputs predictions -o x2.pb > /dev/null || fail "freeze with the archive exited $?"
cmp -s x.pb x2.pb || fail "freeze with the class-data archive wrote a different graph"
clean env JFREEZE_CDS=0 "$bin" freeze seed --outputs predictions -o x3.pb > /dev/null || fail "freeze with JFREEZE_CDS=0 exited $?"
cmp -s x.pb x3.pb || fail "freeze without the class-data archive wrote a different graph"
clean "$bin" convert seed --to saved-model -o sm --inputs input_holder --outputs predictions > /dev/null \
  || fail "convert exited $?"
[ -f sm/saved_model.pb ] || fail "convert wrote no saved_model.pb"

# too few file descriptors for the download's jars: one line saying how many it needs; with that
# many, the freeze runs (the launcher counts lib/*.jar here, not a build's classpath)
set +e
clean bash -c 'ulimit -n 8; exec "$0" freeze seed --outputs predictions -o x4.pb' "$bin" > fd.out 2> fd.err
rc=$?
set -e
[ "$rc" = 1 ] && [ "$(wc -l < fd.err)" = 1 ] && grep -q 'ulimit -n' fd.err || fail "with ulimit -n 8: exit $rc, $(cat fd.err)"
need="$(sed -n 's/.*needs at least \([0-9]*\);.*/\1/p' fd.err)"
[ -n "$need" ] || fail "with ulimit -n 8 it does not say how many it needs: $(cat fd.err)"
clean bash -c 'ulimit -n "$1"; exec "$0" freeze seed --outputs predictions -o x4.pb' "$bin" "$need" > /dev/null \
  || fail "freeze with ulimit -n $need, what the launcher asks for, exited $?"
cmp -s x.pb x4.pb || fail "freeze with ulimit -n $need wrote a different graph"

# run without the native add-on: exit 1 and one line saying what to add
set +e
clean "$bin" run x.pb --feed input_holder=10.0 > run.out 2> run.err
rc=$?
set -e
[ "$rc" = 1 ] || fail "run without natives exited $rc: $(cat run.out run.err)"
[ "$(wc -l < run.err)" = 1 ] || fail "run without natives printed more than one line: $(cat run.err)"
grep -q '^jfreeze: error: .*jfreeze-native' run.err || fail "run without natives does not say what to add: $(cat run.err)"

# with the add-on unpacked over it: the frozen graph computes what native TF computed from the seed
(cd "$work/un zip" && unzip -q -o "$native")
# the fixture generator is a build tool: in neither archive
if find "$work/un zip" -name '*testdata-generator*' | grep -q .; then
  fail "the fixture generator is in an archive: $(find "$work/un zip" -name '*testdata-generator*')"
fi
feed="$(python3 -c 'import json,struct,sys; m=json.load(open(sys.argv[1])); print(struct.unpack("<f", bytes.fromhex(m["feeds"]["input_holder"]["data_hex"]))[0])' seed/model.json)"
want="$(python3 -c 'import json,struct,sys; m=json.load(open(sys.argv[1])); print(struct.unpack("<f", bytes.fromhex(m["expected"]["predictions"]["data_hex"]))[0])' seed/model.json)"
out="$(clean "$bin" run x.pb --feed "input_holder=$feed")" || fail "run with natives exited $?"
grep -q "^predictions  float32 \[1\]  \[$want\]$" <<< "$out" || fail "run printed '$out', native TF computed $want"
# with the add-on's jars the launcher asks for more descriptors, and native TensorFlow runs with that many
set +e
clean bash -c 'ulimit -n 8; exec "$0" --version' "$bin" > /dev/null 2> fd.err
set -e
need_native="$(sed -n 's/.*needs at least \([0-9]*\);.*/\1/p' fd.err)"
[ -n "$need_native" ] && [ "$need_native" -gt "$need" ] || fail "with the add-on it asks for $need_native, not more than $need"
out="$(clean bash -c 'ulimit -n "$1"; shift; exec "$@"' _ "$need_native" "$bin" run x.pb --feed "input_holder=$feed")" \
  || fail "run with natives and ulimit -n $need_native exited $?"
grep -q "^predictions  float32 \[1\]  \[$want\]$" <<< "$out" || fail "run with ulimit -n $need_native printed '$out'"
echo "archive-it: OK (inspect, freeze, convert from the pure-Java archive; run without natives: one line; with them: $want)"
