#!/usr/bin/env bash
# Instructions per item of every workload and system of the `sync` bench
# (benches/sync: sync generators, SPEC §8), then its size and allocation
# report: benches/instructions.sh with BENCH=sync (see there for arguments).
#
#   benches/sync_instructions.sh                 # every workload
#   benches/sync_instructions.sh count pipe      # some workloads
exec env BENCH=sync "$(dirname "$0")/instructions.sh" "$@"
