#!/usr/bin/env bash
# The app at full speed beside its window, against headless `train` in the same run (issue 31).
# Starts the runnable jar under Xvfb (software rendering, fresh preferences) with `--speed max --play`,
# lets it warm up, then reads the app's own frame log for the measured span: the UI frame interval's median
# and 95th percentile, the FX thread's work per frame, and the engine's steps/s (steps shown by the
# window over the span). Headless `train` (2-50-1 moons, per-sample SGD, as the app) runs before and after
# the app; the ratio is against their mean. Prints the engine's own time split (training, metrics, grid,
# graph, publishing, resting for the window) as the app reports it every 5 s.
#
# Usage: src/bench/app-speed.sh [--speed max|N] [--seconds S] [--warmup W]
#        (after `mvn package`; builds the jar itself if it is missing; needs xvfb-run: apt-get install xvfb)
set -euo pipefail
cd "$(dirname "$0")/../.."

speed=max
seconds=20
warmup=5
while (($#)); do
  case "$1" in
    --speed) speed=${2:?--speed needs max or a number}; shift 2 ;;
    --seconds) seconds=${2:?--seconds needs a number}; shift 2 ;;
    --warmup) warmup=${2:?--warmup needs a number}; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "app-speed.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -ge 5 && "$seconds" -le 600 ]] \
  || { echo "app-speed.sh: --seconds must be 5 to 600, got '$seconds'" >&2; exit 2; }
[[ "$warmup" =~ ^[0-9]+$ && "$warmup" -le 60 ]] \
  || { echo "app-speed.sh: --warmup must be 0 to 60, got '$warmup'" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "app-speed.sh: needs xvfb-run (apt-get install xvfb)" >&2; exit 2; }
[ -f target/backprop-playground.jar ] || mvn -q -B package -DskipTests >&2
JAR=target/backprop-playground.jar

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

headless() {
  java -jar "$JAR" train --steps 2000000 --test-ratio 0 --seed 1 2>/dev/null \
    | sed -n 's/.*steps_per_s=\([0-9]*\).*/\1/p'
}

load_before=$(cut -d' ' -f1 /proc/loadavg)
echo "headless train (before)..." >&2
train_before=$(headless)

echo "the app under Xvfb at --speed $speed for ${warmup}+${seconds} s..." >&2
xvfb-run -a -s "-screen 0 1600x1000x24" sh -c 'echo $$ > "$0/app.pid"; exec java -Dprism.order=sw \
    -Djava.util.prefs.userRoot="$0/prefs" -Dplayground.frameStats=true -Dplayground.frameLog="$0/frames.log" \
    -jar "$1" --speed "$2" --play' "$out" "$JAR" "$speed" 2> "$out/app.err" &
runner=$!
# the span is measured from the first frame, so start-up does not count against the warm-up
for _ in $(seq 1 300); do
  [ -s "$out/frames.log" ] && break
  sleep 0.1
done
sleep $((warmup + seconds + 1))
kill "$(cat "$out/app.pid")" 2>/dev/null || true
wait "$runner" 2>/dev/null || true
load_after=$(cut -d' ' -f1 /proc/loadavg)

echo "headless train (after)..." >&2
train_after=$(headless)

python3 - "$out/frames.log" "$out/app.err" "$warmup" "$seconds" "$train_before" "$train_after" \
    "$load_before" "$load_after" "$speed" <<'PYEOF'
import math, sys
log, err, warmup, seconds, before, after, load0, load1, speed = sys.argv[1:]
warmup, seconds = float(warmup), float(seconds)
rows = [tuple(map(float, l.split())) for l in open(log) if len(l.split()) == 4]
if not rows:
    sys.exit("app-speed.sh: the app drew no frame (see its output above)")
t0 = rows[0][0] + warmup * 1000
span = [r for r in rows if t0 <= r[0] <= t0 + seconds * 1000]
if len(span) < 2:
    sys.exit("app-speed.sh: too few frames in the measured span")

def q(values, p):
    s = sorted(values)
    return s[max(0, math.ceil(p * len(s)) - 1)]

intervals = [r[1] for r in span]
fx = [r[2] for r in span]
wall = (span[-1][0] - span[0][0]) / 1000
app = (span[-1][3] - span[0][3]) / wall
headless = (float(before) + float(after)) / 2 if before and after else float("nan")
print(f"app at --speed {speed}, {wall:.1f} s after a {warmup:.0f}-s warm-up, load {load0} -> {load1}")
print(f"UI frame interval: median {q(intervals, .5):.1f} ms, p95 {q(intervals, .95):.1f} ms, "
      f"max {max(intervals):.1f} ms ({len(span)} frames, {len(span) / wall:.1f} a second)")
print(f"FX thread per frame (timers, CSS, layout): median {q(fx, .5):.2f} ms, p95 {q(fx, .95):.2f} ms")
print(f"engine in the app: {app:,.0f} steps/s")
print(f"headless train: {float(before or 'nan'):,.0f} and {float(after or 'nan'):,.0f} steps/s "
      f"(before and after the app)")
print(f"app / headless: {app / headless:.2f}")
for line in open(err):
    if line.startswith("engine:"):
        print("  " + line.rstrip())
PYEOF
