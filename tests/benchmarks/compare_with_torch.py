#!/usr/bin/env python3
"""Alternating speed/quality comparison of `reccourse bench` against the PyTorch reference.

Runs, for each round and each model, the kit's bench (Release build) and then torch_reference.py,
on the same machine in the same session, and prints per-run figures, medians and the ratio
kit s/epoch ÷ PyTorch s/epoch (issue 3 targets: mf ≤ 0.5, mlp ≤ 0.8, softmax-* ≤ 1.0).

    python3 tests/benchmarks/compare_with_torch.py --reference PATH/torch_reference.py --data PATH/ml-100k \
        [--rounds 3] [--models mf,mlp,softmax-full,softmax-sampled] [--threads 1]

The reference path can also come from $RECCOURSE_TORCH_REFERENCE and the data from $RECCOURSE_ML100K.
Build first: dotnet build lib/RecCourse.Cli -c Release. Timings on a shared machine vary 10-25 %:
quote medians and note the load (this script prints the load average before each run).
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys

TORCH_KEY = {"mf": "mf", "mlp": "mlp", "softmax-full": "softmax", "softmax-sampled": "softmax"}
TORCH_ROW = {"mf": r"^mf \(", "mlp": r"^mlp ", "softmax-full": r"^softmax-full ", "softmax-sampled": r"^softmax-sampled100 "}
TARGET = {"mf": 0.5, "mlp": 0.8, "softmax-full": 1.0, "softmax-sampled": 1.0}


def run_kit(args, model):
    cmd = ["dotnet", args.kit, "bench", model, "--data", args.data, "--threads", str(args.threads), "--json"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=dict(os.environ, DOTNET_TieredCompilation="0")).stdout
    r = json.loads(out.strip().splitlines()[-1])
    metric = f"RMSE {r['rmse']:.4f}" if "rmse" in r else f"HR@10 {r['hr10']:.4f}"
    return r["secondsPerEpoch"], metric


def run_torch(args, key):
    env = {k: v for k, v in os.environ.items() if k != "OMP_NUM_THREADS"}
    cmd = ["/usr/bin/python3", args.reference, "--models", key, "--threads", str(args.threads), "--data", args.data]
    return subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout


def parse_torch(out, model):
    for line in out.splitlines():
        if re.match(TORCH_ROW[model], line):
            # name … epochs train_s s/epoch metric…
            m = re.search(r"\s(\d+)\s+([\d.]+)\s+([\d.]+)\s+(.*)$", line)
            return float(m.group(3)), m.group(4).strip()
    raise RuntimeError(f"no summary row for {model} in the reference output")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reference", default=os.environ.get("RECCOURSE_TORCH_REFERENCE"))
    ap.add_argument("--data", default=os.environ.get("RECCOURSE_ML100K"))
    ap.add_argument("--kit", default=os.path.join(os.path.dirname(__file__), "..", "..", "artifacts", "bin", "RecCourse.Cli", "release", "RecCourse.Cli.dll"))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--models", default="mf,mlp,softmax-full,softmax-sampled")
    args = ap.parse_args()
    if not args.reference or not args.data:
        sys.exit("give --reference and --data (or set RECCOURSE_TORCH_REFERENCE and RECCOURSE_ML100K)")
    models = args.models.split(",")
    kit, torch = {m: [] for m in models}, {m: [] for m in models}
    for rnd in range(1, args.rounds + 1):
        torch_cache = {}
        for model in models:
            load = os.getloadavg()[0]
            s, metric = run_kit(args, model)
            kit[model].append((s, metric))
            print(f"round {rnd} kit   {model:<16} {s:.4f} s/epoch  {metric}  (load {load:.1f})", flush=True)
            key = TORCH_KEY[model]
            load = os.getloadavg()[0]
            if key not in torch_cache:
                torch_cache[key] = run_torch(args, key)
            s, metric = parse_torch(torch_cache[key], model)
            torch[model].append((s, metric))
            print(f"round {rnd} torch {model:<16} {s:.4f} s/epoch  {metric}  (load {load:.1f})", flush=True)
    print("\nmodel             kit s/ep  torch s/ep  ratio  target  kit metric / torch metric")
    for model in models:
        k = statistics.median(s for s, _ in kit[model])
        t = statistics.median(s for s, _ in torch[model])
        ok = "ok" if k / t <= TARGET[model] else "MISSED"
        print(f"{model:<16} {k:9.4f} {t:11.4f} {k / t:6.2f}  ≤{TARGET[model]:.1f} {ok:<6}  {kit[model][-1][1]} / {torch[model][-1][1]}")


if __name__ == "__main__":
    main()
