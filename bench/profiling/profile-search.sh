#!/usr/bin/env bash
# Profiles the server under search load with JDK Flight Recorder, then prints the share of CPU samples per stage.
# usage (from the repository root, after ./kb build): bench/profiling/profile-search.sh CONTENT_DIR MESSAGES_LUA [OUT_DIR]
#   CONTENT_DIR: a knowledge base, e.g. 10,000 synthetic entries (shopkb.quality.SyntheticContent.write, seed 42);
#   MESSAGES_LUA: a wrk script cycling search requests (./kb bench writes its own, bench-requests.lua, for each run).
# Words only, usage log on, wrk with 8 connections: 45 s of warm-up (the JIT is still compiling after 10 s), then 30 s
# of which JFR records 20 s; the server's CPU per search over those 30 s is printed too (from /proc, no profiler), with
# wrk's and the machine's idle time per search, and each thread family's part of the server's, user and kernel apart,
# and its context switches per search (thread-cpu.py: JFR sees neither the kernel nor native code).
set -euo pipefail
content=$1; messages=$2; out=${3:-/tmp/shopkb-profile}; mkdir -p "$out"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
# ./kb serve runs the server with the JVM and flags users get, and becomes that JVM (exec): $! is the server's pid.
./kb serve --port 7391 --content "$content" --data "$out/data" --semantic false --usage-log true > "$out/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
for _ in $(seq 1 180); do grep -q "ready at" "$out/serve.log" && break; sleep 1; done
wrk -t1 -c8 -d45s -s "$messages" http://127.0.0.1:7391 > /dev/null
"$(dirname "$java")/jcmd" $pid JFR.start settings=profile delay=5s duration=20s filename="$out/search.jfr" > /dev/null
# The whole machine's busy and idle time (wrk shares its cores), then the server's CPU.
machine() { awk '/^cpu /{print $2+$3+$4+$7+$8, $5+$6}' /proc/stat; }
machine_before=$(machine)
cpu_before=$(awk '{print $14+$15}' /proc/$pid/stat)
python3 "$(dirname "$0")/thread-cpu.py" snapshot $pid > "$out/threads-before.json"
# `times` in the subshell prints its children's CPU on its second line: wrk's.
(wrk -t1 -c8 -d30s --latency -s "$messages" http://127.0.0.1:7391 > "$out/wrk.txt"; times > "$out/wrk-times.txt")
cpu_after=$(awk '{print $14+$15}' /proc/$pid/stat)
machine_after=$(machine)
python3 "$(dirname "$0")/thread-cpu.py" snapshot $pid > "$out/threads-after.json"
grep -E "Requests/sec|50%|99%" "$out/wrk.txt"
requests=$(grep -E "^ +[0-9]+ requests in" "$out/wrk.txt" | awk '{print $1}')
python3 - "$requests" "$(getconf CLK_TCK)" "$cpu_before $cpu_after" "$machine_before $machine_after" "$(sed -n 2p "$out/wrk-times.txt")" <<'PY'
import re, sys
requests, tick = int(sys.argv[1]), int(sys.argv[2])
server = [int(x) for x in sys.argv[3].split()]
busy0, idle0, busy1, idle1 = (int(x) for x in sys.argv[4].split())
wrk = sum(float(m) * 60 + float(s) for m, s in re.findall(r"(\d+)m([\d.]+)s", sys.argv[5]))
ms = lambda ticks: ticks / tick * 1000 / requests
print(f"server CPU per search: {ms(server[1] - server[0]):.3f} ms; wrk {wrk * 1000 / requests:.3f} ms; "
      f"the machine busy {ms(busy1 - busy0):.3f} ms, idle {ms(idle1 - idle0):.3f} ms (all cores summed)")
PY
python3 "$(dirname "$0")/thread-cpu.py" table "$out/threads-before.json" "$out/threads-after.json" "$requests"
kill $pid; wait $pid 2>/dev/null || true
python3 "$(dirname "$0")/jfr-stages.py" "$out/search.jfr"
