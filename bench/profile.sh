#!/usr/bin/env bash
# Where the CPU goes: the latency scenario with a flight recording of every service, then one table of the share of
# each component (Hibernate, the PostgreSQL driver, the token check, Kafka, ...) per service.
#   bench/profile.sh                      packages, then 50/s for 60 s; writes bench/results/profile/PROFILE.md
#   SKIP_BUILD=1 bench/profile.sh --rate=50 --seconds=60 --out=bench/target/profile
# The archive of classes is off while recording (-Xshare:off): JFR's class hooks and the archive do not mix on Java 17.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/results/profile
args=()
for arg in "$@"; do
  case "$arg" in
    --out=*) out="${arg#--out=}" ;;
    *) args+=("$arg") ;;
  esac
done
recordings=bench/target/recordings
rm -rf "$recordings"
mkdir -p "$recordings"
mkdir -p "$out"
ACSE_BENCH_JVM_EXTRA="-Xshare:off -XX:StartFlightRecording=settings=profile,dumponexit=true,filename=$PWD/$recordings/{service}-{n}.jfr" \
  bench/run.sh --scenarios=latency --out="$out" "${args[@]}"
java -cp "bench/target/classes" org.acse.bench.Profile --out="$out/PROFILE.md" \
  "$recordings"/intake-service-1.jfr "$recordings"/placement-service-1.jfr "$recordings"/notification-service-1.jfr
echo "wrote $out/PROFILE.md (recordings in $recordings)"
