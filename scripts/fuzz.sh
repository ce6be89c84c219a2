#!/usr/bin/env bash
# Runs every Fuzz* target of the module for $FUZZTIME each (go test allows
# one fuzz target per invocation). Fails on the first crasher, which go test
# saves under the package's testdata/fuzz/ for a regression test.
set -euo pipefail
FUZZTIME=${FUZZTIME:-30s}
# Minimizing a new input can outlive a short -fuzztime and then fails the
# run with "context deadline exceeded" (a go test quirk), so short runs do
# not minimize; `make fuzz` gives minimization time.
FUZZMINIMIZETIME=${FUZZMINIMIZETIME:-0}
cd "$(dirname "$0")/.."
targets=$(grep -rl --include='*_test.go' -E '^func Fuzz[A-Za-z0-9_]+\(f \*testing\.F\)' . | sort)
n=0
for file in $targets; do
  pkg="./$(dirname "${file#./}")"
  for fn in $(grep -oE '^func Fuzz[A-Za-z0-9_]+' "$file" | awk '{print $2}'); do
    echo "fuzz: $pkg $fn ($FUZZTIME)"
    if ! go test -run '^$' -fuzz "^${fn}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime "$FUZZMINIMIZETIME" -parallel 2 "$pkg" >/tmp/briefpack-fuzz.log 2>&1; then
      # A large cached corpus (GOCACHE/fuzz) can take longer to replay than
      # a short -fuzztime; go test then fails with "context deadline
      # exceeded" and no failing input. Retry once with time to spare.
      if grep -q 'context deadline exceeded' /tmp/briefpack-fuzz.log && ! grep -qE 'Failing input|failure while testing seed corpus|panic:' /tmp/briefpack-fuzz.log; then
        echo "fuzz: $pkg $fn: corpus replay outlived $FUZZTIME; retrying with 30s"
        go test -run '^$' -fuzz "^${fn}\$" -fuzztime 30s -fuzzminimizetime "$FUZZMINIMIZETIME" -parallel 2 "$pkg" >/tmp/briefpack-fuzz.log 2>&1 || { cat /tmp/briefpack-fuzz.log; exit 1; }
      else
        cat /tmp/briefpack-fuzz.log; exit 1
      fi
    fi
    n=$((n+1))
  done
done
echo "fuzz: $n passed, 0 failed"
