#!/usr/bin/env bash
# One short criterion run of the `generators` bench (package
# asyncgen-benches), then its wall times as a table: nanoseconds per item
# (per generator for spawn_small and task_spawn_small), criterion's median.
# Extra arguments go to criterion (e.g. a filter: `count_dyn`).
# Wall times move with the machine's load; benches/instructions.sh gives the
# robust figure. Needs jq (installed from Debian's packages if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

. benches/debian_package.sh
need_debian_package jq jq

cargo bench -p asyncgen-benches --bench generators -- --measurement-time 2 --warm-up-time 1 "$@" >&2
DIR="${CARGO_TARGET_DIR:-target}/criterion"
SYSTEMS=(asyncgen hand-written async-stream unfold genawaiter async-fn-stream asynk-strim fauxgen)
printf '| ns per item | %s |\n' "$(IFS='|'; echo "${SYSTEMS[*]}" | sed 's/|/ | /g')"
printf '|---|'
printf -- '---|%.0s' "${SYSTEMS[@]}"
printf '\n'
for workload in count count_dyn await_between pipe spawn_small \
    task_count task_count_boxed task_pipe task_spawn_small task_await_between; do
    [ -d "$DIR/$workload" ] || continue
    printf '| %s |' "$workload"
    for system in "${SYSTEMS[@]}"; do
        file="$DIR/$workload/$system/new/estimates.json"
        bench="$DIR/$workload/$system/new/benchmark.json"
        if [ -f "$file" ]; then
            jq -j --slurpfile b "$bench" \
                '" \(.median.point_estimate / $b[0].throughput.Elements * 100 | round / 100) |"' "$file"
        else
            printf ' - |'
        fi
    done
    printf '\n'
done
