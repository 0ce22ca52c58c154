#!/usr/bin/env bash
# Runs the benchmark against the packaged suite and writes bench/results/REPORT.md and latency.png.
#   bench/run.sh                                   all scenarios (about 15 minutes on 2 cores)
#   bench/run.sh --scenarios=latency --seconds=30  one scenario, shorter
#   SKIP_BUILD=1 bench/run.sh ...                  reuse the services already packaged
# Options: --scenarios=rest,latency,burst,ramp,matching (or floors) --rate=50 --seconds=60 --burst=5000
#          --ramp=250,500,1000,1500,2000,2500,3000,4000 --ramp-step-seconds=10 --matching=100,1000,10000
#          --shelters=10 --units=400 --services=intake-service (a subset: ramp and floors only) --out=bench/results
#          --warmup=500 --warmup-rate=50 (intake alone: requests before the ramp; C2 needs thousands)
#   --scenarios=startup --repeat=3       start-up alone: first start (fresh database) and restart, median of 3 rounds
#   --services=intake-service --scenarios=overload --seconds=30 --overload-rate=500
#                                        intake alone at twice its sustainable rate, then 50/s: 503s, recovery
#   --scenarios=pages --page-shelters=10000 --page-referrals=10000 --concurrency=3 --seconds=120
#                                        the web application's pages over a month of data, signed in through Keycloak
#   ACSE_BENCH_JVM_EXTRA="-Xlog:class+load:file=/tmp/cl-%p.log"   extra service JVM options, for profiling
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SKIP_BUILD:-}" ]; then
  # Packages the three services (the benchmark starts their quarkus-run.jar) and the benchmark itself.
  ./mvnw -q -o -pl bench -am package -DskipTests
fi
# A private copy of the packaged services: a rebuild in the work tree during the run cannot pull them away.
apps=bench/target/apps
rm -rf "$apps"
for service in intake-service placement-service notification-service web; do
  if [ -f "$service/target/quarkus-app/quarkus-run.jar" ]; then
    mkdir -p "$apps/$service/target"
    # -p keeps the jars' modification times, which the AppCDS archive (app-cds.jsa) checks.
    cp -rp "$service/target/quarkus-app" "$apps/$service/target/"
  fi
done
# common, suite and test-support from this work tree (compiled if needed), not whatever ~/.m2 holds.
./mvnw -q -o -pl common,suite,test-support,bench -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
  -Dmdep.includeScope=runtime
# Two malloc arenas instead of 8 per core: the services (children, inheriting this) keep a smaller RSS.
export MALLOC_ARENA_MAX=2
exec java -Xms256m -Xmx1g -XX:+UseParallelGC -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.acse.bench.Bench --root=. --apps="$apps" "$@"
