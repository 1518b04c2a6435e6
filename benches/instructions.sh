#!/usr/bin/env bash
# Instructions per item of every workload and system of a bench of package
# asyncgen-benches (BENCH=generators, the default: async generators;
# BENCH=sync: sync generators, also run as benches/sync_instructions.sh),
# counted by callgrind:
# each workload runs once at two sizes, and the difference of the two counts
# divided by the extra items (generators, for spawn_small and
# task_spawn_small) is printed, so process start-up and set-up cancel out.
# One table: a row per workload, a column per system.
# Instruction counts, unlike wall times, do not move with the machine's load.
#
#   benches/instructions.sh                    # every workload
#   benches/instructions.sh count_dyn pipe     # some workloads
#   SYSTEMS="asyncgen hand-written" benches/instructions.sh
#   BENCH=sync benches/instructions.sh         # the sync bench (and nightly `gen {}`
#                                              # blocks, benches/nightly, if nightly is
#                                              # installed), then the size report
#
# Builds with `cargo bench` (the root Cargo.toml's [profile.bench]: opt-level
# 3, one codegen unit, fat LTO), honouring CARGO_TARGET_DIR. Installs valgrind
# from Debian's packages if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH=${BENCH:-generators}
WORKLOADS=("$@")
case "$BENCH" in
generators)
    DEFAULT_WORKLOADS=(count count_dyn await_between pipe spawn_small
        task_count task_count_boxed task_pipe task_spawn_small task_await_between)
    DEFAULT_SYSTEMS="asyncgen hand-written async-stream unfold genawaiter async-fn-stream asynk-strim fauxgen"
    ;;
sync)
    DEFAULT_WORKLOADS=(count count_dyn pipe pipe_from spawn_small)
    DEFAULT_SYSTEMS="asyncgen hand-written from_fn genawaiter-stack genawaiter-rc fauxgen"
    # Nightly `gen {}` blocks, a binary of their own (benches/nightly), when
    # a nightly toolchain is installed.
    if rustup run nightly rustc --version >/dev/null 2>&1; then
        DEFAULT_SYSTEMS+=" gen-block"
    fi
    ;;
*) echo "unknown BENCH=$BENCH (generators or sync)" >&2; exit 1 ;;
esac
[ ${#WORKLOADS[@]} -gt 0 ] || WORKLOADS=("${DEFAULT_WORKLOADS[@]}")
read -r -a SYSTEMS <<<"${SYSTEMS:-$DEFAULT_SYSTEMS}"
# Items per run; the spawn_small workloads count generators of 3 items each.
SHORT=${SHORT:-100000}
LONG=${LONG:-200000}
SHORT_SPAWN=${SHORT_SPAWN:-20000}
LONG_SPAWN=${LONG_SPAWN:-40000}

. benches/debian_package.sh
need_debian_package valgrind valgrind

echo "building the bench (cargo bench --no-run -p asyncgen-benches --bench $BENCH)" >&2
BIN=$(cargo bench --no-run -p asyncgen-benches --bench "$BENCH" --message-format=json 2>/dev/null |
    sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -n 1)
[ -x "$BIN" ] || { echo "bench executable not found" >&2; exit 1; }

NIGHTLY_BIN=
if [[ " ${SYSTEMS[*]} " == *" gen-block "* ]]; then
    echo "building the nightly bench (cargo +nightly bench --no-run --manifest-path benches/nightly/Cargo.toml)" >&2
    NIGHTLY_BIN=$(cargo +nightly bench --no-run --manifest-path benches/nightly/Cargo.toml \
        --message-format=json 2>/dev/null | sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -n 1)
    [ -x "$NIGHTLY_BIN" ] || { echo "nightly bench executable not found" >&2; exit 1; }
fi

# Instructions of one run: `instructions WORKLOAD SYSTEM N`.
instructions() {
    local bin=$BIN
    [ "$2" != gen-block ] || bin=$NIGHTLY_BIN
    ASYNCGEN_BENCH="$1/$2/$3" valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        "$bin" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

printf '| workload |'
printf ' %s |' "${SYSTEMS[@]}"
printf '\n|---|'
printf -- '---|%.0s' "${SYSTEMS[@]}"
printf '\n'
for workload in "${WORKLOADS[@]}"; do
    if [[ $workload == *spawn_small ]]; then short=$SHORT_SPAWN long=$LONG_SPAWN; else short=$SHORT long=$LONG; fi
    printf '| %s |' "$workload"
    for system in "${SYSTEMS[@]}"; do
        a=$(instructions "$workload" "$system" "$short")
        b=$(instructions "$workload" "$system" "$long")
        [ -n "$a" ] && [ -n "$b" ] || { echo "callgrind failed on $workload/$system" >&2; exit 1; }
        awk -v a="$a" -v b="$b" -v n=$((long - short)) 'BEGIN { printf " %.1f |", (b - a) / n }'
    done
    printf '\n'
done
if [ "$BENCH" = sync ]; then
    echo
    ASYNCGEN_BENCH=report "$BIN"
    [ -z "$NIGHTLY_BIN" ] || ASYNCGEN_BENCH=report "$NIGHTLY_BIN" | grep '^| gen-block '
fi
