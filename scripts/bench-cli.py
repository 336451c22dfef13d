#!/usr/bin/env python3
"""Throughput of the CLI, whole process, on a batch of generated reports.

    python3 scripts/bench-cli.py [--files 2000] [--runs 5] [--jobs N] [--keep DIR]

Generates the batch in a temporary folder (never committed) from the seed
reports in tests/fixtures (000 to 004): each file a seed with another
agency's name, a year, and some table values changed (so that some have
errors), every second file the same agency a year on (so that the
year-against-year rules run). Builds the release CLI, then times
`nianbao check --format jsonl DIR > /dev/null` and prints MB/s (the
inputs' bytes over the wall time, median of the runs) and the peak
memory. Not a test: the figures go into the README.
"""

import argparse
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CITIES = ["临海市", "东阳市", "义乌市", "诸暨市", "余姚市", "慈溪市", "瑞安市", "温岭市", "嵊州市", "兰溪市",
          "江山市", "龙泉市", "建德市", "桐乡市", "海宁市", "平湖市", "永康市", "玉环市", "龙港市", "舟山市"]
OFFICES = ["机关事务管理局", "政务服务中心", "大数据发展管理局", "财政局", "民政局", "教育局", "司法局",
           "自然资源和规划局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局",
           "商务局", "文化和旅游局", "卫生健康委员会", "应急管理局", "审计局", "统计局", "医疗保障局"]
# The agency each seed names, to be replaced.
SEED_AGENCIES = ["温州市机关事务管理局", "温州市政务服务中心", "温州市大数据发展管理局", "乐清市机关事务管理中心"]


def seeds():
    folder = os.path.join(ROOT, "tests", "fixtures")
    names = sorted(n for n in os.listdir(folder) if n.endswith(".txt") and n[0].isdigit())
    return [open(os.path.join(folder, n), encoding="utf-8").read() for n in names]


def vary(text, rng, agency, year_shift):
    for old in SEED_AGENCIES:
        text = text.replace(old, agency)
    if year_shift:
        text = re.sub(r"20(1\d|2\d)(?=\s*年)", lambda m: str(int(m.group(0)) + year_shift), text)
    lines = text.split("\n")
    # Change a few table values: a digit in lines that hold only numbers.
    numeric = [i for i, l in enumerate(lines) if l.strip() and re.fullmatch(r"[\d\s.\-/]+", l.strip())]
    for i in rng.sample(numeric, min(len(numeric), rng.randint(0, 3))):
        lines[i] = re.sub(r"\d", lambda _: str(rng.randint(0, 9)), lines[i], count=1)
    # Some reports say more (a longer 总体情况).
    if rng.random() < 0.3:
        at = next((i for i, l in enumerate(lines) if "总体情况" in l), 0) + 1
        lines.insert(at, "本年度，我单位持续深化政务公开标准化规范化建设，" * rng.randint(2, 20))
    return "\n".join(lines)


def generate(folder, count, seed=2025):
    rng = random.Random(seed)
    base = seeds()
    total = 0
    for k in range(count):
        pair = k // 2
        agency = CITIES[pair % len(CITIES)] + OFFICES[(pair // len(CITIES)) % len(OFFICES)] + (
            "" if pair < len(CITIES) * len(OFFICES) else str(pair))
        text = vary(base[pair % len(base)], rng, agency, k % 2)
        data = text.encode("utf-8")
        total += len(data)
        with open(os.path.join(folder, f"{k:05d}.txt"), "wb") as f:
            f.write(data)
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=0, help="--jobs for the CLI (0: its default, every core)")
    ap.add_argument("--format", default="jsonl")
    ap.add_argument("--keep", help="write the batch here and keep it")
    args = ap.parse_args()

    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "nianbao"], cwd=ROOT, check=True)
    exe = os.path.join(ROOT, "target", "release", "nianbao")
    folder = args.keep or tempfile.mkdtemp(prefix="nianbao-bench-")
    os.makedirs(folder, exist_ok=True)
    try:
        size = generate(folder, args.files)
        cmd = [exe, "check", "--format", args.format, folder]
        if args.jobs:
            cmd[2:2] = ["--jobs", str(args.jobs)]
        times, cpu, peak, out_bytes, status = [], [], 0, 0, None
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm the page cache
        for _ in range(args.runs):
            start = time.perf_counter()
            p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # (wait4: this process's own CPU time and peak memory.)
            _, code, usage = os.wait4(p.pid, 0)
            times.append(time.perf_counter() - start)
            cpu.append(usage.ru_utime + usage.ru_stime)
            peak = max(peak, usage.ru_maxrss)
            status = os.waitstatus_to_exitcode(code)
        with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as p:
            for chunk in iter(lambda: p.stdout.read(1 << 16), b""):
                out_bytes += len(chunk)
        med = statistics.median(times)
        print(f"{args.files} files, {size / 1e6:.1f} MB in, {out_bytes / 1e6:.1f} MB out ({args.format}), "
              f"exit status {status}, {os.cpu_count()} cores")
        print(f"wall time: median {med * 1000:.0f} ms, runs " + ", ".join(f"{t * 1000:.0f}" for t in times))
        print(f"throughput: {size / 1e6 / med:.0f} MB/s (median), {size / 1e6 / min(times):.0f} MB/s (best)")
        # On a shared machine the wall time moves with the neighbours' load;
        # the CPU time says what the work itself costs.
        cpu_med = statistics.median(cpu)
        print(f"CPU time (user + sys): median {cpu_med * 1000:.0f} ms, {size / 1e6 / cpu_med:.0f} MB per CPU-second; "
              f"load average now {os.getloadavg()[0]:.1f}")
        print(f"peak memory (resident, largest run): {peak / 1024:.0f} MB")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
