#!/usr/bin/env bash
# A sharded virtual trial on a real Slurm: starts a single-node Slurm cluster on this machine (munged, slurmctld,
# slurmd; Debian packages slurm-wlm and munge), submits a 4-task job array whose task k runs
# `cohort --shard k/4`, waits for it, merges the 4 shard files and compares the result byte for byte with the same
# trial run in one piece. Exits non-zero when anything fails or the outputs differ. Needs root (it starts the daemons)
# and the packages installed (.ci/run installs them). Everything it creates lives in a temporary folder; the daemons
# it started are stopped at the end.
#
#   bash scripts/slurm-shards.sh                       # the default trial (400 patients, 2 arms)
#   SLURM_SHARDS_QUERY='n=2000&arm=...' bash scripts/slurm-shards.sh
#
# The same recipe on a real cluster is in docs/performance.md ("Runs too big for one machine").
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
t0=$SECONDS
say() { printf '[slurm %4ss] %s\n' "$((SECONDS - t0))" "$*"; }

QUERY="${SLURM_SHARDS_QUERY:-s=hcc-patient&n=400&seed=7&arm=Control&arm=Atezo/bev*atz:1200@0-540/21*bev:15@0-540/21}"
TASKS=4
CTLD_PORT="${SLURM_SHARDS_CTLD_PORT:-6817}"
SLURMD_PORT="${SLURM_SHARDS_SLURMD_PORT:-6818}"

for tool in munged slurmctld slurmd sbatch squeue sinfo; do
  command -v "$tool" >/dev/null || { echo "slurm-shards: $tool not found (apt-get install slurm-wlm munge)" >&2; exit 2; }
done
[ "$(id -u)" -eq 0 ] || { echo "slurm-shards: run as root (it starts munged, slurmctld and slurmd)" >&2; exit 2; }

work="$(mktemp -d /tmp/slurm-shards.XXXXXX)"
chmod 755 "$work"
pids=()
cleanup() {
  status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$status" -ne 0 ]; then
    echo "--- slurmctld log" >&2; tail -n 30 "$work/slurmctld.log" >&2 2>/dev/null || true
    echo "--- slurmd log" >&2; tail -n 30 "$work/slurmd.log" >&2 2>/dev/null || true
    for f in "$work"/out/*.err; do [ -s "$f" ] && { echo "--- $f" >&2; cat "$f" >&2; }; done 2>/dev/null || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

# 1. The CLI as one bundled file, so that each task starts node directly (no TypeScript loader per task).
say "bundling the cohort and merge commands"
npx --no-install esbuild src/cli/cohort.ts src/cli/merge.ts --bundle --platform=node --format=esm \
  --log-level=warning --out-extension:.js=.mjs --outdir="$work/bin"

# 2. munge: its own key and socket in the temporary folder (does not touch a munged the machine may run).
say "starting munged"
# munged wants its key private to it and its socket's folder open to all (clients connect from any user).
mkdir -p "$work/munge" "$work/munge-run"
chown munge:munge "$work/munge" "$work/munge-run"
chmod 700 "$work/munge"
chmod 755 "$work/munge-run"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1 count=1024 status=none
chown munge:munge "$work/munge/munge.key"
chmod 400 "$work/munge/munge.key"
munge_socket="$work/munge-run/munge.socket"
runuser -u munge -- munged --foreground --key-file="$work/munge/munge.key" --socket="$munge_socket" \
  --pid-file="$work/munge-run/munged.pid" --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed" \
  2>"$work/munged.err" &
pids+=($!)
for _ in $(seq 50); do [ -S "$munge_socket" ] && break; sleep 0.1; done
[ -S "$munge_socket" ] || { echo "slurm-shards: munged did not start" >&2; exit 1; }

# 3. slurm.conf for this host: one node with this machine's CPUs and memory, one partition, no cgroups.
host="$(hostname -s)"
cpus="$(nproc)"
mem_mb="$(awk '/MemTotal/ { printf "%d", $2 / 1024 * 0.8 }' /proc/meminfo)"
mkdir -p "$work/state" "$work/spool" "$work/out"
cat >"$work/slurm.conf" <<CONF
ClusterName=local
SlurmctldHost=$host
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$munge_socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool/slurmd-%n
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=30
KillWait=5
Waittime=0
NodeName=$host CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
CONF
export SLURM_CONF="$work/slurm.conf"

say "starting slurmctld and slurmd ($host, $cpus CPUs)"
slurmctld -D -i -f "$SLURM_CONF" >"$work/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$work/slurmd.out" 2>&1 &
pids+=($!)
ready=""
for _ in $(seq 120); do
  state="$(sinfo -h -N -o '%T' 2>/dev/null | head -n 1 || true)"
  case "$state" in idle*|mixed*|allocated*) ready=1; break ;; esac
  sleep 0.5
done
[ -n "$ready" ] || { echo "slurm-shards: the node did not come up (state: ${state:-none})" >&2; sinfo -N >&2 || true; exit 1; }
sinfo -h -N -o '  node %N: %T, %c CPUs'

# 4. The job array: task k (1..4) runs shard k/4.
cat >"$work/shard.sbatch" <<JOB
#!/usr/bin/env bash
#SBATCH --job-name=timescape-trial
#SBATCH --array=1-$TASKS
#SBATCH --cpus-per-task=1
#SBATCH --output=$work/out/task-%a.log
#SBATCH --error=$work/out/task-%a.err
set -euo pipefail
node "$work/bin/cohort.mjs" --shard "\${SLURM_ARRAY_TASK_ID}/$TASKS" '$QUERY' > "$work/out/part-\${SLURM_ARRAY_TASK_ID}.json"
JOB
say "submitting a $TASKS-task job array (cohort --shard k/$TASKS)"
submitted=$SECONDS
sbatch --wait --chdir="$repo" "$work/shard.sbatch"
say "job array finished in $((SECONDS - submitted)) s"
for k in $(seq "$TASKS"); do
  [ -s "$work/out/part-$k.json" ] || { echo "slurm-shards: task $k wrote no shard" >&2; exit 1; }
done

# 5. Merge and compare with the single run.
say "merging and running the same trial in one piece"
node "$work/bin/merge.mjs" "$work"/out/part-*.json >"$work/merged.json"
node "$work/bin/cohort.mjs" "$QUERY" >"$work/single.json"
if cmp -s "$work/merged.json" "$work/single.json"; then
  say "OK: $TASKS shards merged == one run, byte for byte ($(wc -c <"$work/single.json") bytes); total $((SECONDS - t0)) s"
else
  echo "slurm-shards: the merged output differs from the single run" >&2
  cmp "$work/merged.json" "$work/single.json" >&2 || true
  exit 1
fi
