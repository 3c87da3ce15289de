#!/usr/bin/env bash
# Runs the seeds' loops (NumPy, PyTorch, micrograd) and our bench on this machine in one go and prints
# a table with ratios. Installs Debian's python3-numpy, python3-torch and python3-sklearn if missing.
# Usage: src/bench/compare.sh            (after `mvn package`; builds the jar itself if it is missing)
#        src/bench/compare.sh images [--one-thread]   (only seed 003's 784-100-10 network against PyTorch;
#                                  --one-thread leaves out PyTorch's all-threads runs, slow on a shared machine)
set -euo pipefail
only=${1:-}
peer_args=("${@:2}")
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3   # Debian's python, where the apt packages install

missing=()
for pair in numpy:python3-numpy torch:python3-torch sklearn:python3-sklearn; do
  "$PY" -c "import ${pair%%:*}" 2>/dev/null || missing+=("${pair#*:}")
done
if ((${#missing[@]})); then
  echo "installing ${missing[*]} (Debian packages)" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi
[ -f target/backprop-playground.jar ] || mvn -q -B package -DskipTests >&2

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# the Vector API for the wide layers' kernel, as the app's launcher has it; its start-up notice is dropped
JAVA=(java --add-modules jdk.incubator.vector)
quiet() { grep -v '^WARNING: Using incubator modules' >&2 || true; }
: > "$out/peers.tsv"
: > "$out/ours.tsv"
if [ "$only" != images ]; then
  echo "running the seeds' loops..." >&2
  "$PY" src/bench/python/seed000_numpy.py >> "$out/peers.tsv"
  "$PY" src/bench/python/seed000_torch.py >> "$out/peers.tsv"
  "$PY" src/bench/python/seed001_value.py >> "$out/peers.tsv"
  echo "running our bench..." >&2
  "${JAVA[@]}" -jar target/backprop-playground.jar bench --tsv > "$out/ours.tsv" 2> >(quiet)
else
  # one after the other in this run: ours, then PyTorch's (float32 and float64, 1 thread and all)
  echo "running our bench (images)..." >&2
  "${JAVA[@]}" -jar target/backprop-playground.jar bench --only images > "$out/ours.tsv" 2> >(quiet)
fi
echo "running PyTorch's 784-100-10 loop..." >&2
"$PY" src/bench/python/images_torch.py "${peer_args[@]}" >> "$out/peers.tsv"

"$PY" - "$out/ours.tsv" "$out/peers.tsv" <<'PYEOF'
import os, platform, subprocess, sys

def read(path):
    vals = {}
    for line in open(path):
        parts = line.split("\t")
        if len(parts) >= 2:
            vals[parts[0]] = float(parts[1])
    return vals

ours, peers = read(sys.argv[1]), read(sys.argv[2])
jdk = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
print(f"Machine: {os.cpu_count()} cores ({cpu}), {jdk}")
print()
print("| measure | Backprop Playground | seed loop | ratio |")
print("| --- | ---: | ---: | ---: |")

def fmt(v, unit):
    return f"{v:,.0f} {unit}" if v >= 100 else f"{v:.3g} {unit}"

def row(name, key, peer_key, peer_name, unit):
    if key not in ours:
        return
    o, p = ours[key], peers.get(peer_key)
    print(f"| {name} | {fmt(o, unit)} | {fmt(p, unit) + ' (' + peer_name + ')' if p else '-'} | "
          f"{(f'{o / p:,.0f}x' if o / p >= 10 else f'{o / p:.2f}x') if p else '-'} |")

row("per-sample SGD, 2-50-1 moons", "per_sample_steps_per_s", "numpy_per_sample_steps_per_s", "NumPy", "steps/s")
row("per-sample SGD, 2-50-1 moons", "per_sample_steps_per_s", "torch_per_sample_steps_per_s", "PyTorch, 1 thread", "steps/s")
row("Value engine, MLP(2,[16,16,1]) per-sample", "value_steps_per_s", "micrograd_steps_per_s", "micrograd", "steps/s")
row("Value engine node visits", "value_node_visits_per_s", "micrograd_node_visits_per_s", "micrograd", "visits/s")
# seed 003's MLP: ours is float64 (the engine's only type) on the Vector API kernel, batch 64
for opt in ("sgd", "momentum"):
    for dtype, threads, label in (("f32", "1t", "float32, 1 thread"), ("f64", "1t", "float64, 1 thread"),
                                  ("f32", "all", "float32, all threads"), ("f64", "all", "float64, all threads")):
        if f"torch_images_{opt}_{dtype}_{threads}_samples_per_s" in peers:  # --one-thread leaves some out
            row(f"784-100-10 softmax, batch 64, {opt}", f"images_{opt}_samples_per_s",
                f"torch_images_{opt}_{dtype}_{threads}_samples_per_s", f"PyTorch, {label}", "samples/s")
for name, key, unit in [
    ("784-100-10 sgd: multiply-adds per second", "images_gmacs", "GMAC/s"),
    ("mini-batch 32, 2-50-1", "batch32_samples_per_s", "samples/s"),
    ("mini-batch 256, 2-50-1", "batch256_samples_per_s", "samples/s"),
    ("full batch (2000 points), 2-50-1", "full_batch_steps_per_s", "steps/s"),
    ("decision grid 200x200", "grid_200_ms", "ms"),
    ("layered layout, 100 nodes", "layout_100_ms", "ms"),
    ("layered layout, 1,000 nodes", "layout_1000_ms", "ms"),
    ("GraphModel snapshot, 2-50-1", "graph_snapshot_us", "us"),
]:
    if key in ours:
        print(f"| {name} | {fmt(ours[key], unit)} | - | - |")
PYEOF
