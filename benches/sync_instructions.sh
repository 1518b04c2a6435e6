#!/usr/bin/env bash
# Instructions per item of every workload and system of the `sync` bench
# (benches/sync: sync generators, SPEC §8), counted by callgrind as
# benches/instructions.sh does for the async ones: each workload runs once at
# two sizes and the difference of the counts divided by the extra items
# (generators, for spawn_small) is printed, so start-up and set-up cancel out.
#
#   benches/sync_instructions.sh                 # every workload
#   benches/sync_instructions.sh count pipe      # some workloads
#   SYSTEMS="asyncgen hand-written" benches/sync_instructions.sh
#
# Builds with `cargo bench` (the root Cargo.toml's [profile.bench]: opt-level
# 3, one codegen unit, fat LTO), honouring CARGO_TARGET_DIR. Installs valgrind
# from Debian's packages if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

WORKLOADS=("$@")
[ ${#WORKLOADS[@]} -gt 0 ] || WORKLOADS=(count count_dyn pipe pipe_from spawn_small)
read -r -a SYSTEMS <<<"${SYSTEMS:-asyncgen hand-written from_fn genawaiter-stack genawaiter-rc fauxgen}"
SHORT=${SHORT:-100000}
LONG=${LONG:-200000}
SHORT_SPAWN=${SHORT_SPAWN:-20000}
LONG_SPAWN=${LONG_SPAWN:-40000}

if ! command -v valgrind >/dev/null; then
    echo "installing valgrind" >&2
    if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq valgrind >&2
fi

echo "building the bench (cargo bench --no-run -p asyncgen-benches --bench sync)" >&2
BIN=$(cargo bench --no-run -p asyncgen-benches --bench sync --message-format=json 2>/dev/null |
    sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -n 1)
[ -x "$BIN" ] || { echo "bench executable not found" >&2; exit 1; }

# Instructions of one run: `instructions WORKLOAD SYSTEM N`.
instructions() {
    ASYNCGEN_BENCH="$1/$2/$3" valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        "$BIN" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

printf '| workload |'
printf ' %s |' "${SYSTEMS[@]}"
printf '\n|---|'
printf -- '---|%.0s' "${SYSTEMS[@]}"
printf '\n'
for workload in "${WORKLOADS[@]}"; do
    if [[ $workload == spawn_small ]]; then short=$SHORT_SPAWN long=$LONG_SPAWN; else short=$SHORT long=$LONG; fi
    printf '| %s |' "$workload"
    for system in "${SYSTEMS[@]}"; do
        a=$(instructions "$workload" "$system" "$short")
        b=$(instructions "$workload" "$system" "$long")
        [ -n "$a" ] && [ -n "$b" ] || { echo "callgrind failed on $workload/$system" >&2; exit 1; }
        awk -v a="$a" -v b="$b" -v n=$((long - short)) 'BEGIN { printf " %.1f |", (b - a) / n }'
    done
    printf '\n'
done
echo
ASYNCGEN_BENCH=report "$BIN"
