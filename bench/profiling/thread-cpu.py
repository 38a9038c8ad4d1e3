#!/usr/bin/env python3
"""CPU per request of each of a process's thread families, user and kernel apart, read from /proc.

JFR samples Java frames only: the kernel's part of a request (socket reads and writes, epoll, futex wake-ups between
threads) and native code (SQLite) do not show in its stages. /proc counts them for each thread.

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
        threads[tid] = {"name": name, "user": int(fields[11]), "system": int(fields[12])}
    return threads


def table(before, after, requests):
    families = {}
    for tid, now in after.items():
        then = before.get(tid, {"user": 0, "system": 0})
        entry = families.setdefault(family(now["name"]), [0, 0])
        entry[0] += now["user"] - then["user"]
        entry[1] += now["system"] - then["system"]
    total = sum(u + s for u, s in families.values()) or 1
    per_request = lambda ticks: ticks / TICKS * 1000 / requests
    print(f"{'threads':<24} {'ms/request':>10} {'user':>8} {'kernel':>8} {'share':>7}")
    for name, (user, system) in sorted(families.items(), key=lambda item: -sum(item[1])):
        if user + system > 0:
            print(f"{name:<24} {per_request(user + system):>10.3f} {per_request(user):>8.3f} {per_request(system):>8.3f}"
                  f" {100 * (user + system) / total:>6.1f}%")
    user = sum(u for u, _ in families.values())
    system = sum(s for _, s in families.values())
    print(f"{'all':<24} {per_request(user + system):>10.3f} {per_request(user):>8.3f} {per_request(system):>8.3f}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "snapshot":
        json.dump(snapshot(sys.argv[2]), sys.stdout)
    elif len(sys.argv) == 5 and sys.argv[1] == "table":
        with open(sys.argv[2]) as b, open(sys.argv[3]) as a:
            table(json.load(b), json.load(a), int(sys.argv[4]))
    else:
        sys.exit(__doc__)
