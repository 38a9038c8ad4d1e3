#!/usr/bin/env python3
"""CPU per request of each of a process's thread families, user and kernel apart, and their context switches per
request, read from /proc.

JFR samples Java frames only: the kernel's part of a request (socket reads and writes, epoll, futex wake-ups between
threads) and native code (SQLite) do not show in its stages. /proc counts them for each thread. The switches are the
times a thread left its core, waiting (voluntary) or preempted: each wake-up of a waiting thread is one (what they cost
on a virtual machine: the README, "Where a search's CPU goes", session 17).

usage: thread-cpu.py snapshot PID > before.json
       thread-cpu.py table before.json after.json REQUESTS
"""
import json
import os
import re
import sys

TICKS = os.sysconf("SC_CLK_TCK")


def family(name):
    # ForkJoinPool-1-worker-3 and search-2 are one family each; the kernel cuts names to 15 bytes.
    return re.sub(r"[-_ ]?\d+$", "", re.sub(r"-\d+-", "-", name)).rstrip("-#") or name


def snapshot(pid):
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue  # ended meanwhile
        # The name is in parentheses and may hold spaces: the fields after its closing one are fixed.
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        threads[tid] = {"name": name, "user": int(fields[11]), "system": int(fields[12]), "switches": switches(pid, tid)}
    return threads


def switches(pid, tid):
    try:
        with open(f"/proc/{pid}/task/{tid}/status") as f:
            return sum(int(line.split()[1]) for line in f
                       if line.startswith(("voluntary_ctxt_switches:", "nonvoluntary_ctxt_switches:")))
    except OSError:
        return 0


def table(before, after, requests):
    families = {}
    for tid, now in after.items():
        then = before.get(tid, {"user": 0, "system": 0, "switches": 0})
        entry = families.setdefault(family(now["name"]), [0, 0, 0])
        entry[0] += now["user"] - then["user"]
        entry[1] += now["system"] - then["system"]
        entry[2] += now.get("switches", 0) - then.get("switches", 0)
    total = sum(u + s for u, s, _ in families.values()) or 1
    per_request = lambda ticks: ticks / TICKS * 1000 / requests
    print(f"{'threads':<24} {'ms/request':>10} {'user':>8} {'kernel':>8} {'share':>7} {'switches/request':>17}")
    for name, (user, system, switched) in sorted(families.items(), key=lambda item: -(item[1][0] + item[1][1])):
        if user + system > 0:
            print(f"{name:<24} {per_request(user + system):>10.3f} {per_request(user):>8.3f} {per_request(system):>8.3f}"
                  f" {100 * (user + system) / total:>6.1f}% {switched / requests:>17.2f}")
    user = sum(u for u, _, _ in families.values())
    system = sum(s for _, s, _ in families.values())
    switched = sum(w for _, _, w in families.values())
    print(f"{'all':<24} {per_request(user + system):>10.3f} {per_request(user):>8.3f} {per_request(system):>8.3f}"
          f" {'':>7} {switched / requests:>17.2f}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "snapshot":
        json.dump(snapshot(sys.argv[2]), sys.stdout)
    elif len(sys.argv) == 5 and sys.argv[1] == "table":
        with open(sys.argv[2]) as b, open(sys.argv[3]) as a:
            table(json.load(b), json.load(a), int(sys.argv[4]))
    else:
        sys.exit(__doc__)
