#!/bin/sh
# Side-by-side extraction benchmark: Tidings' ArticleExtractor and Mozilla Readability 0.6 (jsdom),
# each pinned to one core, over the same pages of ../shared/data, same scoring conventions.
# Tidings warms up on the first 60 pages, then times one pass (or PASSES) over all 630 pages;
# Readability runs in worker processes of 90 pages (jsdom's memory grows across windows), each
# warming up on its first 20 pages, then timing its batch.
# Run from the repository root:  bench/readability/compare.sh [dataDir=../shared/data] [passes=1]
set -e
DATA=$(cd "${1:-../shared/data}" && pwd)
PASSES=${2:-1}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
CORE=${CORE:-1}

cd "$ROOT"
./mvnw -q -o -pl core test-compile dependency:build-classpath -Dmdep.outputFile="$ROOT/core/target/extract-bench.cp" -Dmdep.includeScope=test
CP="core/target/classes:core/target/test-classes:$(cat core/target/extract-bench.cp)"
taskset -c "$CORE" "$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" org.tidings.extract.ExtractionSpeed "$DATA" "$PASSES" 60

cd "$ROOT/bench/readability"
[ -d node_modules ] || npm install --no-audit --no-fund
taskset -c "$CORE" node --max-old-space-size=2048 readability-bench.js "$DATA" 90 20
