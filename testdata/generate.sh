#!/bin/sh
# Regenerates the fixtures below testdata/ with native TensorFlow (TF Java 1.1.0 = TF 2.18).
# Needs `mvn -q install -DskipTests` first. With arguments, regenerates only the named fixtures,
# e.g. testdata/generate.sh dtypes tf1_training. See testdata/README.md.
set -eu
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-1}"
if [ "$#" -gt 0 ]; then
  exec mvn -q -pl runtime-bridge exec:java@generate-fixtures -Dexec.args="$PWD/testdata $*"
fi
exec mvn -q -pl runtime-bridge exec:java@generate-fixtures
