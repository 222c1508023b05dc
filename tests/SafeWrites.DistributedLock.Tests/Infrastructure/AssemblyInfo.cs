using Xunit;

// The tests share one PostgreSQL server, start child processes and wait on timeouts;
// on a 2-core machine running classes side by side would make the timing ones flaky.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
