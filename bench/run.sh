#!/usr/bin/env bash
# Runs the benchmark against the packaged suite and writes bench/results/REPORT.md and latency.png.
#   bench/run.sh                                   all scenarios (about 12 minutes on 2 cores)
#   bench/run.sh --scenarios=latency --seconds=30  one scenario, shorter
#   SKIP_BUILD=1 bench/run.sh ...                  reuse the services already packaged
# Options: --scenarios=latency,burst,ramp,matching --rate=50 --seconds=60 --burst=5000
#          --ramp=250,500,1000,1500,2000,2500,3000,4000 --ramp-step-seconds=10 --matching=100,1000,10000
#          --shelters=10 --units=400
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SKIP_BUILD:-}" ]; then
  # Packages the three services (the benchmark starts their quarkus-run.jar) and the benchmark itself.
  ./mvnw -q -o -pl bench -am package -DskipTests
fi
./mvnw -q -o -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -Xms256m -Xmx1g -XX:+UseParallelGC -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.acse.bench.Bench --root=. "$@"
