# Sourced by ./nst and nst-examples/run: the JVM and C library settings a run starts with. Why each
# one, and what it was measured to change, is in nst-examples/BENCHMARKS.md ("JVM and malloc settings").
# glibc keeps oneDNN's large per-call blocks instead of returning them to the kernel every step;
# other C libraries ignore the variable. An existing GLIBC_TUNABLES is left as it is.
export GLIBC_TUNABLES="${GLIBC_TUNABLES:-glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456:glibc.malloc.arena_max=1}"
# OpenMP threads (libnd4j's) that wait for work sleep instead of spinning: beside any other busy
# process, spinning threads took the cores the computation needed (a training step took 2-5x longer).
# An existing OMP_WAIT_POLICY is left as it is.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
# The JIT's first tier only: C2's compiler threads would compete with the computation for the cores.
NST_JIT_OPTS="-XX:TieredStopAtLevel=1"
