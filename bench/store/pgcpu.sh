#!/bin/bash
# pgcpu.sh runs a store/postgres test binary and reports, besides its
# benchmark lines, the CPU time of the binary (user and system, from
# /usr/bin/time) and of the PostgreSQL backends serving it: every backend
# of the databases the binary creates (annals_test_PID_...), read from
# /proc/PID/stat every 0.2 s. CPU time per record says more than records/s
# on a machine shared with other jobs. The server must run on this
# machine; psql connects with $PGCPU_PSQL (default: the test server).
#
#   go test -c -o /tmp/postgres.test ./store/postgres
#   bench/store/pgcpu.sh /tmp/postgres.test -test.run XXX -test.bench 'Save/batch=1000$' -test.benchtime 5x
set -u
psqlargs=${PGCPU_PSQL:-"-h 127.0.0.1 -U postgres -d test"}
out=$(mktemp)
/usr/bin/time -f "client_cpu_s %U user %S sys" nice -n 10 "$@" >"$out" 2>&1 &
timepid=$!
sleep 0.3
bin=$(pgrep -P $timepid | head -1) # nice execs the binary
declare -A ticks
while kill -0 $timepid 2>/dev/null; do
	for p in $(psql $psqlargs -Atc "SELECT pid FROM pg_stat_activity WHERE datname LIKE 'annals_test_${bin}_%'" 2>/dev/null); do
		t=$(awk '{print $14 + $15}' /proc/$p/stat 2>/dev/null)
		if [ -n "$t" ] && [ "${ticks[$p]:-0}" -lt "$t" ]; then ticks[$p]=$t; fi
	done
	sleep 0.2
done
sum=0
for p in "${!ticks[@]}"; do sum=$((sum + ticks[$p])); done
grep -E '^Benchmark|client_cpu_s|FAIL' "$out"
echo "server_cpu_s $(awk -v t=$sum -v hz=$(getconf CLK_TCK) 'BEGIN {printf "%.2f", t / hz}')"
rm -f "$out"
