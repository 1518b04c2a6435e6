#!/usr/bin/env bash
# Compile time of a crate of 200 generators: asyncgen's `#[async_gen]`
# against async-stream's `stream!`, each generator a loop with an await and a
# yield. Prints one table:
#
# * build / check CPU: user + sys seconds of `cargo build` / `cargo check` of
#   the crate alone (its dependencies are built first), one job (`-j1`), dev
#   profile without incremental compilation, median of RUNS runs after
#   touching its source;
# * function instances per generator: `define`s in the crate's LLVM IR (dev
#   profile, one codegen unit) of COUNT generators minus those of COUNT / 2,
#   divided by COUNT / 2, so the crate's fixed functions cancel out. Each
#   generator is polled once by a function of the crate (`first_N`), so what
#   a consumer instantiates is counted;
# * rustc instructions per generator, for `cargo build` and `cargo check`:
#   callgrind's count of the crate's own rustc run with COUNT generators
#   minus that with COUNT / 2, divided by COUNT / 2. Unlike CPU seconds,
#   which move by 20% between runs on a shared machine, the count is the
#   same from run to run, so this ratio is the one to compare.
#
#   benches/compile_time.sh            # 200 generators, 5 runs
#   COUNT=500 RUNS=3 benches/compile_time.sh
#   INSTRUCTIONS=0 benches/compile_time.sh   # without the callgrind rows
#
# The crates are generated under $TMPDIR/asyncgen-compile-time with their own
# target directory; asyncgen is this checkout. Installs valgrind from
# Debian's packages if it is missing (for the instruction rows).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
count=${COUNT:-200}
half=$((count / 2))
runs=${RUNS:-5}
work=${TMPDIR:-/tmp}/asyncgen-compile-time
export CARGO_TARGET_DIR="$work/target"
# Each run compiles the crate from scratch: incremental compilation would
# reuse the previous run's work, since touching the source changes nothing.
export CARGO_INCREMENTAL=0
instructions=${INSTRUCTIONS:-1}
mkdir -p "$work"

. benches/debian_package.sh
[ "$instructions" != 1 ] || need_debian_package valgrind valgrind

# A RUSTC_WRAPPER that runs rustc under callgrind when it compiles the crate
# named by $MEASURED_CRATE, leaving callgrind's report in $MEASURED_LOG.
wrapper="$work/callgrind-rustc"
cat >"$wrapper" <<'WRAPPER'
#!/usr/bin/env bash
rustc=$1
shift
case " $* " in
*" --crate-name $MEASURED_CRATE "*)
    exec valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$MEASURED_LOG" \
        "$rustc" "$@" ;;
*) exec "$rustc" "$@" ;;
esac
WRAPPER
chmod +x "$wrapper"

# Each generator comes with a function that polls it once, so that its
# `poll_next`, body and drop glue are instantiated in the crate, as in a
# program that consumes it.
CONSUMER='/// Polls generator N once.
pub fn first_N(cx: &mut core::task::Context<'"'"'_>) -> core::task::Poll<Option<u64>> {
    futures_core::Stream::poll_next(core::pin::pin!(generator_N(3)), cx)
}'
ASYNCGEN_DEPENDENCIES="asyncgen = { path = \"$root\" }
futures-core = \"0.3\""
ASYNCGEN_GENERATOR='/// Generator N.
#[asyncgen::async_gen(yield = u64)]
pub async fn generator_N(limit: u64) {
    for i in 0..limit {
        core::future::ready(()).await;
        yield_!(i + N);
    }
}
'"$CONSUMER"
ASYNC_STREAM_DEPENDENCIES='async-stream = "0.3.6"
futures-core = "0.3"'
ASYNC_STREAM_GENERATOR='/// Generator N.
pub fn generator_N(limit: u64) -> impl futures_core::Stream<Item = u64> {
    async_stream::stream! {
        for i in 0..limit {
            core::future::ready(()).await;
            yield i + N;
        }
    }
}
'"$CONSUMER"

# Input: a crate NAME, its [dependencies] lines, a generator template (N is
# the index), a count. Output: the crate in $work/NAME.
make_crate() {
    local dir="$work/$1"
    mkdir -p "$dir/src"
    printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[dependencies]\n%s\n\n[workspace]\n' \
        "$1" "$2" >"$dir/Cargo.toml"
    : >"$dir/src/lib.rs"
    for n in $(seq 1 "$4"); do
        printf '%s\n' "${3//N/$n}" >>"$dir/src/lib.rs"
    done
}

# Input: a crate NAME and a cargo command (build or check). Output: the
# median user + sys CPU seconds of RUNS runs of it on the crate alone.
median_cpu() {
    local dir="$work/$1" times=()
    (cd "$dir" && cargo "$2" -q -j1 2>/dev/null) # dependencies, once
    for _ in $(seq 1 "$runs"); do
        touch "$dir/src/lib.rs"
        times+=("$(cd "$dir" && /usr/bin/time -f '%U %S' cargo "$2" -q -j1 2>&1 >/dev/null |
            tail -n 1 | awk '{ printf "%.2f", $1 + $2 }')")
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}

# Input: a crate NAME. Output: the number of functions defined in its LLVM IR.
ir_functions() {
    local dir="$work/$1"
    rm -f "$CARGO_TARGET_DIR/debug/deps/${1//-/_}"-*.ll
    (cd "$dir" && cargo rustc -q --lib -- --emit=llvm-ir -C codegen-units=1 2>/dev/null)
    cat "$CARGO_TARGET_DIR/debug/deps/${1//-/_}"-*.ll | grep -c '^define '
}

# Input: a crate NAME and a cargo command (build or check). Output: the
# instructions of the crate's own rustc run (only that run is under
# callgrind, see the wrapper), or 0 with INSTRUCTIONS=0.
rustc_instructions() {
    [ "$instructions" = 1 ] || { echo 0; return; }
    local dir="$work/$1" log="$work/$1.callgrind"
    touch "$dir/src/lib.rs"
    (cd "$dir" && MEASURED_CRATE="${1//-/_}" MEASURED_LOG="$log" RUSTC_WRAPPER="$wrapper" \
        cargo "$2" -q -j1 2>/dev/null)
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$log"
}

# Input: the counts of COUNT / 2 and of COUNT generators. Output: the
# difference per extra generator.
per_generator() {
    awk -v a="$1" -v b="$2" -v n="$((count - half))" 'BEGIN { printf "%.1f", (b - a) / n }'
}

# Input: a crate name, its dependencies, its generator template. Output: one
# line: build CPU, check CPU, function instances per generator, rustc
# instructions per generator for build and for check.
measure() {
    make_crate "$1" "$2" "$3" "$half"
    local functions_half build_half check_half
    functions_half=$(ir_functions "$1")
    build_half=$(rustc_instructions "$1" build)
    check_half=$(rustc_instructions "$1" check)
    make_crate "$1" "$2" "$3" "$count"
    local functions_full build_full check_full build check
    functions_full=$(ir_functions "$1")
    build_full=$(rustc_instructions "$1" build)
    check_full=$(rustc_instructions "$1" check)
    build=$(median_cpu "$1" build)
    check=$(median_cpu "$1" check)
    echo "$build $check $(per_generator "$functions_half" "$functions_full")" \
        "$(per_generator "$build_half" "$build_full")" \
        "$(per_generator "$check_half" "$check_full")"
}

echo "measuring asyncgen, then async-stream ($count generators, $runs runs each)" >&2
read -r ours_build ours_check ours_functions ours_build_ir ours_check_ir < <(measure \
    asyncgen-crate "$ASYNCGEN_DEPENDENCIES" "$ASYNCGEN_GENERATOR")
read -r theirs_build theirs_check theirs_functions theirs_build_ir theirs_check_ir < <(measure \
    async-stream-crate "$ASYNC_STREAM_DEPENDENCIES" "$ASYNC_STREAM_GENERATOR")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
echo "| crate of $count generators (dev profile, not incremental, -j1, median of $runs) | asyncgen | async-stream | ratio |"
echo "|---|---|---|---|"
echo "| \`cargo build\` CPU, user + sys (s) | $ours_build | $theirs_build | $(ratio "$ours_build" "$theirs_build") |"
echo "| \`cargo check\` CPU, user + sys (s) | $ours_check | $theirs_check | $(ratio "$ours_check" "$theirs_check") |"
echo "| function instances per generator (LLVM IR \`define\`s) | $ours_functions | $theirs_functions | $(ratio "$ours_functions" "$theirs_functions") |"
if [ "$instructions" = 1 ]; then
    millions() { awk -v a="$1" 'BEGIN { printf "%.2f", a / 1000000 }'; }
    echo "| \`cargo build\`: rustc instructions per generator (millions, callgrind) | $(millions "$ours_build_ir") | $(millions "$theirs_build_ir") | $(ratio "$ours_build_ir" "$theirs_build_ir") |"
    echo "| \`cargo check\`: rustc instructions per generator (millions, callgrind) | $(millions "$ours_check_ir") | $(millions "$theirs_check_ir") | $(ratio "$ours_check_ir" "$theirs_check_ir") |"
fi
