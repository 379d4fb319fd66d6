#!/usr/bin/env python3
"""Peak memory of `wechatpay report --dry-run` over a large JSON Lines file.

Usage: bench/dry_run_memory.py WECHATPAY_BINARY [RECORDS]   (RECORDS defaults to 1,000,000)

Writes RECORDS Zhejiang redemption records (the request fixture's record, order numbers varied)
to a temporary file, takes the sandbox's settings from `wechatpay sandbox` (its shipped test keys:
the dry run validates and encrypts every record but sends nothing), runs the dry run, and prints
its time and peak resident set size (the kernel's ru_maxrss of the child).
"""

import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "tests", "fixtures", "requests", "zhejiang.qualifications.sync.json")
ENDPOINT = "/zhejiang/qualifications/sync"


def sandbox_settings(binary):
    """The WECHATPAY_* variables `wechatpay sandbox` prints, read until its first blank line
    after them; the sandbox is stopped at once (the dry run never connects)."""
    sandbox = subprocess.Popen([binary, "sandbox", "--port", "0"], stdout=subprocess.PIPE, text=True)
    settings = {}
    try:
        for line in sandbox.stdout:
            if line.startswith("export "):
                name, value = line[len("export "):].rstrip("\n").split("=", 1)
                settings[name] = value.strip("'")
            elif settings and not line.strip():
                break
    finally:
        sandbox.terminate()
        sandbox.wait()
    return settings


def write_records(path, count):
    with open(FIXTURE, encoding="utf-8") as fixture:
        record = json.load(fixture)["data"][0]
    with open(path, "w", encoding="utf-8") as out:
        for index in range(count):
            record["order_no"] = f"ZJ-{index:08d}"
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
            out.write("\n")


def main():
    binary = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    env = {"PATH": os.environ.get("PATH", "")} | sandbox_settings(binary)
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "records.jsonl")
        write_records(path, count)
        size = os.path.getsize(path) / 2**20
        output = os.path.join(directory, "output.txt")
        started = time.monotonic()
        with open(output, "w+", encoding="utf-8") as out:
            child = subprocess.Popen(
                [binary, "report", ENDPOINT, "--input", path, "--dry-run", "--batch", "100"],
                env=env, stdout=out, stderr=subprocess.STDOUT,
            )
            # wait4, not wait: its rusage is this child's alone.
            _, status, usage = os.wait4(child.pid, 0)
            elapsed = time.monotonic() - started
            out.seek(0)
            text = out.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"the dry run failed: {text.strip()}")
    peak = usage.ru_maxrss / 1024  # KiB on Linux
    print(text.strip().splitlines()[-1])
    print(f"dry run: {count:,} records ({size:.0f} MiB of JSON Lines) in {elapsed:.1f} s, "
          f"{count / elapsed:,.0f} records/s, peak RSS {peak:.1f} MiB (limit 100 MiB)")


if __name__ == "__main__":
    main()
