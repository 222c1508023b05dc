using Xunit;

// The lock timing, crash and thread-pool tests measure time and change process-wide settings;
// running test classes side by side on a 2-core machine would make them flaky.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
