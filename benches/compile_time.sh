#!/usr/bin/env bash
# Compile time of a crate of 200 generators: asyncgen's `#[async_gen]`
# against async-stream's `stream!`, each generator a loop with a yield and
# an await. Dependencies are built first; then the crate itself is rebuilt
# (dev profile) RUNS times after touching its source, and the median is printed.
#
#   benches/compile_time.sh            # 200 generators, 5 runs
#   COUNT=500 RUNS=3 benches/compile_time.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
count=${COUNT:-200}
runs=${RUNS:-5}
work=${TMPDIR:-/tmp}/asyncgen-compile-time
mkdir -p "$work"

# make_crate NAME DEPENDENCY-LINES GENERATOR-TEMPLATE (with N for the index)
make_crate() {
    local dir="$work/$1"
    mkdir -p "$dir/src"
    printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[dependencies]\n%s\n\n[workspace]\n' \
        "$1" "$2" >"$dir/Cargo.toml"
    : >"$dir/src/lib.rs"
    for n in $(seq 1 "$count"); do
        printf '%s\n' "${3//N/$n}" >>"$dir/src/lib.rs"
    done
}

make_crate with-asyncgen "asyncgen = { path = \"$root\" }" \
'/// Generator N.
#[asyncgen::async_gen(yield = u64)]
pub async fn generator_N(limit: u64) {
    for i in 0..limit {
        core::future::ready(()).await;
        yield_!(i + N);
    }
}'

make_crate with-async-stream 'async-stream = "0.3.6"
futures-core = "0.3"' \
'/// Generator N.
pub fn generator_N(limit: u64) -> impl futures_core::Stream<Item = u64> {
    async_stream::stream! {
        for i in 0..limit {
            core::future::ready(()).await;
            yield i + N;
        }
    }
}'

median_build() {
    local dir="$work/$1" times=()
    (cd "$dir" && cargo build -q 2>/dev/null)  # dependencies, once
    for _ in $(seq 1 "$runs"); do
        touch "$dir/src/lib.rs"
        local start end
        start=$(date +%s%N)
        (cd "$dir" && cargo build -q)
        end=$(date +%s%N)
        times+=("$(((end - start) / 1000000))")
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}

echo "crate of $count generators, dev profile, median of $runs rebuilds (milliseconds):"
printf '  %-14s %s\n' asyncgen "$(median_build with-asyncgen)"
printf '  %-14s %s\n' async-stream "$(median_build with-async-stream)"
