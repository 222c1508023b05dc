using SafeWrites;

namespace LockLoop;

/// <summary>A counter file that threads and processes increment under a lock file.</summary>
public static class Counter
{
    public static int Increment(string counterPath, TimeSpan timeout)
    {
        // FileLock waits on a monotonic clock, and a lock whose holder died is released by the OS.
        using (FileLock.Acquire(counterPath + ".lock", timeout))
        {
            var value = File.Exists(counterPath) ? int.Parse(File.ReadAllText(counterPath)) : 0;
            value++;
            AtomicFile.WriteAllText(counterPath, value.ToString());
            return value;
        }
    }
}
