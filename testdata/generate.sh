#!/bin/sh
# Regenerates the fixtures below testdata/ with native TensorFlow (TF Java 1.1.0 = TF 2.18).
# Builds the reactor (testdata-generator and the modules it depends on; no mvn install needed) and
# runs FixtureGenerator. With arguments, regenerates only the named fixtures: a directory name
# (dtypes, tf1_training, seed, ...) selects every fixture directory so named, a path below
# testdata/ (models/sharded, checkpoints/sharded) only that one. See testdata/README.md.
set -eu
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-1}"
if [ "$#" -gt 0 ]; then
  exec mvn -q -pl testdata-generator -am -DskipTests package exec:java@generate-fixtures -Dexec.args="$PWD/testdata $*"
fi
exec mvn -q -pl testdata-generator -am -DskipTests package exec:java@generate-fixtures
